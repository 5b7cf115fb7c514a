// Exact Jacobians of a model's values with respect to its parameters, from the AD engine's
// forward mode: one jvp per parameter over all samples (n is 2..6 for the built-ins), which beats
// a reverse sweep per sample and never meets finite-difference round-off.
import { jvp } from '../diff/forward';
import type { Num } from '../diff/index';
import * as ad from '../diff/ops';
import { TensileError } from '../errors';
import { FitOptionsError } from './errors';
import type { ModelDefinition, ModelOps } from './model';

/** The engine's polymorphic ops as ModelOps: the same model code runs on numbers and duals. */
export const engineOps: ModelOps<Num> = {
  add: ad.add,
  sub: ad.sub,
  mul: ad.mul,
  div: ad.div,
  pow: ad.pow,
  exp: ad.exp,
  log: ad.log,
  abs: ad.abs,
  neg: ad.neg,
};

/**
 * Returns `(p, out)` writing d f(x_i; p) / d p_j into out (row-major m x n) for the sample x values.
 */
export function modelJacobian(model: ModelDefinition, xs: Float64Array): (p: Float64Array, out: Float64Array) => void {
  const m = xs.length;
  const n = model.params.length;
  const values = (q: Num[]): Num[] => {
    const out = new Array<Num>(m);
    for (let i = 0; i < m; i++) out[i] = model.expr(xs[i], q, engineOps);
    return out;
  };
  const primal = new Array<number>(n);
  const tangent = new Array<number>(n).fill(0);
  return (p, out) => {
    for (let j = 0; j < n; j++) primal[j] = p[j];
    for (let j = 0; j < n; j++) {
      tangent.fill(0);
      tangent[j] = 1;
      let column: Num[];
      try {
        column = jvp<number[], Num[]>(values, primal, tangent).tangent;
      } catch (err) {
        if (!(err instanceof TensileError)) throw err;
        throw new FitOptionsError(
          'E_FIT_BAD_MODEL',
          `model "${model.name}": the derivative with respect to ${model.params[j]} at (${primal.join(', ')}) failed: ${err.message}`,
          { where: `d/d${model.params[j]}`, value: primal.slice() },
        );
      }
      for (let i = 0; i < m; i++) out[i * n + j] = column[i] as number;
    }
  };
}
