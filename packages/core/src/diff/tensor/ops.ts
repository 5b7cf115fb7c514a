// Tensor-level reverse mode for nets: matmul, broadcast add, elementwise activations (their value
// and derivative come from the primitive table), sum/mean, square and MSE. Each op on a TensorVar
// records one node whose backward step adds into its parents' gradient buffers; on plain Tensors
// the same ops just compute (inference needs no tape).
import { DiffError, describeCall } from '../errors';
import { PRIMITIVES } from '../primitives';
import type { Primitive, UnaryOp } from '../primitives';
import { Tensor } from './tensor';
import { limits, tooLarge } from '../limits';

/** A Tensor recorded on a tape: its value, and its gradient once the sweep reaches it. */
export class TensorVar {
  /** d loss / d this (same layout as value.data); null until something downstream contributes. */
  grad: Float64Array | null = null;
  constructor(
    readonly tape: TensorTape,
    readonly value: Tensor,
    /** Adds this node's gradient into its parents' (null for inputs). */
    readonly backward: ((g: Float64Array) => void) | null,
  ) {}

  get rows(): number {
    return this.value.rows;
  }
  get cols(): number {
    return this.value.cols;
  }
}

/** A tensor tape may record limits.maxTapeNodes times this many elements (the scalar tape's memory). */
const TENSOR_ELEMENTS_PER_NODE = 4;

export class TensorTape {
  active = true;
  readonly nodes: TensorVar[] = [];
  /** Elements of all recorded values: a tape's memory, capped like the scalar tape's (E_TOO_LARGE). */
  private elements = 0;

  record(value: Tensor, backward: ((g: Float64Array) => void) | null): TensorVar {
    this.elements += value.data.length;
    if (this.elements > limits.maxTapeNodes * TENSOR_ELEMENTS_PER_NODE) {
      throw tooLarge('tensorValueAndGrad tape', this.elements, limits.maxTapeNodes * TENSOR_ELEMENTS_PER_NODE, 'recorded tensor elements', 'maxTapeNodes');
    }
    const v = new TensorVar(this, value, backward);
    this.nodes.push(v);
    return v;
  }

  /** Sweeps from `loss` (seeded with 1 in every element) back to the inputs. */
  sweep(loss: TensorVar): void {
    loss.grad = new Float64Array(loss.value.data.length).fill(1);
    for (let i = this.nodes.length - 1; i >= 0; i--) {
      const node = this.nodes[i];
      if (node.grad !== null && node.backward !== null) node.backward(node.grad);
    }
  }
}

/** What the tensor ops accept: a plain Tensor, or a TensorVar recorded by tensorValueAndGrad. */
export type TensorLike = Tensor | TensorVar;

function valueOf(x: TensorLike, where: string): Tensor {
  if (x instanceof Tensor) return x;
  if (x instanceof TensorVar) {
    if (!x.tape.active) {
      throw new DiffError('E_STALE_VALUE', `${where}: a TensorVar of a tensorValueAndGrad call that has already returned was used`, { where });
    }
    return x.value;
  }
  throw new DiffError('E_SHAPE', `${where}: expected a Tensor or TensorVar, got ${typeof x}`, { where, value: x });
}

/** The tape of whichever argument is recorded (they must agree), or null if none is. */
function tapeOf(a: TensorLike, b: TensorLike | null, where: string): TensorTape | null {
  const ta = a instanceof TensorVar ? a.tape : null;
  const tb = b instanceof TensorVar ? b.tape : null;
  if (ta !== null && tb !== null && ta !== tb) {
    throw new DiffError('E_STALE_VALUE', `${where}: its arguments belong to different tensorValueAndGrad calls`, { where });
  }
  return ta ?? tb;
}

/** Adds g into x's gradient (allocating it on first contribution) when x is recorded. */
function accumulate(x: TensorLike, g: Float64Array): void {
  if (!(x instanceof TensorVar)) return;
  if (x.grad === null) x.grad = g;
  else {
    const acc = x.grad;
    for (let i = 0; i < acc.length; i++) acc[i] += g[i];
  }
}

function needs(x: TensorLike): boolean {
  return x instanceof TensorVar;
}

function result(tape: TensorTape | null, value: Tensor, backward: (g: Float64Array) => void): TensorLike {
  return tape === null ? value : tape.record(value, backward);
}

