// `tensile diff` caps what it produces and spends (issue 14, point 6: --order 2 over 2,000
// variables took 12.6 s and 1.9 GB, 3,500 did not finish in 200 s; --mode numeric was quadratic in
// the variable count). Refusals are one line naming the cap's option; --wrt restricts the work.
import { describe, expect, it } from 'vitest';
import { runCaptured } from '../test-support/run-cli';
import { DIFF_MODES } from './diff';

/** (x0 + x1 + ... + x{n-1})^2 at xi = i/n: every hessian entry is 2. */
function squaredSum(n: number): { expr: string; at: string } {
  const names = Array.from({ length: n }, (_, i) => `x${i}`);
  return { expr: `(${names.join(' + ')})^2`, at: names.map((name, i) => `${name}=${i / n}`).join(',') };
}

describe('tensile diff caps', () => {
  it.each([2000, 3500])('--order 2 over %i variables is refused in every mode, naming --max-hessian-entries', async (n) => {
    const { expr, at } = squaredSum(n);
    for (const mode of DIFF_MODES) {
      const r = await runCaptured(['diff', expr, '--at', at, '--mode', mode, '--order', '2', '--json']);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(new RegExp(`^tensile: --order 2 over ${n.toLocaleString('en-US')} variables makes a hessian of [\\d,]+ entries, over the cap of 250,000: name fewer variables with --wrt, or raise the cap with --max-hessian-entries \\d+\\n$`));
    }
  });

  it('--mode numeric over 5,000 variables is refused naming --max-steps; --mode reverse does it', async () => {
    const { expr, at } = squaredSum(5000);
    const numeric = await runCaptured(['diff', expr, '--at', at, '--mode', 'numeric', '--json']);
    expect(numeric.code).toBe(1);
    expect(numeric.stderr).toMatch(/--mode numeric over 5,000 variables of a [\d,]+-node formula takes about [\d,]+ steps, over the cap of 100,000,000: use --mode reverse, or name fewer variables with --wrt, or raise the cap with --max-steps \d+/);
    const reverse = await runCaptured(['diff', expr, '--at', at, '--json']);
    expect(reverse.code).toBe(0);
    expect(Object.keys(JSON.parse(reverse.stdout).gradient)).toHaveLength(5000);
  });

  it('--wrt picks two of 2,000 variables: a 2 x 2 hessian in every mode, all agreeing', async () => {
    const { expr, at } = squaredSum(2000);
    for (const mode of DIFF_MODES) {
      const r = await runCaptured(['diff', expr, '--at', at, '--mode', mode, '--order', '2', '--wrt', 'x3,x1999', '--json']);
      expect(r.stderr, mode).toBe('');
      const hessian = JSON.parse(r.stdout).hessian as Record<string, number>;
      expect(Object.keys(hessian), mode).toEqual(['x3,x3', 'x3,x1999', 'x1999,x3', 'x1999,x1999']);
      for (const value of Object.values(hessian)) expect(value, mode).toBeCloseTo(2, mode === 'numeric' ? 2 : 9);
    }
  });

  it('a raised cap is honoured; 260,100 hessian lines print without spreading them into Math.max', async () => {
    const { expr, at } = squaredSum(510);
    expect((await runCaptured(['diff', expr, '--at', at, '--order', '2'])).code).toBe(1);
    const r = await runCaptured(['diff', expr, '--at', at, '--order', '2', '--max-hessian-entries', '260100']);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n').filter((line) => line.startsWith('d2/d'))).toHaveLength(260_100);
  });

  it.each([['0'], ['-1'], ['1.5'], ['abc'], ['1e3x']])('--max-steps %s is refused unless a positive whole number', async (raw) => {
    const r = await runCaptured(['diff', 'x', '--at', 'x=1', '--max-steps', raw]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`--max-steps must be a positive whole number, got "${raw.replace('.', '\\.')}"`));
  });

  it.each(['0x10', '0b1', '0o7', 'Infinity', '-Infinity', '1e400', '1_000', '', ' ', '1.5.2', '--1'])('--at x=%s is refused: the help says decimal', async (text) => {
    const r = await runCaptured(['diff', 'x^2', '--at', `x=${text}`]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--at x: expected a finite number, got .* \(write it in decimal, like 1\.5, -2 or 3e-4\)|expected name=value pairs/);
  });

  it.each([['.5', 0.5], ['-2', -2], ['+3', 3], ['3e-4', 3e-4], ['1E2', 100], ['7.', 7]])('--at x=%s is decimal and accepted', async (text, value) => {
    const r = await runCaptured(['diff', 'x', '--at', `x=${text}`, '--json']);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).at.x).toBe(value);
  });
});
