// `pnpm bench --only browser`: the elastic engine in a real Chromium (Debian's, through
// playwright-core) during a scripted touch pull with 4x CPU throttling: frame timings, layouts
// during the drag (forced ones from script especially) and the touchmove listeners' time per
// event, next to a native scroll of the same list without the engine. Reported, never asserted.
import { existsSync } from 'node:fs';
import { access } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_PATH, launchChromium, type Browser, type CDPSession, type Page } from '../../tests/browser/src/harness/chromium';
import { DEMOS, PHONE, type DemoName } from '../../tests/browser/src/harness/demo';
import { buildPages, servePages, type Served } from '../../tests/browser/src/harness/serve';
import { Touchscreen, frames } from '../../tests/browser/src/harness/touch';
import { dragCost, startTrace } from '../../tests/browser/src/harness/trace';
import type { BenchSuite } from '../suite';
import { table } from '../measure';

const browserTests = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../tests/browser');
const CPU_SLOWDOWN = 4;
/** Per row: one traced run (listener time, forced layouts) and this many untraced ones (frames, layouts). */
const UNTRACED_RUNS = 2;

interface Pull {
  page: Page;
  from: { x: number; y: number };
  to: { x: number; y: number };
}

interface Scenario {
  name: string;
  /** Which server the page is on: the fixtures, or one built demo. */
  server: 'fixtures' | DemoName;
  /** Opens the page and says where the drag goes. */
  open(browser: Browser, baseUrl: string): Promise<Pull>;
}

/**
 * Polls `expression` with plain evaluations until it is truthy. Not waitForFunction, waitForSelector
 * or a locator: those create Playwright's injected selector script in the page, and it adds its own
 * non-passive capture listeners for pointerdown/up and touchstart/end/cancel to the window. Every
 * drag then also ran Playwright's code (first call, uncompiled, in the touchstart frame: 1.6 + 4.3
 * ms at 4x in a trace), and the native row's touchstart had to wait for the main thread.
 */
async function waitUntil(page: Page, expression: string, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > deadline) throw new Error(`bench: timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** `css`: a rule added to the page before the drag (to measure what a user's stylesheet changes). */
const fixture = (file: string, from: Pull['from'], to: Pull['to'], css = '') => async (browser: Browser, baseUrl: string): Promise<Pull> => {
  const { page } = await browser.open({ width: 400, height: 720 });
  await page.goto(`${baseUrl}${file}`);
  await waitUntil(page, '"fixture" in window || "smoke" in window', `${file} to start`);
  if (css) await page.addStyleTag({ content: css });
  return { page, from, to };
};

/** The README's tip for large lists: the moving content stops the engine's inherited variables. */
const STOP_VARIABLES = '#content { --tensile-offset: initial; --tensile-progress: initial; }';

// A demo's feed: pulled from near the top of its scroller, 480 px down (past the threshold).
const demoFeed = async (browser: Browser, baseUrl: string): Promise<Pull> => {
  const { page } = await browser.open(PHONE);
  await page.goto(`${baseUrl}#/feed`);
  const scroller = '[data-testid="feed-scroller"]';
  await waitUntil(page, `!!document.querySelector('${scroller}[data-tensile-state]')`, 'the feed scroller to attach');
  const b = (await page.evaluate(`(() => {
    const r = document.querySelector('${scroller}').getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  })()`)) as { x: number; y: number; width: number; height: number };
  const from = { x: b.x + b.width / 2, y: b.y + 16 };
  return { page, from, to: { x: from.x, y: Math.min(from.y + 480, PHONE.height - 4) } };
};

const SCENARIOS: Scenario[] = [
  // The baseline: a list scrolled natively, no engine attached.
  { name: 'native scroll, no engine (fixture smoke.html)', server: 'fixtures', open: fixture('smoke.html', { x: 180, y: 360 }, { x: 180, y: 40 }) },
  { name: 'elastic pull, content mode (fixture feed.html)', server: 'fixtures', open: fixture('feed.html', { x: 180, y: 40 }, { x: 180, y: 560 }) },
  {
    name: 'elastic pull, content mode, the content stops the variables (feed.html + `#content { --tensile-offset: initial; ... }`)',
    server: 'fixtures',
    open: fixture('feed.html', { x: 180, y: 40 }, { x: 180, y: 560 }, STOP_VARIABLES),
  },
  { name: 'elastic pull, indicator mode (fixture sticky.html)', server: 'fixtures', open: fixture('sticky.html', { x: 180, y: 40 }, { x: 180, y: 560 }) },
  ...DEMOS.map((demo): Scenario => ({ name: `${demo} demo, feed pull`, server: demo, open: demoFeed })),
];

