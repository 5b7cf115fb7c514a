// Proves the trace analysis (src/harness/trace.ts) that the engine's "no forced layout during a
// drag" test relies on: it must count the forced layouts of a listener that thrashes layout,
// and none for passive listeners that only count. Chromium's DevTools protocol only.
import { expect, inject } from 'vitest';
import type { EngineBrowser } from '../harness/driver';
import { chromiumOf } from '../harness/fixture';
import { inEachEngine } from '../harness/matrix';
import { dragCost, startTrace } from '../harness/trace';

async function tracedSwipe(browser: EngineBrowser, query: string) {
  const page = chromiumOf(await browser.open({ width: 400, height: 720 }));
  await page.goto(`${inject('fixturesUrl')}smoke.html${query}`);
  await page.waitForFunction(() => window.smoke !== undefined);
  const stop = await startTrace(page.cdp);
  await page.touch.drag({ x: 180, y: 350 }, { x: 180, y: 100 }, { steps: 10 });
  const cost = dragCost(await stop(), 'touchmove');
  await page.close();
  return cost;
}

inEachEngine((engine) => {
  engine.test('trace analysis sees every touchmove dispatch and no forced layout from counting listeners', { needs: ['devtools', 'touch'] }, async () => {
    const cost = await tracedSwipe(engine.browser, '');
    expect(cost.handlerMs.length).toBeGreaterThanOrEqual(5);
    expect(cost.forcedLayouts).toBe(0);
  });

  engine.test('trace analysis counts the forced layouts of a listener that writes then reads layout', { needs: ['devtools', 'touch'] }, async () => {
    const cost = await tracedSwipe(engine.browser, '?thrash=1');
    expect(cost.forcedLayoutsAfterFirstMove).toBeGreaterThanOrEqual(4);
  });
});
