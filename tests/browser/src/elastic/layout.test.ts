// "No jank from layout-affecting animation": during a real drag the engine's listeners must not
// force a synchronous layout after the first move (it may measure once at the gesture start),
// and the content moves by transform only. Counts from a Chromium trace; no times asserted.
import { expect } from 'vitest';
import { chromiumOf, openFixture, waitForRest } from '../harness/fixture';
import { inEachEngine } from '../harness/matrix';
import { dragCost, startTrace } from '../harness/trace';

inEachEngine((engine) => {
  // 'layout work during a drag'
  for (const [label, page, query] of [
    ['content mode', 'feed', ''],
    ['indicator mode', 'sticky', ''],
  ] as const) {
    engine.test(`${label}: no forced layout in touchmove listeners after the first move`, { needs: ['devtools', 'touch'] }, async () => {
      const f = await openFixture(engine.browser, page, query);
      const touch = chromiumOf(f.page).touch;
      const stop = await startTrace(touch.cdp);
      await touch.drag({ x: 180, y: 40 }, { x: 180, y: 560 }, { steps: 24, holdFrames: 2 });
      const cost = dragCost(await stop(), 'touchmove');
      await waitForRest(f.page);
      expect(cost.handlerMs.length).toBeGreaterThanOrEqual(12);
      expect(cost.forcedLayoutsAfterFirstMove).toBe(0);
      expect(f.problems).toEqual([]);
    });
  }

  engine.test('the spring back runs without forced layouts from its animation frames', { needs: ['devtools', 'touch'] }, async () => {
    const f = await openFixture(engine.browser, 'feed');
    const touch = chromiumOf(f.page).touch;
    await touch.drag({ x: 180, y: 40 }, { x: 180, y: 200 }, { steps: 12, keepDown: true });
    const stop = await startTrace(touch.cdp);
    await touch.end();
    await waitForRest(f.page);
    const cost = dragCost(await stop(), 'touchend');
    expect(cost.handlerMs.length).toBe(1); // the trace found the renderer's main thread
    expect(cost.forcedLayouts).toBe(0);
  });
});
