// Load more at the bottom of a list in Chromium with real touch (CDP Input.dispatchTouchEvent) on
// a phone viewport: a pull up past the threshold at the end loads once and settles, nearEnd loads
// while the finger scrolls natively, and the top still refreshes. No wall-clock assertions.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { launchChromium, type Browser } from '../harness/chromium';
import { Touchscreen, frames } from '../harness/touch';

const PHONE = { width: 390, height: 844 };

interface LoadMoreView {
  loads: number;
  refreshes: number;
  rows: number;
  loadStates: string[];
  states: string[];
  state: string;
  edge: string | null;
  offset: number;
  loadMore: string;
  attribute: string | null;
  ariaBusy: string | null;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function open(query = '') {
  const { page, problems } = await browser.open(PHONE);
  await page.goto(`${inject('fixturesUrl')}load-more.html${query ? `?${query}` : ''}`);
  await page.waitForFunction(() => 'loadMoreFixture' in window);
  const touch = await Touchscreen.enable(page);
  return { page, problems, touch };
}

const read = (page: Page): Promise<LoadMoreView> =>
  page.evaluate(() => {
    const f = (window as unknown as { loadMoreFixture: { loads: number; refreshes: number; rows(): number; loadStates: string[]; states: string[]; snapshot(): { state: string; edge: string | null; offset: number; loadMore: string } } }).loadMoreFixture;
    const s = f.snapshot();
    const scroller = document.getElementById('scroller')!;
    return {
      loads: f.loads,
      refreshes: f.refreshes,
      rows: f.rows(),
      loadStates: [...f.loadStates],
      states: [...f.states],
      state: s.state,
      edge: s.edge,
      offset: s.offset,
      loadMore: s.loadMore,
      attribute: scroller.getAttribute('data-tensile-load-more'),
      ariaBusy: scroller.getAttribute('aria-busy'),
    };
  });

const settled = (page: Page) =>
  page.waitForFunction(() => {
    const s = (window as unknown as { loadMoreFixture: { snapshot(): { state: string; offset: number; loadMore: string } } }).loadMoreFixture.snapshot();
    return s.state === 'idle' && s.offset === 0 && s.loadMore === 'idle';
  });

const scrollToEnd = (page: Page) => page.$eval('#scroller', (el) => el.scrollTo(0, el.scrollHeight));

describe('load more at the bottom (touch, phone viewport)', () => {
  it('a pull up past the threshold at the end shows ready, loads once on release, appends and settles', async () => {
    const { page, touch, problems } = await open();
    await scrollToEnd(page);
    await frames(page, 2);
    await touch.drag({ x: 180, y: 560 }, { x: 180, y: 40 }, { steps: 26, holdFrames: 4, keepDown: true });
    const held = await read(page);
    expect(held).toMatchObject({ state: 'ready', edge: 'bottom', loadMore: 'idle' });
    expect(held.offset).toBeGreaterThan(60);
    await touch.end();
    await page.waitForFunction(() => (window as unknown as { loadMoreFixture: { loads: number } }).loadMoreFixture.loads === 1);
    await settled(page);
    const after = await read(page);
    expect(after.loads).toBe(1);
    expect(after.refreshes).toBe(0);
    expect(after.rows).toBe(40);
    expect(after.loadStates).toEqual(['idle', 'loading', 'complete', 'idle']);
    expect(after.attribute).toBe('idle');
    expect(after.ariaBusy).toBeNull();
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a short pull at the end springs back without loading', async () => {
    const { page, touch, problems } = await open();
    await scrollToEnd(page);
    await frames(page, 2);
    await touch.drag({ x: 180, y: 560 }, { x: 180, y: 460 }, { steps: 10, holdFrames: 4 });
    await settled(page);
    const after = await read(page);
    expect(after.loads).toBe(0);
    expect(after.states).toContain('pulling');
    expect(after.loadStates).toEqual(['idle']);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('nearEnd: native scrolling by finger towards the end loads once, without an overscroll pull', async () => {
    const { page, touch, problems } = await open('nearEnd=300');
    const before = await read(page);
    expect(before.loads).toBe(0);
    // Drags up in the middle of the list: the browser scrolls natively (nothing is held there).
    for (let i = 0; i < 8 && (await read(page)).loads === 0; i++) {
      await touch.drag({ x: 180, y: 520 }, { x: 180, y: 120 }, { steps: 12, holdFrames: 2 });
      await frames(page, 4);
    }
    await page.waitForFunction(() => (window as unknown as { loadMoreFixture: { loads: number } }).loadMoreFixture.loads >= 1);
    await settled(page);
    const after = await read(page);
    expect(after.loads).toBe(1);
    expect(after.states).not.toContain('ready');
    expect(after.rows).toBe(40);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('on the same list the top still refreshes once, and detach mid-load aborts it and leaves the list as found', async () => {
    const { page, touch, problems } = await open();
    await touch.drag({ x: 180, y: 40 }, { x: 180, y: 560 }, { steps: 26, holdFrames: 4 });
    await page.waitForFunction(() => (window as unknown as { loadMoreFixture: { refreshes: number } }).loadMoreFixture.refreshes === 1);
    await settled(page);
    expect((await read(page)).loads).toBe(0);
    const aborted = await page.evaluate(async () => {
      const f = (window as unknown as { loadMoreFixture: { engine: import('@tensile/core/elastic').ElasticEngine } }).loadMoreFixture;
      const running = f.engine.loadMore();
      f.engine.detach();
      await running;
      const scroller = document.getElementById('scroller')!;
      return { style: scroller.getAttribute('style') ?? '', attribute: scroller.getAttribute('data-tensile-load-more'), loadMore: f.engine.getSnapshot().loadMore };
    });
    expect(aborted).toEqual({ style: '', attribute: null, loadMore: 'idle' });
    // The aborted load appended nothing.
    await frames(page, 3);
    expect((await read(page)).rows).toBe(30);
    expect(problems).toEqual([]);
    await page.close();
  });
});
