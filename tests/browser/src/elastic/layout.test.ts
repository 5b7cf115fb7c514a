// "No jank from layout-affecting animation": during a real drag the engine's listeners must not
// force a synchronous layout after the first move (it may measure once at the gesture start),
// and the content moves by transform only. Counts from a Chromium trace; no times asserted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type Browser } from '../harness/chromium';
import { openFixture, waitForRest } from '../harness/fixture';
import { Touchscreen } from '../harness/touch';
import { dragCost, startTrace } from '../harness/trace';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('layout work during a drag', () => {
  for (const [label, page, query] of [
    ['content mode', 'feed', ''],
    ['indicator mode', 'sticky', ''],
  ] as const) {
    it(`${label}: no forced layout in touchmove listeners after the first move`, async () => {
      const f = await openFixture(browser, page, query);
      const touch = await Touchscreen.enable(f.page);
      const stop = await startTrace(touch.cdp);
      await touch.drag({ x: 180, y: 40 }, { x: 180, y: 560 }, { steps: 24, holdFrames: 2 });
      const cost = dragCost(await stop(), 'touchmove');
      await waitForRest(f.page);
      expect(cost.handlerMs.length).toBeGreaterThanOrEqual(12);
      expect(cost.forcedLayoutsAfterFirstMove).toBe(0);
      expect(f.problems).toEqual([]);
    });
  }

  it('the spring back runs without forced layouts from its animation frames', async () => {
    const f = await openFixture(browser, 'feed');
    const touch = await Touchscreen.enable(f.page);
    await touch.drag({ x: 180, y: 40 }, { x: 180, y: 200 }, { steps: 12, keepDown: true });
    const stop = await startTrace(touch.cdp);
    await touch.end();
    await waitForRest(f.page);
    const cost = dragCost(await stop(), 'touchend');
    expect(cost.handlerMs.length).toBe(1); // the trace found the renderer's main thread
    expect(cost.forcedLayouts).toBe(0);
  });
});
