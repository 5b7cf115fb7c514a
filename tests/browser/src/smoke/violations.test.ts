// Proves the listener checks (src/harness/violations.ts) that the engine's "no passive-listener
// warnings" tests rely on: a refused preventDefault inside a passive listener is reported, and
// the passive flag of each registered listener is read back.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, type Browser } from '../harness/chromium';
import { Touchscreen } from '../harness/touch';
import { listenersOf, watchViolations } from '../harness/violations';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function openWatched(query: string) {
  const { page } = await browser.open();
  const watch = await watchViolations(page);
  await page.goto(`${inject('fixturesUrl')}smoke.html${query}`);
  await page.waitForFunction(() => window.smoke !== undefined);
  return { page, watch };
}

describe('listener checks', () => {
  it('report nothing for passive listeners that never cancel', async () => {
    const { page, watch } = await openWatched('');
    await (await Touchscreen.enable(page)).drag({ x: 180, y: 350 }, { x: 180, y: 100 }, { steps: 8 });
    expect(watch.scrollBlocking()).toEqual([]);
    expect((await listenersOf(page, '#list')).filter((l) => !l.passive)).toEqual([]);
    await page.close();
  });

  it('report a refused preventDefault and a blocking touchstart listener', async () => {
    const { page, watch } = await openWatched('?blocking=1');
    await (await Touchscreen.enable(page)).drag({ x: 180, y: 350 }, { x: 180, y: 100 }, { steps: 8 });
    expect(watch.scrollBlocking().map((e) => e.text).join('\n')).toMatch(/preventDefault inside passive event listener/);
    expect((await listenersOf(page, '#list')).filter((l) => !l.passive).map((l) => l.type)).toEqual(['touchstart']);
    await page.close();
  });
});
