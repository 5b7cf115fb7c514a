// Property tests over random formulas: the symbolic derivative, the engine's forward and reverse
// modes, compiled code (from the formula and from a trace, both back ends) and numerical
// differences agree, to first and second order. Fixed seeds; fast-check prints the formula.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TensileError } from '../../errors';
import { jvp } from '../jvp';
import { jacobian, hessian } from '../higher';
import { numericGradient, numericHessian } from '../numeric';
import { valueOf } from '../ops';
import { valueAndGrad } from '../reverse';
import { engineFunction } from '../symbolic/engine';
import { parseFormula, type Formula } from '../symbolic/formula';
import type { Num } from '../value';
import { compile } from './compile';

const SEED = 3_2026_11;
const VARS = ['x', 'y', 'z'];
/** Symbolic vs AD: the same derivative evaluated in a different operation order. */
const TOL_REORDERED = 1e-8;
/** First derivatives by central differences with Richardson extrapolation. */
const TOL_NUMERIC_FIRST = 1e-5;
/** Second derivatives by second central differences (h = eps^(1/4)). */
const TOL_NUMERIC_SECOND = 2e-3;
/** Random formulas whose values or derivatives exceed this are skipped (cancellation dominates). */
const MAX_MAGNITUDE = 1e4;
/** A few seconds alone; generous because CI runs every package's tests at once on two cores. */
const PROPERTY_TIMEOUT_MS = 60_000;

const agree = (a: number, b: number, tol: number) => Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));

const leaf = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...VARS) },
  { weight: 1, arbitrary: fc.integer({ min: -30, max: 30 }).map((k) => (k < 0 ? `(${k / 10})` : `${k / 10}`)) },
);
const UNARY = ['sin(#)', 'cos(#)', 'tanh(#)', 'sigmoid(#)', 'softplus(#)', 'atan(#)', 'exp(#)', 'log(1 + (#)^2)', 'sqrt(1 + (#)^2)',
  'log1p((#)^2)', 'asin(tanh(#) / 2)', 'acos(sigmoid(#))', 'abs(#)', 'relu(#)', 'elu(#)', 'selu(#)', '-(#)', '(#)^2', '(#)^3',
  'tan(atan(#) / 2)', 'clamp(#, -1, 1)'];
const BINARY = ['(#) + (@)', '(#) - (@)', '(#) * (@)', '(#) / (1 + (@)^2)', 'pow(1 + (#)^2, sin(@))', 'min(#, @)', 'max(#, @)',
  '(#) < (@) ? (#) * (@) : (#) - (@)', '(#) >= (@) ? sin(#) : cos(@)'];

const { formula } = fc.letrec<{ formula: string }>((tie) => ({
  formula: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.tuple(fc.constantFrom(...UNARY), tie('formula')).map(([t, a]) => t.replaceAll('#', a)),
    fc.tuple(fc.constantFrom(...BINARY), tie('formula'), tie('formula')).map(([t, a, b]) => t.replaceAll('#', a).replaceAll('@', b)),
  ),
}));
/**
 * Points on a grid of 1/1000 shifted by a different irrational-looking offset per variable, so
 * no two variables tie and no variable sits on a kink at 0 (abs, relu, x < z ? ...: numerical
 * differences cannot agree with any derivative there).
 */
const OFFSETS = [0.000123457, 0.000345679, 0.000567891];
const point = fc.tuple(...VARS.map((_, i) => fc.integer({ min: -2000, max: 2000 }).map((k) => k / 1000 + OFFSETS[i])));

/** Runs `fn`; a typed NaN/non-finite error means the random formula left its domain: skip it. */
function attempt<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch (err) {
    if (err instanceof TensileError && /NAN|NON_FINITE/.test(err.code)) return undefined;
    throw err;
  }
}

function symbolicGradient(f: Formula, at: Record<string, number>): { value: number; gradient: number[] } | undefined {
  return attempt(() => ({ value: f.evaluate(at), gradient: f.gradient(VARS).map((d) => d.evaluate(at)) }));
}

const small = (xs: number[]) => xs.every((v) => Number.isFinite(v) && Math.abs(v) < MAX_MAGNITUDE);

