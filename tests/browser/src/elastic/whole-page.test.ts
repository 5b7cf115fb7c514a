// Whole-page pull in Chromium on a phone viewport with real touch (CDP): the engine on
// document.scrollingElement of a long page refreshes once and settles, turns off the browser's own
// pull-to-refresh and overscroll glow (overscroll-behavior on html and body) while attached, and
// after detach the page's original inline styles are back. No wall-clock assertions.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { launchChromium, type Browser } from '../harness/chromium';
import { Touchscreen, frames } from '../harness/touch';

const PHONE = { width: 390, height: 844 };

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

type PageFixture = { engine: import('@tensile/core/elastic').ElasticEngine; refreshes: number; states: string[]; snapshot(): { state: string; offset: number; edge: string | null } };

const styles = (page: Page) =>
  page.evaluate(() => ({
    htmlStyle: document.documentElement.getAttribute('style'),
    bodyStyle: document.body.getAttribute('style'),
    htmlOverscroll: getComputedStyle(document.documentElement).overscrollBehaviorY,
    bodyOverscroll: getComputedStyle(document.body).overscrollBehaviorY,
    state: document.documentElement.getAttribute('data-tensile-state'),
    scrollY: window.scrollY,
  }));

describe('whole-page pull to refresh (touch, phone viewport)', () => {
  it('a pull at the top of a long page refreshes once and settles; detach gives the page its styles back', async () => {
    const { page, problems } = await browser.open(PHONE);
    await page.goto(`${inject('fixturesUrl')}whole-page.html`);
    await page.waitForFunction(() => 'pageFixture' in window);
    const touch = await Touchscreen.enable(page);
    const found = { htmlStyle: 'scroll-behavior: auto; overscroll-behavior-y: auto;', bodyStyle: 'background: white;' };

    const attached = await styles(page);
    expect(attached).toMatchObject({ htmlOverscroll: 'none', bodyOverscroll: 'none', state: 'idle', scrollY: 0 });
    // A long page: the document itself scrolls.
    expect(await page.evaluate(() => document.scrollingElement!.scrollHeight)).toBeGreaterThan(PHONE.height * 4);

    await touch.drag({ x: 195, y: 120 }, { x: 195, y: 640 }, { steps: 26, holdFrames: 4, keepDown: true });
    const held = await page.evaluate(() => (window as unknown as { pageFixture: PageFixture }).pageFixture.snapshot());
    expect(held).toMatchObject({ state: 'ready', edge: 'top' });
    // The page did not scroll or bounce natively under the pull: the engine held it.
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await touch.end();
    await page.waitForFunction(() => (window as unknown as { pageFixture: PageFixture }).pageFixture.refreshes === 1);
    await page.waitForFunction(() => {
      const s = (window as unknown as { pageFixture: PageFixture }).pageFixture.snapshot();
      return s.state === 'idle' && s.offset === 0;
    });
    await frames(page, 3);
    const after = await page.evaluate(() => {
      const f = (window as unknown as { pageFixture: PageFixture }).pageFixture;
      return { refreshes: f.refreshes, states: [...f.states], bodyTransform: document.body.style.transform };
    });
    expect(after.refreshes).toBe(1);
    expect(after.states).toEqual(['idle', 'pulling', 'ready', 'refreshing', 'complete', 'idle']);
    expect(after.bodyTransform).toBe('');

    // Scrolled down, a pull down scrolls the page natively and never refreshes.
    await touch.drag({ x: 195, y: 700 }, { x: 195, y: 200 }, { steps: 12 });
    await frames(page, 10);
    const scrolled = await page.evaluate(() => window.scrollY);
    expect(scrolled).toBeGreaterThan(100);
    await touch.drag({ x: 195, y: 200 }, { x: 195, y: 260 }, { steps: 6 });
    await frames(page, 10);
    expect(await page.evaluate(() => (window as unknown as { pageFixture: PageFixture }).pageFixture.refreshes)).toBe(1);

    await page.evaluate(() => (window as unknown as { pageFixture: PageFixture }).pageFixture.engine.destroy());
    const detached = await styles(page);
    expect(detached).toMatchObject({ ...found, htmlOverscroll: 'auto', bodyOverscroll: 'auto', state: null });
    expect(problems).toEqual([]);
    await page.close();
  });
});
