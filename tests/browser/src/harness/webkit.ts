// WebKit (WebKitGTK's MiniBrowser, Debian's webkit2gtk-driver) through WebKitWebDriver, classic
// W3C WebDriver over HTTP, under a private Xvfb display (MiniBrowser has no headless mode).
// Wheel, mouse and keys are real WebDriver input actions. There is no touch input in WebKitGTK
// here: touch is dispatched from script as TouchEvents (untrusted, never scrolling natively),
// and `touch.synthetic` says so, so tests that need native touch scrolling are not applicable.
import { MISSING, NAVIGATE_MS, START_MS, within, type Capability, type DragOptions, type EngineBrowser, type LaunchOptions, type Media, type Point, type Touch, type Viewport } from './driver';
import { freePort, start, type Started } from './processes';
import { ScriptPage, paceDrag } from './script-page';

/** Debian's package; scripts/ensure-browsers.mjs installs it before the tests start. */
export const WEBKIT_DRIVER_PATH = process.env.TENSILE_WEBKIT_DRIVER || '/usr/bin/WebKitWebDriver';
export const MINIBROWSER_PATH = process.env.TENSILE_MINIBROWSER || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
export const XVFB_PATH = process.env.TENSILE_XVFB || '/usr/bin/Xvfb';
const COMMAND_MS = 30_000;

const CAPABILITIES: Capability[] = ['touch-events', 'wheel', 'mouse', 'keyboard'];

/** Console and error hooks (installed from the first evaluation after a load, so a page's load-time messages are missed). */
const CONSOLE_HOOKS = `if (!window.tensileProblems) {
  const problems = (window.tensileProblems = []);
  for (const type of ['error', 'warn']) {
    const original = console[type].bind(console);
    console[type] = (...args) => { problems.push({ type: type === 'warn' ? 'warning' : 'error', text: args.map(String).join(' ') }); original(...args); };
  }
  window.addEventListener('error', (e) => problems.push({ type: 'pageerror', text: String(e.error && e.error.stack || e.message) }));
  window.addEventListener('unhandledrejection', (e) => problems.push({ type: 'pageerror', text: String(e.reason && e.reason.stack || e.reason) }));
}`;
const KEYS: Record<string, string> = { Enter: '\uE007', Tab: '\uE004', Escape: '\uE00C' };