describe('random formulas: every mode agrees', () => {
  it('first order: symbolic, forward, reverse, compiled (formula and trace, both back ends), numeric', () => {
    let checked = 0;
    fc.assert(
      fc.property(formula, point, (src, xs) => {
        const f = parseFormula(src);
        const at = Object.fromEntries(VARS.map((v, i) => [v, xs[i]]));
        const sym = symbolicGradient(f, at);
        if (!sym || !small([sym.value, ...sym.gradient])) return;
        const ef = engineFunction(f, VARS);
        const reverse = attempt(() => valueAndGrad((v: Num[]) => ef(v))(xs));
        if (!reverse) return; // the engine saw a NaN in a branch or kink the formula masks
        const forward = jacobian((v: Num[]) => ef(v), { mode: 'forward' })(xs)[0];
        const compiledJs = compile(f, { variables: VARS, backend: 'function' })(xs);
        const compiledInterp = compile(f, { variables: VARS, backend: 'interpreter' })(xs);
        const traced = compile((v: Num[]) => ef(v), { example: xs })(xs);
        const numeric = numericGradient((v: number[]) => valueOf(ef(v)), xs);

        expect(compiledJs.value).toBe(sym.value);
        expect([...compiledJs.gradient]).toEqual(sym.gradient);
        expect(compiledInterp).toEqual(compiledJs);
        expect(agree(valueOf(reverse.value as Num), sym.value, TOL_REORDERED)).toBe(true);
        VARS.forEach((_, i) => {
          const s = sym.gradient[i];
          expect(agree(reverse.grad[i] as number, s, TOL_REORDERED), `reverse d/d${VARS[i]}: ${reverse.grad[i]} vs ${s}`).toBe(true);
          expect(agree(forward[i], s, TOL_REORDERED), `forward d/d${VARS[i]}: ${forward[i]} vs ${s}`).toBe(true);
          expect(agree(traced.gradient[i], s, TOL_REORDERED), `traced d/d${VARS[i]}: ${traced.gradient[i]} vs ${s}`).toBe(true);
          expect(agree(numeric[i], s, TOL_NUMERIC_FIRST), `numeric d/d${VARS[i]}: ${numeric[i]} vs ${s}`).toBe(true);
        });
        checked++;
      }),
      { seed: SEED, numRuns: 400, verbose: 1 },
    );
    expect(checked).toBeGreaterThan(200); // most random formulas stay in their domain
  }, PROPERTY_TIMEOUT_MS);

  it('second order: symbolic, forward-over-reverse and forward-over-forward, compiled hessian, numeric', () => {
    let checked = 0;
    fc.assert(
      fc.property(formula, point, (src, xs) => {
        const f = parseFormula(src);
        const at = Object.fromEntries(VARS.map((v, i) => [v, xs[i]]));
        const sym = attempt(() => f.hessian(VARS).map((row) => row.map((d) => d.evaluate(at))));
        if (!sym || !small(sym.flat()) || !symbolicGradient(f, at)) return;
        const ef = engineFunction(f, VARS);
        const engine = attempt(() => hessian((v: Num[]) => ef(v))(xs));
        if (!engine) return;
        const compiled = compile(f, { variables: VARS, hessian: true })(xs).hessian as Float64Array;
        // Forward over forward: the directional derivative along e_i, differentiated along e_j.
        const unit = (i: number) => VARS.map((_, k) => (k === i ? 1 : 0));
        const along = (g: (v: Num[]) => Num, at: Num[], i: number) => jvp(g, at as number[], unit(i)).tangent as Num;
        const forward = attempt(() => VARS.map((_, i) => VARS.map((__, j) => valueOf(along((v) => along((w) => ef(w), v, i), xs, j)))));
        if (!forward) return;
        const numeric = attempt(() => numericHessian((v: number[]) => valueOf(ef(v)), xs));
        VARS.forEach((_, i) =>
          VARS.forEach((__, j) => {
            const s = sym[i][j];
            expect(compiled[i * VARS.length + j]).toBe(s);
            expect(agree(engine[i][j], s, TOL_REORDERED), `engine H[${i}][${j}]: ${engine[i][j]} vs ${s}`).toBe(true);
            expect(agree(forward[i][j], s, TOL_REORDERED), `forward-over-forward H[${i}][${j}]: ${forward[i][j]} vs ${s}`).toBe(true);
            if (numeric) expect(agree(numeric[i][j], s, TOL_NUMERIC_SECOND), `numeric H[${i}][${j}]: ${numeric[i][j]} vs ${s}`).toBe(true);
          }),
        );
        checked++;
      }),
      { seed: SEED + 1, numRuns: 200, verbose: 1 },
    );
    expect(checked).toBeGreaterThan(100);
  }, PROPERTY_TIMEOUT_MS);

  it('any input through the whole pipeline throws nothing but typed errors (fuzz)', () => {
    const token = fc.constantFrom('x', 'y', '__proto__', 'constructor', '1', '0', '1e308', '-', '+', '*', '/', '^', '(', ')', ',', '<', '?', ':',
      'log(', 'sqrt(', 'pow(', 'clamp(', 'where(', 'min(', 'exp(', 'asin(', 'pi', ' ');
    const source = fc.oneof(fc.string({ maxLength: 40 }), fc.array(token, { maxLength: 30 }).map((t) => t.join('')));
    const value = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -0, 1e308, -1e-308));
    fc.assert(
      fc.property(source, value, (src, v) => {
        const steps: (() => unknown)[] = [];
        try {
          const f = parseFormula(src);
          const at = new Map(f.variables.map((name) => [name, v]));
          steps.push(
            () => f.evaluate(at),
            () => f.derivative(f.variables[0] ?? 'x', 2).evaluate(at),
            () => f.toTeX(),
            () => f.toJavaScript(),
            () => compile(f, { hessian: true })(f.variables.map(() => v)),
            () => compile(f, { backend: 'interpreter' })(f.variables.map(() => v)),
          );
        } catch (err) {
          if (!(err instanceof TensileError)) throw err;
        }
        for (const step of steps) {
          try {
            step();
          } catch (err) {
            if (!(err instanceof TensileError)) throw err;
          }
        }
      }),
      { seed: SEED + 2, numRuns: 1500, verbose: 1 },
    );
  }, PROPERTY_TIMEOUT_MS);
});
