// Firefox ESR (Debian's firefox-esr) over WebDriver BiDi, which it speaks natively. Touch is
// real: native touch points sent from Firefox's chrome context (windowUtils.sendNativeTouchPoint)
// go through its async scrolling (APZ) like a touchscreen, so a pull the page does not prevent
// really scrolls. (BiDi's own `pointerType: 'touch'` actions bypass APZ and never scroll.)
// Wheel, mouse and keys are BiDi input actions.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { BidiConnection } from './bidi';
import { MISSING, NAVIGATE_MS, START_MS, within, type Capability, type EngineBrowser, type LaunchOptions, type Media, type Point, type Touch, type Viewport } from './driver';
import { delay, start } from './processes';
import { ScriptPage, paceDrag } from './script-page';

/** Debian's package; scripts/ensure-browsers.mjs installs it before the tests start. */
export const FIREFOX_PATH = process.env.TENSILE_FIREFOX || '/usr/bin/firefox-esr';

/**
 * The headless screen, and the window filled to it. Headless Firefox's default screen is 1366x768
 * with the page area starting 86 px down, so a 390x844 phone page ends below the window and
 * Firefox drops native touch points there without a trace (the demos' carousel at y 683 and the
 * endless list's lower half were never touched). Big enough for every viewport the suite opens
 * (at most 1280 wide, 844 tall) under the browser's toolbars.
 */
const SCREEN = { width: 1600, height: 1200 };

const PREFS: Record<string, string | number | boolean> = {
  // Touch events exist only with these (else `ontouchstart` is missing and TouchEvent undefined).
  'dom.w3c_touch_events.enabled': 1,
  'dom.w3c_touch_events.legacy_apis.enabled': true,
  'dom.maxtouchpoints.testing.value': 5,
  // Quiet, deterministic runs.
  'browser.shell.checkDefaultBrowser': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.reportingpolicy.firstRun': false,
  'app.update.disabledForTesting': true,
  'browser.tabs.warnOnClose': false,
  'webgl.force-enabled': true,
};

const CAPABILITIES: Capability[] = ['touch', 'touch-events', 'wheel', 'mouse', 'keyboard', 'reduced-motion', 'color-scheme'];

const KEYS: Record<string, string> = { Enter: '\uE007', Tab: '\uE004', Escape: '\uE00C', Space: ' ' };

interface EvaluateResult {
  type: 'success' | 'exception';
  result?: { type: string; value?: unknown };
  exceptionDetails?: { text: string; stackTrace?: unknown };
}

