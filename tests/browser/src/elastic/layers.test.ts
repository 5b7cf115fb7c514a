// Indicator mode: only the indicator layer moves, so `position: sticky` and `position: fixed`
// children keep working (a transform on an ancestor would re-anchor them). The content-mode
// control shows the check can fail.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type Browser } from '../harness/chromium';
import { openFixture, readElastic, waitForRest } from '../harness/fixture';
import { Touchscreen, frames } from '../harness/touch';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const rectTop = (page: Page, sel: string) => page.$eval(sel, (el) => el.getBoundingClientRect().top);

describe('sticky and fixed children', () => {
  it('in indicator mode a pull moves the indicator only; fixed and sticky children stay put', async () => {
    const { page, problems } = await openFixture(browser, 'sticky');
    const touch = await Touchscreen.enable(page);
    const fixedBefore = await rectTop(page, '#fixed');
    const stickyBefore = await rectTop(page, '#sticky');
    await touch.drag({ x: 180, y: 40 }, { x: 180, y: 400 }, { steps: 20, holdFrames: 3, keepDown: true });
    const held = await readElastic(page);
    expect(held.state).not.toBe('idle');
    expect(held.offset).toBeGreaterThan(10);
    expect(held.contentShift).toEqual([0, 0]);
    expect(held.indicatorShift?.[1]).toBeCloseTo(held.offset, 0);
    expect(Number.parseFloat(held.cssOffset)).toBeCloseTo(held.offset, 0);
    expect(await rectTop(page, '#fixed')).toBe(fixedBefore);
    expect(await rectTop(page, '#sticky')).toBe(stickyBefore);
    await touch.end();
    await waitForRest(page);

    // Sticky still sticks after scrolling (no transformed ancestor left behind).
    const scrollerTop = await rectTop(page, '#scroller');
    await page.$eval('#scroller', (el) => el.scrollTo(0, 300));
    await frames(page, 2);
    expect(await rectTop(page, '#sticky')).toBeCloseTo(scrollerTop + 1, 0);
    expect(problems).toEqual([]);
  });

  it('control: in content mode the same pull drags the fixed child along', async () => {
    const { page } = await openFixture(browser, 'sticky', 'mode=content');
    const touch = await Touchscreen.enable(page);
    const fixedBefore = await rectTop(page, '#fixed');
    await touch.drag({ x: 180, y: 40 }, { x: 180, y: 400 }, { steps: 20, holdFrames: 3, keepDown: true });
    const held = await readElastic(page);
    expect(held.contentShift[1]).toBeGreaterThan(10);
    expect(await rectTop(page, '#fixed')).not.toBe(fixedBefore);
    await touch.end();
    await waitForRest(page);
  });
});
