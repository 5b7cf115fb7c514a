// The elastic engine with desktop input in Chromium: mouse drag (opt-in), wheel/trackpad with a
// release read from the decaying delta tail, the refresh key and an accessible refresh button.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type Browser } from '../harness/chromium';
import { history, inOrder, openFixture, peaks, readElastic, waitForRest } from '../harness/fixture';
import { frames } from '../harness/touch';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function mouseDrag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }, steps = 24) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(from.x + ((to.x - from.x) * i) / steps, from.y + ((to.y - from.y) * i) / steps);
    await frames(page);
  }
  await frames(page, 4);
  await page.mouse.up();
}

/** A trackpad-like stream: steady deltas one per frame, then a decaying tail, then nothing. */
async function wheelPull(page: Page, deltaY: number, steady: number) {
  await page.mouse.move(180, 300);
  for (let i = 0; i < steady; i++) {
    await page.mouse.wheel(0, deltaY);
    await frames(page);
  }
  for (const k of [0.5, 0.25, 0.12, 0.06, 0.03]) {
    await page.mouse.wheel(0, deltaY * k);
    await frames(page);
  }
}

describe('mouse drag', () => {
  it('with input.mouse on, a drag past the threshold refreshes once and settles', async () => {
    const { page, problems } = await openFixture(browser, 'feed', 'mouse=1');
    await mouseDrag(page, { x: 180, y: 30 }, { x: 180, y: 580 });
    await waitForRest(page);
    expect((await readElastic(page)).refreshCount).toBe(1);
    expect(inOrder(await history(page), ['pulling', 'ready', 'refreshing', 'idle'])).toBe(true);
    expect(problems).toEqual([]);
  });

  it('is off by default: the same drag does not move anything', async () => {
    const { page } = await openFixture(browser, 'feed');
    await mouseDrag(page, { x: 180, y: 30 }, { x: 180, y: 580 });
    await frames(page, 3);
    expect(await history(page)).toEqual(['idle']);
    expect((await readElastic(page)).refreshCount).toBe(0);
  });
});

describe('pen', () => {
  it('a pen drag pulls and refreshes without the mouse opt-in (CDP pointerType pen)', async () => {
    const { page, problems } = await openFixture(browser, 'feed');
    const cdp = await page.context().newCDPSession(page);
    const pen = (type: 'mousePressed' | 'mouseMoved' | 'mouseReleased', y: number) =>
      cdp.send('Input.dispatchMouseEvent', { type, x: 180, y, button: 'left', buttons: type === 'mouseReleased' ? 0 : 1, clickCount: 1, pointerType: 'pen' });
    await pen('mousePressed', 30);
    for (let i = 1; i <= 24; i++) {
      await pen('mouseMoved', 30 + (550 * i) / 24);
      await frames(page);
    }
    await frames(page, 4);
    await pen('mouseReleased', 580);
    await waitForRest(page);
    expect((await readElastic(page)).refreshCount).toBe(1);
    expect(inOrder(await history(page), ['pulling', 'ready', 'refreshing', 'idle'])).toBe(true);
    expect(problems).toEqual([]);
  });
});

describe('wheel and trackpad', () => {
  it('scrolling up at the top stretches, then the decaying tail releases and it settles', async () => {
    const { page, problems, violations } = await openFixture(browser, 'feed');
    await wheelPull(page, -30, 6);
    await waitForRest(page);
    const states = await history(page);
    expect(states).toContain('pulling');
    expect((await peaks(page)).top).toBeGreaterThan(0);
    expect(states.at(-1)).toBe('idle');
    expect(problems).toEqual([]);
    expect(violations.scrollBlocking()).toEqual([]);
  });

  it('a long wheel pull past the threshold refreshes once', async () => {
    const { page } = await openFixture(browser, 'feed');
    // Big deltas arm it within a few events, so a stalled machine (a gap the engine reads as a
    // release) cannot end the stream before the threshold.
    await wheelPull(page, -100, 10);
    await waitForRest(page);
    expect((await readElastic(page)).refreshCount).toBe(1);
    expect(inOrder(await history(page), ['pulling', 'ready', 'refreshing', 'idle'])).toBe(true);
  });

  it('away from the edges the wheel scrolls natively and nothing stretches', async () => {
    const { page } = await openFixture(browser, 'feed');
    await page.$eval('#scroller', (el) => el.scrollTo(0, 500));
    await frames(page, 2);
    await wheelPull(page, -30, 6);
    await frames(page, 10);
    expect(await page.$eval('#scroller', (el) => el.scrollTop)).toBeLessThan(500);
    expect(await history(page)).toEqual(['idle']);
  });
});

describe('keyboard and accessible refresh', () => {
  it('the refresh key on the focused list refreshes once', async () => {
    const { page, problems } = await openFixture(browser, 'feed');
    await page.focus('#scroller');
    await page.keyboard.press('r');
    await waitForRest(page);
    expect((await readElastic(page)).refreshCount).toBe(1);
    expect(inOrder(await history(page), ['refreshing', 'complete', 'idle'])).toBe(true);
    expect(problems).toEqual([]);
  });

  it('a refresh button calling engine.refresh() works by keyboard and announces through aria-live', async () => {
    const { page } = await openFixture(browser, 'feed', 'hold=1');
    await page.focus('#refresh');
    await page.keyboard.press('Enter');
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
