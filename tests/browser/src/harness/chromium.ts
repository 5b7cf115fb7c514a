// Launches Debian's Chromium through playwright-core (never Playwright's own browser download)
// with a fresh profile, and hands out pages that record console errors and warnings.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

// Re-exported for bench/suites/browser.ts, which lives outside this package's dependencies.
export type { CDPSession, Page } from 'playwright-core';

/** Debian's package; scripts/ensure-chromium.mjs installs it before the tests start. */
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

export interface ConsoleEntry {
  type: string;
  text: string;
}

export interface OpenedPage {
  page: Page;
  /** console.error / console.warning messages, uncaught page errors and HTTP errors, in order. */
  problems: ConsoleEntry[];
}

export interface Browser {
  context: BrowserContext;
  /** Opens a page (viewport in CSS px) that records console problems. */
  open(viewport?: { width: number; height: number }): Promise<OpenedPage>;
  close(): Promise<void>;
}

export async function launchChromium(): Promise<Browser> {
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'tensile-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 390, height: 700 },
    deviceScaleFactor: 1,
    // Touch support is switched on per page through the DevTools protocol (see touch.ts), so one
    // context serves both the touch and the desktop (mouse, wheel) scenarios.
    hasTouch: false,
  });
  // The persistent context opens with one blank page; close it so pages are only ours.
  await Promise.all(context.pages().map((p) => p.close()));
  return {
    context,
    async open(viewport) {
      const page = await context.newPage();
      if (viewport) await page.setViewportSize(viewport);
      const problems: ConsoleEntry[] = [];
      page.on('console', (msg) => {
        const type = msg.type();
        if (type === 'error' || type === 'warning') {
          const where = msg.location().url;
          problems.push({ type, text: where ? `${msg.text()} (${where})` : msg.text() });
        }
      });
      page.on('response', (res) => {
        if (res.status() >= 400) problems.push({ type: 'http', text: `${res.status()} ${res.url()}` });
      });
      page.on('pageerror', (err) => problems.push({ type: 'pageerror', text: String(err.stack ?? err) }));
      return { page, problems };
    },
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