/** Xvfb start, driver start and session creation are each bounded by `startMs` (about 1 s in all when idle). */
export async function launchWebKit(options: LaunchOptions = {}): Promise<EngineBrowser> {
  const startMs = options.startMs ?? START_MS;
  const driverPath = options.executable ?? WEBKIT_DRIVER_PATH;
  const started: Started[] = [];
  const cleanup = () => Promise.all(started.reverse().map((p) => p.stop())).then(() => undefined);
  try {
    // -displayfd: Xvfb picks a free display number and writes it to stdout once it is ready.
    const xvfb = start(XVFB_PATH, ['-displayfd', '1', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp']);
    started.push(xvfb);
    const [, display] = await xvfb.waitForLine(/^(\d+)\s*$/m, startMs, `Xvfb (${XVFB_PATH})`);
    const port = await freePort();
    // LANGUAGE: under the C locale (CI containers) WebKitGTK reports navigator.language 'C', which
    // Intl rejects: `new Intl.NumberFormat(navigator.language)` (uPlot, in the demos) throws a
    // RangeError at module load. A real desktop has a language; so does this one.
    const driver = start(driverPath, [`--port=${port}`], { DISPLAY: `:${display}`, LANG: 'en_US.UTF-8', LANGUAGE: 'en_US' });
    started.push(driver);
    const base = `http://127.0.0.1:${port}`;
    await waitForDriver(base, driver, driverPath, startMs);
    const session = await request<{ sessionId: string; capabilities: { browserVersion?: string } }>(base, 'POST', '/session', {
      capabilities: { alwaysMatch: { 'webkitgtk:browserOptions': { binary: MINIBROWSER_PATH, args: ['--automation'] } } },
    }, startMs);
    const browser = new WebKitBrowser(`${base}/session/${session.sessionId}`, session.capabilities.browserVersion ?? 'unknown', cleanup);
    browser.firstWindow = await request<string>(browser.sessionUrl, 'GET', '/window');
    browser.current = browser.firstWindow;
    return browser;
  } catch (error) {
    await cleanup();
    throw error;
  }
}

async function waitForDriver(base: string, driver: Started, driverPath: string, startMs: number): Promise<void> {
  const deadline = Date.now() + startMs;
  while (Date.now() < deadline) {
    if (driver.child.exitCode !== null || driver.child.signalCode !== null || driver.child.pid === undefined) {
      throw new Error(`WebKitWebDriver (${driverPath}) exited or did not start (code ${driver.child.exitCode ?? driver.child.signalCode}). Output:\n${driver.output()}`);
    }
    try {
      await request(base, 'GET', '/status', undefined, 2000);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`WebKitWebDriver (${driverPath}) did not answer /status within ${startMs / 1000} s. Output:\n${driver.output()}`);
}

/** One W3C WebDriver command, bounded in time; WebDriver errors become exceptions with their message. */
async function request<Result>(base: string, method: string, route: string, body?: unknown, ms = COMMAND_MS): Promise<Result> {
  const response = await within(
    fetch(`${base}${route}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(ms + 1000),
    }),
    ms,
    `WebKitWebDriver ${method} ${route}`,
  );
  const json = (await response.json()) as { value: Result & { error?: string; message?: string } };
  if (!response.ok) throw new Error(`WebKitWebDriver ${method} ${route}: ${json.value?.error}: ${json.value?.message}`);
  return json.value;
}

class WebKitBrowser implements EngineBrowser {
  readonly name = 'webkit' as const;
  readonly capabilities = new Set(CAPABILITIES.filter((c) => !MISSING.webkit[c]));
  firstWindow = '';
  current = '';
  private closing: Promise<void> | null = null;
  private inputSources = 0;

  constructor(
    readonly sessionUrl: string,
    readonly version: string,
    private readonly cleanup: () => Promise<void>,
  ) {}

  command<Result>(method: string, route: string, body?: unknown, ms?: number): Promise<Result> {
    return request<Result>(this.sessionUrl, method, route, body, ms);
  }

  /**
   * An input source id never used before in this session (not just on this page). WebKitWebDriver
   * keeps each source's state for the whole session and dispatches a wheel action's delta minus
   * the delta that source sent last (SimulatedInputDispatcher: `b.scrollDelta->contract(a.scrollDelta)`):
   * a reused id turns a -30 scroll after a -100 one into +70, and an equal delta into nothing.
   */
  freshInputId(kind: 'wheel' | 'keyboard'): string {
    return `${kind}-${this.inputSources++}`;
  }

  async open(viewport: Viewport, media?: Media): Promise<WebKitPage> {
    if (media?.colorScheme === 'dark' || media?.reducedMotion === 'reduce') {
      throw new Error(`webkit: ${MISSING.webkit['reduced-motion']} (asked for ${JSON.stringify(media)})`);
    }
    const { handle } = await this.command<{ handle: string }>('POST', '/window/new', { type: 'window' });
    const page = new WebKitPage(this, handle);
    await page.activate();
    await page.resize(viewport);
    return page;
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      await this.command('DELETE', '', undefined, 10_000).catch(() => undefined);
      await this.cleanup();
    })();
    return this.closing;
  }
}

class WebKitPage extends ScriptPage {
  readonly engine = 'webkit' as const;
  readonly touch: Touch;
  readonly mouse;
  private mousePosition: Point = { x: 0, y: 0 };
  private buttonDown = false;

  constructor(
    private readonly browser: WebKitBrowser,
    readonly handle: string,
  ) {
    super();
    this.touch = new SyntheticTouch(this);
    this.mouse = {
      move: async (x: number, y: number) => {
        this.mousePosition = { x, y };
        await this.pointer([{ type: 'pointerMove', x: Math.round(x), y: Math.round(y), origin: 'viewport', duration: 0 }]);
      },
      down: async () => {
        this.buttonDown = true;
        await this.pointer([{ type: 'pointerDown', button: 0 }]);
      },
      up: async () => {
        this.buttonDown = false;
        await this.pointer([{ type: 'pointerUp', button: 0 }]);
      },
      wheel: (deltaX: number, deltaY: number) => this.wheel(deltaX, deltaY),
      pen: () => Promise.reject(new Error(`webkit: ${MISSING.webkit.pen}`)),
    };
  }

  /** Makes this page's window the session's current one (one driver session serves every page). */
  async activate(): Promise<void> {
    if (this.browser.current === this.handle) return;
    await this.browser.command('POST', '/window', { handle: this.handle });
    this.browser.current = this.handle;
  }

  /** Sizes the window so that the page's viewport is `viewport` (the window chrome is measured). */
  async resize(viewport: Viewport): Promise<void> {
    await this.browser.command('POST', '/window/rect', { width: viewport.width, height: viewport.height });
    const inner = await this.evaluate(() => ({ width: innerWidth, height: innerHeight }));
    if (inner.width !== viewport.width || inner.height !== viewport.height) {
      await this.browser.command('POST', '/window/rect', {
        width: viewport.width * 2 - inner.width, height: viewport.height * 2 - inner.height,
      });
    }
  }

  async goto(url: string, timeoutMs = NAVIGATE_MS): Promise<void> {
    await this.activate();
    await this.browser.command('POST', '/url', { url }, timeoutMs);
    // Hooks in from here on; failed resource loads of the load itself are read from resource timing.
    const failed = await this.evaluate(() =>
      performance.getEntriesByType('resource').filter((r) => ((r as PerformanceResourceTiming).responseStatus ?? 0) >= 400).map((r) => `${(r as PerformanceResourceTiming).responseStatus} ${r.name}`));
    for (const text of failed) this.problems.push({ type: 'http', text });
  }

  protected async evaluateExpression(expression: string): Promise<unknown> {
    await this.activate();
    // execute/sync awaits a returned promise (W3C WebDriver), so async page functions just work.
    // WebKitWebDriver reports no console messages: each call installs (once per document) hooks on
    // console.error/warn and uncaught errors, and brings back what they caught since the last call.
    const [value, caught] = await this.browser.command<[unknown, { type: string; text: string }[]]>('POST', '/execute/sync', {
      script: `${CONSOLE_HOOKS} return Promise.resolve(${expression}).then((value) => [value, window.tensileProblems.splice(0)]);`,
      args: [],
    });
    this.problems.push(...caught);
    return value;
  }

  /**
   * One pointer action sequence. The same input source id may be reused while a button is held
   * (the press must be remembered), but the actions are never released (DELETE /actions replays
   * wheel input in reverse in WebKitWebDriver).
   */
  async pointer(actions: Record<string, unknown>[]): Promise<void> {
    await this.activate();
    await this.browser.command('POST', '/actions', {
      actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions }],
    });
  }

  private async wheel(deltaX: number, deltaY: number): Promise<void> {
    await this.activate();
    const { x, y } = this.mousePosition;
    // A fresh source id each time, so the event carries exactly this delta (see freshInputId).
    await this.browser.command('POST', '/actions', {
      actions: [{
        type: 'wheel', id: this.browser.freshInputId('wheel'),
        actions: [{ type: 'scroll', x: Math.round(x), y: Math.round(y), deltaX: Math.round(deltaX), deltaY: Math.round(deltaY), duration: 0 }],
      }],
    });
  }

  async click(selector: string): Promise<void> {
    const box = await this.box(selector);
    await this.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await this.mouse.down();
    await this.mouse.up();
  }

  async press(key: string): Promise<void> {
    await this.activate();
    const value = KEYS[key] ?? key;
    await this.browser.command('POST', '/actions', {
      actions: [{ type: 'key', id: this.browser.freshInputId('keyboard'), actions: [{ type: 'keyDown', value }, { type: 'keyUp', value }] }],
    });
  }

  protected async screenshotPng(): Promise<Buffer> {
    await this.activate();
    return Buffer.from(await this.browser.command<string>('GET', '/screenshot'), 'base64');
  }

  async close(): Promise<void> {
    if (this.buttonDown) await this.mouse.up().catch(() => undefined);
    await this.activate().catch(() => undefined);
    await this.browser.command('DELETE', '/window', undefined, 10_000).catch(() => undefined);
    // The session needs a live current window to open the next one from: the first one is never closed.
    await this.browser.command('POST', '/window', { handle: this.browser.firstWindow });
    this.browser.current = this.browser.firstWindow;
  }
}

/**
 * Touch from script: TouchEvents dispatched at the element under the first point, with the
 * `touches` lists defined on the event (WebKitGTK's Touch constructor is not exposed). Untrusted:
 * cancelable and preventDefault-able, but the browser never scrolls for them.
 */
class SyntheticTouch implements Touch {
  readonly synthetic = true;
  private down: Point[] = [];

  constructor(private readonly page: WebKitPage) {}

  /** Nothing to emulate: the events are dispatched from script. */
  async enable(): Promise<void> {}

  private dispatch(type: 'touchstart' | 'touchmove' | 'touchend' | 'touchcancel', points: Point[], changed: Point[]): Promise<void> {
    return this.page.evaluate(({ type, points, changed }) => {
      const state = ((window as unknown as { tensileTouch?: { target: Element | null } }).tensileTouch ??= { target: null });
      if (type === 'touchstart' && points.length === 1) state.target = document.elementFromPoint(points[0].x, points[0].y);
      const target = state.target ?? document.body;
      const touchOf = (point: { x: number; y: number }, identifier: number) => ({
        identifier, target, clientX: point.x, clientY: point.y, pageX: point.x + scrollX, pageY: point.y + scrollY,
        screenX: point.x, screenY: point.y, radiusX: 1, radiusY: 1, rotationAngle: 0, force: 1,
      });
      const list = (items: ReturnType<typeof touchOf>[]) => Object.assign([...items], { item: (i: number) => items[i] ?? null });
      const event = new TouchEvent(type, { bubbles: true, cancelable: type !== 'touchcancel', composed: true });
      const touches = list(points.map(touchOf));
      Object.defineProperty(event, 'touches', { value: touches });
      Object.defineProperty(event, 'targetTouches', { value: touches });
      Object.defineProperty(event, 'changedTouches', { value: list(changed.map(touchOf)) });
      target.dispatchEvent(event);
    }, { type, points, changed });
  }

  async start(...points: Point[]): Promise<void> {
    const previous = this.down;
    this.down = points;
    await this.dispatch('touchstart', points, points.slice(previous.length));
  }

  async move(...points: Point[]): Promise<void> {
    this.down = points;
    await this.dispatch('touchmove', points, points);
  }

  async end(): Promise<void> {
    const lifted = this.down;
    this.down = [];
    await this.dispatch('touchend', [], lifted);
  }

  async cancel(): Promise<void> {
    const lifted = this.down;
    this.down = [];
    await this.dispatch('touchcancel', [], lifted);
  }

  drag(from: Point, to: Point, options?: DragOptions): Promise<void> {
    return paceDrag(this, this.page, from, to, options);
  }
}
