// Proves the listener checks (src/harness/violations.ts) that the engine's "no passive-listener
// warnings" tests rely on: a refused preventDefault inside a passive listener is reported, and
// the passive flag of each registered listener is read back. Chromium's DevTools protocol only.
import { expect, inject } from 'vitest';
import type { EngineBrowser } from '../harness/driver';
import { chromiumOf } from '../harness/fixture';
import { inEachEngine } from '../harness/matrix';
import { listenersOf, watchViolations } from '../harness/violations';

async function openWatched(browser: EngineBrowser, query: string) {
  const page = chromiumOf(await browser.open({ width: 400, height: 720 }));
  const watch = await watchViolations(page.page);
  await page.goto(`${inject('fixturesUrl')}smoke.html${query}`);
  await page.waitForFunction(() => window.smoke !== undefined);
  return { page, watch };
}

inEachEngine((engine) => {
  engine.test('listener checks report nothing for passive listeners that never cancel', { needs: ['devtools', 'touch'] }, async () => {
    const { page, watch } = await openWatched(engine.browser, '');
    await page.touch.drag({ x: 180, y: 350 }, { x: 180, y: 100 }, { steps: 8 });
    expect(watch.scrollBlocking()).toEqual([]);
    expect((await listenersOf(page.page, '#list')).filter((l) => !l.passive)).toEqual([]);
    await page.close();
  });

  engine.test('listener checks report a refused preventDefault and a blocking touchstart listener', { needs: ['devtools', 'touch'] }, async () => {
    const { page, watch } = await openWatched(engine.browser, '?blocking=1');
    await page.touch.drag({ x: 180, y: 350 }, { x: 180, y: 100 }, { steps: 8 });
    expect(watch.scrollBlocking().map((e) => e.text).join('\n')).toMatch(/preventDefault inside passive event listener/);
    expect((await listenersOf(page.page, '#list')).filter((l) => !l.passive).map((l) => l.type)).toEqual(['touchstart']);
    await page.close();
  });
});
