// Numerical differentiation: central differences with a step scaled to the argument
// (h = eps^(1/3) * max(1, |x|)) refined by one Richardson extrapolation. The article's first
// method, offered to users and used as the oracle that tests the AD modes.
import { DiffError, argumentError, readOption } from './errors';
import { limits, tooLarge } from './limits';
import { flatten, rebuild } from './pytree';
import type { Flat } from './pytree';

/** eps^(1/3): balances the O(h^2) truncation error against the O(eps/h) rounding error. */
const STEP = Math.cbrt(Number.EPSILON);
/** eps^(1/4): the same balance for second differences (O(h^2) against O(eps/h^2)). */
const STEP2 = Math.pow(Number.EPSILON, 0.25);

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
  return (4 * fine - coarse) / 3;
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
