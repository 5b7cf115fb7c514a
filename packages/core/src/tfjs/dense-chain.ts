// Folds a straight chain of affine maps and activations (what a dense stack is, whichever way a
// graph spells it: MatMul + BiasAdd, _FusedMatMul, Mul/Add by constants, Identity) into the
// layers of a DenseNet. Consecutive affine maps multiply out; each activation closes a layer.
import { createDenseNet, type DenseActivation, type DenseNet } from '../nn/dense-net';
import { ModelFormatError } from './errors';

interface Affine {
  rows: number;
  cols: number;
  /** Row-major rows x cols. */
  w: Float64Array;
  b: Float64Array;
}

function identity(n: number): Affine {
  const w = new Float64Array(n * n);
  for (let i = 0; i < n; i++) w[i * n + i] = 1;
  return { rows: n, cols: n, w, b: new Float64Array(n) };
}

function compose(first: Affine, second: Affine): Affine {
  // x -> (x W1 + b1) W2 + b2 = x (W1 W2) + (b1 W2 + b2)
  const { rows, cols: mid } = first;
  const cols = second.cols;
  const w = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    for (let k = 0; k < mid; k++) {
      const a = first.w[i * mid + k];
      if (a === 0) continue;
      for (let j = 0; j < cols; j++) w[i * cols + j] += a * second.w[k * cols + j];
    }
  }
  const b = Float64Array.from(second.b);
  for (let k = 0; k < mid; k++) {
    const a = first.b[k];
    if (a === 0) continue;
    for (let j = 0; j < cols; j++) b[j] += a * second.w[k * cols + j];
  }
  return { rows, cols, w, b };
}

function shapeError(where: string, message: string): ModelFormatError {
  return new ModelFormatError('E_MODEL_SHAPE', `${where}: ${message}`, { where });
}

/** Builds DenseNet layers from a chain walked from the input to the output. */
export class DenseChainBuilder {
  private pending: Affine | null = null;
  private readonly layers: { inputSize: number; outputSize: number; weights: Float64Array; bias: Float64Array; activation: DenseActivation }[] = [];

  /** `width` is the input width (features per sample). */
  constructor(private width: number) {}

  get currentWidth(): number {
    return this.width;
  }

  private push(map: Affine): void {
    this.pending = this.pending ? compose(this.pending, map) : map;
    this.width = map.cols;
  }

  /** x -> x W + b with W row-major [rows x cols] (`transposed`: W is stored [cols x rows]). */
  matmul(where: string, w: ArrayLike<number>, rows: number, cols: number, transposed = false): void {
    if (rows !== this.width) throw shapeError(where, `the weight has ${rows} input rows but its input has ${this.width} features`);
    const dense = new Float64Array(rows * cols);
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) dense[i * cols + j] = transposed ? w[j * rows + i] : w[i * cols + j];
    this.push({ rows, cols, w: dense, b: new Float64Array(cols) });
  }

  /** Broadcasts a scalar or a per-feature vector to the current width. */
  private broadcast(where: string, c: ArrayLike<number>): Float64Array {
    if (c.length === 1) return new Float64Array(this.width).fill(c[0]);
    if (c.length !== this.width) throw shapeError(where, `the constant has ${c.length} values but its input has ${this.width} features`);
    return Float64Array.from(c);
  }

  /** x -> x + c (c scalar or per feature). */
  add(where: string, c: ArrayLike<number>, sign = 1): void {
    const map = identity(this.width);
    const v = this.broadcast(where, c);
    for (let j = 0; j < this.width; j++) map.b[j] = sign * v[j];
    this.push(map);
  }

  /** x -> x * c (c scalar or per feature). */
  scale(where: string, c: ArrayLike<number>): void {
    const map = identity(this.width);
    const v = this.broadcast(where, c);
    for (let j = 0; j < this.width; j++) map.w[j * this.width + j] = v[j];
    this.push(map);
  }

  /** Applies `activation`, closing a layer (an identity one when no affine map is pending). */
  activate(activation: DenseActivation): void {
    const map = this.pending ?? identity(this.width);
    this.layers.push({ inputSize: map.rows, outputSize: map.cols, weights: map.w, bias: map.b, activation });
    this.pending = null;
  }

  finish(name: string, extra: Partial<Pick<DenseNet, 'outputRules'>> = {}): DenseNet {
    if (this.pending) this.activate('linear');
    if (this.layers.length === 0) {
      throw new ModelFormatError('E_MODEL_UNSUPPORTED_OP', 'cannot compile: the model has no dense (MatMul) layer', { where: name });
    }
    return createDenseNet({ layers: this.layers, name, ...extra });
  }
}
