// Drives a built demo app by its shared data-testids (apps/TESTIDS.md): opens a route, records
// the engine's data-tensile-state changes on an element, reads boxes and waits for rest.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ConsoleEntry, EngineBrowser, EnginePage, Media, Point, Touch } from './driver';

type Page = EnginePage;

/** The demos the e2e suite drives (apps/<name>-demo), all with the same routes and test ids. */
export const DEMOS = ['react', 'vue', 'svelte'] as const;
export type DemoName = (typeof DEMOS)[number];

/** A phone-sized viewport: the demos are mobile-first. */
export const PHONE = { width: 390, height: 844 };

/** Screenshots go here (gitignored); docs/screenshots/ holds the copies the README shows. */
export const SCREENSHOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test-output/screenshots');

export const byTestId = (id: string): string => `[data-testid="${id}"]`;

export interface DemoPage {
  page: Page;
  problems: ConsoleEntry[];
  touch: Touch;
}

/**
 * Opens `baseUrl#/route` with touch enabled (and `media` emulated from the first paint) and waits
 * until the element `ready` has its engine attached.
 */
export async function openDemo(browser: EngineBrowser, baseUrl: string, route: string, ready: string, media?: Media): Promise<DemoPage> {
  const page = await browser.open(PHONE, media);
  await page.touch.enable();
  await page.goto(`${baseUrl}#/${route}`);
  await page.waitForSelector(`${byTestId(ready)}[data-tensile-state]`);
  return { page, problems: page.problems, touch: page.touch };
}

/**
 * Records every data-tensile-state value `testId` takes from now on (a MutationObserver in the
 * page), so short-lived states such as 'ready' or 'complete' are never missed between polls.
 */
export async function recordStates(page: Page, testId: string): Promise<void> {
  await page.evaluate((id) => {
    const w = window as unknown as { tensileStates?: Record<string, string[]> };
    const el = document.querySelector(`[data-testid="${id}"]`) as HTMLElement;
    const log = [el.getAttribute('data-tensile-state') ?? ''];
    (w.tensileStates ??= {})[id] = log;
    new MutationObserver(() => {
      const state = el.getAttribute('data-tensile-state') ?? '';
      if (log[log.length - 1] !== state) log.push(state);
    }).observe(el, { attributes: true, attributeFilter: ['data-tensile-state'] });
  }, testId);
}

export const statesOf = (page: Page, testId: string): Promise<string[]> =>
  page.evaluate((id) => [...((window as unknown as { tensileStates: Record<string, string[]> }).tensileStates[id] ?? [])], testId);

/** Waits until `testId` is idle with nothing displaced (polling in the page, no fixed sleeps). */
export async function waitIdle(page: Page, testId: string): Promise<void> {
  await page.waitForFunction((id) => {
    const el = document.querySelector(`[data-testid="${id}"]`) as HTMLElement | null;
    if (!el || el.getAttribute('data-tensile-state') !== 'idle') return false;
    const offset = el.style.getPropertyValue('--tensile-offset').trim();
    return offset === '' || Number.parseFloat(offset) === 0;
  }, testId);
}

export const box = (page: Page, testId: string) => page.box(byTestId(testId));

/** A vertical pull inside `testId`: from near its top down by `distance` (clamped to the viewport). */
export async function pullPoints(page: Page, testId: string, distance: number): Promise<[Point, Point]> {
  const b = await box(page, testId);
  const from = { x: b.x + b.width / 2, y: b.y + 16 };
  const to = { x: from.x, y: Math.min(from.y + distance, PHONE.height - 4) };
  return [from, to];
}

/** Saves a screenshot as test-output/screenshots/<name>.png (Chromium) or <name>.<engine>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, page.engine === 'chromium' ? `${name}.png` : `${name}.${page.engine}.png`);
  await page.screenshot(file);
  return file;
}

export const countOf = (page: Page, testId: string): Promise<number> => page.count(byTestId(testId));

/**
 * `problems` without the one warning headless Firefox is expected to give on these machines: it
 * has no WebGL, so TF.js reports that its webgl backend failed (a message, then its stack) and
 * runs the net on the CPU backend. Everything else, and that warning in any other engine, stays.
 */
export function withoutWebglFallback(page: Page, problems: ConsoleEntry[]): ConsoleEntry[] {
  if (page.engine !== 'firefox') return problems;
  const kept: ConsoleEntry[] = [];
  for (let i = 0; i < problems.length; i++) {
    if (problems[i].type === 'warn' && problems[i].text === 'Initialization of backend webgl failed') {
      // TF.js logs the failure's stack as a second warning right after it.
      if (problems[i + 1]?.type === 'warn' && /^\S*@\S+:\d+:\d+/.test(problems[i + 1].text)) i++;
      continue;
    }
    kept.push(problems[i]);
  }
  return kept;
}
