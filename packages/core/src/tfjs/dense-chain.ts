// Folds a straight chain of affine maps and activations (what a dense stack is, whichever way a
// graph spells it: MatMul + BiasAdd, _FusedMatMul, Mul/Add by constants, Identity) into the
// layers of a DenseNet. Consecutive affine maps multiply out; each activation closes a layer.
// Elementwise ops (Add, Mul, Neg, BiasAdd) stay diagonal, O(width), so a declared width costs
// nothing until a real weight matrix of that size exists; widths past a cap do not compile.
import { createDenseNet, type DenseActivation, type DenseNet } from '../nn/dense-net';
import { ModelFormatError } from './errors';

/** Widest layer the compiler accepts (features in or out). Curve nets are under 100 wide. */
export const MAX_COMPILED_WIDTH = 4096;
/** Most weights one compiled layer may hold (32 MB as float64). */
export const MAX_COMPILED_LAYER_WEIGHTS = 1 << 22;
/** Most multiply-adds spent folding two consecutive matrices into one. */
export const MAX_COMPILE_WORK = 1 << 27;

interface DenseAffine {
  readonly kind: 'dense';
  rows: number;
  cols: number;
  /** Row-major rows x cols. */
  w: Float64Array;
  b: Float64Array;
}
/** x -> x * scale + shift, feature by feature. */
interface DiagonalAffine {
  readonly kind: 'diagonal';
  scale: Float64Array;
  shift: Float64Array;
}
type Affine = DenseAffine | DiagonalAffine;

function tooBig(where: string, message: string, value: number): ModelFormatError {
  return new ModelFormatError('E_MODEL_UNSUPPORTED_OP', `cannot compile to plain JS: ${where} does not compile: ${message}`, { where, value });
}

function checkWidth(where: string, width: number): void {
  if (width > MAX_COMPILED_WIDTH) throw tooBig(where, `width ${width} over the cap of ${MAX_COMPILED_WIDTH} features (run it in TF.js instead)`, width);
}

function checkLayerWeights(where: string, rows: number, cols: number): void {
  if (rows * cols > MAX_COMPILED_LAYER_WEIGHTS) {
    throw tooBig(where, `${rows} x ${cols} weights over the cap of ${MAX_COMPILED_LAYER_WEIGHTS} per layer (run it in TF.js instead)`, rows * cols);
  }
}

function composeDense(where: string, first: DenseAffine, second: DenseAffine): DenseAffine {
  // x -> (x W1 + b1) W2 + b2 = x (W1 W2) + (b1 W2 + b2)
  const { rows, cols: mid } = first;
  const cols = second.cols;
  checkLayerWeights(where, rows, cols);
  if (rows * mid * cols > MAX_COMPILE_WORK) {
    throw tooBig(where, `folding a ${rows} x ${mid} matrix into a ${mid} x ${cols} one takes ${rows * mid * cols} multiply-adds, over the cap of ${MAX_COMPILE_WORK}`, rows * mid * cols);
  }
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
  return { kind: 'dense', rows, cols, w, b };
}

/** `first` then `second`, without ever building a dense matrix for a diagonal map. */
function compose(where: string, first: Affine, second: Affine): Affine {
  if (first.kind === 'diagonal' && second.kind === 'diagonal') {
    // (x s1 + c1) s2 + c2
    return { kind: 'diagonal', scale: first.scale.map((s, j) => s * second.scale[j]), shift: first.shift.map((c, j) => c * second.scale[j] + second.shift[j]) };
  }
  if (first.kind === 'dense' && second.kind === 'diagonal') {
    // (x W + b) s + c: scale W's columns
    const { rows, cols } = first;
    const w = new Float64Array(first.w);
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) w[i * cols + j] *= second.scale[j];
    return { kind: 'dense', rows, cols, w, b: first.b.map((b, j) => b * second.scale[j] + second.shift[j]) };
  }
  if (first.kind === 'diagonal' && second.kind === 'dense') {
    // (x s + c) W + b = x (diag(s) W) + (c W + b): scale W's rows
    const { rows, cols } = second;
    const w = new Float64Array(second.w);
    const b = Float64Array.from(second.b);
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        w[i * cols + j] *= first.scale[i];
        b[j] += first.shift[i] * second.w[i * cols + j];
      }
    }
    return { kind: 'dense', rows, cols, w, b };
  }
  return composeDense(where, first as DenseAffine, second as DenseAffine);
}

