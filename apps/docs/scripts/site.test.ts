// The built site in Chromium, served as `pnpm start` serves it (under /docs/): on a phone the first
// screen holds the getting-started tabs and nothing overflows sideways, dark mode follows the
// system, and the live demo on the home page pulls to refresh with a real touch. Runs after the
// build (`pnpm test` builds first).
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type Browser } from '../../../tests/browser/src/harness/chromium';
import { Touchscreen, frames } from '../../../tests/browser/src/harness/touch';
import { serveOnFreePort } from '../../../scripts/start/serve';

const dist = fileURLToPath(new URL('../.vitepress/dist', import.meta.url));
const PHONE = { width: 390, height: 700 };
let server: Server;
let base = '';
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(dist)) throw new Error(`no built site in ${dist}: run the docs build first (pnpm --filter @tensile/docs build)`);
  const served = await serveOnFreePort([{ prefix: '/docs/', dir: dist }], 47400);
  server = served.server;
  base = `http://127.0.0.1:${served.port}/docs/`;
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe('the docs site on a phone', () => {
  it('shows the React, Vue, Svelte and vanilla getting-started tabs on the first screen, with no sideways scroll', async () => {
    const { page, problems } = await browser.open(PHONE);
    try {
      await page.goto(base);
      const tabs = page.locator('.vp-code-group .tabs label');
      await expect.poll(() => tabs.allTextContents()).toEqual(['React', 'Vue', 'Svelte', 'Vanilla']);
      const box = await page.locator('.vp-code-group').first().boundingBox();
      expect(box!.y).toBeLessThan(PHONE.height);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
      await tabs.nth(2).click();
      await expect.poll(() => page.locator('.vp-code-group .blocks > .active').first().textContent()).toContain("import { elastic } from '@tensile/svelte'");
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('follows a dark system theme', async () => {
    const { page } = await browser.open(PHONE);
    try {
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.goto(`${base}guide/troubleshooting.html`);
      await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(true);
      await page.emulateMedia({ colorScheme: 'light' });
      await page.goto(`${base}guide/troubleshooting.html`);
      await expect.poll(() => page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(false);
    } finally {
      await page.close();
    }
  });

  it('the live demo on the home page pulls to refresh with a real touch', async () => {
    const { page, problems } = await browser.open(PHONE);
    try {
      await page.goto(base);
      const list = page.getByTestId('docs-live-feed');
      await list.scrollIntoViewIfNeeded();
      await expect.poll(() => list.getAttribute('data-tensile-state')).toBe('idle');
      const touch = await Touchscreen.enable(page);
      const box = (await list.boundingBox())!;
      const x = box.x + box.width / 2;
      await touch.drag({ x, y: box.y + 10 }, { x, y: box.y + 300 }, { steps: 24, holdFrames: 6 });
      await frames(page, 2);
      await expect.poll(() => page.locator('.live-feed__status').textContent(), { timeout: 10_000 }).toBe('Refreshed 1 time');
      await touch.detach();
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
