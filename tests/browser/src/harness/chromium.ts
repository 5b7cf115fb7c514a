// Debian's Chromium through playwright-core over the DevTools protocol (never Playwright's own
// browser download), with a fresh profile. Touch is CDP Input.dispatchTouchEvent, which goes
// through the same input pipeline (touch-action, passive listeners, native scrolling) as a real
// finger; mouse, wheel and keys are Playwright's (CDP Input.dispatch*), pen is CDP with
// pointerType 'pen'. The Playwright page and a CDP session stay reachable for the Chromium-only
// checks (traces, registered listeners, interventions).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { NAVIGATE_MS, START_MS, within, type Capability, type EngineBrowser, type LaunchOptions, type Media, type Viewport } from './driver';
import { randomUUID } from 'node:crypto';
import { CHILD_TAG, LAUNCH_TAG, endLaunch, runTag } from './processes';
import { ScriptPage } from './script-page';
import { Touchscreen } from './touch';

// Re-exported for bench/suites/browser.ts, which lives outside this package's dependencies.
export type { CDPSession, Page } from 'playwright-core';

/** Debian's package; scripts/ensure-browsers.mjs installs it before the tests start. */
export const CHROMIUM_PATH = process.env.TENSILE_CHROMIUM || '/usr/bin/chromium';

/**
 * Flags for a quiet, deterministic headless run: no GPU (software compositing is what CI has),
 * no background traffic (updates, sync, QUIC probes) that could race the tests.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const CAPABILITIES: Capability[] = ['touch', 'touch-events', 'wheel', 'mouse', 'pen', 'keyboard', 'reduced-motion', 'color-scheme', 'coarse-pointer', 'devtools'];

export async function launchChromium(options: LaunchOptions = {}): Promise<ChromiumBrowser> {
  const executablePath = options.executable ?? CHROMIUM_PATH;
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'tensile-chromium-'));
  const launch = randomUUID();
  try {
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 390, height: 700 },
      deviceScaleFactor: 1,
      // Touch support is switched on per page through the DevTools protocol (see touch.ts).
      hasTouch: false,
      timeout: options.startMs ?? START_MS,
      env: { ...process.env, [CHILD_TAG]: runTag(), [LAUNCH_TAG]: launch } as Record<string, string>,
    });
    // The persistent context opens with one blank page; close it so pages are only ours.
    await Promise.all(context.pages().map((p) => p.close()));
    return new ChromiumBrowser(context, context.browser()?.version() ?? chromium.name(), userDataDir, launch);
  } catch (error) {
    // playwright-core gives up on a browser that never answers but leaves it (and its children) running.
    await endLaunch(launch);
    await rm(userDataDir, { recursive: true, force: true });
    throw new Error(`chromium (${executablePath}) did not start: ${(error as Error).message}`);
  }
}

export class ChromiumBrowser implements EngineBrowser {
  readonly name = 'chromium' as const;
  readonly capabilities = new Set(CAPABILITIES);
  private closing: Promise<void> | null = null;

  constructor(
    readonly context: BrowserContext,
    readonly version: string,
    private readonly userDataDir: string,
    private readonly launch: string,
  ) {}

  async open(viewport: Viewport, media?: Media): Promise<ChromiumPage> {
    const page = await this.context.newPage();
    await page.setViewportSize(viewport);
    if (media) await page.emulateMedia(media);
    return new ChromiumPage(page, await Touchscreen.of(page));
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      await within(this.context.close(), 15_000, 'chromium: closing').catch(() => undefined);
      await endLaunch(this.launch);
      await rm(this.userDataDir, { recursive: true, force: true });
    })();
    return this.closing;
  }
}

export class ChromiumPage extends ScriptPage {
  readonly engine = 'chromium' as const;
  readonly mouse;

  constructor(
    readonly page: Page,
    readonly touch: Touchscreen,
  ) {
    super();
    page.on('console', (msg) => {
      const type = msg.type();
      if (type === 'error' || type === 'warning') {
        const where = msg.location().url;
        this.problems.push({ type, text: where ? `${msg.text()} (${where})` : msg.text() });
      }
    });
    page.on('response', (res) => {
      if (res.status() >= 400) this.problems.push({ type: 'http', text: `${res.status()} ${res.url()}` });
    });
    page.on('pageerror', (err) => this.problems.push({ type: 'pageerror', text: String(err.stack ?? err) }));
    const cdp = touch.cdp;
    this.mouse = {
      move: (x: number, y: number) => page.mouse.move(x, y),
      down: () => page.mouse.down(),
      up: () => page.mouse.up(),
      wheel: (deltaX: number, deltaY: number) => page.mouse.wheel(deltaX, deltaY),
      async pen(kind: 'down' | 'move' | 'up', x: number, y: number) {
        const type = kind === 'down' ? 'mousePressed' : kind === 'move' ? 'mouseMoved' : 'mouseReleased';
        await cdp.send('Input.dispatchMouseEvent', { type, x, y, button: 'left', buttons: kind === 'up' ? 0 : 1, clickCount: 1, pointerType: 'pen' });
      },
    };
  }

  /** The page's DevTools protocol session (also the one touch input is sent through). */
  get cdp(): CDPSession {
    return this.touch.cdp;
  }

  async goto(url: string, timeoutMs = NAVIGATE_MS): Promise<void> {
    await this.page.goto(url, { timeout: timeoutMs });
  }

  protected evaluateExpression(expression: string): Promise<unknown> {
    return this.page.evaluate(expression);
  }

  click(selector: string): Promise<void> {
    return this.page.click(selector);
  }

  press(key: string): Promise<void> {
    return this.page.keyboard.press(key);
  }

  protected screenshotPng(): Promise<Buffer> {
    return this.page.screenshot();
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}

/** The name bench/suites/browser.ts uses. */
export type Browser = ChromiumBrowser;
