// tensorValueAndGrad: the entry point of tensor-level reverse mode (what src/nn trains with).
import { describeValue } from '../../errors';
import { DiffError, argumentError } from '../errors';
import { TensorTape, TensorVar } from './ops';
import type { TensorLike } from './ops';
import { Tensor } from './tensor';

/** A parameter structure: a Tensor, or arrays / plain records of them, to any depth. */
export type TensorTree = Tensor | readonly TensorTree[] | { readonly [key: string]: TensorTree };

/** The parameters as f sees them: every Tensor becomes a TensorVar on the tape. */
export type TensorVars<P> = P extends Tensor
  ? TensorVar
  : P extends readonly (infer E)[]
    ? TensorVars<E>[]
    : { [K in keyof P]: TensorVars<P[K]> };

const MAX_DEPTH = 32;

function mapTree(x: unknown, fn: (t: Tensor, path: string) => unknown, path: string, depth: number): unknown {
  if (x instanceof Tensor) return fn(x, path);
  if (depth > MAX_DEPTH) throw new DiffError('E_SHAPE', `tensorValueAndGrad: params nested deeper than ${MAX_DEPTH} (a cycle?)`, { where: path });
  if (Array.isArray(x)) return x.map((item, i) => mapTree(item, fn, `${path}[${i}]`, depth + 1));
  if (typeof x === 'object' && x !== null && (Object.getPrototypeOf(x) === Object.prototype || Object.getPrototypeOf(x) === null)) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(x)) out[key] = mapTree((x as Record<string, unknown>)[key], fn, path ? `${path}.${key}` : key, depth + 1);
    return out;
  }
  throw new DiffError('E_SHAPE', `tensorValueAndGrad: params${path ? ' at ' + path : ''} must be Tensors or arrays/records of Tensors, got ${describeValue(x)}`, {
    where: path || 'params',
    value: x,
  });
}

/**
 * Records `f(params)` on a tensor tape and sweeps back once: returns the loss (f must return a
 * 1 x 1 tensor) and d loss / d params as Tensors in the shape of `params`.
 *
 * @example
 * const { value, grad } = tensorValueAndGrad(
 *   (p) => mse(addBias(matmul(x, p.w), p.b), y),
 *   { w: Tensor.zeros(1, 1), b: Tensor.zeros(1, 1) },
 * );
 */
export function tensorValueAndGrad<P extends TensorTree>(f: (params: TensorVars<P>) => TensorLike, params: P): { value: number; grad: P } {
  if (typeof f !== 'function') throw argumentError('tensorValueAndGrad: f', f, 'a function');
  const tape = new TensorTape();
  const inputs: TensorVar[] = [];
  const paths: string[] = [];
  let loss: TensorVar;
  try {
    const vars = mapTree(params, (t, path) => {
      const v = tape.record(t, null);
      inputs.push(v);
      paths.push(path);
      return v;
    }, '', 0);
    const out = f(vars as TensorVars<P>);
    if (out instanceof Tensor) {
      throw new DiffError('E_NOT_SCALAR', 'tensorValueAndGrad: f returned a Tensor that does not depend on the params', { where: 'output' });
    }
    if (!(out instanceof TensorVar) || out.tape !== tape) {
      throw new DiffError('E_NOT_SCALAR', `tensorValueAndGrad: f must return a 1 x 1 TensorVar computed from the params, got ${describeValue(out)}`, { where: 'output' });
    }
    if (out.rows !== 1 || out.cols !== 1) {
      throw new DiffError('E_NOT_SCALAR', `tensorValueAndGrad: f must return a 1 x 1 loss, got ${out.value.shape} (reduce it with tensorSum, tensorMean or mse)`, {
        where: 'output',
      });
    }
    loss = out;
    const value = loss.value.data[0];
    if (!Number.isFinite(value)) throw new DiffError('E_NON_FINITE', `tensorValueAndGrad: the loss is ${value}`, { where: 'loss', value });
    tape.sweep(loss);
    let k = 0;
    const grads = mapTree(params, (t) => {
      const v = inputs[k];
      const path = paths[k++];
      const g = v.grad ?? new Float64Array(t.data.length);
      for (let i = 0; i < g.length; i++) {
        if (!Number.isFinite(g[i])) {
          throw new DiffError('E_NON_FINITE', `tensorValueAndGrad: the gradient of ${path || 'params'} is ${g[i]} at element ${i}`, { where: path, value: g[i] });
        }
      }
      return new Tensor(t.rows, t.cols, g);
    }, '', 0);
    return { value, grad: grads as P };
  } finally {
    tape.active = false;
  }
}
