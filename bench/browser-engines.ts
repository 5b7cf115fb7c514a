// The cross-engine half of `pnpm bench --only browser`: the same scripted touch pull in Chromium,
// Firefox and WebKit through the engine-neutral test driver (tests/browser/src/harness), measured
// from inside the page so every engine is measured the same way: the time of all touchmove
// listeners per event (a capturing window listener, first on the event's path, to a bubbling one,
// last) and the requestAnimationFrame deltas during the drag. No CPU throttling: it exists only in
// Chromium (DevTools protocol), so every row here is unthrottled and the engines compare with each
// other, not with the throttled Chromium table above. WebKit's touch is synthetic (events
// dispatched from script, no native scrolling): its rows time the listeners and the frames of a
// pull, not the browser's input pipeline. Reported, never asserted.
import { launchChromium } from '../tests/browser/src/harness/chromium';
import { PHONE, type DemoName } from '../tests/browser/src/harness/demo';
import type { EngineBrowser, EngineName, EnginePage, Point } from '../tests/browser/src/harness/driver';
import { launchFirefox } from '../tests/browser/src/harness/firefox';
import { launchWebKit } from '../tests/browser/src/harness/webkit';
import { table } from './measure';

const LAUNCHERS: Record<EngineName, () => Promise<EngineBrowser>> = { chromium: launchChromium, firefox: launchFirefox, webkit: launchWebKit };
/** Drags per row (the engines' launch and the machine's load vary more than a drag does). */
const RUNS = 3;

interface Row {
  name: string;
  server: 'fixtures' | DemoName;
  open(browser: EngineBrowser, baseUrl: string): Promise<{ page: EnginePage; from: Point; to: Point }>;
}

const fixtureRow = (name: string, file: string, from: Point, to: Point): Row => ({
  name,
  server: 'fixtures',
  async open(browser, baseUrl) {
    const page = await browser.open({ width: 400, height: 720 });
    await page.touch.enable();
    await page.goto(`${baseUrl}${file}`);
    await page.waitForFunction(() => 'fixture' in window || 'smoke' in window);
    return { page, from, to };
  },
});

const ROWS: Row[] = [
  fixtureRow('native scroll, no engine (smoke.html)', 'smoke.html', { x: 180, y: 360 }, { x: 180, y: 40 }),
  fixtureRow('elastic pull, content mode (feed.html)', 'feed.html', { x: 180, y: 40 }, { x: 180, y: 560 }),
  {
    name: 'react demo, feed pull',
    server: 'react',
    async open(browser, baseUrl) {
      const page = await browser.open(PHONE);
      await page.touch.enable();
      await page.goto(`${baseUrl}#/feed`);
      await page.waitForSelector('[data-testid="feed-scroller"][data-tensile-state]');
      const box = await page.box('[data-testid="feed-scroller"]');
      const from = { x: box.x + box.width / 2, y: box.y + 16 };
      return { page, from, to: { x: from.x, y: Math.min(from.y + 480, PHONE.height - 4) } };
    },
  },
];

interface Measured {
  listenerMs: number[];
  frameMs: number[];
}

async function measureDrag({ page, from, to }: { page: EnginePage; from: Point; to: Point }): Promise<Measured> {
  await page.evaluate(() => {
    const log = { listener: [] as number[], frames: [] as number[], started: 0, stop: false };
    (window as unknown as { benchLog: typeof log }).benchLog = log;
    addEventListener('touchmove', () => (log.started = performance.now()), { capture: true, passive: true });
    addEventListener('touchmove', () => log.listener.push(performance.now() - log.started), { passive: true });
    let last = 0;
    const tick = (time: number) => {
      if (last) log.frames.push(time - last);
      last = time;
      if (!log.stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.frames(3);
  await page.evaluate(() => ((window as unknown as { benchLog: { frames: number[] } }).benchLog.frames.length = 0));
  await page.touch.drag(from, to, { steps: 30, holdFrames: 3 });
  const measured = await page.evaluate(() => {
    const log = (window as unknown as { benchLog: { listener: number[]; frames: number[]; stop: boolean } }).benchLog;
    log.stop = true;
    return { listenerMs: log.listener, frameMs: log.frames };
  });
  await page.close();
  return measured;
}

const quantile = (xs: number[], p: number) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] : Number.NaN);
const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : 'n/a');

/** The per-engine table (markdown lines); `urls` are the served fixtures and demos. */
export async function engineTable(urls: Partial<Record<'fixtures' | DemoName, string>>): Promise<string[]> {
  const rows: (string | number)[][] = [];
  for (const engine of Object.keys(LAUNCHERS) as EngineName[]) {
    let browser: EngineBrowser;
    try {
      browser = await LAUNCHERS[engine]();
    } catch (error) {
      rows.push([engine, 'did not start', (error as Error).message.split('\n')[0], '', '', '']);
      continue;
    }
    try {
      for (const row of ROWS) {
        const url = urls[row.server];
        if (!url) continue;
        const listenerMs: number[] = [];
        const frameMs: number[] = [];
        for (let run = 0; run < RUNS; run++) {
          const measured = await measureDrag(await row.open(browser, url));
          for (const value of measured.listenerMs) listenerMs.push(value);
          for (const value of measured.frameMs) frameMs.push(value);
        }
        const synthetic = engine === 'webkit' ? ' (synthetic touch)' : '';
        rows.push([
          `${engine} ${browser.version}`,
          `${row.name}${synthetic}`,
          listenerMs.length,
          `${ms(quantile(listenerMs, 0.5))} / ${ms(quantile(listenerMs, 0.99))}`,
          `${ms(quantile(frameMs, 0.5))} / ${ms(quantile(frameMs, 0.95))}`,
          `${frameMs.filter((f) => f > 20).length} of ${frameMs.length}`,
        ]);
      }
    } finally {
      await browser.close();
    }
  }
  return [
    `### Per engine, unthrottled (Chromium, Firefox, WebKit)`,
    '',
    'The same pull (30 touchmoves, one per frame) in each engine through the test driver, measured in the page:',
    'listener ms is the time from a capturing window listener (first on the event\'s path) to a bubbling one (last),',
    'so it holds every touchmove listener, the engine\'s included; frames are requestAnimationFrame deltas during the',
    `drag. ${RUNS} drags per row. CPU throttling exists only in Chromium (DevTools protocol): every row here is`,
    'unthrottled, so compare engines within this table, not with the throttled table above. Chromium and Firefox get',
    'real touch (CDP; native touch points through APZ); WebKit\'s touch is synthetic (TouchEvents dispatched from',
    'script, nothing scrolls natively, so its native row shows listener cost only), and each of its moves is a',
    'WebDriver round trip, which paces its frames differently.',
    '',
    table(['engine', 'scenario', 'touchmoves', 'listener ms median / p99', 'frame ms median / p95', 'frames > 20 ms'], rows),
  ];
}
