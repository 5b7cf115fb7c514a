// Exact Jacobians of a model's values with respect to its parameters, from the differentiation
// engine: the compiled symbolic gradient of the model's formula form where it has one, else
// forward mode (one pass over the samples with n tangents at once). Never finite differences.
import { compile, jacobian } from '../diff/index';
import type { CompiledFunction } from '../diff/index';
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

/** Compiled model gradients by formula text; bounded so long-running apps with many formulas stay small. */
const compiled = new Map<string, CompiledFunction | null>();
const MAX_COMPILED = 64;

/** The compiled value-and-gradient of the model's formula form, or null (exported for tests). */
export function compiledGradient(model: ModelDefinition): CompiledFunction | null {
  const f = model.formulaSource;
  if (!f || f.params.length !== model.params.length) return null;
  const key = `${f.text}\u0000${f.params.join(',')}`;
  let c = compiled.get(key);
  if (c === undefined) {
    try {
      c = compile(f.text, { variables: ['x', ...f.params] });
    } catch (err) {
      if (!(err instanceof TensileError)) throw err;
      c = null; // e.g. a formula the compiler cannot take: forward mode still works
    }
    if (compiled.size >= MAX_COMPILED) compiled.delete(compiled.keys().next().value as string);
    compiled.set(key, c);
  }
  return c;
}

/** Forward-mode Jacobian (the fallback and the reference). */
export function forwardJacobian(model: ModelDefinition, xs: Float64Array): (p: Float64Array, out: Float64Array) => void {
  const m = xs.length;
  const n = model.params.length;
  const values = (q: Num[]): Num[] => {
    const out = new Array<Num>(m);
    for (let i = 0; i < m; i++) out[i] = model.expr(xs[i], q, engineOps);
    return out;
  };
  const jac = jacobian(values, { mode: 'forward' });
  const primal = new Array<number>(n);
  return (p, out) => {
    for (let j = 0; j < n; j++) primal[j] = p[j];
    let rows: number[][];
    try {
      rows = jac(primal);
    } catch (err) {
      if (!(err instanceof TensileError)) throw err;
      throw new FitOptionsError('E_FIT_BAD_MODEL', `model "${model.name}": the Jacobian at (${primal.join(', ')}) failed: ${err.message}`, {
        where: 'jacobian',
        value: primal.slice(),
      });
    }
    for (let i = 0; i < m; i++) {
      const row = rows[i];
      for (let j = 0; j < n; j++) out[i * n + j] = row[j];
    }
  };
}

/**
 * Returns `(p, out)` writing d f(x_i; p) / d p_j into out (row-major m x n) for the sample x
 * values: from the compiled symbolic gradient when the model has a formula form, else (and
 * wherever that meets a non-finite value) from forward mode.
 */
export function modelJacobian(model: ModelDefinition, xs: Float64Array): (p: Float64Array, out: Float64Array) => void {
  const forward = forwardJacobian(model, xs);
  const c = compiledGradient(model);
  if (!c) return forward;
  const m = xs.length;
  const n = model.params.length;
  const z = new Float64Array(n + 1);
  const g = new Float64Array(n + 2);
  return (p, out) => {
    for (let j = 0; j < n; j++) z[j + 1] = p[j];
    try {
      for (let i = 0; i < m; i++) {
        z[0] = xs[i];
        c.into(z, g);
        // g = [value, d/dx, d/dp_0, ...]
        for (let j = 0; j < n; j++) {
          const v = g[j + 2];
          if (!Number.isFinite(v)) throw new RangeError('non-finite');
          out[i * n + j] = v;
        }
      }
    } catch (err) {
      if (!(err instanceof TensileError) && !(err instanceof RangeError)) throw err;
      forward(p, out);
    }
  };
}