function shapeError(where: string, message: string): ModelFormatError {
  return new ModelFormatError('E_MODEL_SHAPE', `${where}: ${message}`, { where });
}

/** Builds DenseNet layers from a chain walked from the input to the output. */
export class DenseChainBuilder {
  private pending: Affine | null = null;
  private readonly layers: { inputSize: number; outputSize: number; weights: Float64Array; bias: Float64Array; activation: DenseActivation }[] = [];

  /** `width` is the input width (features per sample); over MAX_COMPILED_WIDTH it does not compile. */
  constructor(
    private width: number,
    where = 'the input',
  ) {
    checkWidth(where, width);
  }

  get currentWidth(): number {
    return this.width;
  }

  private push(where: string, map: Affine): void {
    this.pending = this.pending ? compose(where, this.pending, map) : map;
    if (map.kind === 'dense') this.width = map.cols;
  }

  /** x -> x W + b with W row-major [rows x cols] (`transposed`: W is stored [cols x rows]). */
  matmul(where: string, w: ArrayLike<number>, rows: number, cols: number, transposed = false): void {
    if (rows !== this.width) throw shapeError(where, `the weight has ${rows} input rows but its input has ${this.width} features`);
    checkWidth(where, cols);
    checkLayerWeights(where, rows, cols);
    const dense = new Float64Array(rows * cols);
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) dense[i * cols + j] = transposed ? w[j * rows + i] : w[i * cols + j];
    this.push(where, { kind: 'dense', rows, cols, w: dense, b: new Float64Array(cols) });
  }

  /** Broadcasts a scalar or a per-feature vector to the current width. */
  private broadcast(where: string, constant: ArrayLike<number>): Float64Array {
    if (constant.length === 1) return new Float64Array(this.width).fill(constant[0]);
    if (constant.length !== this.width) throw shapeError(where, `the constant has ${constant.length} values but its input has ${this.width} features`);
    return Float64Array.from(constant);
  }

  /** x -> x + c (c scalar or per feature). */
  add(where: string, constant: ArrayLike<number>, sign = 1): void {
    const shift = this.broadcast(where, constant).map((v) => sign * v);
    this.push(where, { kind: 'diagonal', scale: new Float64Array(this.width).fill(1), shift });
  }

  /** x -> x * c (c scalar or per feature). */
  scale(where: string, constant: ArrayLike<number>): void {
    this.push(where, { kind: 'diagonal', scale: this.broadcast(where, constant), shift: new Float64Array(this.width) });
  }

  /** Applies `activation`, closing a layer (a diagonal one when no matrix is pending). */
  activate(activation: DenseActivation, where = `the ${activation} activation`): void {
    const map = this.pending ?? { kind: 'diagonal', scale: new Float64Array(this.width).fill(1), shift: new Float64Array(this.width) };
    if (map.kind === 'dense') {
      this.layers.push({ inputSize: map.rows, outputSize: map.cols, weights: map.w, bias: map.b, activation });
    } else {
      // A DenseNet layer is a full matrix: only here does a diagonal become width x width.
      checkLayerWeights(where, this.width, this.width);
      const weights = new Float64Array(this.width * this.width);
      for (let j = 0; j < this.width; j++) weights[j * this.width + j] = map.scale[j];
      this.layers.push({ inputSize: this.width, outputSize: this.width, weights, bias: map.shift, activation });
    }
    this.pending = null;
  }

  finish(name: string, extra: Partial<Pick<DenseNet, 'outputRules'>> = {}): DenseNet {
    if (this.pending) this.activate('linear', 'the output');
    if (this.layers.length === 0) {
      throw new ModelFormatError('E_MODEL_UNSUPPORTED_OP', 'cannot compile: the model has no dense (MatMul) layer', { where: name });
    }
    return createDenseNet({ layers: this.layers, name, ...extra });
  }
}
