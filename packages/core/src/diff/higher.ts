// Jacobians (forward or reverse, picked by shape) and hessians (forward over reverse: one pass of
// n-tangent duals through a tape whose partials are duals, so hessians of tanh, exp, sigmoid, log
// and pow are exact, where TF.js 4.22 throws).
import { DiffError, argumentError, readOption } from './errors';
import { limits, tooLarge } from './limits';
import { ForwardContext } from './forward';
import { assertFiniteResult } from './finite-checks';
import { splitDual } from './jvp';
import type { ParamsOf } from './lifted';
import { flatten, rebuild } from './pytree';
import type { Flat } from './pytree';
import { vjp, valueAndGrad } from './reverse';
import type { Num } from './value';

/** Options of jacobian(): which differentiation mode builds the matrix. */
export interface JacobianOptions {
  /** 'forward' (one pass, n tangents), 'reverse' (one tape, m sweeps) or 'auto' (forward when n <= m). */
  mode?: 'auto' | 'forward' | 'reverse';
}

/** Runs f with every input leaf seeded by one unit tangent; returns output leaves split in value and tangents. */
function forwardAll(f: (x: never) => unknown, xs: Flat, what: 'jacobian output' | 'hessian output') {
  const n = xs.leaves.length;
  const ctx = new ForwardContext(n);
  let out: unknown;
  try {
    const duals = new Array<Num>(n);
    for (let i = 0; i < n; i++) duals[i] = ctx.seedUnit(xs.leaves[i], i);
    out = (f as (x: unknown) => unknown)(rebuild(xs.def, duals, false));
  } finally {
    ctx.active = false;
  }
  const flat = flatten(out, what, false);
  const parts = new Array<{ value: Num; tangent: Num[] }>(flat.leaves.length);
  for (let i = 0; i < parts.length; i++) parts[i] = splitDual(ctx, flat.leaves[i]);
  ctx.release();
  return { flat, ctx, parts };
}

/**
 * The Jacobian of `f` at `x` as rows (one per output leaf, in flatten order) of columns (one per
 * input leaf). Output and input may be any trees.
 */
export function jacobian<L>(f: (x: L) => unknown, options: JacobianOptions = {}): (x: ParamsOf<L>) => number[][] {
  if (typeof f !== 'function') throw argumentError('jacobian: f', f, 'a function');
  const mode = readOption(options, 'mode', 'jacobian') ?? 'auto';
  if (mode !== 'auto' && mode !== 'forward' && mode !== 'reverse') throw argumentError('jacobian: options.mode', mode, "'auto', 'forward' or 'reverse'");
  return (x: ParamsOf<L>) => {
    const xs = flatten(x, 'jacobian input');
    let useForward = mode === 'forward';
    if (mode === 'auto') {
      // The output size decides; one plain run to learn it costs less than the wrong mode.
      const m = flatten((f as (x: unknown) => unknown)(rebuild(xs.def, xs.leaves, false)), 'jacobian output', false).leaves.length;
      useForward = xs.leaves.length <= m;
    }
    if (useForward) {
      const { flat, ctx, parts } = forwardAll(f, xs, 'jacobian output');
      const rows = new Array<number[]>(parts.length);
      for (let i = 0; i < parts.length; i++) {
        const { value, tangent } = parts[i];
        // Checked inline first so the message closures are only made for a bad entry.
        if (typeof value !== 'number' || value - value !== 0) assertFiniteResult(value, () => `jacobian output ${flat.paths[i]}`, ctx.firstOverflow);
        for (const t of tangent) {
          if (typeof t !== 'number' || t - t !== 0) assertFiniteResult(t, () => `a jacobian entry of output ${flat.paths[i] || '0'}`, ctx.firstOverflow);
        }
        rows[i] = tangent as number[];
      }
      return rows;
    }
    const r = vjp(f as (x: unknown) => unknown, x as unknown);
    const outs = flatten(r.value, 'jacobian output', false);
    const entries = outs.leaves.length * xs.leaves.length;
    if (entries > limits.maxLeaves) throw tooLarge(`jacobian (${outs.leaves.length} x ${xs.leaves.length})`, entries, limits.maxLeaves, 'entries', 'maxLeaves');
    return outs.leaves.map((_, i) => {
      const seed = outs.leaves.map((__, j) => (j === i ? 1 : 0));
      return flatten(r.vjp(rebuild(outs.def, seed, true)), 'jacobian row', false).leaves as number[];
    });
  };
}

/**
 * The Hessian of a scalar function of a parameter tree, as an n x n array over the flattened
 * parameters (symmetrised: the mean of H and its transpose).
 */
export function hessian<L>(f: (x: L) => Num): (x: ParamsOf<L>) => number[][] {
  if (typeof f !== 'function') throw argumentError('hessian: f', f, 'a function');
  const g = valueAndGrad(f as (x: unknown) => Num);
  return (x: ParamsOf<L>) => {
    const xs = flatten(x, 'hessian input');
    const n = xs.leaves.length;
    if (n * n > limits.maxLeaves) throw tooLarge(`hessian (${n} x ${n})`, n * n, limits.maxLeaves, 'entries', 'maxLeaves');
    const { parts, ctx } = forwardAll((p: never) => g(p).grad, xs, 'hessian output');
    if (parts.length !== n) throw new DiffError('E_SHAPE', `hessian: expected ${n} gradient entries, got ${parts.length}`, { where: 'hessian' });
    const h: Num[][] = parts.map((p) => p.tangent);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < i; j++) {
        const a = h[i][j];
        const b = h[j][i];
        if (typeof a === 'number' && typeof b === 'number') h[i][j] = h[j][i] = (a + b) / 2;
      }
      for (const v of h[i]) assertFiniteResult(v, () => `a hessian entry of row ${xs.paths[i] || i}`, ctx.firstOverflow);
    }
    return h as number[][];
  };
}
