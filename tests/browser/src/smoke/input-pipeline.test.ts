// Proves the harness itself in each engine: the browser launches, the built fixture page loads
// from the local server, and touch, mouse and wheel input reach it (and scroll natively where the
// engine's input is real).
import { expect, inject } from 'vitest';
import type { EngineBrowser } from '../harness/driver';
import { inEachEngine } from '../harness/matrix';

async function openSmoke(browser: EngineBrowser) {
  const page = await browser.open({ width: 400, height: 720 });
  await page.touch.enable();
  await page.goto(`${inject('fixturesUrl')}smoke.html`);
  await page.waitForFunction(() => window.smoke !== undefined);
  return page;
}

inEachEngine((engine) => {
  engine.test('a touch swipe delivers touch events and scrolls the list natively', { needs: ['touch'] }, async () => {
    const page = await openSmoke(engine.browser);
    expect(await page.evaluate(() => navigator.maxTouchPoints)).toBeGreaterThan(0);
    await page.touch.drag({ x: 180, y: 350 }, { x: 180, y: 100 }, { steps: 12, holdFrames: 5 });
    await page.frames(3);
    const counts = await page.evaluate(() => window.smoke.counts);
    expect(counts.touchstart).toBe(1);
    expect(counts.touchmove).toBeGreaterThan(3);
    expect(counts.touchend).toBe(1);
    expect(await page.$eval('#list', (el) => el.scrollTop)).toBeGreaterThan(100);
    expect(page.problems).toEqual([]);
    await page.close();
  });

  engine.test('touch events reach the page (synthetic in WebKit: cancelable, untrusted, no native scroll)', { needs: ['touch-events'] }, async () => {
    const page = await openSmoke(engine.browser);
    await page.evaluate(() => {
      const seen: { cancelable: boolean; trusted: boolean }[] = [];
      (window as unknown as { seenTouch: typeof seen }).seenTouch = seen;
      // Not passive (it never cancels): with passive listeners only, Firefox sends touchmoves uncancelable.
      document.getElementById('list')!.addEventListener('touchmove', (e) => seen.push({ cancelable: e.cancelable, trusted: e.isTrusted }), { passive: false });
    });
    await page.touch.drag({ x: 180, y: 350 }, { x: 180, y: 300 }, { steps: 4, holdFrames: 5 });
    const seen = await page.evaluate(() => (window as unknown as { seenTouch: { cancelable: boolean; trusted: boolean }[] }).seenTouch);
    expect(seen.length).toBeGreaterThanOrEqual(3); // Chromium may keep the first move inside its touch slop
    expect(seen[0].cancelable).toBe(true);
    expect(seen.every((e) => e.trusted === !page.touch.synthetic)).toBe(true);
    if (page.touch.synthetic) expect(await page.$eval('#list', (el) => el.scrollTop)).toBe(0);
    await page.close();
  });

  engine.test('each wheel action arrives with exactly its delta, also on a later page of the same browser', { needs: ['wheel'] }, async () => {
    // WebKitWebDriver dispatches a source's delta minus the one it sent last: an input source id
    // reused across pages turned a page's -40 after an earlier page's 120 into -160, and a repeat into nothing.
    for (let pageIndex = 0; pageIndex < 2; pageIndex++) {
      const page = await openSmoke(engine.browser);
      await page.$eval('#list', (el) => {
        el.scrollTo(0, 400);
        const seen: number[] = [];
        (window as unknown as { seenWheel: number[] }).seenWheel = seen;
        el.addEventListener('wheel', (e) => seen.push((e as WheelEvent).deltaY), { passive: true });
      });
      await page.mouse.move(180, 200);
      for (const deltaY of [120, -40, 120]) {
        await page.mouse.wheel(0, deltaY);
        await page.frames();
      }
      await page.waitForFunction(() => (window as unknown as { seenWheel: number[] }).seenWheel.length >= 3);
      expect(await page.evaluate(() => (window as unknown as { seenWheel: number[] }).seenWheel)).toEqual([120, -40, 120]);
      await page.close();
    }
  });

  engine.test('touch reaches the bottom edge of a phone-tall page (390x844)', { needs: ['touch-events'] }, async () => {
    // Headless Firefox's default window ended 162 px above this page's bottom, and dropped the touches there.
    const page = await engine.browser.open({ width: 390, height: 844 });
    await page.touch.enable();
    await page.goto(`${inject('fixturesUrl')}smoke.html`);
    await page.evaluate(() => {
      const starts: number[] = [];
      (window as unknown as { touchStarts: number[] }).touchStarts = starts;
      document.addEventListener('touchstart', (e) => starts.push(Math.round(e.touches[0].clientY)));
    });
    await page.touch.drag({ x: 195, y: 836 }, { x: 195, y: 800 }, { steps: 4, holdFrames: 2 });
    expect(await page.evaluate(() => (window as unknown as { touchStarts: number[] }).touchStarts)).toEqual([836]);
    await page.close();
  });

  engine.test('a native touch point outside the page fails with the point named (Firefox would drop it silently)', { needs: ['touch'], only: ['firefox'] }, async () => {
    const page = await openSmoke(engine.browser);
    await expect(page.touch.start({ x: 180, y: 730 })).rejects.toThrow(/touch point \(180, 730\) is outside the 400x720 page/);
    await expect(page.touch.start({ x: -1, y: 100 })).rejects.toThrow(/touch point \(-1, 100\) is outside/);
    await page.close();
  });

  engine.test('the mouse wheel scrolls the list and mouse buttons give pointer events', { needs: ['wheel', 'mouse'] }, async () => {
    const page = await openSmoke(engine.browser);
    await page.mouse.move(180, 200);
    await page.mouse.wheel(0, 300);
    await page.waitForFunction(() => (document.getElementById('list') as HTMLElement).scrollTop > 0);
    await page.mouse.down();
    for (let y = 210; y <= 250; y += 10) await page.mouse.move(180, y);
    await page.mouse.up();
    const counts = await page.evaluate(() => window.smoke.counts);
    expect(counts.wheel).toBeGreaterThan(0);
    expect(counts.pointerdown).toBe(1);
    expect(counts.pointermove).toBeGreaterThanOrEqual(4);
    expect(counts.pointerup).toBe(1);
    expect(page.problems).toEqual([]);
    await page.close();
  });
});
