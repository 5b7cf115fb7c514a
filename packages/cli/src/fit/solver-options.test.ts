// `tensile fit` as a general least-squares tool, end to end through runCli: the 27 NIST StRD
// datasets from both starts as CSV files (Nelson with its x1, x2 columns and log(y) response),
// --start/--lower/--upper/--fix/--loss/--f-scale against the scipy oracles, and their bad input.
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadNistSuite, logRelativeError } from '../../../core/src/test-support/nist';
import { SCIPY_ORACLES } from '../../../core/src/test-support/oracles';
import { runCaptured } from '../test-support/run-cli';
import { parseAssignments } from './solver-options';

/** Lanczos1's certified RSS belongs to the decimal data; see core/src/fit/nist.test.ts. */
const LANCZOS1_DOUBLE_DATA_RSS = 1.42955161054e-25;

const suite = loadNistSuite();
let dir = '';
const csvOf = (name: string) => path.join(dir, `${name}.csv`);

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'tensile-nist-'));
  for (const d of suite) {
    const rows = d.data.y.map((_, i) => d.columns.map((c) => d.data[c][i]).join(','));
    await writeFile(csvOf(d.name), [d.columns.join(','), ...rows].join('\n') + '\n');
  }
});

describe('tensile fit on the NIST StRD suite (27 datasets x 2 starts, LRE >= 4)', () => {
  for (const d of suite) {
    for (const s of [0, 1] as const) {
      it(`${d.name} from start ${s + 1}`, async () => {
        const start = d.params.map((p, j) => `${p}=${d.starts[s][j]}`).join(',');
        const { code, stdout, stderr } = await runCaptured(['fit', '--data', csvOf(d.name), '--model', `formula:${d.formula}`, '--start', start, '--json']);
        expect(stderr).toBe('');
        expect(code).toBe(0);
        const json = JSON.parse(stdout) as { params: Record<string, number>; sse: number; code: string | null };
        d.params.forEach((p, j) => expect(logRelativeError(json.params[p], d.certified[j]), `${d.name} ${p}`).toBeGreaterThanOrEqual(4));
        const rss = d.name === 'Lanczos1' ? LANCZOS1_DOUBLE_DATA_RSS : d.certifiedRss;
        expect(logRelativeError(json.sse, rss), `${d.name} RSS`).toBeGreaterThanOrEqual(4);
        if (d.name === 'Nelson') expect(json.code).toBeNull();
      });
    }
  }
});

describe('least-squares flags', () => {
  let misra = '';
  beforeAll(async () => {
    const m = suite.find((d) => d.name === 'Misra1a')!;
    const o = SCIPY_ORACLES.misra1aOutlier;
    misra = path.join(dir, 'misra-outlier.csv');
    await writeFile(misra, ['x,y', ...m.data.x.map((x, i) => `${x},${m.data.y[i] + (i === o.row - 1 ? o.added : 0)}`)].join('\n'));
  });

  it('--loss soft_l1 --f-scale 0.5 reaches scipy least_squares', async () => {
    const o = SCIPY_ORACLES.misra1aOutlier;
    const { code, stdout } = await runCaptured(['fit', '--data', misra, '--model', 'formula:b1*(1 - exp(-b2*x))', '--start', 'b1=250,b2=5e-4', '--loss', 'soft_l1', '--f-scale', '0.5', '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as { params: Record<string, number> };
    expect(json.params.b1).toBeCloseTo(o.losses.soft_l1.params[0], 4);
    expect(json.params.b2 / o.losses.soft_l1.params[1]).toBeCloseTo(1, 6);
  });

  it('--upper and --fix on the article samples give scipy optima', async () => {
    const bounded = await runCaptured(['fit', '--model', 'll3', '--upper', 'd=400', '--start', 'b=1.15,e=1480,d=390', '--json']);
    expect(JSON.parse(bounded.stdout).params.d).toBeCloseTo(SCIPY_ORACLES.ll3UpperD400.params[2], 5);
    const fixed = await runCaptured(['fit', '--model', 'll3', '--fix', 'b=1.2', '--json']);
    const json = JSON.parse(fixed.stdout) as { params: Record<string, number>; sse: number };
    expect(json.params.b).toBe(1.2);
    expect(json.sse).toBeCloseTo(SCIPY_ORACLES.ll3FixB12.sse, 6);
    const byName = await runCaptured(['fit', '--model', 'll3', '--fix', 'b', '--start', 'b=1.2', '--lower', 'd=-inf', '--json']);
    expect(JSON.parse(byName.stdout).params.b).toBe(1.2);
  });

  it('bad flags are one line on stderr naming the flag and the entry', async () => {
    const cases: [string[], RegExp][] = [
      [['--start', 'b1'], /--start: expected b1=VALUE, got "b1"/],
      [['--start', 'b=1,,c=2'], /--start: expected NAME=VALUE\[,NAME=VALUE\.\.\.\]/],
      [['--start', 'b=abc'], /--start: b must be a finite number, got "abc"/],
      [['--start', 'b=1,b=2'], /--start: b is given twice/],
      [['--lower', 'd=500', '--upper', 'd=400', '--model', 'll3'], /bounds of d: lower 500 must be below upper 400/],
      [['--lower', '__proto__=1'], /--lower: "__proto__" is not a parameter name/],
      [['--fix', 'zz=1', '--model', 'll3'], /fix: model "ll3" has no parameter "zz"/],
      [['--fix', 'b,d=1'], /--fix: give names .* or NAME=VALUE entries, not both/],
      [['--loss', 'l2'], /--loss: expected one of linear, soft_l1, huber, cauchy, arctan, got "l2"/],
      [['--f-scale', '0'], /--f-scale: expected a positive number, got "0"/],
      [['--start', 'd=450', '--upper', 'd=400', '--model', 'll3'], /start\.d = 450 is outside its bounds/],
    ];
    for (const [flags, message] of cases) {
      const { code, stderr } = await runCaptured(['fit', ...flags]);
      expect(code, flags.join(' ')).toBe(1);
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toMatch(message);
    }
  });

  it('a formula reading a column the CSV lacks names it', async () => {
    const { code, stderr } = await runCaptured(['fit', '--data', csvOf('Nelson'), '--model', 'formula:b1 - b2*x1*exp(-b3*x3)']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/reads the predictor x3, which the samples lack \(they have x1, x2, y\)/);
  });

  it('parseAssignments reads inf bounds and refuses hostile text', () => {
    expect(parseAssignments('--lower', 'a=-inf,b=1e-3', { infinite: true }).values).toEqual({ a: -Infinity, b: 1e-3 });
    expect(() => parseAssignments('--start', 'a=inf')).toThrow(/a must be a finite number, got "inf"/);
    expect(() => parseAssignments('--start', 'constructor=1,toString=2').values).not.toThrow();
    expect(() => parseAssignments('--start', `${'a'.repeat(10)}=1=2`)).toThrow(/must be a finite number/);
  });
});
