// axe-core on every page of the three built demos, in light and dark mode (colour contrast
// differs) on a phone and on a desktop (the snippet open beside the demo), after the page has
// loaded its content: zero violations is the bar.
import { describe, expect, inject } from 'vitest';
import { DEMOS, PHONE, byTestId, withoutWebglFallback } from '../harness/demo';
import { inEachEngine } from '../harness/matrix';
import { axeViolations } from './axe';

const DESKTOP = { width: 1280, height: 800 };

inEachEngine((engine) => describe.each(DEMOS)('%s demo: accessibility (axe-core)', (demo) => {
  for (const [scheme, device] of [
    ['light', 'phone'],
    ['dark', 'phone'],
    ['dark', 'desktop'],
  ] as const) {
  engine.test(`every page has 0 violations in ${scheme} mode on a ${device}`, { needs: scheme === 'dark' ? ['color-scheme'] : [] }, async () => {
    const base = inject('demoUrls')[demo];
    if (!base) throw new Error(`apps/${demo}-demo is missing or did not build`);
    const page = await engine.browser.open(device === 'phone' ? PHONE : DESKTOP, { colorScheme: scheme });
    const problems = page.problems;
    await page.goto(base);
    // React renders in a task after the load event (WebKit reached it with #app still empty).
    await page.waitForSelector(`${byTestId('nav')} a[href^="#/"]`);
    const routes = await page.evaluate((sel) => [...document.querySelectorAll(sel)].map((a) => a.getAttribute('href')!.slice(2)), `${byTestId('nav')} a[href^="#/"]`);
    expect(routes.length).toBeGreaterThanOrEqual(6);
    const found: Record<string, unknown[]> = {};
    for (const route of routes) {
      await page.goto(`${base}#/${route}`);
      await page.waitForFunction((id) => location.hash === `#/${id}` && document.querySelector(`nav a[aria-current="page"][href="#/${id}"]`) !== null, route);
      // Let lazy pages (lab) and plots mount.
      if (route === 'curves' || route === 'lab') await page.waitForSelector(`${byTestId('curve-plot')} canvas`);
      await page.frames(3);
      const violations = await axeViolations(page);
      if (violations.length) found[route] = violations;
    }
    expect(found).toEqual({});
    expect(withoutWebglFallback(page, problems)).toEqual([]);
    await page.close();
  });
  }
}));
