// Drives a built demo app by its shared data-testids (apps/TESTIDS.md): opens a route, records
// the engine's data-tensile-state changes on an element, reads boxes and waits for rest.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import type { Browser, ConsoleEntry } from './chromium';
import { Touchscreen, type Point } from './touch';

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
  touch: Touchscreen;
}

/**
 * Opens `baseUrl#/route` with touch enabled (and `media` emulated from the first paint) and waits
 * until the element `ready` has its engine attached.
 */
export async function openDemo(
  browser: Browser,
  baseUrl: string,
  route: string,
  ready: string,
  media?: { colorScheme?: 'light' | 'dark'; reducedMotion?: 'reduce' | 'no-preference' },
): Promise<DemoPage> {
  const { page, problems } = await browser.open(PHONE);
  if (media) await page.emulateMedia(media);
  const touch = await Touchscreen.enable(page);
  await page.goto(`${baseUrl}#/${route}`);
  await page.waitForSelector(`${byTestId(ready)}[data-tensile-state]`);
  return { page, problems, touch };
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

export async function box(page: Page, testId: string): Promise<{ x: number; y: number; width: number; height: number }> {
  const b = await page.locator(byTestId(testId)).first().boundingBox();
  if (!b) throw new Error(`${testId} is not visible`);
  return b;
}

/** A vertical pull inside `testId`: from near its top down by `distance` (clamped to the viewport). */
export async function pullPoints(page: Page, testId: string, distance: number): Promise<[Point, Point]> {
  const b = await box(page, testId);
  const from = { x: b.x + b.width / 2, y: b.y + 16 };
  const to = { x: from.x, y: Math.min(from.y + distance, PHONE.height - 4) };
  return [from, to];
}

export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

export const countOf = (page: Page, testId: string): Promise<number> => page.locator(byTestId(testId)).count();
