// The demos as a product page: the threshold line a pull crosses, one status, keyboard hints only
// where there is a keyboard, a layout that uses a desktop's width, dark mode on every control, tabs
// that fit a narrow frame, a snippet per page in the framework's idiom, and the three demos the
// same in content and test ids.
import { describe, expect, inject } from 'vitest';
import type { EnginePage } from '../harness/driver';
import { DEMOS, PHONE, byTestId, openDemo, pullPoints, waitIdle, withoutWebglFallback, type DemoName } from '../harness/demo';
import { inEachEngine } from '../harness/matrix';

type Page = EnginePage;

const DESKTOP = { width: 1280, height: 800 };
/** About the width of a demo's frame on the index page (three cards in a 1180 px grid). */
const NARROW_FRAME = { width: 340, height: 560 };
const ROUTES = ['feed', 'endless', 'page', 'edges', 'carousel', 'nested', 'curves', 'lab'];
// The demos use the native defaults: 120 px of finger travel arms a refresh (about 60 px shown); 90 px shows about 46.
const LONG = 480;
const SHORT = 90;


const urlOf = (demo: DemoName) => {
  const url = inject('demoUrls')[demo];
  if (!url) throw new Error(`apps/${demo}-demo is missing or did not build`);
  return url;
};

async function goTo(page: Page, base: string, route: string) {
  await page.goto(`${base}#/${route}`);
  await page.waitForFunction((id) => document.querySelector(`nav a[aria-current="page"][href="#/${id}"]`) !== null, route);
  if (route === 'curves' || route === 'lab') await page.waitForSelector(`${byTestId('curve-plot')} canvas`);
  await page.frames(2);
}

/** Where the content's top edge is against the threshold line, and how the line is drawn. */
const lineAndContent = (page: Page, list: string) => page.evaluate((id) => {
  const scroller = document.querySelector(`[data-testid="${id}"]`)!;
  const line = scroller.querySelector('[data-testid="ptr-threshold"]')!;
  const content = scroller.querySelector('.elastic-content')!;
  return {
    lineTop: line.getBoundingClientRect().top,
    contentTop: content.getBoundingClientRect().top,
    style: getComputedStyle(line).borderTopStyle,
    visible: line.getBoundingClientRect().width > 100,
  };
}, list);

