// Indicator mode: only the indicator layer moves, so `position: sticky` and `position: fixed`
// children keep working (a transform on an ancestor would re-anchor them). The content-mode
// control shows the check can fail.
// Touch as events is enough (the pull starts at the top, nothing scrolls natively): WebKit runs
// it with synthetic touch.
import { expect } from 'vitest';
import type { EnginePage } from '../harness/driver';
import { openFixture, readElastic, waitForRest } from '../harness/fixture';
import { inEachEngine } from '../harness/matrix';

type Page = EnginePage;

const rectTop = (page: Page, sel: string) => page.$eval(sel, (el) => el.getBoundingClientRect().top);

inEachEngine((engine) => {
  // 'sticky and fixed children'
  engine.test('in indicator mode a pull moves the indicator only; fixed and sticky children stay put', { needs: ['touch-events'] }, async () => {
    const { page, touch, problems } = await openFixture(engine.browser, 'sticky');
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
    await page.frames(2);
    expect(await rectTop(page, '#sticky')).toBeCloseTo(scrollerTop + 1, 0);
    expect(problems).toEqual([]);
  });

  engine.test('control: in content mode the same pull drags the fixed child along', { needs: ['touch-events'] }, async () => {
    const { page, touch } = await openFixture(engine.browser, 'sticky', 'mode=content');
    const fixedBefore = await rectTop(page, '#fixed');
    await touch.drag({ x: 180, y: 40 }, { x: 180, y: 400 }, { steps: 20, holdFrames: 3, keepDown: true });
    const held = await readElastic(page);
    expect(held.contentShift[1]).toBeGreaterThan(10);
    expect(await rectTop(page, '#fixed')).not.toBe(fixedBefore);
    await touch.end();
    await waitForRest(page);
  });
});
