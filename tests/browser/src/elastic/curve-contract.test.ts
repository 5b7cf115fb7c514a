// Issue 11 point 2, the whole way in each engine: `tensile fit --emit js` (the real CLI, from source)
// prints a module; the page imports it (from a data: URL) and passes `damping` unchanged as the
// engine's `curve`; a touch pull (real in Chromium and Firefox, synthetic in WebKit) then shows, at each finger travel d, the fit's own y(d) within 0.5 px, in a
// full phone screen and in a 300 px list. The largest difference is printed.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, expect, inject } from 'vitest';
import { ARTICLE_SAMPLES, fitCurve } from '@tensile/core';
import { inEachEngine } from '../harness/matrix';

const PHONE = { width: 390, height: 844 };
/** "Shows exactly the fitted curve": half a CSS pixel. */
const CONTRACT_PX = 0.5;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

let emitted: { stdout: string; stderr: string };
beforeAll(async () => {
  // The article model: its emitted damping(x, max) is the one that used to get the container size as max.
  emitted = await promisify(execFile)(process.execPath, ['--conditions=source', '--import', 'tsx', 'packages/cli/src/bin.ts', 'fit', '--model', 'article', '--emit', 'js'], { cwd: root });
}, 180_000);

inEachEngine((engine) => {
  // 'curve contract: CLI fit -> emitted module -> engine -> screen'
  engine.test('`tensile fit --emit js` prints only the module (the report is on stderr)', {}, () => {
    expect(emitted.stdout.startsWith('/**')).toBe(true);
    expect(emitted.stdout).toMatch(/^export function damping\(x, max\) \{$/m);
    expect(emitted.stdout).not.toMatch(/^model /m);
    expect(emitted.stderr).toMatch(/^model {6}article: /m);
  });

  for (const [name, height] of [
    ['a full 390x844 screen', null],
    ['a 300 px list', 300],
  ] as const) {
  engine.test(`a touch pull in ${name} shows y(d) of the fit within 0.5 px`, { needs: ['touch-events'] }, async () => {
    const fit = fitCurve(ARTICLE_SAMPLES, { model: 'article' }).curve;
    const page = await engine.browser.open(PHONE);
    const { touch, problems } = page;
    await touch.enable();
    // The emitted module as the page imports any module; a data: URL serves it in every engine.
    const moduleUrl = `data:text/javascript;charset=utf-8,${encodeURIComponent(emitted.stdout)}`;
    await page.goto(`${inject('fixturesUrl')}native.html?code=${encodeURIComponent(moduleUrl)}${height ? `&height=${height}` : ''}`);
    await page.waitForFunction(() => window.native?.engine !== null || window.native?.error !== null);
    expect(await page.evaluate(() => window.native.error)).toBe(null);

    const x = 195;
    const y0 = 60;
    await touch.start({ x, y: y0 });
    await page.frames();
    let worst = 0;
    let checked = 0;
    // 7 px steps, compared every 49 px: between the engine's 10 px table points, where interpolation errs most.
    for (let travel = 7; travel <= 700; travel += 7) {
      await touch.move({ x, y: y0 + travel });
      await page.frames();
      if (travel % 49 !== 0) continue;
      const shown = await page.evaluate(() => {
        const transform = getComputedStyle(document.getElementById('content')!).transform;
        return transform === 'none' ? 0 : new DOMMatrixReadOnly(transform).m42;
      });
      worst = Math.max(worst, Math.abs(shown - fit.evaluate(travel)));
      checked++;
    }
    console.info(`curve contract, ${engine.name} (${height ?? 844} px list): largest |on screen - fit y(d)| = ${worst.toFixed(4)} px over ${checked} finger travels 49..686 px`);
    expect(checked).toBe(14);
    expect(worst).toBeLessThan(CONTRACT_PX);
    await touch.end();
    expect(problems).toEqual([]);
    await page.close();
  });
  }
});
