// Numerical differentiation: central differences with a step scaled to the argument
// (h = eps^(1/3) * max(1, |x|)) refined by one Richardson extrapolation, the article's first
// method and the oracle that tests the AD modes; and Ridders' adaptive extrapolation with an
// error estimate (`numericDerivativeWithError`), which says when its answer cannot be trusted.
import { DiffError, argumentError, readOption } from './errors';
import { limits, tooLarge } from './limits';
import { flatten, rebuild } from './pytree';
import type { Flat } from './pytree';

/** eps^(1/3): balances the O(h^2) truncation error against the O(eps/h) rounding error. */
const STEP = Math.cbrt(Number.EPSILON);
/** eps^(1/4): the same balance for second differences (O(h^2) against O(eps/h^2)). */
const STEP2 = Math.pow(Number.EPSILON, 0.25);

/** Options of the finite-difference derivatives (numericDerivative and friends). */
export interface NumericOptions {
  /** Relative step; the absolute step is `step * max(1, |x|)`. Default eps^(1/3). */
  step?: number;
}

function stepFor(x: number, relative: number): number {
  const h = relative * Math.max(1, Math.abs(x));
  return x + h - x; // an exactly representable step, so (x + h) - (x - h) is exactly 2h
}

function evaluate(f: (x: number) => unknown, x: number, what: string): number {
  const y = f(x);
  if (typeof y !== 'number' || !Number.isFinite(y)) {
    throw new DiffError('E_NON_FINITE', `${what}: the function returned ${String(y)} at ${x}; numerical differences need finite values around the point`, {
      where: what,
      value: y,
    });
  }
  return y;
}

function checkStep(options: NumericOptions | undefined, what: string): number {
  const step = readOption(options, 'step', what) ?? STEP;
  if (typeof step !== 'number' || !(step > 0 && step < 1)) throw argumentError(`${what}: options.step`, step, 'a number in (0, 1)');
  return step;
}

/** n x m results beyond the leaf limit are E_TOO_LARGE before any evaluation. */
function checkSize(what: string, rows: number, cols: number): void {
  if (rows * cols > limits.maxLeaves) throw tooLarge(`${what} (${rows} x ${cols})`, rows * cols, limits.maxLeaves, 'entries', 'maxLeaves');
}

/** f'(x) by central differences with Richardson extrapolation (error O(h^4)). */
export function numericDerivative(f: (x: number) => number, x: number, options?: NumericOptions): number {
  if (typeof f !== 'function') throw argumentError('numericDerivative: f', f, 'a function');
  if (typeof x !== 'number' || !Number.isFinite(x)) throw argumentError('numericDerivative: x', x, 'a finite number');
  const h = stepFor(x, checkStep(options, 'numericDerivative'));
  const central = (k: number) => (evaluate(f, x + k, 'numericDerivative') - evaluate(f, x - k, 'numericDerivative')) / (2 * k);
  const coarse = central(h);
  const fine = central(h / 2);
  const value = (4 * fine - coarse) / 3;
  // The two steps disagree far beyond their O(h^2) truncation: the function changes faster than
  // the step resolves (sin(1e6 x) at 0 gave 62,463 here). Refuse rather than answer wrongly.
  const scale = Math.max(Math.abs(value), Math.abs(evaluate(f, x, 'numericDerivative')) / Math.max(1, Math.abs(x)));
  if (Math.abs(fine - coarse) > UNRELIABLE_SHARE * scale) {
    throw new DiffError(
      'E_UNRELIABLE',
      `numericDerivative: at x = ${x} the estimates at steps ${h} and ${h / 2} disagree (${coarse} vs ${fine}): the function varies faster than the step resolves; use numericDerivativeWithError for an adaptive step and an error estimate`,
      { where: 'numericDerivative', value: x },
    );
  }
  return value;
}

/** Disagreement between the two central differences, relative to the derivative's scale, that makes the result unreliable. */
const UNRELIABLE_SHARE = 1e-3;

/** Options of Ridders' extrapolated derivative: the first step and the error that counts as reliable. */
export interface RiddersOptions {
  /** First (largest) step, relative to max(1, |x|); default 0.01. Ridders shrinks it by 1.4 per round. */
  step?: number;
  /** Largest error estimate, relative to max(|f'(x)|, |f(x)| / max(1, |x|)), still called reliable; default 1e-6. */
  tolerance?: number;
}

