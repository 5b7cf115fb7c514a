// Proves the harness itself: Debian's Chromium launches, the built fixture page loads from the
// local server, and touch (CDP), mouse and wheel input reach it and scroll natively.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, type Browser } from '../harness/chromium';
import { Touchscreen, frames } from '../harness/touch';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function openSmoke() {
  const opened = await browser.open();
  await opened.page.goto(`${inject('fixturesUrl')}smoke.html`);
  await opened.page.waitForFunction(() => window.smoke !== undefined);
  return opened;
}

const scrollTop = (page: import('playwright-core').Page) =>
  page.$eval('#list', (el) => el.scrollTop);
const counts = (page: import('playwright-core').Page) => page.evaluate(() => window.smoke.counts);

describe('input pipeline (no engine)', () => {
  it('a CDP touch swipe delivers touch events and scrolls the list natively', async () => {
    const { page, problems } = await openSmoke();
    const touch = await Touchscreen.enable(page);
    expect(await page.evaluate(() => navigator.maxTouchPoints)).toBeGreaterThan(0);
    await touch.drag({ x: 180, y: 350 }, { x: 180, y: 100 }, { steps: 12, holdFrames: 3 });
    await frames(page, 3);
    const c = await counts(page);
    expect(c.touchstart).toBe(1);
    expect(c.touchmove).toBeGreaterThan(3);
    expect(c.touchend).toBe(1);
    expect(await scrollTop(page)).toBeGreaterThan(100);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the mouse wheel scrolls the list and mouse buttons give pointer events', async () => {
    const { page, problems } = await openSmoke();
    await page.mouse.move(180, 200);
    await page.mouse.wheel(0, 300);
    await page.waitForFunction(() => (document.getElementById('list') as HTMLElement).scrollTop > 0);
    await page.mouse.down();
    await page.mouse.move(180, 250, { steps: 5 });
    await page.mouse.up();
    const c = await counts(page);
    expect(c.wheel).toBeGreaterThan(0);
    expect(c.pointerdown).toBe(1);
    expect(c.pointermove).toBeGreaterThanOrEqual(5);
    expect(c.pointerup).toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  });
});
