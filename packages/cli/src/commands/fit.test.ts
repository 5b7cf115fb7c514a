// `tensile fit` end to end through runCli: the table, the --json object of issue 4 (whose `code`
// reproduces the curve when evaluated), --emit, --plot (a well-formed SVG), --data files with
// weights, and one-line typed errors for bad input.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTICLE_SAMPLES, fitCurve } from '@tensile/core';
import { runCaptured } from '../test-support/run-cli';

/** Loads emitted code in a fresh function scope, as a user pasting it would. */
function load(code: string): (x: number, max?: number) => number {
  return new Function(`${code.replace(/^export /gm, '')}\nreturn damping;`)() as (x: number, max?: number) => number;
}

const KEYS = ['model', 'params', 'stderr', 'sse', 'rmse', 'r2', 'aicc', 'maxAbsResidual', 'monotone', 'iterations', 'stopReason', 'warnings', 'ms', 'code'];

/** Checks tags nest properly (a small well-formedness check; the SVG has no text with '<'). */
function expectWellFormed(svg: string): void {
  expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  const stack: string[] = [];
  for (const m of svg.replace(/<\?xml[^>]*\?>/, '').matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
    const [, close, name, self] = m;
    if (self) continue;
    if (close) expect(stack.pop()).toBe(name);
    else stack.push(name);
  }
  expect(stack).toEqual([]);
  expect(svg).not.toMatch(/NaN|undefined|Infinity/);
}

