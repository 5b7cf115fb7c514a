// Opens an engine fixture page and reads the engine's visible output back from the DOM: the
// snapshot, data-tensile-state, the CSS variables and the transforms of the moved layers.
import { inject } from 'vitest';
import { ChromiumPage } from './chromium';
import type { ConsoleEntry, EngineBrowser, EnginePage, Media, Touch } from './driver';
import { watchViolations, type ViolationWatch } from './violations';

type Page = EnginePage;

export const VIEWPORT = { width: 400, height: 720 };

export interface Fixture {
  page: EnginePage;
  touch: Touch;
  problems: ConsoleEntry[];
  /** Chromium's interventions log (DevTools protocol); null in the other engines, which have none. */
  violations: ViolationWatch | null;
}

/** Opens fixtures/<name>.html?<query> (with `media` emulated from the start) and waits until its engine is attached. */
export async function openFixture(browser: EngineBrowser, name: string, query = '', media?: Media): Promise<Fixture> {
  const page = await browser.open(VIEWPORT, media);
  await page.touch.enable();
  const violations = page instanceof ChromiumPage ? await watchViolations(page.page) : null;
  await page.goto(`${inject('fixturesUrl')}${name}.html${query ? `?${query}` : ''}`);
  await page.waitForFunction(() => window.fixture !== undefined);
  return { page, touch: page.touch, problems: page.problems, violations };
}

/** The Chromium page behind `page`, for the checks that need the DevTools protocol. */
export function chromiumOf(page: EnginePage): ChromiumPage {
  if (!(page instanceof ChromiumPage)) throw new Error(`a DevTools protocol check ran in ${page.engine}`);
  return page;
}

export interface ElasticView {
  state: string;
  edge: string | null;
  offset: number;
  progress: number;
  distance: number;
  /** data-tensile-state on the container. */
  dataState: string | null;
  /** --tensile-offset / --tensile-progress as written on the container ('' when unset). */
  cssOffset: string;
  cssProgress: string;
  /** Computed translation of #content and #indicator, px ([0, 0] for no transform). */
  contentShift: [number, number];
  indicatorShift: [number, number] | null;
  ariaBusy: string | null;
  refreshCount: number;
}

export function readElastic(page: Page): Promise<ElasticView> {
  return page.evaluate(() => {
    const shift = (el: Element | null): [number, number] | null => {
      if (!el) return null;
      const m = new DOMMatrixReadOnly(getComputedStyle(el).transform === 'none' ? undefined : getComputedStyle(el).transform);
      return [m.m41, m.m42];
    };
    const scroller = document.getElementById('scroller') as HTMLElement;
    const s = window.fixture.snapshot();
    return {
      state: s.state,
      edge: s.edge,
      offset: s.offset,
      progress: s.progress,
      distance: s.distance,
      dataState: scroller.getAttribute('data-tensile-state'),
      cssOffset: scroller.style.getPropertyValue('--tensile-offset').trim(),
      cssProgress: scroller.style.getPropertyValue('--tensile-progress').trim(),
      contentShift: shift(document.getElementById('content')) ?? [0, 0],
      indicatorShift: shift(document.getElementById('indicator')),
      ariaBusy: scroller.getAttribute('aria-busy'),
      refreshCount: window.fixture.refreshCount,
    };
  });
}

/** Waits (by polling the page, no fixed sleeps) until the engine is idle with nothing displaced. */
export async function waitForRest(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const s = window.fixture.snapshot();
    return s.state === 'idle' && s.offset === 0;
  });
}

export const history = (page: Page): Promise<string[]> => page.evaluate(() => [...window.fixture.states]);
export const peaks = (page: Page): Promise<Record<string, number>> => page.evaluate(() => ({ ...window.fixture.peak }));

/** True when `sub` appears in `seq` in order (not necessarily adjacent). */
export function inOrder(seq: string[], sub: string[]): boolean {
  let i = 0;
  for (const s of seq) if (s === sub[i]) i++;
  return i === sub.length;
}
