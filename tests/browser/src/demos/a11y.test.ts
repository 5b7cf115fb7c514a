// axe-core on every page of the three built demos, in light and dark mode (colour contrast
// differs) on a phone and on a desktop (the snippet open beside the demo), after the page has
// loaded its content: zero violations is the bar.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, type Browser } from '../harness/chromium';
import { DEMOS, PHONE, byTestId } from '../harness/demo';
import { frames } from '../harness/touch';
import { axeViolations } from './axe';

const DESKTOP = { width: 1280, height: 800 };

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(DEMOS)('%s demo: accessibility (axe-core)', (demo) => {
  it.each([
    ['light', 'phone'],
    ['dark', 'phone'],
    ['dark', 'desktop'],
  ] as const)('every page has 0 violations in %s mode on a %s', async (scheme, device) => {
    const base = inject('demoUrls')[demo];
    if (!base) throw new Error(`apps/${demo}-demo is missing or did not build`);
    const { page, problems } = await browser.open(device === 'phone' ? PHONE : DESKTOP);
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(base);
    const routes = await page.$$eval(`${byTestId('nav')} a[href^="#/"]`, (links) => links.map((a) => a.getAttribute('href')!.slice(2)));
    expect(routes.length).toBeGreaterThanOrEqual(6);
    const found: Record<string, unknown[]> = {};
    for (const route of routes) {
      await page.goto(`${base}#/${route}`);
      await page.waitForFunction((id) => location.hash === `#/${id}` && document.querySelector(`nav a[aria-current="page"][href="#/${id}"]`) !== null, route);
      // Let lazy pages (lab) and plots mount.
      if (route === 'curves' || route === 'lab') await page.waitForSelector(`${byTestId('curve-plot')} canvas`);
      await frames(page, 3);
      const violations = await axeViolations(page);
      if (violations.length) found[route] = violations;
    }
    expect(found).toEqual({});
    expect(problems).toEqual([]);
    await page.close();
  });
});