export async function launchFirefox(options: LaunchOptions = {}): Promise<EngineBrowser> {
  const executable = options.executable ?? FIREFOX_PATH;
  const profile = await mkdtemp(path.join(os.tmpdir(), 'tensile-firefox-'));
  await writeFile(
    path.join(profile, 'user.js'),
    Object.entries(PREFS).map(([name, value]) => `user_pref(${JSON.stringify(name)}, ${JSON.stringify(value)});\n`).join(''),
  );
  const processes = start(executable, [
    '--headless', '--no-remote', '--new-instance', '--profile', profile,
    '--remote-debugging-port=0', '--remote-allow-system-access', 'about:blank',
  ], { MOZ_CRASHREPORTER_DISABLE: '1', MOZ_HEADLESS_WIDTH: String(SCREEN.width), MOZ_HEADLESS_HEIGHT: String(SCREEN.height) });
  let connection: BidiConnection | null = null;
  const cleanup = async () => {
    connection?.close();
    await processes.stop();
    await rm(profile, { recursive: true, force: true });
  };
  try {
    const [, endpoint] = await processes.waitForLine(/WebDriver BiDi listening on (ws:\/\/\S+)/, options.startMs ?? START_MS, `firefox (${executable})`);
    connection = await BidiConnection.connect(`${endpoint}/session`, 10_000);
    const session = await connection.send<{ capabilities: { browserVersion: string } }>('session.new', { capabilities: {} }, options.startMs ?? START_MS);
    await connection.send('session.subscribe', { events: ['log.entryAdded', 'network.responseCompleted'] });
    const chrome = await chromeContext(connection);
    const browser = new FirefoxBrowser(connection, chrome, session.capabilities.browserVersion, cleanup);
    await browser.chromeEval(`window.resizeTo(${SCREEN.width}, ${SCREEN.height})`);
    return browser;
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/** The browser window's privileged (chrome) context: where native touch points are sent from. */
async function chromeContext(connection: BidiConnection): Promise<string> {
  const tree = await connection.send<{ contexts: { context: string }[] }>('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const top = tree.contexts[0]?.context;
  if (!top) throw new Error('firefox: no chrome context (is --remote-allow-system-access honoured?)');
  return top;
}

class FirefoxBrowser implements EngineBrowser {
  readonly name = 'firefox' as const;
  readonly capabilities = new Set(CAPABILITIES.filter((c) => !MISSING.firefox[c]));
  private closing: Promise<void> | null = null;

  constructor(
    readonly connection: BidiConnection,
    readonly chrome: string,
    readonly version: string,
    private readonly cleanup: () => Promise<void>,
  ) {}

  async open(viewport: Viewport, media?: Media): Promise<FirefoxPage> {
    await this.chromeEval(`(() => {
      Services.prefs.setIntPref('ui.prefersReducedMotion', ${media?.reducedMotion === 'reduce' ? 1 : 0});
      // 0 dark, 1 light: content's prefers-color-scheme.
      Services.prefs.setIntPref('layout.css.prefers-color-scheme.content-override', ${media?.colorScheme === 'dark' ? 0 : 1});
    })()`);
    const { context } = await this.connection.send<{ context: string }>('browsingContext.create', { type: 'tab' });
    await this.connection.send('browsingContext.activate', { context });
    await this.connection.send('browsingContext.setViewport', { context, viewport });
    return new FirefoxPage(this, context);
  }

  /** Evaluates `expression` in the browser window's chrome scope (privileged; Services, gBrowser). */
  async chromeEval(expression: string): Promise<unknown> {
    const answer = await this.connection.send<EvaluateResult>('script.evaluate', {
      expression, target: { context: this.chrome }, awaitPromise: true,
    });
    if (answer.type === 'exception') throw new Error(`firefox chrome scope: ${answer.exceptionDetails?.text}`);
    return answer.result?.value;
  }

  close(): Promise<void> {
    this.closing ??= this.cleanup();
    return this.closing;
  }
}

class FirefoxPage extends ScriptPage {
  readonly engine = 'firefox' as const;
  readonly touch: Touch;
  readonly mouse;
  private readonly stopListening: () => void;
  private wheelCount = 0;
  private mousePosition: Point = { x: 0, y: 0 };

  constructor(
    private readonly browser: FirefoxBrowser,
    readonly context: string,
  ) {
    super();
    this.stopListening = browser.connection.on(({ method, params }) => {
      const source = params.source as { context?: string } | undefined;
      if (method === 'log.entryAdded' && source?.context === context && (params.level === 'error' || params.level === 'warn')) {
        this.problems.push({ type: params.type === 'javascript' ? 'pageerror' : String(params.level), text: String(params.text) });
      }
      if (method === 'network.responseCompleted' && params.context === context) {
        const response = params.response as { status: number; url: string };
        if (response.status >= 400) this.problems.push({ type: 'http', text: `${response.status} ${response.url}` });
      }
    });
    this.touch = new NativeTouch(this);
    this.mouse = {
      move: async (x: number, y: number) => {
        this.mousePosition = { x, y };
        await this.pointer([{ type: 'pointerMove', x: Math.round(x), y: Math.round(y), origin: 'viewport' }]);
      },
      down: () => this.pointer([{ type: 'pointerDown', button: 0 }]),
      up: () => this.pointer([{ type: 'pointerUp', button: 0 }]),
      wheel: (deltaX: number, deltaY: number) => this.wheel(deltaX, deltaY),
      pen: () => Promise.reject(new Error(`firefox: ${MISSING.firefox.pen}`)),
    };
  }

  async goto(url: string, timeoutMs = NAVIGATE_MS): Promise<void> {
    await this.browser.connection.send('browsingContext.navigate', { context: this.context, url, wait: 'complete' }, timeoutMs);
  }

  protected async evaluateExpression(expression: string): Promise<unknown> {
    const answer = await this.browser.connection.send<EvaluateResult>('script.evaluate', {
      expression, target: { context: this.context }, awaitPromise: true,
    });
    if (answer.type === 'exception') throw new Error(`firefox page: ${answer.exceptionDetails?.text}`);
    return answer.result?.value;
  }

  async pointer(actions: Record<string, unknown>[]): Promise<void> {
    await this.browser.connection.send('input.performActions', {
      context: this.context,
      actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions }],
    });
  }

  private async wheel(deltaX: number, deltaY: number): Promise<void> {
    const { x, y } = this.mousePosition;
    await this.browser.connection.send('input.performActions', {
      context: this.context,
      actions: [{
        type: 'wheel', id: `wheel-${this.wheelCount++}`,
        actions: [{ type: 'scroll', x: Math.round(x), y: Math.round(y), deltaX: Math.round(deltaX), deltaY: Math.round(deltaY), origin: 'viewport' }],
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
    const value = KEYS[key] ?? key;
    await this.browser.connection.send('input.performActions', {
      context: this.context,
      actions: [{ type: 'key', id: 'keyboard', actions: [{ type: 'keyDown', value }, { type: 'keyUp', value }] }],
    });
  }

  protected async screenshotPng(): Promise<Buffer> {
    const { data } = await this.browser.connection.send<{ data: string }>('browsingContext.captureScreenshot', { context: this.context });
    return Buffer.from(data, 'base64');
  }

  /**
   * Sends native touch points for this tab (activated first: native input goes to the visible
   * tab). A point off the page or off the window would be dropped by Firefox without a trace, so
   * it fails the test instead, naming the point.
   */
  async nativeTouch(points: { id: number; state: 'TOUCH_CONTACT' | 'TOUCH_REMOVE' | 'TOUCH_CANCEL'; x: number; y: number }[]): Promise<void> {
    await this.browser.connection.send('browsingContext.activate', { context: this.context });
    await this.browser.chromeEval(`(() => {
      const browser = gBrowser.selectedBrowser;
      const rect = browser.getBoundingClientRect();
      const utils = window.windowUtils;
      for (const p of ${JSON.stringify(points)}) {
        const inPage = p.x >= 0 && p.y >= 0 && p.x < rect.width && p.y < rect.height;
        const inWindow = rect.x + p.x < window.innerWidth && rect.y + p.y < window.innerHeight;
        if (!inPage || !inWindow) {
          throw new Error('touch point (' + p.x + ', ' + p.y + ') is outside the ' + rect.width + 'x' + rect.height + ' page at (' + rect.x + ', ' + rect.y + ') of the ' + window.innerWidth + 'x' + window.innerHeight + ' window: Firefox would drop it');
        }
      }
      for (const p of ${JSON.stringify(points)}) {
        utils.sendNativeTouchPoint(p.id, utils[p.state], window.mozInnerScreenX + rect.x + p.x, window.mozInnerScreenY + rect.y + p.y, 1, 90, null);
      }
    })()`);
  }

  async close(): Promise<void> {
    this.stopListening();
    await within(this.browser.connection.send('browsingContext.close', { context: this.context }), 10_000, 'firefox: closing a tab').catch(() => undefined);
  }
}

/** Real touch through APZ: native touch points, frame-paced like the other engines' touch. */
class NativeTouch implements Touch {
  readonly synthetic = false;
  private down: Point[] = [];
  private painted = false;

  constructor(private readonly page: FirefoxPage) {}

  /** Touch events are on from the profile's prefs. */
  async enable(): Promise<void> {}

  async start(...points: Point[]): Promise<void> {
    // The first native touch of a fresh page is dropped unless the page has painted.
    if (!this.painted) {
      await this.page.frames(2);
      await delay(100);
      this.painted = true;
    }
    this.down = points;
    await this.page.nativeTouch(points.map((p, id) => ({ id, state: 'TOUCH_CONTACT', ...p })));
  }

  async move(...points: Point[]): Promise<void> {
    this.down = points;
    await this.page.nativeTouch(points.map((p, id) => ({ id, state: 'TOUCH_CONTACT', ...p })));
  }

  async end(): Promise<void> {
    // Lifting right after a move is read as a fling (APZ keeps scrolling by a random amount).
    await delay(80);
    await this.page.nativeTouch(this.down.map((p, id) => ({ id, state: 'TOUCH_REMOVE', ...p })));
    this.down = [];
  }

  async cancel(): Promise<void> {
    await this.page.nativeTouch(this.down.map((p, id) => ({ id, state: 'TOUCH_CANCEL', ...p })));
    this.down = [];
  }

  drag(from: Point, to: Point, options?: import('./driver').DragOptions): Promise<void> {
    return paceDrag(this, this.page, from, to, options);
  }
}