describe('tensile fit', () => {
  it('without options fits the embedded article samples with the article model and prints a table', async () => {
    const { code, stdout, stderr } = await runCaptured(['fit']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^model {6}article: y = a\*500\/\(1 \+ b\/x\^c\)$/m);
    expect(stdout).toMatch(/^a +0\.8209153 +0\.0127 +\[/m);
    expect(stdout).toMatch(/SSE 76\.18987 +RMSE 2\.91 px +R² 0\.999486 +AICc 37\.224/);
    expect(stdout).toMatch(/monotone yes/);
  });

  it('--json prints exactly one object with the issue\'s keys; its code reproduces the curve', async () => {
    for (const model of ['article', 'll3', '4pl', 'rubberband', 'poly:5', 'expsat']) {
      const { code, stdout } = await runCaptured(['fit', '--model', model, '--json']);
      expect(code).toBe(0);
      expect(stdout.trim().split('\n')).toHaveLength(1);
      const out = JSON.parse(stdout);
      expect(Object.keys(out)).toEqual(KEYS);
      expect(out.model).toBe(model);
      expect(out.code).toMatch(/^export function damping\(x, max\) \{$/m);
      const damping = load(out.code);
      const reference = fitCurve(ARTICLE_SAMPLES, { model }).curve;
      for (const x of [0, 1, 500, 1234, 12000, 30000, -800]) expect(damping(x, 500)).toBe(reference.evaluate(x));
      expect(typeof out.ms).toBe('number');
      expect(Object.keys(out.params)).toEqual(Object.keys(out.stderr));
    }
    const art = JSON.parse((await runCaptured(['fit', '--json'])).stdout);
    expect(Math.abs(art.sse - 76.18987) / 76.18987).toBeLessThan(1e-7);
  });

  it('--model auto reports the candidate table and picks ll3', async () => {
    const text = await runCaptured(['fit', '--model', 'auto']);
    expect(text.stdout).toMatch(/auto: candidates by AICc/);
    expect(text.stdout).toMatch(/^ll3 +76\.1899/m);
    const out = JSON.parse((await runCaptured(['fit', '--model', 'auto', '--json'])).stdout);
    expect(out.model).toBe('ll3');
    expect(out.selection.map((s: { model: string }) => s.model)).toContain('rubberband');
  });

  it('--max changes the article scale and the emitted default', async () => {
    const out = JSON.parse((await runCaptured(['fit', '--max', '1000', '--json'])).stdout);
    expect(out.params.a).toBeCloseTo(0.8209153 / 2, 6);
    expect(out.code).toContain('if (max === undefined) max = 1000;');
  });

  it('--emit js|ts prints only the code on stdout (`> damping.js` is a module) and the report on stderr', async () => {
    const js = await runCaptured(['fit', '--model', 'll3', '--emit', 'js']);
    expect(js.code).toBe(0);
    expect(js.stdout).toBe(fitCurve(ARTICLE_SAMPLES, { model: 'll3' }).curve.toJS());
    expect(js.stdout.startsWith('/**')).toBe(true);
    expect(js.stdout).toMatch(/^export function damping\(x, max\) \{$/m);
    expect(js.stderr).toMatch(/^model {6}ll3: /);
    expect(js.stderr).toMatch(/SSE .* monotone yes/);
    // What a user's `tensile fit --emit js > damping.js` then imports: it evaluates to the fit.
    const saved = path.join(await mkdtemp(path.join(os.tmpdir(), 'tensile-emit-')), 'damping.mjs');
    await writeFile(saved, js.stdout);
    const { damping } = (await import(/* @vite-ignore */ saved)) as { damping: (x: number) => number };
    expect(damping(700)).toBe(fitCurve(ARTICLE_SAMPLES, { model: 'll3' }).curve.evaluate(700));
    const ts = await runCaptured(['fit', '--model', 'll3', '--emit', 'ts', '--plot', path.join(os.tmpdir(), `tensile-emit-${process.pid}.svg`)]);
    expect(ts.stdout).toMatch(/^export function damping\(x: number, max\?: number\): number \{$/m);
    expect(ts.stdout).not.toMatch(/^(model|plot) /m);
    expect(ts.stderr).toMatch(/^plot {7}/m);
  });

  it('--data CSV/JSON with --weights, and --plot writes a well-formed SVG', async () => {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'tensile-fit-'));
    const csv = path.join(tmp, 'samples.csv');
    await writeFile(csv, '\uFEFFdrag;offset;w\r\n' + ARTICLE_SAMPLES.x.map((x, i) => `${x};${ARTICLE_SAMPLES.y[i]};${i === 3 ? 2 : 1}`).join('\r\n') + '\r\n');
    const weighted = JSON.parse((await runCaptured(['fit', '--data', csv, '--weights', 'w', '--model', 'll3', '--json'])).stdout);
    const expected = fitCurve({ ...ARTICLE_SAMPLES, weights: ARTICLE_SAMPLES.x.map((_, i) => (i === 3 ? 2 : 1)) }, { model: 'll3' });
    expect(weighted.sse).toBeCloseTo(expected.sse, 9);
    const json = path.join(tmp, 'samples.json');
    await writeFile(json, JSON.stringify({ x: ARTICLE_SAMPLES.x, y: ARTICLE_SAMPLES.y }));
    const svgPath = path.join(tmp, 'fit.svg');
    const r = await runCaptured(['fit', '--data', json, '--model', 'auto', '--plot', svgPath]);
    expect(r.code).toBe(0);
    const svg = await readFile(svgPath, 'utf8');
    expectWellFormed(svg);
    expect(svg.match(/<circle [^>]*r="4"/g)).toHaveLength(9 + 1); // samples + legend dot
    expect(svg.match(/<polyline /g)!.length).toBe(7); // every auto candidate
    expect(svg).toContain('residuals');
    const single = path.join(tmp, 'poly.svg');
    await runCaptured(['fit', '--model', 'poly:5', '--plot', single]);
    expectWellFormed(await readFile(single, 'utf8'));
  });

  it('bad input is one line on stderr and exit code 1', async () => {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'tensile-fit-'));
    const bad = path.join(tmp, 'bad.csv');
    await writeFile(bad, 'x,y\n0,0\n500,NaN\n');
    const cases: [string[], RegExp][] = [
      [['fit', '--data', bad], /line 3: "y" is "NaN"/],
      [['fit', '--data', path.join(tmp, 'missing.csv')], /cannot read --data .*missing\.csv/],
      [['fit', '--model', 'sigmoid'], /unknown model "sigmoid"/],
      [['fit', '--emit', 'py'], /--emit must be js or ts/],
      [['fit', '--max', '-3'], /--max must be a positive number/],
      [['fit', '--weights', 'w'], /--weights COLUMN needs --data FILE/],
      [['fit', '--plot', 'out.png'], /ending in \.svg/],
    ];
    for (const [argv, re] of cases) {
      const r = await runCaptured(argv);
      expect(r.code, argv.join(' ')).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(re);
    }
  });
});