/** A numerical derivative with its error estimate (Ridders' method), so you can tell whether to trust it. */
export interface DerivativeEstimate {
  /** The best extrapolated estimate of f'(x). */
  value: number;
  /** Ridders' estimate of its absolute error. */
  error: number;
  /** False when the error estimate is above `tolerance`: the value must not be used as is. */
  reliable: boolean;
  /** Evaluations of f spent. */
  evaluations: number;
}

/** Ridders' step shrink per round and table size (Numerical Recipes' dfridr: CON = 1.4, NTAB = 10). */
const RIDDERS_SHRINK = 1.4;
const RIDDERS_ROUNDS = 12;
/** Stop when the newest estimates get worse than the best by this factor (NR's SAFE). */
const RIDDERS_SAFE = 2;
const RIDDERS_STEP = 0.01;
const RIDDERS_TOLERANCE = 1e-6;

/**
 * f'(x) by Ridders' polynomial extrapolation of central differences over shrinking steps, with
 * an error estimate from the extrapolation table. A derivative the steps cannot resolve (for
 * instance d/dx sin(1e6 x) at 0, which oscillates faster than the smallest step) comes back with
 * `reliable: false` and a large `error` instead of a confident wrong number.
 */
export function numericDerivativeWithError(f: (x: number) => number, x: number, options?: RiddersOptions): DerivativeEstimate {
  const what = 'numericDerivativeWithError';
  if (typeof f !== 'function') throw argumentError(`${what}: f`, f, 'a function');
  if (typeof x !== 'number' || !Number.isFinite(x)) throw argumentError(`${what}: x`, x, 'a finite number');
  const relative = readOption(options, 'step', what) ?? RIDDERS_STEP;
  if (typeof relative !== 'number' || !(relative > 0 && relative <= 1)) throw argumentError(`${what}: options.step`, relative, 'a number in (0, 1]');
  const tolerance = readOption(options, 'tolerance', what) ?? RIDDERS_TOLERANCE;
  if (typeof tolerance !== 'number' || !(tolerance > 0 && Number.isFinite(tolerance))) throw argumentError(`${what}: options.tolerance`, tolerance, 'a positive finite number');
  let evaluations = 0;
  const at = (t: number) => {
    evaluations++;
    return evaluate(f, t, what);
  };
  let estimate = ridders(at, x, relative, tolerance);
  // A first step too large for the function (1/x near 0, fast oscillations): retry smaller.
  for (let k = 1; k <= RIDDERS_RETRIES && !estimate.reliable; k++) {
    const smaller = ridders(at, x, relative * RIDDERS_RETRY_SHRINK ** k, tolerance);
    if (smaller.error < estimate.error || smaller.reliable) estimate = smaller;
  }
  return { ...estimate, evaluations };
}

/** Smaller first steps tried when the first round is unreliable (each 100x smaller). */
const RIDDERS_RETRIES = 2;
const RIDDERS_RETRY_SHRINK = 0.01;

function ridders(at: (t: number) => number, x: number, relative: number, tolerance: number): Omit<DerivativeEstimate, 'evaluations'> {
  const fx = at(x);
  let h = stepFor(x, relative);
  // table[j] holds the j-th extrapolation of the current round; previous holds the last round's.
  let previous = new Float64Array(RIDDERS_ROUNDS);
  let table = new Float64Array(RIDDERS_ROUNDS);
  let best = NaN;
  let error = Infinity;
  const factor2 = RIDDERS_SHRINK * RIDDERS_SHRINK;
  for (let i = 0; i < RIDDERS_ROUNDS; i++) {
    if (i > 0) h = stepFor(x, (h / RIDDERS_SHRINK) / Math.max(1, Math.abs(x)));
    table[0] = (at(x + h) - at(x - h)) / (2 * h);
    if (i === 0) {
      best = table[0];
    } else {
      let fac = factor2;
      for (let j = 1; j <= i; j++) {
        table[j] = (table[j - 1] * fac - previous[j - 1]) / (fac - 1);
        fac *= factor2;
        const err = Math.max(Math.abs(table[j] - table[j - 1]), Math.abs(table[j] - previous[j - 1]));
        if (err <= error) {
          error = err;
          best = table[j];
        }
      }
      if (Math.abs(table[i] - previous[i - 1]) >= RIDDERS_SAFE * error) break;
    }
    [previous, table] = [table, previous];
  }
  const scale = Math.max(Math.abs(best), Math.abs(fx) / Math.max(1, Math.abs(x)), Number.MIN_VALUE);
  return { value: best, error, reliable: Number.isFinite(error) && error <= tolerance * scale };
}

