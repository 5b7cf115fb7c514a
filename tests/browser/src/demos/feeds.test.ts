// The load-more and whole-page pages on the three built demos, with real touch. #/endless:
// scrolling to the end loads older posts (the engine's loadMore with nearEnd) until there are no
// more, and a pull down at the top still refreshes. #/page: the engine drives the document's own
// scroller; a pull from the top of the page refreshes, one mid-page scrolls, and leaving the page
// gives the browser its own overscroll back.
import { describe, expect, inject } from 'vitest';
import type { EnginePage } from '../harness/driver';
import { DEMOS, PHONE, box, byTestId, countOf, openDemo, pullPoints, recordStates, statesOf, waitIdle, type DemoName } from '../harness/demo';
import { inEachEngine } from '../harness/matrix';

type Page = EnginePage;

const FIRST_PAGE = 10;
const PAGE = 10;
const PAGES = 4; // older pages after the first (apps/shared OLDER_PAGES)
const LONG = 480;

const urlOf = (demo: DemoName) => {
  const url = inject('demoUrls')[demo];
  if (!url) throw new Error(`apps/${demo}-demo is missing or did not build`);
  return url;
};

/** Records every data-tensile-load-more value of the endless list from now on. */
async function recordLoadMore(page: Page) {
  await page.evaluate(() => {
    const el = document.querySelector('[data-testid="endless-scroller"]')!;
    const log = [el.getAttribute('data-tensile-load-more') ?? ''];
    (window as unknown as { loadMoreStates: string[] }).loadMoreStates = log;
    new MutationObserver(() => {
      const state = el.getAttribute('data-tensile-load-more') ?? '';
      if (log[log.length - 1] !== state) log.push(state);
    }).observe(el, { attributes: true, attributeFilter: ['data-tensile-load-more'] });
  });
}

/** Flings the list upwards with the finger (real touch scrolling), as a reader heads for the end. */
async function swipeUp(page: Page) {
  const b = await box(page, 'endless-scroller');
  const x = b.x + b.width / 2;
  await page.touch.drag({ x, y: b.y + b.height - 30 }, { x, y: b.y + 30 }, { steps: 8, holdFrames: 1 });
  await page.frames(3);
}

/** Waits until the endless list's scroll position holds over 5 frames (no fling left). */
async function scrollStill(page: Page) {
  const scrollTop = () => page.$eval(byTestId('endless-scroller'), (el) => el.scrollTop);
  for (let before = await scrollTop(); ; ) {
    await page.frames(5);
    const now = await scrollTop();
    if (now === before) return;
    before = now;
  }
}

/** The page scroller's engine state, overscroll-behavior on html and body, and the page's scroll. */
const pageInfo = (page: Page) => page.evaluate(() => ({
  state: document.documentElement.getAttribute('data-tensile-state'),
  html: getComputedStyle(document.documentElement).overscrollBehaviorY,
  body: getComputedStyle(document.body).overscrollBehaviorY,
  scrollTop: document.scrollingElement!.scrollTop,
  scrollable: document.scrollingElement!.scrollHeight > innerHeight * 2,
}));

