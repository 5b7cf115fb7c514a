// `tensile diff` through runCli (and once through the real bin): the five modes agree, the --json
// object has exactly the keys of issue 3, and bad input is one line on stderr with exit code 1.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCaptured } from '../test-support/run-cli';
import { DIFF_MODES } from './diff';

/** Numerical differences (Richardson) against exact derivatives. */
const REL_TOL_NUMERIC = 1e-6;
/** Second differences against exact second derivatives. */
const REL_TOL_NUMERIC_SECOND = 1e-3;
/** Exact modes evaluated in different operation orders. */
const REL_TOL_EXACT = 1e-12;

const close = (a: number, b: number, tol: number) => Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));
const ARTICLE = '0.82231*max/(1 + 4338.47/abs(x)^1.14791)';

describe('tensile diff', () => {
  it('prints value and gradient in every mode, all agreeing', async () => {
    const results = [];
    for (const mode of DIFF_MODES) {
      const r = await runCaptured(['diff', ARTICLE, '--at', 'x=1000,max=500', '--mode', mode, '--json']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout.trim().split('\n')).toHaveLength(1);
      results.push({ mode, ...JSON.parse(r.stdout) });
    }
    const exact = results.find((r) => r.mode === 'symbolic');
    for (const r of results) {
      const tol = r.mode === 'numeric' ? REL_TOL_NUMERIC : REL_TOL_EXACT;
      expect(r.at).toEqual({ max: 500, x: 1000 });
      expect(close(r.value, exact.value, REL_TOL_EXACT)).toBe(true);
      for (const v of ['x', 'max']) expect(close(r.gradient[v], exact.gradient[v], tol), `${r.mode} d/d${v}`).toBe(true);
    }
    // d/dmax of a model linear in max is model/max.
    expect(close(exact.gradient.max, exact.value / 500, REL_TOL_EXACT)).toBe(true);
  });

  it('--json has exactly expr, at, value, gradient (+ hessian with --order 2, + derivative in symbolic mode)', async () => {
    const plain = JSON.parse((await runCaptured(['diff', 'x^2*y', '--at', 'x=1.5,y=2', '--json'])).stdout);
    expect(Object.keys(plain)).toEqual(['expr', 'at', 'value', 'gradient']);
    expect(plain).toEqual({ expr: 'x^2*y', at: { x: 1.5, y: 2 }, value: 4.5, gradient: { x: 6, y: 2.25 } });
    const sym = JSON.parse((await runCaptured(['diff', 'x^2*y', '--at', 'x=1.5,y=2', '--order', '2', '--mode', 'symbolic', '--json'])).stdout);
    expect(Object.keys(sym)).toEqual(['expr', 'at', 'value', 'gradient', 'hessian', 'derivative']);
    expect(sym.hessian).toEqual({ 'x,x': 4, 'x,y': 3, 'y,x': 3, 'y,y': 0 });
    expect(sym.derivative).toEqual({ x: 'y * (2 * x)', y: 'x^2' });
  });

  it('gives the same hessian in every mode', async () => {
    const expected = { 'x,x': -Math.sin(1) * Math.exp(0.5), 'x,y': Math.cos(1) * Math.exp(0.5), 'y,x': Math.cos(1) * Math.exp(0.5), 'y,y': Math.sin(1) * Math.exp(0.5) };
    for (const mode of DIFF_MODES) {
      const r = JSON.parse((await runCaptured(['diff', 'sin(x)*exp(y)', '--at', 'x=1,y=0.5', '--order', '2', '--mode', mode, '--json'])).stdout);
      const tol = mode === 'numeric' ? REL_TOL_NUMERIC_SECOND : REL_TOL_EXACT;
      for (const [k, v] of Object.entries(expected)) expect(close(r.hessian[k], v, tol), `${mode} ${k}: ${r.hessian[k]} vs ${v}`).toBe(true);
    }
  });

  it('--wrt restricts the gradient; the table form labels every number', async () => {
    const r = await runCaptured(['diff', 'x*y + z', '--at', 'x=2, y=3, z=1', '--wrt', 'y', '--mode', 'symbolic']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^expr +x\*y \+ z$/m);
    expect(r.stdout).toMatch(/^value +7$/m);
    expect(r.stdout).toMatch(/^d\/dy +2$/m);
    expect(r.stdout).not.toMatch(/d\/dx/);
    expect(r.stdout).toMatch(/^d\/dy = +x$/m);
  });

  it('bad input: one line on stderr and exit code 1', async () => {
    const cases: [string[], RegExp][] = [
      [['diff', '2*(x+', '--at', 'x=1'], /^tensile: the formula ends where a value was expected at column 6\n$/],
      [['diff', 'foo(x)', '--at', 'x=1'], /unknown function 'foo'/],
      [['diff', 'x*y', '--at', 'x=1'], /variable y has no value; pass it with --at y=<number>/],
      [['diff', 'x', '--at', 'x=abc'], /--at x: expected a finite number, got "abc"/],
      [['diff', 'x', '--at', 'x=1,x=2'], /gives x twice/],
      [['diff', 'x', '--at', 'x=1,q=2'], /the formula has no variable q/],
      [['diff', 'x', '--at', 'x=1', '--wrt', 'y'], /--wrt y: the formula has no variable y/],
      [['diff', 'x', '--at', 'x=1', '--mode', 'magic'], /--mode must be one of reverse, forward, symbolic, numeric, compiled/],
      [['diff', 'x', '--at', 'x=1', '--order', '3'], /--order must be 1 or 2/],
      [['diff', '1/x', '--at', 'x=0', '--mode', 'symbolic'], /the value is Infinity at x=0/],
    ];
    for (const mode of DIFF_MODES) cases.push([['diff', 'log(x) + 1', '--at', 'x=-1', '--mode', mode], /NaN/]);
    for (const [argv, message] of cases) {
      const r = await runCaptured(argv);
      expect(r.code, argv.join(' ')).toBe(1);
      expect(r.stdout, argv.join(' ')).toBe('');
      expect(r.stderr.endsWith('\n') && r.stderr.trim().split('\n').length === 1, r.stderr).toBe(true);
      expect(r.stderr, argv.join(' ')).toMatch(message);
    }
  });

  it('takes a formula that starts with a minus sign after --', async () => {
    const r = await runCaptured(['diff', '--at', 'x=-1.5', '--json', '--', '-x^2']);
    expect(JSON.parse(r.stdout)).toEqual({ expr: '-x^2', at: { x: -1.5 }, value: -2.25, gradient: { x: 3 } });
  });

  it('--help describes every option and exits 0', async () => {
    const r = await runCaptured(['diff', '--help']);
    expect(r.code).toBe(0);
    for (const opt of ['--at', '--wrt', '--mode', '--order', '--json', 'Examples']) expect(r.stdout).toContain(opt);
  });

  it('runs from the repository root as `pnpm tensile diff` does (bin from source via tsx)', async () => {
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
    const exec = promisify(execFile);
    const argv = ['--conditions=source', '--import', 'tsx', 'packages/cli/src/bin.ts', 'diff', 'x^2', '--at', 'x=3', '--json'];
    const ok = await exec(process.execPath, argv, { cwd: root });
    expect(JSON.parse(ok.stdout)).toEqual({ expr: 'x^2', at: { x: 3 }, value: 9, gradient: { x: 6 } });
    const bad: { code?: number; stderr: string } = await exec(process.execPath, [...argv.slice(0, 5), 'x^', '--at', 'x=3'], { cwd: root }).catch((e: { code: number; stderr: string }) => e);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^tensile: the formula ends where a value was expected at column 3\n$/);
  }, 30_000);
});
