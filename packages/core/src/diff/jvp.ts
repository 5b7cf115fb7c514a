// The forward-mode entry points: jvp (a Jacobian-vector product over trees) and derivative (a
// scalar function's derivative as a function, nestable for higher orders).
import { DiffError, argumentError } from './errors';
import { ForwardContext } from './forward';
import type { Dual, Dual4 } from './forward';
import { assertFiniteResult } from './finite-checks';
import type { Lifted } from './lifted';
import { assertSameShape, flatten, rebuild } from './pytree';
import { Boxed } from './value';
import type { Num } from './value';

/** Splits an output leaf of a forward run into its value and its k tangents. */
export function splitDual(ctx: ForwardContext, x: Num): { value: Num; tangent: Num[] } {
  if (typeof x !== 'number' && x.owner === ctx) return { value: x.primal, tangent: (x as Dual4 | Dual).tangent };
  if (typeof x !== 'number' && x.owner.level > ctx.level) {
    throw new DiffError('E_STALE_VALUE', `jvp: the output holds a value of an inner ${x.owner.label} that has already returned`, { where: 'jvp output' });
  }
  return { value: x, tangent: new Array<Num>(ctx.k).fill(0) };
}

/**
 * Jacobian-vector product: runs `f` once with `primals` carrying `tangents` (trees of the same
 * shape) and returns the output and its directional derivative, both shaped like f's output.
 */
export function jvp<P, O>(f: (x: Lifted<P>) => O, primals: P, tangents: P): { value: O; tangent: O } {
  if (typeof f !== 'function') throw argumentError('jvp: f', f, 'a function');
  const xs = flatten(primals, 'jvp primals');
  const ts = flatten(tangents, 'jvp tangents');
  assertSameShape(xs.def, ts.def, 'jvp tangents');
  const ctx = new ForwardContext(1);
  let out: unknown;
  try {
    const duals = xs.leaves.map((x, i) => ctx.seed(x, [ts.leaves[i]]));
    out = (f as (x: unknown) => unknown)(rebuild(xs.def, duals, false));
  } finally {
    ctx.active = false;
  }
  const flat = flatten(out, 'jvp output', false);
  const values: Num[] = [];
  const tans: Num[] = [];
  flat.leaves.forEach((leaf, i) => {
    const { value, tangent } = splitDual(ctx, leaf);
    assertFiniteResult(value, () => `jvp output${flat.paths[i] ? ' ' + flat.paths[i] : ''}`, ctx.firstOverflow);
    assertFiniteResult(tangent[0], () => `the tangent of jvp output${flat.paths[i] ? ' ' + flat.paths[i] : ''}`, ctx.firstOverflow);
    values.push(value);
    tans.push(tangent[0]);
  });
  ctx.release();
  return { value: rebuild(flat.def, values, true) as O, tangent: rebuild(flat.def, tans, true) as O };
}

/** d f / d x of a scalar function, itself a function (nest it for higher derivatives). */
export function derivative(f: (x: Num) => Num): (x: Num) => Num {
  if (typeof f !== 'function') throw argumentError('derivative: f', f, 'a function');
  return (x: Num) => {
    if (typeof x !== 'number' && !(x instanceof Boxed)) throw argumentError('derivative: x', x, 'a number');
    const r = jvp<Num, Num>(f as (x: Num) => Num, x, 1);
    if (typeof r.tangent !== 'number' && !(r.tangent instanceof Boxed)) {
      throw new DiffError('E_NOT_SCALAR', 'derivative: f must return one number; use jvp or jacobian for other outputs', { where: 'derivative' });
    }
    return r.tangent;
  };
}