/** a (n x k) times b (k x m). */
export function matmul(a: TensorLike, b: TensorLike): TensorLike {
  const A = valueOf(a, 'matmul a');
  const B = valueOf(b, 'matmul b');
  if (A.cols !== B.rows) {
    throw new DiffError('E_SHAPE', `matmul: a is ${A.shape} and b is ${B.shape}; a's columns must equal b's rows`, { where: 'matmul' });
  }
  const n = A.rows;
  const k = A.cols;
  const m = B.cols;
  const ad = A.data;
  const bd = B.data;
  const out = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    for (let p = 0; p < k; p++) {
      const aip = ad[i * k + p];
      if (aip === 0) continue;
      const ro = i * m;
      const bo = p * m;
      for (let j = 0; j < m; j++) out[ro + j] += aip * bd[bo + j];
    }
  }
  return result(tapeOf(a, b, 'matmul'), new Tensor(n, m, out), (g) => {
    if (needs(a)) {
      // dA = g B^T
      const ga = new Float64Array(n * k);
      for (let i = 0; i < n; i++) {
        for (let p = 0; p < k; p++) {
          let s = 0;
          for (let j = 0; j < m; j++) s += g[i * m + j] * bd[p * m + j];
          ga[i * k + p] = s;
        }
      }
      accumulate(a, ga);
    }
    if (needs(b)) {
      // dB = A^T g
      const gb = new Float64Array(k * m);
      for (let i = 0; i < n; i++) {
        for (let p = 0; p < k; p++) {
          const aip = ad[i * k + p];
          if (aip === 0) continue;
          for (let j = 0; j < m; j++) gb[p * m + j] += aip * g[i * m + j];
        }
      }
      accumulate(b, gb);
    }
  });
}

type Broadcast = 'same' | 'row' | 'scalar';

function broadcastKind(A: Tensor, B: Tensor, where: string): Broadcast {
  if (A.rows === B.rows && A.cols === B.cols) return 'same';
  if (B.rows === 1 && B.cols === A.cols) return 'row';
  if (B.rows === 1 && B.cols === 1) return 'scalar';
  throw new DiffError('E_SHAPE', `${where}: b is ${B.shape}, expected ${A.shape}, 1 x ${A.cols} (a row broadcast over rows) or 1 x 1`, { where });
}

/** Sums g over the broadcast dimension back to b's shape. */
function reduceTo(kind: Broadcast, g: Float64Array, A: Tensor, sign: number): Float64Array {
  if (kind === 'same') {
    if (sign === 1) return g.slice();
    const out = new Float64Array(g.length);
    for (let i = 0; i < g.length; i++) out[i] = sign * g[i];
    return out;
  }
  if (kind === 'row') {
    const out = new Float64Array(A.cols);
    for (let i = 0; i < A.rows; i++) for (let j = 0; j < A.cols; j++) out[j] += sign * g[i * A.cols + j];
    return out;
  }
  let s = 0;
  for (let i = 0; i < g.length; i++) s += g[i];
  return new Float64Array([sign * s]);
}

function addOrSub(a: TensorLike, b: TensorLike, sign: 1 | -1, where: string): TensorLike {
  const A = valueOf(a, `${where} a`);
  const B = valueOf(b, `${where} b`);
  const kind = broadcastKind(A, B, where);
  const ad = A.data;
  const bd = B.data;
  const out = new Float64Array(ad.length);
  const cols = A.cols;
  for (let i = 0; i < ad.length; i++) out[i] = ad[i] + sign * bd[kind === 'same' ? i : kind === 'row' ? i % cols : 0];
  return result(tapeOf(a, b, where), new Tensor(A.rows, A.cols, out), (g) => {
    if (needs(a)) accumulate(a, g.slice());
    if (needs(b)) accumulate(b, reduceTo(kind, g, A, sign));
  });
}

/** a + b, where b may also be a 1 x cols row (a bias, broadcast over a's rows) or 1 x 1. */
export function tensorAdd(a: TensorLike, b: TensorLike): TensorLike {
  return addOrSub(a, b, 1, 'tensorAdd');
}

/** x + bias with bias 1 x cols broadcast over the rows of x (a dense layer's bias). */
export function addBias(x: TensorLike, bias: TensorLike): TensorLike {
  return addOrSub(x, bias, 1, 'addBias');
}

/** a - b with the broadcasting of tensorAdd. */
export function tensorSub(a: TensorLike, b: TensorLike): TensorLike {
  return addOrSub(a, b, -1, 'tensorSub');
}