inEachEngine((engine) => {
describe.each(DEMOS)('%s demo: showcase', (demo) => {
  engine.test('the threshold is a line: a short pull stops above it (dashed), a long one crosses it (solid, ready)', { needs: ['touch-events'] }, async () => {
    const { page, touch, problems } = await openDemo(engine.browser, urlOf(demo), 'feed', 'feed-scroller');
    const [from, shortTo] = await pullPoints(page, 'feed-scroller', SHORT);
    await touch.drag(from, shortTo, { steps: 8, holdFrames: 3, keepDown: true });
    const short = await lineAndContent(page, 'feed-scroller');
    expect(short.visible).toBe(true);
    expect(short.contentTop).toBeLessThan(short.lineTop);
    expect(short.style).toBe('dashed');
    await touch.end();
    await waitIdle(page, 'feed-scroller');

    const [, longTo] = await pullPoints(page, 'feed-scroller', LONG);
    await touch.drag(from, longTo, { steps: 24, holdFrames: 3, keepDown: true });
    await expect.poll(() => page.getAttribute('.ptr-indicator', 'data-state')).toBe('ready');
    const long = await lineAndContent(page, 'feed-scroller');
    expect(long.contentTop).toBeGreaterThanOrEqual(long.lineTop);
    expect(long.style).toBe('solid');
    await touch.end();
    await waitIdle(page, 'feed-scroller');
    expect(withoutWebglFallback(page, problems)).toEqual([]);
    await page.close();
  });

  engine.test('one status: the indicator has no words, and the page has one live region', { needs: ['touch-events'] }, async () => {
    const { page, touch, problems } = await openDemo(engine.browser, urlOf(demo), 'feed', 'feed-scroller');
    const [from, to] = await pullPoints(page, 'feed-scroller', LONG);
    await touch.drag(from, to, { steps: 24, holdFrames: 3, keepDown: true });
    await expect.poll(() => page.textContent(byTestId('feed-status'))).toBe('Release to refresh');
    expect((await page.textContent('.ptr-indicator'))?.trim()).toBe('');
    expect(await page.count('[aria-live], [role="status"], [role="alert"]')).toBe(1);
    await touch.end();
    await waitIdle(page, 'feed-scroller');
    expect(withoutWebglFallback(page, problems)).toEqual([]);
    await page.close();
  });

  engine.test('keyboard hints show with a mouse and hide on a touch screen', { needs: ['coarse-pointer'] }, async () => {
    const touchPage = await openDemo(engine.browser, urlOf(demo), 'feed', 'feed-scroller');
    expect(await touchPage.page.evaluate(() => matchMedia('(pointer: coarse)').matches)).toBe(true);
    expect(await touchPage.page.isVisible(byTestId('keyboard-hint'))).toBe(false);
    const statusText = (await touchPage.page.textContent(byTestId('feed-status'))) ?? '';
    expect(statusText).not.toMatch(/\bR\b|key/i);
    await touchPage.page.close();

    const page = await engine.browser.open(DESKTOP);
    const problems = page.problems;
    await goTo(page, urlOf(demo), 'feed');
    expect(await page.evaluate(() => matchMedia('(hover: hover) and (pointer: fine)').matches)).toBe(true);
    expect(await page.isVisible(byTestId('keyboard-hint'))).toBe(true);
    expect(await page.textContent(byTestId('keyboard-hint'))).toMatch(/press R/);
    expect(withoutWebglFallback(page, problems)).toEqual([]);
    await page.close();
  });

  engine.test('a desktop gets the width: a wide feed, the snippet beside the demo, the lab beside its plot', {}, async () => {
    const page = await engine.browser.open(DESKTOP);
    const problems = page.problems;
    await goTo(page, urlOf(demo), 'feed');
    const feed = await page.box(byTestId('feed-scroller'));
    const snippet = await page.box(byTestId('snippet'));
    expect(feed!.width).toBeGreaterThan(700);
    expect(snippet!.x).toBeGreaterThanOrEqual(feed!.x + feed!.width);
    expect(await page.isVisible(byTestId('snippet-code'))).toBe(true);

    await goTo(page, urlOf(demo), 'lab');
    const input = await page.box('.lab-input');
    const plot = await page.box('.lab-plots');
    expect(plot!.x).toBeGreaterThanOrEqual(input!.x + input!.width);
    expect(Math.abs(plot!.y - input!.y)).toBeLessThan(2);
    expect(withoutWebglFallback(page, problems)).toEqual([]);
    await page.close();
  });

  engine.test('dark mode styles every control, the file button included', { needs: ['color-scheme'] }, async () => {
    const page = await engine.browser.open(DESKTOP, { colorScheme: 'dark' });
    const problems = page.problems;
    await goTo(page, urlOf(demo), 'lab');
    const backgrounds = await page.evaluate(() => {
      const controls = [...document.querySelectorAll('main select, main input:not([type="checkbox"]):not([type="file"]), main textarea, main .button.secondary')];
      const rows = controls.map((el) => [el.outerHTML.slice(0, 60), getComputedStyle(el).backgroundColor]);
      const file = document.querySelector('main input[type="file"]')!;
      rows.push(['::file-selector-button', getComputedStyle(file, '::file-selector-button').backgroundColor]);
      return rows;
    });
    // Relative luminance (sRGB) of each background: the light defaults are above 0.8, our dark surfaces below 0.05.
    const luminance = (rgb: string) => {
      const [r, g, b] = (rgb.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => Number(v) / 255)
        .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    expect(backgrounds.length).toBeGreaterThanOrEqual(6);
    expect(backgrounds.filter(([, bg]) => luminance(bg) > 0.1)).toEqual([]);
    expect(withoutWebglFallback(page, problems)).toEqual([]);
    await page.close();
  });

  engine.test('in a frame as narrow as the index page’s, every tab is fully visible', {}, async () => {
    const page = await engine.browser.open(NARROW_FRAME);
    const problems = page.problems;
    await goTo(page, urlOf(demo), 'feed');
    const clipped = await page.evaluate((sel) => [...document.querySelectorAll(sel)]
      .map((a) => ({ text: a.textContent, rect: a.getBoundingClientRect() }))
      .filter(({ rect }) => rect.left < 0 || rect.right > innerWidth || rect.width < 20)
      .map(({ text }) => text), `${byTestId('nav')} a`);
    expect(clipped).toEqual([]);
    expect(withoutWebglFallback(page, problems)).toEqual([]);
    await page.close();
  });

  engine.test('every page has a snippet in this framework’s idiom', {}, async () => {
    const page = await engine.browser.open(PHONE);
    const problems = page.problems;
    const idiom = { react: /from '@tensile\/react'/, vue: /v-elastic=|useElastic\(|<PullToRefresh/, svelte: /use:elastic|use:pull\.action|elastic\(document|<PullToRefresh/ }[demo];
    for (const route of ROUTES) {
      await goTo(page, urlOf(demo), route);
      expect(await page.textContent(byTestId('snippet-code')), route).toMatch(idiom);
    }
    expect(withoutWebglFallback(page, problems)).toEqual([]);
    await page.close();
  });
});

describe('the three demos', () => {
  engine.test('render the same content and test ids on every page (the snippet and the framework name aside)', {}, async () => {
    const page = await engine.browser.open(PHONE);
    const problems = page.problems;
    const seen: Record<string, Record<DemoName, string>> = {};
    for (const demo of DEMOS) {
      for (const route of ROUTES) {
        await goTo(page, urlOf(demo), route);
        const digest = await page.evaluate(() => {
          const ids = [...document.querySelectorAll('[data-testid]')].map((el) => el.getAttribute('data-testid')).sort();
          const main = document.querySelector('main')!.cloneNode(true) as HTMLElement;
          main.querySelector('[data-testid="snippet"]')?.remove();
          // A textarea's text: its value (React also writes it as the element's content, the others do not).
          for (const area of main.querySelectorAll('textarea')) area.textContent = '';
          const values = [...document.querySelectorAll('main textarea, main input, main select')].map((el) => (el as HTMLInputElement).value);
          // Whitespace between elements differs by framework (Vue keeps template newlines), words do not.
          return `${[...new Set(ids)].join(' ')}\n${values.join('|')}\n${(main.textContent ?? '').replace(/\s+/g, '')}`;
        });
        (seen[route] ??= {} as Record<DemoName, string>)[demo] = digest;
      }
    }
    for (const route of ROUTES) {
      expect(seen[route].vue, route).toBe(seen[route].react);
      expect(seen[route].svelte, route).toBe(seen[route].react);
    }
    expect(withoutWebglFallback(page, problems)).toEqual([]);
    await page.close();
  });
});
});