/** Evaluates a tree function with one leaf replaced. */
function withLeaf(xs: Flat, i: number, value: number): unknown {
  const leaves = xs.leaves.slice();
  leaves[i] = value;
  return rebuild(xs.def, leaves, true);
}

function plainLeaves(x: unknown, what: string): Flat {
  const xs = flatten(x, what);
  if (xs.leaves.some((l) => typeof l !== 'number')) throw argumentError(what, x, 'a tree of plain numbers');
  return xs;
}

/** The gradient of a scalar function of a parameter tree, shaped like the parameters. */
export function numericGradient<P>(f: (x: P) => number, x: P, options?: NumericOptions): P {
  if (typeof f !== 'function') throw argumentError('numericGradient: f', f, 'a function');
  const xs = plainLeaves(x, 'numericGradient input');
  const step = { step: checkStep(options, 'numericGradient') }; // options read once, not per leaf
  const g = xs.leaves.map((xi, i) =>
    numericDerivative((t) => f(withLeaf(xs, i, t) as P), xi as number, step),
  );
  return rebuild(xs.def, g, true) as P;
}

/** The Jacobian (rows: output leaves, columns: input leaves) of a tree-to-tree function. */
export function numericJacobian<P>(f: (x: P) => unknown, x: P, options?: NumericOptions): number[][] {
  if (typeof f !== 'function') throw argumentError('numericJacobian: f', f, 'a function');
  const xs = plainLeaves(x, 'numericJacobian input');
  const relative = checkStep(options, 'numericJacobian');
  const outputs = (point: unknown): number[] => {
    const leaves = flatten(f(point as P), 'numericJacobian output', false).leaves;
    for (const v of leaves) {
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        throw new DiffError('E_NON_FINITE', `numericJacobian: the function returned ${String(v)} near the point`, { where: 'numericJacobian', value: v });
      }
    }
    return leaves as number[];
  };
  const m = outputs(x).length;
  checkSize('numericJacobian', m, xs.leaves.length);
  const rows = Array.from({ length: m }, () => new Array<number>(xs.leaves.length));
  xs.leaves.forEach((xj, j) => {
    // One perturbation of input j serves every output: central differences at h and h/2, Richardson.
    const h = stepFor(xj as number, relative);
    const central = (k: number) => {
      const up = outputs(withLeaf(xs, j, (xj as number) + k));
      const down = outputs(withLeaf(xs, j, (xj as number) - k));
      return up.map((u, i) => (u - down[i]) / (2 * k));
    };
    const coarse = central(h);
    const fine = central(h / 2);
    for (let i = 0; i < m; i++) rows[i][j] = (4 * fine[i] - coarse[i]) / 3;
  });
  return rows;
}

/**
 * The Hessian of a scalar function of a parameter tree by second central differences
 * (step eps^(1/4) * max(1, |x|)), symmetric by construction.
 */
export function numericHessian<P>(f: (x: P) => number, x: P): number[][] {
  if (typeof f !== 'function') throw argumentError('numericHessian: f', f, 'a function');
  const xs = plainLeaves(x, 'numericHessian input');
  const x0 = xs.leaves as number[];
  const n = x0.length;
  checkSize('numericHessian', n, n);
  const h = x0.map((xi) => stepFor(xi, STEP2));
  const at = (di: number, si: number, dj: number, sj: number) => {
    const leaves = x0.slice();
    leaves[di] += si * h[di];
    leaves[dj] += sj * h[dj];
    const y = f(rebuild(xs.def, leaves, true) as P);
    if (typeof y !== 'number' || !Number.isFinite(y)) {
      throw new DiffError('E_NON_FINITE', `numericHessian: the function returned ${String(y)} near the point`, { where: 'numericHessian', value: y });
    }
    return y;
  };
  const out = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      const v = (at(i, 1, j, 1) - at(i, 1, j, -1) - at(i, -1, j, 1) + at(i, -1, j, -1)) / (4 * h[i] * h[j]);
      out[i][j] = out[j][i] = v;
    }
  }
  return out;
}
