// The differences between engines that the engine had to handle (docs/troubleshooting.md has one
// line per difference). Each runs where its input is real; the engine-specific ones say so.
import { expect } from 'vitest';
import { history, inOrder, openFixture, readElastic, waitForRest } from '../harness/fixture';
import { inEachEngine } from '../harness/matrix';
import { delay } from '../harness/processes';

interface MoveSeen {
  cancelable: boolean;
  prevented: boolean;
  top: number;
}

inEachEngine((engine) => {
  engine.test('a swipe that scrolls the list to its top does not turn into a pull in the same swipe; the next one pulls', { needs: ['touch'] }, async () => {
    const { page, touch, problems } = await openFixture(engine.browser, 'feed');
    await page.$eval('#scroller', (el) => el.scrollTo(0, 100));
    await page.frames(2);
    await touch.drag({ x: 180, y: 100 }, { x: 180, y: 600 }, { steps: 25, holdFrames: 5, keepDown: true });
    // The browser scrolled the list to its top and still has the gesture: nothing stretches.
    expect(await page.$eval('#scroller', (el) => el.scrollTop)).toBe(0);
    expect((await readElastic(page)).offset).toBe(0);
    await touch.end();
    await page.frames(10);
    expect(await history(page)).toEqual(['idle']);
    // A new swipe from the top is a pull.
    await touch.drag({ x: 180, y: 40 }, { x: 180, y: 560 }, { steps: 26, holdFrames: 5 });
    await waitForRest(page);
    expect((await readElastic(page)).refreshCount).toBe(1);
    expect(problems).toEqual([]);
  });

  engine.test('Firefox keeps touchmoves cancelable after its native scrolling started; the engine does not prevent them', { needs: ['touch'], only: ['firefox'] }, async () => {
    const { page, touch } = await openFixture(engine.browser, 'feed');
    await page.$eval('#scroller', (el) => el.scrollTo(0, 100));
    await page.frames(2);
    await page.evaluate(() => {
      const seen: MoveSeen[] = [];
      (window as unknown as { movesSeen: MoveSeen[] }).movesSeen = seen;
      const scroller = document.getElementById('scroller')!;
      // On window, bubbling: after the engine's own listener has run.
      window.addEventListener('touchmove', (e) => seen.push({ cancelable: e.cancelable, prevented: e.defaultPrevented, top: scroller.scrollTop }), { passive: false });
    });
    await touch.drag({ x: 180, y: 100 }, { x: 180, y: 600 }, { steps: 25, holdFrames: 5 });
    const seen = await page.evaluate(() => (window as unknown as { movesSeen: MoveSeen[] }).movesSeen);
    const atTop = seen.filter((move) => move.top === 0);
    expect(atTop.length).toBeGreaterThan(5);
    // The difference: Chromium sends these uncancelable; Firefox says cancelable but would ignore preventDefault.
    expect(atTop.every((move) => move.cancelable)).toBe(true);
    expect(atTop.filter((move) => move.prevented)).toEqual([]);
    expect(await history(page)).toEqual(['idle']);
  });

  engine.test('notched wheel: sparse wheel events (one per 150 ms and more, as WebKit delivers them) add up to one pull that refreshes once', { needs: ['wheel'] }, async () => {
    const { page, problems } = await openFixture(engine.browser, 'feed');
    await page.mouse.move(180, 300);
    for (let notch = 0; notch < 8; notch++) {
      await page.mouse.wheel(0, -100);
      // Pacing the input, not measuring it: a notched wheel turned at a steady hand.
      await delay(150);
    }
    await waitForRest(page);
    const states = await history(page);
    expect(inOrder(states, ['pulling', 'ready', 'refreshing', 'idle'])).toBe(true);
    expect(states.slice(0, states.indexOf('ready'))).not.toContain('cancelled');
    expect((await readElastic(page)).refreshCount).toBe(1);
    expect(problems).toEqual([]);
  });
});
