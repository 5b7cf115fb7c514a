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

/**
 * Maps the Tensor leaves of a params tree (read once: own enumerable keys, a throwing getter is an
 * E_ARGUMENT error naming its path; an own "__proto__" key stays an own key of the result).
 */
function mapTree<T>(x: unknown, isLeaf: (x: unknown) => x is T, fn: (t: T, path: string) => unknown, path: string, depth: number): unknown {
  if (isLeaf(x)) return fn(x, path);
  if (depth > MAX_DEPTH) throw new DiffError('E_SHAPE', `tensorValueAndGrad: params nested deeper than ${MAX_DEPTH} (a cycle?)`, { where: path });
  const read = (key: string | number, at: string): unknown => {
    try {
      return (x as Record<string | number, unknown>)[key];
    } catch (err) {
      throw new DiffError('E_ARGUMENT', `tensorValueAndGrad: params at ${at}: reading it threw: ${err instanceof Error ? err.message : describeValue(err)}`, { where: at });
    }
  };
  let kind: 'array' | 'record' | 'other';
  let keys: string[] = [];
  try {
    kind = Array.isArray(x) ? 'array' : typeof x === 'object' && x !== null && (Object.getPrototypeOf(x) === Object.prototype || Object.getPrototypeOf(x) === null) ? 'record' : 'other';
    if (kind === 'record') keys = Object.keys(x as object);
  } catch (err) {
    throw new DiffError('E_ARGUMENT', `tensorValueAndGrad: params${path ? ' at ' + path : ''}: reading it threw: ${err instanceof Error ? err.message : describeValue(err)}`, { where: path || 'params' });
  }
  if (kind === 'array') {
    const arr = x as unknown[];
    const out = new Array<unknown>(arr.length);
    for (let i = 0; i < out.length; i++) out[i] = mapTree(read(i, `${path}[${i}]`), isLeaf, fn, `${path}[${i}]`, depth + 1);
    return out;
  }
  if (kind === 'record') {
    const out: Record<string, unknown> = {};
    for (const key of keys) {
      const at = path ? `${path}.${key}` : key;
      const v = mapTree(read(key, at), isLeaf, fn, at, depth + 1);
      Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  throw new DiffError('E_SHAPE', `tensorValueAndGrad: params${path ? ' at ' + path : ''} must be Tensors or arrays/records of Tensors, got ${describeValue(x)}`, {
    where: path || 'params',
    value: x,
  });
}

const isTensor = (x: unknown): x is Tensor => x instanceof Tensor;
const isTensorVar = (x: unknown): x is TensorVar => x instanceof TensorVar;

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
    const vars = mapTree(params, isTensor, (t, path) => {
      const v = tape.record(t, null);
      inputs.push(v);
      paths.push(path);
      return v;
    }, '', 0);
    // f gets its own copy of the structure, so whatever it does to it cannot change the gradient's shape.
    const out = f(mapTree(vars, isTensorVar, (v) => v, '', 0) as TensorVars<P>);
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
    // Over the vars tree built above, not params again: the params are read once.
    const grads = mapTree(vars, isTensorVar, (v) => {
      const t = v.value;
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
