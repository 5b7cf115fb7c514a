// The elastic engine with desktop input in every engine: mouse drag (opt-in), pen, wheel/trackpad
// with a release read from the decaying delta tail, the refresh key and an accessible refresh
// button. All of it is real input in all three engines (pen: Chromium only).
import { expect } from 'vitest';
import type { EnginePage } from '../harness/driver';
import { history, inOrder, openFixture, peaks, readElastic, waitForRest } from '../harness/fixture';
import { inEachEngine } from '../harness/matrix';

type Page = EnginePage;

async function mouseDrag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }, steps = 24) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(from.x + ((to.x - from.x) * i) / steps, from.y + ((to.y - from.y) * i) / steps);
    await page.frames();
  }
  await page.frames(4);
  await page.mouse.up();
}

/** A trackpad-like stream: steady deltas one per frame, then a decaying tail, then nothing. */
async function wheelPull(page: Page, deltaY: number, steady: number) {
  await page.mouse.move(180, 300);
  for (let i = 0; i < steady; i++) {
    await page.mouse.wheel(0, deltaY);
    await page.frames();
  }
  for (const k of [0.5, 0.25, 0.12, 0.06, 0.03]) {
    await page.mouse.wheel(0, deltaY * k);
    await page.frames();
  }
}

inEachEngine((engine) => {
  // 'mouse drag'
  engine.test('with input.mouse on, a drag past the threshold refreshes once and settles', { needs: ['mouse'] }, async () => {
    const { page, problems } = await openFixture(engine.browser, 'feed', 'mouse=1');
    await mouseDrag(page, { x: 180, y: 30 }, { x: 180, y: 580 });
    await waitForRest(page);
    expect((await readElastic(page)).refreshCount).toBe(1);
    expect(inOrder(await history(page), ['pulling', 'ready', 'refreshing', 'idle'])).toBe(true);
    expect(problems).toEqual([]);
  });

  engine.test('is off by default: the same drag does not move anything', { needs: ['mouse'] }, async () => {
    const { page } = await openFixture(engine.browser, 'feed');
    await mouseDrag(page, { x: 180, y: 30 }, { x: 180, y: 580 });
    await page.frames(3);
    expect(await history(page)).toEqual(['idle']);
    expect((await readElastic(page)).refreshCount).toBe(0);
  });

  // 'pen'
  engine.test('a pen drag pulls and refreshes without the mouse opt-in (CDP pointerType pen)', { needs: ['pen'] }, async () => {
    const { page, problems } = await openFixture(engine.browser, 'feed');
    await page.mouse.pen('down', 180, 30);
    for (let i = 1; i <= 24; i++) {
      await page.mouse.pen('move', 180, 30 + (550 * i) / 24);
      await page.frames();
    }
    await page.frames(4);
    await page.mouse.pen('up', 180, 580);
    await waitForRest(page);
    expect((await readElastic(page)).refreshCount).toBe(1);
    expect(inOrder(await history(page), ['pulling', 'ready', 'refreshing', 'idle'])).toBe(true);
    expect(problems).toEqual([]);
  });

  // 'wheel and trackpad'
  engine.test('scrolling up at the top stretches, then the decaying tail releases and it settles', { needs: ['wheel'] }, async () => {
    const { page, problems, violations } = await openFixture(engine.browser, 'feed');
    await wheelPull(page, -30, 6);
    await waitForRest(page);
    const states = await history(page);
    expect(states).toContain('pulling');
    expect((await peaks(page)).top).toBeGreaterThan(0);
    expect(states.at(-1)).toBe('idle');
    expect(problems).toEqual([]);
    expect(violations?.scrollBlocking() ?? []).toEqual([]);
  });

  engine.test('a long wheel pull past the threshold refreshes once', { needs: ['wheel'] }, async () => {
    const { page } = await openFixture(engine.browser, 'feed');
    // Big deltas arm it within a few events, so a stalled machine (a gap the engine reads as a
    // release) cannot end the stream before the threshold.
    await wheelPull(page, -100, 10);
    await waitForRest(page);
    expect((await readElastic(page)).refreshCount).toBe(1);
    expect(inOrder(await history(page), ['pulling', 'ready', 'refreshing', 'idle'])).toBe(true);
  });

  engine.test('away from the edges the wheel scrolls natively and nothing stretches', { needs: ['wheel'] }, async () => {
    const { page } = await openFixture(engine.browser, 'feed');
    await page.$eval('#scroller', (el) => el.scrollTo(0, 500));
    await page.frames(2);
    await wheelPull(page, -30, 6);
    await page.frames(10);
    expect(await page.$eval('#scroller', (el) => el.scrollTop)).toBeLessThan(500);
    expect(await history(page)).toEqual(['idle']);
  });

  // 'keyboard and accessible refresh'
  engine.test('the refresh key on the focused list refreshes once', { needs: ['keyboard'] }, async () => {
    const { page, problems } = await openFixture(engine.browser, 'feed');
    await page.focus('#scroller');
    await page.press('r');
    await waitForRest(page);
    expect((await readElastic(page)).refreshCount).toBe(1);
    expect(inOrder(await history(page), ['refreshing', 'complete', 'idle'])).toBe(true);
    expect(problems).toEqual([]);
  });

  engine.test('a refresh button calling engine.refresh() works by keyboard and announces through aria-live', { needs: ['keyboard'] }, async () => {
    const { page } = await openFixture(engine.browser, 'feed', 'hold=1');
    await page.focus('#refresh');
    await page.press('Enter');
    await page.waitForFunction(() => window.fixture.snapshot().state === 'refreshing');
    const live = await page.evaluate(() =>
      [...document.querySelectorAll('[aria-live]')].map((el) => (el.textContent ?? '').trim()).join('|'),
    );
    expect(live).not.toBe('');
    await page.evaluate(() => window.fixture.finishRefresh());
    await waitForRest(page);
    expect((await readElastic(page)).refreshCount).toBe(1);
  });
});
