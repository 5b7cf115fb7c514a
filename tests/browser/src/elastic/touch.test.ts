// The elastic engine under touch input in every engine: pull to refresh on a list, bottom
// overscroll, a second finger, a lost touchend, a horizontal carousel and a nested scroller
// inside the list. Chromium (CDP) and Firefox (native touch through APZ) have real touch; WebKit
// runs the tests whose assertions do not depend on native scrolling with synthetic touch events.
// No assertion here depends on wall-clock time.
import { expect } from 'vitest';
import type { Media } from '../harness/driver';
import { chromiumOf, history, inOrder, openFixture, peaks, readElastic, waitForRest } from '../harness/fixture';
import { inEachEngine } from '../harness/matrix';
import { listenersOf } from '../harness/violations';

// The article curve shows 60 px (the threshold) after 316 px of finger travel; 520 px shows ~95.
const LONG_PULL = { from: { x: 180, y: 40 }, to: { x: 180, y: 560 } };
const SHORT_PULL = { from: { x: 180, y: 40 }, to: { x: 180, y: 140 } };

inEachEngine((engine) => {
  // 'listeners (the peers\' passive-listener warnings)'
  engine.test('touchstart and pointerdown are passive; only touchmove and wheel can cancel, and nothing is refused', { needs: ['devtools', 'touch'] }, async () => {
    const { page, touch, violations } = await openFixture(engine.browser, 'feed', 'mouse=1');
    const listeners = await listenersOf(chromiumOf(page).page, '#scroller');
    const types = new Set(listeners.map((l) => l.type));
    for (const type of ['touchstart', 'touchmove', 'touchend', 'touchcancel', 'pointerdown', 'wheel', 'keydown']) expect(types).toContain(type);
    expect(listeners.filter((l) => l.type === 'touchstart' || l.type === 'pointerdown').every((l) => l.passive)).toBe(true);
    expect([...new Set(listeners.filter((l) => !l.passive).map((l) => l.type))].sort()).toEqual(['touchmove', 'wheel']);
    // A pull that cancels native scrolling: every preventDefault must be on a cancelable event.
    await touch.drag(LONG_PULL.from, LONG_PULL.to, { steps: 26 });
    await page.mouse.move(180, 300);
    await page.mouse.wheel(0, -40);
    await waitForRest(page);
    expect(violations?.scrollBlocking() ?? []).toEqual([]);
  });

  // 'attach and destroy in a real page'
  engine.test('sets touch-action and overscroll-behavior while attached (no native bounce fighting the pull); destroy restores them and its inline styles', {}, async () => {
    const { page, problems } = await openFixture(engine.browser, 'feed');
    const styles = () =>
      page.$eval('#scroller', (el) => {
        const cs = getComputedStyle(el);
        return { touchAction: cs.touchAction, overscrollY: cs.overscrollBehaviorY, state: el.getAttribute('data-tensile-state') };
      });
    expect(await styles()).toEqual({ touchAction: 'pan-y pinch-zoom', overscrollY: 'none', state: 'idle' });
    await page.evaluate(() => window.fixture.engine.destroy());
    expect(await styles()).toEqual({ touchAction: 'auto', overscrollY: 'auto', state: null });
    expect(await page.$eval('#scroller', (el) => el.getAttribute('style') ?? '')).toBe('');
    expect(await page.$eval('#content', (el) => el.getAttribute('style') ?? '')).toBe('');
    expect(problems).toEqual([]);
  });

  engine.test('destroy removes every listener it added (window, document, the scroller)', { needs: ['devtools'] }, async () => {
    const { page } = await openFixture(engine.browser, 'feed');
    const types = async (target: string) => (await listenersOf(chromiumOf(page).page, target)).map((l) => l.type);
    expect((await types('#scroller')).length).toBeGreaterThan(0);
    expect(await types('window')).toContain('blur');
    expect(await types('document')).toContain('visibilitychange');
    await page.evaluate(() => window.fixture.engine.destroy());
    expect(await types('window')).not.toContain('blur');
    expect(await types('document')).not.toContain('visibilitychange');
    expect(await types('#scroller')).toEqual([]);
  });

  // 'pull to refresh on a list (touch)'
  engine.test('a pull past the threshold shows ready while held, refreshes once on release and settles', { needs: ['touch-events'] }, async () => {
    const { page, touch, problems, violations } = await openFixture(engine.browser, 'feed');
    await touch.drag(LONG_PULL.from, LONG_PULL.to, { steps: 26, holdFrames: 4, keepDown: true });
    const held = await readElastic(page);
    expect(held.state).toBe('ready');
    expect(held.edge).toBe('top');
    expect(held.progress).toBe(1);
    expect(held.offset).toBeGreaterThan(60);
    expect(held.offset).toBeLessThan(held.distance);
    expect(held.dataState).toBe('ready');
    expect(Number.parseFloat(held.cssOffset)).toBeCloseTo(held.offset, 0);
    expect(Number.parseFloat(held.cssProgress)).toBeCloseTo(1, 3);
    // The content moves by transform only, by the displayed offset.
    expect(held.contentShift[1]).toBeCloseTo(held.offset, 0);
    expect(held.refreshCount).toBe(0);

    await touch.end();
    await waitForRest(page);
    const rest = await readElastic(page);
    expect(rest.refreshCount).toBe(1);
    expect(rest.dataState).toBe('idle');
    expect(rest.contentShift).toEqual([0, 0]);
    const states = await history(page);
    expect(inOrder(states, ['pulling', 'ready', 'refreshing', 'complete', 'idle'])).toBe(true);
    expect(states.at(-1)).toBe('idle');
    expect(problems).toEqual([]);
    expect(violations?.scrollBlocking() ?? []).toEqual([]);
  });

  engine.test('holds at the refresh offset, marks aria-busy while refreshing, and never refreshes twice', { needs: ['touch-events'] }, async () => {
    const { page, touch } = await openFixture(engine.browser, 'feed', 'hold=1');
    await touch.drag(LONG_PULL.from, LONG_PULL.to, { steps: 26, holdFrames: 4 });
    await page.waitForFunction(() => window.fixture.snapshot().state === 'refreshing');
    // Let the release spring come to rest at the hold position (it lands exactly on it).
    await page.waitForFunction(() => window.fixture.snapshot().offset === 60);
    const refreshing = await readElastic(page);
    expect(refreshing.ariaBusy).toBe('true');
    expect(refreshing.dataState).toBe('refreshing');
    expect(refreshing.contentShift[1]).toBeCloseTo(60, 0);
    // A second pull while refreshing must not start another refresh.
    await touch.drag({ x: 180, y: 100 }, LONG_PULL.to, { steps: 20, holdFrames: 2 });
    await page.frames(5);
    expect((await readElastic(page)).refreshCount).toBe(1);
    await page.evaluate(() => window.fixture.finishRefresh());
    await waitForRest(page);
    const rest = await readElastic(page);
    expect(rest.refreshCount).toBe(1);
    expect(rest.ariaBusy === null || rest.ariaBusy === 'false').toBe(true);
  });

  engine.test('a short pull springs back without refreshing', { needs: ['touch-events'] }, async () => {
    const { page, touch, problems } = await openFixture(engine.browser, 'feed');
    await touch.drag(SHORT_PULL.from, SHORT_PULL.to, { steps: 10, holdFrames: 4, keepDown: true });
    const held = await readElastic(page);
    expect(held.state).toBe('pulling');
    expect(held.offset).toBeGreaterThan(5);
    expect(held.progress).toBeGreaterThan(0);
    expect(held.progress).toBeLessThan(1);
    await touch.end();
    await waitForRest(page);
    const states = await history(page);
    expect(states).not.toContain('ready');
    expect(states).not.toContain('refreshing');
    expect((await readElastic(page)).refreshCount).toBe(0);
    expect(problems).toEqual([]);
  });

  engine.test('springs back over many frames, and jumps straight to rest under prefers-reduced-motion', { needs: ['touch-events', 'reduced-motion'] }, async () => {
    const trail = async (reduced: boolean) => {
      const { page, touch } = await openFixture(engine.browser, 'feed', '', { reducedMotion: reduced ? 'reduce' : 'no-preference' } satisfies Media);
      expect(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches)).toBe(reduced);
      await touch.drag(SHORT_PULL.from, { x: 180, y: 240 }, { steps: 12, holdFrames: 3 });
      await waitForRest(page);
      const offsets = await page.evaluate(() => [...window.fixture.springTrail]);
      expect(await history(page)).toEqual(['idle', 'pulling', 'cancelled', 'idle']);
      await page.close();
      return offsets;
    };
    const animated = await trail(false);
    expect(animated.length).toBeGreaterThan(5);
    // Many distinct in-between offsets: an animation, not a jump (it may first carry on outwards
    // with the finger's release velocity, so no monotonicity is asserted).
    expect(new Set(animated.filter((v) => v > 0)).size).toBeGreaterThan(5);
    const reduced = await trail(true);
    expect(reduced.filter((v) => v > 0 && v < reduced[0])).toEqual([]);
  });

  engine.test('does not pull when the list is not at its top: the swipe scrolls natively', { needs: ['touch'] }, async () => {
    const { page, touch } = await openFixture(engine.browser, 'feed');
    await page.$eval('#scroller', (el) => el.scrollTo(0, 400));
    await page.frames(2);
    await touch.drag({ x: 180, y: 100 }, { x: 180, y: 300 }, { steps: 12, holdFrames: 3 });
    await page.frames(3);
    const top = await page.$eval('#scroller', (el) => el.scrollTop);
    expect(top).toBeLessThan(400);
    expect(top).toBeGreaterThan(0);
    expect(await history(page)).toEqual(['idle']);
    expect((await readElastic(page)).refreshCount).toBe(0);
  });

  engine.test('overscrolls at the bottom (content moves up), never refreshes there, and settles', { needs: ['touch-events'] }, async () => {
    const { page, touch, problems } = await openFixture(engine.browser, 'feed');
    await page.$eval('#scroller', (el) => el.scrollTo(0, el.scrollHeight));
    await page.frames(2);
    await touch.drag({ x: 180, y: 560 }, { x: 180, y: 160 }, { steps: 20, holdFrames: 3, keepDown: true });
    const held = await readElastic(page);
    expect(held.edge).toBe('bottom');
    expect(held.state).toBe('pulling');
    expect(held.offset).toBeGreaterThan(10);
    expect(held.progress).toBe(0);
    expect(held.contentShift[1]).toBeCloseTo(-held.offset, 0);
    await touch.end();
    await waitForRest(page);
    expect((await readElastic(page)).refreshCount).toBe(0);
    expect((await peaks(page)).bottom).toBeGreaterThan(10);
    expect(problems).toEqual([]);
  });

  engine.test('a second finger settles the gesture instead of refreshing', { needs: ['touch-events'] }, async () => {
    const { page, touch } = await openFixture(engine.browser, 'feed');
    await touch.drag(LONG_PULL.from, LONG_PULL.to, { steps: 26, holdFrames: 2, keepDown: true });
    expect((await readElastic(page)).state).toBe('ready');
    await touch.start(LONG_PULL.to, { x: 100, y: 300 });
    await page.frames(2);
    await touch.end();
    await waitForRest(page);
    expect((await readElastic(page)).refreshCount).toBe(0);
    expect(await history(page)).toContain('cancelled');
  });

  engine.test('a window blur (app switch) mid-pull settles the gesture; the late touchend does not refresh', { needs: ['touch-events'] }, async () => {
    const { page, touch } = await openFixture(engine.browser, 'feed');
    await touch.drag(LONG_PULL.from, LONG_PULL.to, { steps: 26, holdFrames: 2, keepDown: true });
    expect((await readElastic(page)).state).toBe('ready');
    await page.evaluate(() => window.dispatchEvent(new Event('blur')));
    await touch.end();
    await waitForRest(page);
    expect((await readElastic(page)).refreshCount).toBe(0);
    expect(await history(page)).toContain('cancelled');
  });

  engine.test('touchcancel (a lost touchend) settles the gesture instead of leaving it stuck', { needs: ['touch-events'] }, async () => {
    const { page, touch } = await openFixture(engine.browser, 'feed');
    await touch.drag(LONG_PULL.from, LONG_PULL.to, { steps: 26, holdFrames: 2, keepDown: true });
    expect((await readElastic(page)).state).toBe('ready');
    await touch.cancel();
    await waitForRest(page);
    expect((await readElastic(page)).refreshCount).toBe(0);
  });

  // 'arbitration with inner scrollers (touch)'
  engine.test('a horizontal swipe on the carousel scrolls it and does not pull the list', { needs: ['touch'] }, async () => {
    const { page, touch, problems } = await openFixture(engine.browser, 'carousel');
    // Mostly sideways with some downward drift, as a thumb really swipes.
    await touch.drag({ x: 300, y: 60 }, { x: 40, y: 110 }, { steps: 16, holdFrames: 3 });
    await page.frames(5);
    expect(await page.$eval('#carousel', (el) => el.scrollLeft)).toBeGreaterThan(100);
    expect(await history(page)).toEqual(['idle']);
    expect((await readElastic(page)).contentShift).toEqual([0, 0]);
    expect(problems).toEqual([]);
  });

  engine.test('a vertical pull that starts on the carousel still pulls the list', { needs: ['touch-events'] }, async () => {
    const { page, touch } = await openFixture(engine.browser, 'carousel');
    await touch.drag({ x: 180, y: 60 }, { x: 180, y: 580 }, { steps: 26, holdFrames: 3 });
    await waitForRest(page);
    expect((await readElastic(page)).refreshCount).toBe(1);
  });

  engine.test('the nested scroller scrolls first and nothing pulls until it is at its top', { needs: ['touch'] }, async () => {
    const { page, touch, problems } = await openFixture(engine.browser, 'nested');
    await page.$eval('#inner', (el) => el.scrollTo(0, 300));
    await page.frames(2);
    await touch.drag({ x: 180, y: 40 }, { x: 180, y: 180 }, { steps: 12, holdFrames: 3 });
    await page.frames(3);
    const innerTop = await page.$eval('#inner', (el) => el.scrollTop);
    expect(innerTop).toBeLessThan(300);
    expect(innerTop).toBeGreaterThan(0);
    expect(await history(page)).toEqual(['idle']);

    // Now at its top: the same pull on the inner scroller pulls the outer list.
    await page.$eval('#inner', (el) => el.scrollTo(0, 0));
    await page.frames(2);
    await touch.drag({ x: 180, y: 40 }, { x: 180, y: 580 }, { steps: 26, holdFrames: 3 });
    await waitForRest(page);
    expect((await readElastic(page)).refreshCount).toBe(1);
    expect(problems).toEqual([]);
  });
});