inEachEngine((engine) => {
describe.each(DEMOS)('%s demo: endless feed and whole-page pull', (demo) => {
  engine.test('scrolling to the end loads older posts page by page until all caught up; a pull at the top refreshes', {
    needs: ['touch'],
  }, async () => {
    const { page, touch, problems } = await openDemo(engine.browser, urlOf(demo), 'endless', 'endless-scroller');
    expect(await countOf(page, 'feed-item')).toBe(FIRST_PAGE);
    await recordLoadMore(page);
    for (let loaded = 1; loaded <= PAGES; loaded++) {
      // Swipe until the next page is in (the engine starts it within nearEnd of the end).
      for (let swipes = 0; (await countOf(page, 'feed-item')) < FIRST_PAGE + loaded * PAGE; swipes++) {
        expect(swipes, `page ${loaded}`).toBeLessThan(40);
        await swipeUp(page);
      }
    }
    await page.waitForFunction(() => document.querySelector('[data-testid="endless-scroller"]')?.getAttribute('data-tensile-load-more') === 'done');
    expect(await page.textContent(byTestId('endless-status'))).toContain('You’re all caught up');
    const states = await page.evaluate(() => (window as unknown as { loadMoreStates: string[] }).loadMoreStates);
    expect(states.filter((s) => s === 'loading')).toHaveLength(PAGES);
    expect(states[states.length - 1]).toBe('done');
    // More swipes at the end load nothing.
    await swipeUp(page);
    await page.frames(10);
    expect(await countOf(page, 'feed-item')).toBe(FIRST_PAGE + PAGES * PAGE);

    // Back to the top once the last swipe's fling has stopped, and a pull down refreshes (3 new
    // posts on top). A fling still running would scroll the list away under the pull.
    await waitIdle(page, 'endless-scroller');
    await scrollStill(page);
    await page.$eval(byTestId('endless-scroller'), (el) => el.scrollTo(0, 0));
    await scrollStill(page);
    expect(await page.$eval(byTestId('endless-scroller'), (el) => el.scrollTop)).toBe(0);
    await recordStates(page, 'endless-scroller');
    const [from, to] = await pullPoints(page, 'endless-scroller', LONG);
    await touch.drag(from, to, { steps: 24, holdFrames: 3 });
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="feed-item"]').length >= n, FIRST_PAGE + PAGES * PAGE + 3);
    await waitIdle(page, 'endless-scroller');
    expect((await statesOf(page, 'endless-scroller')).filter((s) => s === 'refreshing')).toHaveLength(1);
    expect(problems).toEqual([]);
    await page.close();
  });

  engine.test('a pull from the top of the page refreshes, one mid-page scrolls, and leaving gives the browser its overscroll back', { needs: ['touch'] }, async () => {
    const page = await engine.browser.open(PHONE);
    const problems = page.problems;
    await page.touch.enable();
    await page.goto(`${urlOf(demo)}#/page`);
    await page.waitForSelector('html[data-tensile-state]');
    expect(await pageInfo(page)).toMatchObject({ state: 'idle', html: 'none', body: 'none', scrollable: true });
    const before = await countOf(page, 'feed-item');
    const x = PHONE.width / 2;

    // Mid-page, a downward swipe scrolls the page back up and refreshes nothing.
    await page.evaluate(() => document.scrollingElement!.scrollTo(0, 600));
    await page.frames(2);
    await page.touch.drag({ x, y: 300 }, { x, y: 500 }, { steps: 10, holdFrames: 3 });
    await page.frames(5);
    const scrolled = await pageInfo(page);
    expect(scrolled.scrollTop).toBeLessThan(600);
    expect(scrolled.scrollTop).toBeGreaterThan(0);
    expect(await countOf(page, 'feed-item')).toBe(before);

    // From the top, a long pull refreshes once.
    await page.evaluate(() => document.scrollingElement!.scrollTo(0, 0));
    await page.frames(2);
    await page.evaluate(() => {
      const log = ['idle'];
      (window as unknown as { pageStates: string[] }).pageStates = log;
      new MutationObserver(() => {
        const state = document.documentElement.getAttribute('data-tensile-state') ?? '';
        if (log[log.length - 1] !== state) log.push(state);
      }).observe(document.documentElement, { attributes: true, attributeFilter: ['data-tensile-state'] });
    });
    const from = { x, y: 260 };
    await page.touch.drag(from, { x, y: Math.min(from.y + LONG, PHONE.height - 4) }, { steps: 24, holdFrames: 3, keepDown: true });
    await expect.poll(() => page.textContent(byTestId('page-status'))).toBe('Release to refresh');
    await page.touch.end();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="feed-item"]').length >= n, before + 3);
    await page.waitForFunction(() => document.documentElement.getAttribute('data-tensile-state') === 'idle');
    expect(await countOf(page, 'feed-item')).toBe(before + 3);
    expect(await page.textContent(byTestId('page-status'))).toBe('Updated: 3 new posts');
    const states = await page.evaluate(() => (window as unknown as { pageStates: string[] }).pageStates);
    expect(states.filter((s) => s === 'refreshing')).toHaveLength(1);

    // Another page: the engine lets go of the document.
    await page.click(`${byTestId('nav')} a[href="#/feed"]`);
    await page.waitForSelector(`${byTestId('feed-scroller')}[data-tensile-state]`);
    const released = await pageInfo(page);
    expect(released.state).toBeNull();
    expect(released.html).not.toBe('none');
    expect(released.body).not.toBe('none');
    expect(problems).toEqual([]);
    await page.close();
  });
});
});