/** Elementwise a * b (same shape). */
export function tensorMul(a: TensorLike, b: TensorLike): TensorLike {
  const A = valueOf(a, 'tensorMul a');
  const B = valueOf(b, 'tensorMul b');
  if (A.rows !== B.rows || A.cols !== B.cols) throw new DiffError('E_SHAPE', `tensorMul: a is ${A.shape} but b is ${B.shape}`, { where: 'tensorMul' });
  const ad = A.data;
  const bd = B.data;
  const out = new Float64Array(ad.length);
  for (let i = 0; i < out.length; i++) out[i] = ad[i] * bd[i];
  return result(tapeOf(a, b, 'tensorMul'), new Tensor(A.rows, A.cols, out), (g) => {
    if (needs(a)) {
      const ga = new Float64Array(g.length);
      for (let i = 0; i < g.length; i++) ga[i] = g[i] * bd[i];
      accumulate(a, ga);
    }
    if (needs(b)) {
      const gb = new Float64Array(g.length);
      for (let i = 0; i < g.length; i++) gb[i] = g[i] * ad[i];
      accumulate(b, gb);
    }
  });
}

/** s * x for a constant number s. */
export function tensorScale(x: TensorLike, s: number): TensorLike {
  const X = valueOf(x, 'tensorScale x');
  if (!Number.isFinite(s)) throw new DiffError('E_NON_FINITE', `tensorScale: expected a finite factor, got ${s}`, { where: 'tensorScale', value: s });
  const out = new Float64Array(X.data.length);
  for (let i = 0; i < out.length; i++) out[i] = s * X.data[i];
  return result(tapeOf(x, null, 'tensorScale'), new Tensor(X.rows, X.cols, out), (g) => {
    const gx = new Float64Array(g.length);
    for (let i = 0; i < g.length; i++) gx[i] = s * g[i];
    accumulate(x, gx);
  });
}

/** The unary primitives usable elementwise (every activation of the primitive table, and more). */
export type ElementwiseOp = Exclude<UnaryOp, 'stopGradient'>;

/** op applied to every element; value and derivative come from the primitive table. */
export function activate(x: TensorLike, op: ElementwiseOp): TensorLike {
  const rule: Primitive | undefined = (PRIMITIVES as Record<string, Primitive>)[op];
  if (rule === undefined || rule.arity !== 1 || op === ('stopGradient' as string)) {
    throw new DiffError('E_ARGUMENT', `activate: unknown elementwise op ${String(op)}`, { where: 'activate', value: op });
  }
  const X = valueOf(x, `activate(${op})`);
  const xd = X.data;
  const out = new Float64Array(xd.length);
  for (let i = 0; i < out.length; i++) {
    const y = rule.f(xd[i], 0);
    if (y !== y) throw new DiffError('E_NAN', `activate: ${describeCall(op, [xd[i]])} is NaN (element ${i})`, { where: op, value: xd[i] });
    out[i] = y;
  }
  const d = rule.d[0];
  return result(tapeOf(x, null, 'activate'), new Tensor(X.rows, X.cols, out), (g) => {
    const gx = new Float64Array(g.length);
    for (let i = 0; i < g.length; i++) {
      const gi = g[i];
      if (gi !== 0) gx[i] = gi * (d(xd[i], 0, out[i]) as number);
    }
    accumulate(x, gx);
  });
}

/** The sum of all elements, 1 x 1. */
export function tensorSum(x: TensorLike): TensorLike {
  const X = valueOf(x, 'tensorSum x');
  let s = 0;
  for (let i = 0; i < X.data.length; i++) s += X.data[i];
  return result(tapeOf(x, null, 'tensorSum'), new Tensor(1, 1, new Float64Array([s])), (g) => {
    accumulate(x, new Float64Array(X.data.length).fill(g[0]));
  });
}

/** The mean of all elements, 1 x 1. */
export function tensorMean(x: TensorLike): TensorLike {
  const X = valueOf(x, 'tensorMean x');
  return tensorScale(tensorSum(x), 1 / X.data.length);
}

/** Elementwise x^2. */
export function tensorSquare(x: TensorLike): TensorLike {
  return tensorMul(x, x);
}

/** Mean squared error between a prediction and a target of the same shape, 1 x 1. */
export function mse(prediction: TensorLike, target: TensorLike): TensorLike {
  return tensorMean(tensorSquare(tensorSub(prediction, target)));
}
