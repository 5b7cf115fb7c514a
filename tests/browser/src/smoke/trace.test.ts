// Proves the trace analysis (src/harness/trace.ts) that the engine's "no forced layout during a
// drag" test relies on: it must count the forced layouts of a listener that thrashes layout,
// and none for passive listeners that only count.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, type Browser } from '../harness/chromium';
import { Touchscreen } from '../harness/touch';
import { dragCost, startTrace } from '../harness/trace';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function tracedSwipe(query: string) {
  const { page } = await browser.open();
  await page.goto(`${inject('fixturesUrl')}smoke.html${query}`);
  await page.waitForFunction(() => window.smoke !== undefined);
  const touch = await Touchscreen.enable(page);
  const stop = await startTrace(touch.cdp);
  await touch.drag({ x: 180, y: 350 }, { x: 180, y: 100 }, { steps: 10 });
  const cost = dragCost(await stop(), 'touchmove');
  await page.close();
  return cost;
}

describe('trace analysis', () => {
  it('sees every touchmove dispatch and no forced layout from counting listeners', async () => {
    const cost = await tracedSwipe('');
    expect(cost.handlerMs.length).toBeGreaterThanOrEqual(5);
    expect(cost.forcedLayouts).toBe(0);
  });

  it('counts the forced layouts of a listener that writes then reads layout', async () => {
    const cost = await tracedSwipe('?thrash=1');
    expect(cost.forcedLayoutsAfterFirstMove).toBeGreaterThanOrEqual(4);
  });
});