interface RunResult {
  /** Listener time per touchmove, ms (traced runs only). */
  handlerMs: number[];
  /** requestAnimationFrame deltas between the first and the last touch event, ms (untraced runs only). */
  frameMs: number[];
  /** Of the frames over 20 ms: how many ended before the second touchmove arrived (the touchstart's and the first move's frames). */
  longAtStart: number;
  forcedLayouts: number;
  forcedStyles: number;
  forcedAfterFirst: number;
  /** LayoutCount across the drag (untraced runs only). */
  layoutCountDelta: number;
  /** Style recalculation per touchmove: ms and elements restyled; paint ms (traced runs only). */
  styleMs: number;
  styleElements: number;
  paintMs: number;
}

async function layoutCount(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'LayoutCount')?.value ?? Number.NaN;
}

/**
 * One scripted drag. Traced runs read listener time and forced layouts from a Chromium trace;
 * untraced runs read frame pacing and LayoutCount (tracing itself stalls frames, so the two never
 * share a run).
 */
async function runOnce(pull: Pull, traced: boolean): Promise<RunResult> {
  const { page, from, to } = pull;
  const touch = await Touchscreen.enable(page);
  const cdp = touch.cdp;
  await cdp.send('Performance.enable');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  // Frame timestamps and deltas, kept only for frames inside the drag window [dragStart, dragEnd],
  // and the touchmoves' timestamps (a passive listener: it blocks nothing) to tell which frames
  // belong to the start of the pull.
  // A string, not a function: tsx wraps named inner functions in a `__name` helper the page lacks.
  await page.evaluate(`(() => {
    window.frameLog = [];
    window.moveLog = [];
    addEventListener('touchmove', (e) => window.moveLog.push(e.timeStamp), { capture: true, passive: true });
    window.frameStop = false;
    let last = 0;
    const tick = (t) => {
      if (last) window.frameLog.push([t, t - last]);
      last = t;
      if (!window.frameStop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  await frames(page, 3);
  const before = await layoutCount(cdp);
  const stop = traced ? await startTrace(cdp) : null;
  await page.evaluate('window.dragStart = performance.now()');
  await touch.drag(from, to, { steps: 30, holdFrames: 3 });
  await page.evaluate('window.dragEnd = performance.now()');
  const events = stop ? await stop() : [];
  const after = await layoutCount(cdp);
  const frameLog = (await page.evaluate(
    'window.frameStop = true, window.frameLog.filter(([t]) => t >= window.dragStart && t <= window.dragEnd)',
  )) as [number, number][];
  const secondMove = ((await page.evaluate('window.moveLog[1]')) as number | undefined) ?? Number.POSITIVE_INFINITY;
  const frameMs = frameLog.map(([, d]) => d);
  const longAtStart = frameLog.filter(([t, d]) => d > 20 && t <= secondMove).length;
  await page.close();
  if (!traced) {
    const nan = Number.NaN;
    return { handlerMs: [], frameMs, longAtStart, forcedLayouts: 0, forcedStyles: 0, forcedAfterFirst: 0, layoutCountDelta: after - before, styleMs: nan, styleElements: nan, paintMs: nan };
  }
  const cost = dragCost(events, 'touchmove');
  return {
    handlerMs: cost.handlerMs,
    frameMs: [],
    longAtStart: 0,
    forcedLayouts: cost.forcedLayouts,
    forcedStyles: cost.forcedStyles,
    forcedAfterFirst: cost.forcedLayoutsAfterFirstMove,
    layoutCountDelta: Number.NaN,
    styleMs: cost.styleMsPerEvent,
    styleElements: cost.styleElementsPerEvent,
    paintMs: cost.paintMsPerEvent,
  };
}

function quantile(xs: number[], p: number): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))];
}

const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : 'n/a');

const suite: BenchSuite = {
  id: 'browser',
  title: 'Elastic engine in Chromium (4x CPU throttling)',
  async run() {
    try {
      await access(CHROMIUM_PATH);
    } catch {
      return `Skipped: no Chromium at ${CHROMIUM_PATH} (\`pnpm test\` installs Debian's \`chromium\` when run as root).`;
    }
    const outDir = path.join(browserTests, '.fixtures-dist-bench');
    await buildPages({ configFile: path.join(browserTests, 'fixtures', 'vite.config.ts') }, outDir);
    const servers = new Map<Scenario['server'], Served>([['fixtures', await servePages(outDir)]]);
    const browser = await launchChromium();
    const rows: (string | number)[][] = [];
    let engineHandler = Number.NaN;
    let nativeHandler = Number.NaN;
    /** Frames over 20 ms per row (untraced runs), for the summary under the table. */
    const longFrames: number[] = [];
    try {
      for (const demo of DEMOS) {
        const appDir = path.join(browserTests, '../../apps', `${demo}-demo`);
        if (!existsSync(path.join(appDir, 'vite.config.ts'))) continue;
        const demoOut = path.join(browserTests, '.demos-dist-bench', demo);
        await buildPages({ root: appDir, configFile: path.join(appDir, 'vite.config.ts') }, demoOut);
        servers.set(demo, await servePages(demoOut));
      }
      for (const scenario of SCENARIOS) {
        const server = servers.get(scenario.server);
        if (!server) {
          rows.push([scenario.name, 'not built', '', '', '', '', '', '', '', '']);
          continue;
        }
        const runs: RunResult[] = [];
        runs.push(await runOnce(await scenario.open(browser, server.url), true));
        for (let i = 0; i < UNTRACED_RUNS; i++) runs.push(await runOnce(await scenario.open(browser, server.url), false));
        const untraced = runs.filter((r) => !Number.isNaN(r.layoutCountDelta));
        const handler = runs.flatMap((r) => r.handlerMs);
        const frameMs = runs.flatMap((r) => r.frameMs);
        longFrames.push(frameMs.filter((f) => f > 20).length);
        if (scenario === SCENARIOS[0]) nativeHandler = quantile(handler, 0.5);
        else if (scenario === SCENARIOS[1]) engineHandler = quantile(handler, 0.5);
        rows.push([
          scenario.name,
          handler.length,
          `${ms(quantile(handler, 0.5))} / ${ms(quantile(handler, 0.99))}`,
          `${ms(quantile(frameMs, 0.5))} / ${ms(quantile(frameMs, 0.95))} / ${ms(Math.max(...frameMs))}`,
          `${frameMs.filter((f) => f > 20).length} of ${frameMs.length} (${runs.reduce((a, r) => a + r.longAtStart, 0)} at the start)`,
          `${(untraced.reduce((a, r) => a + r.layoutCountDelta, 0) / untraced.length).toFixed(1)}`,
          `${runs.reduce((a, r) => a + r.forcedLayouts, 0)} / ${runs.reduce((a, r) => a + r.forcedStyles, 0)}`,
          runs.reduce((a, r) => a + r.forcedAfterFirst, 0),
          `${ms(runs[0].styleMs)} / ${Number.isFinite(runs[0].styleElements) ? runs[0].styleElements.toFixed(0) : 'n/a'}`,
          ms(runs[0].paintMs),
        ]);
      }
    } finally {
      await browser.close();
      await Promise.all([...servers.values()].map((srv) => srv.close()));
    }
    return [
      'A scripted one-finger drag (30 touchmoves, one per frame, through the DevTools protocol) with the CPU',
      `slowed ${CPU_SLOWDOWN}x (Emulation.setCPUThrottlingRate), on the fixture pages (400x720, tests/browser/fixtures) and on`,
      'the feed page of each built demo (390x844; the pull passes the threshold, so it also refreshes).',
      'Per row: one traced run gives the listener time (the trace\'s EventDispatch duration of each touchmove,',
      'all listeners of the event) and the forced work (Layout / UpdateLayoutTree run synchronously inside',
      `script: listeners, rAF callbacks, timers); ${UNTRACED_RUNS} untraced runs give the frames (requestAnimationFrame deltas`,
      'between the first and the last touch event) and "layouts" (LayoutCount from Performance.getMetrics',
      'across the drag). Frames over 20 ms are the issue\'s target; compare them with the native row, since',
      'on a shared machine the throttled baseline misses frames too. The traced run also gives the style',
      'recalculation (UpdateLayoutTree: ms and elements restyled) and the paint ms per touchmove, summed over the drag',
      '(whether forced or in the frame) and divided by the touchmoves. "At the start": long frames that ended',
      'before the second touchmove arrived, i.e. the touchstart\'s and the first move\'s frames.',
      '',
      'Where the long frames came from (traces of this drag, main-thread time at 4x): the touchstart (5 ms on',
      'the fixtures, 11-21 ms on the demos) and the first move (15-20 ms everywhere), where later moves take',
      '6-10 ms. In them: V8 compiling the code the first touch runs (about 40 functions in the touchstart and',
      '40 more in the first move on the React demo: the framework\'s event dispatch, the engine\'s gesture code,',
      'the update path; 13 and 15 on the fixtures), the engine\'s first transform promoting the whole list to a',
      'new compositor layer (a repaint of it), the status line changing from two lines to one (the list below',
      'it resized: a relayout and repaint of the page), the state attribute invalidating the list\'s subtree for',
      'a `[data-tensile-state] .ptr-spinner` rule, and the framework re-rendering the page on every move.',
      'Fixed: the demos\' and fixtures\' scripts carry V8\'s compile hint (`//# allFunctionsCalledOnLoad`:',
      'compiled while streaming in, off the main thread); the engine promotes the moved layer at touchstart',
      '(will-change while a pull can happen) and the demos in CSS; the demos\' status line has a fixed two-line',
      'box with `contain: strict`; the indicator carries its own data-state; indicator and status take strings,',
      'so Vue and Svelte render nothing on a move that keeps the state (React still re-renders the page per',
      'move through useDamping\'s snapshot; its children are memoized). After: touchstart 5-9 ms, first move',
      '10-18 ms; a demo\'s first move still does more than later ones (the engine arming: scroll-chain reads,',
      'state attributes; the framework updating status and indicator, and their layout), and is where most',
      'of the demo rows\' remaining long frames fall ("at the start"). One stall was the harness\'s:',
      'Playwright\'s selector engine (waitForSelector, locators) installs non-passive pointerdown/touchstart/',
      'touchend listeners on the window, so every drag also ran Playwright\'s code; this suite now waits with',
      'plain evaluations. A move frame (6-10 ms of main thread at 4x) misses its deadline when the machine',
      '(2 cores shared with other work) preempts the renderer, or when the throttling (which suspends the',
      'main thread in slices) lands in it; the native row misses fewer because its scrolling runs on the',
      'compositor thread, which the throttling does not slow. Runs differ by several frames: compare rows',
      'within one run, and runs with each other.',
      '',
      table(
        ['scenario', 'touchmoves', 'listener ms median / p99', 'frame ms median / p95 / max', 'frames > 20 ms', 'layouts per drag', 'forced layouts / styles', 'forced layouts after 1st move', 'style ms / elements per move', 'paint ms per move'],
        rows,
      ),
      '',
      'Over nine runs of this suite on 2026-11-29 (after these fixes) the engine rows together had 0-9 frames over 20 ms per run, the native row 0-1; in three runs under heavy load from other work on the machine, 22-33 (native up to 5).',
      `Frames over 20 ms in this run: ${longFrames[0] ?? 'n/a'} on the native row; the engine rows have none on ${longFrames.slice(1).filter((n) => n === 0).length} of ${longFrames.length - 1} (the target), ${longFrames.slice(1).reduce((a, n) => a + n, 0)} in all.`,
      `Engine listener time over the bare counting listener of the native baseline: ${ms(engineHandler / nativeHandler)}x (medians).`,
      'The browser tests assert only the counts (no forced layout after the first move), never times.',
    ].join('\n');
  },
};

export default suite;
