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

/** The structure of a params tree, read once; vars and gradients are built from it. */
type Skeleton = null | { readonly keys: readonly string[] | null; readonly items: readonly Skeleton[] };

function readError(path: string, err: unknown): DiffError {
  return new DiffError('E_ARGUMENT', `tensorValueAndGrad: params${path ? ' at ' + path : ''}: reading it threw: ${err instanceof Error ? err.message : describeValue(err)}`, {
    where: path || 'params',
  });
}

/**
 * Reads a params tree once (own enumerable keys; a throwing getter or proxy trap is an E_ARGUMENT
 * error naming its path) into a skeleton (null = a Tensor leaf) and the leaves in order.
 */
function readTree(x: unknown, path: string, depth: number, leaves: Tensor[], paths: string[]): Skeleton {
  if (x instanceof Tensor) {
    leaves.push(x);
    paths.push(path);
    return null;
  }
  if (depth > MAX_DEPTH) throw new DiffError('E_SHAPE', `tensorValueAndGrad: params nested deeper than ${MAX_DEPTH} (a cycle?)`, { where: path });
  let keys: string[] | null = null;
  let length = 0;
  try {
    if (Array.isArray(x)) length = x.length;
    else if (typeof x === 'object' && x !== null && (Object.getPrototypeOf(x) === Object.prototype || Object.getPrototypeOf(x) === null)) keys = Object.keys(x);
    else length = -1;
  } catch (err) {
    throw readError(path, err);
  }
  if (length < 0) {
    throw new DiffError('E_SHAPE', `tensorValueAndGrad: params${path ? ' at ' + path : ''} must be Tensors or arrays/records of Tensors, got ${describeValue(x)}`, {
      where: path || 'params',
      value: x,
    });
  }
  const n = keys === null ? length : keys.length;
  const items = new Array<Skeleton>(n);
  for (let i = 0; i < n; i++) {
    const at = keys === null ? `${path}[${i}]` : path ? `${path}.${keys[i]}` : keys[i];
    let v: unknown;
    try {
      v = (x as Record<string | number, unknown>)[keys === null ? i : keys[i]];
    } catch (err) {
      throw readError(at, err);
    }
    items[i] = readTree(v, at, depth + 1, leaves, paths);
  }
  return { keys, items };
}

/** Builds a tree of the skeleton's shape from `leaves` in order (an own "__proto__" key stays one). */
function buildTree(s: Skeleton, leaves: readonly unknown[], at: { i: number }): unknown {
  if (s === null) return leaves[at.i++];
  if (s.keys === null) return s.items.map((item) => buildTree(item, leaves, at));
  const out: Record<string, unknown> = {};
  for (let k = 0; k < s.keys.length; k++) {
    const key = s.keys[k];
    const v = buildTree(s.items[k], leaves, at);
    if (key === '__proto__') Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
    else out[key] = v;
  }
  return out;
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
  const tensors: Tensor[] = [];
  const paths: string[] = [];
  let loss: TensorVar;
  try {
    // The params are read once, here; vars and gradients are built from the skeleton.
    const skeleton = readTree(params, '', 0, tensors, paths);
    const inputs = tensors.map((t) => tape.record(t, null));
    const out = f(buildTree(skeleton, inputs, { i: 0 }) as TensorVars<P>);
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
    const gradTensors = inputs.map((v, k) => {
      const t = v.value;
      const g = v.grad ?? new Float64Array(t.data.length);
      for (let i = 0; i < g.length; i++) {
        if (!Number.isFinite(g[i])) {
          throw new DiffError('E_NON_FINITE', `tensorValueAndGrad: the gradient of ${paths[k] || 'params'} is ${g[i]} at element ${i}`, { where: paths[k], value: g[i] });
        }
      }
      return new Tensor(t.rows, t.cols, g);
    });
    const grads = buildTree(skeleton, gradTensors, { i: 0 });
    return { value, grad: grads as P };
  } finally {
    tape.active = false;
  }
}
