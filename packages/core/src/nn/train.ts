// trainDenseNet: fits a 1 -> 1 dense net (a damping curve) to samples, full batch, on the
// tensor-level reverse mode of core/diff. Inputs and outputs are normalised (stored in the net),
// initialisation is seeded Glorot uniform, and two shape guarantees are built into the
// parameterisation rather than hoped for: `monotone` (effective weights softplus(v) >= 0 with
// non-decreasing activations, so the curve cannot decrease) and `zeroAtOrigin` (y(0) = 0 exactly).
import { DiffError, Tensor, activate, addBias, matmul, mse, tensorMul, tensorScale, tensorSquare, tensorSub, tensorSum, tensorValueAndGrad } from '../diff/index';
import type { TensorLike, TensorVars } from '../diff/index';
import { describeValue } from '../errors';
import { DENSE_ACTIVATIONS, createDenseNet } from './dense-net';
import type { DenseActivation, DenseExtrapolation, DenseNet } from './dense-net';
import { createDenseForward } from './dense-forward';
import { OPTIMIZER_DEFAULTS, createOptimizer } from './optimizers';
import type { OptimizerName, OptimizerOptions } from './optimizers';
import { glorotUniform, mulberry32 } from './random';
import { TrainError } from './train-errors';

/** What `trainDenseNet` learns from: drag distances x (px) and offsets y (px), optional weights >= 0. */
export interface TrainSamples {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  weights?: ArrayLike<number>;
}

/**
 * Options of {@link trainDenseNet}: the net's shape, the optimiser (with the learning-rate options
 * it inherits from OptimizerOptions) and when to stop. Every option is optional; the defaults
 * ({@link TRAIN_DEFAULTS}) train the article's 10 x 10 SELU net with Adam for 2000 epochs. A value
 * out of range throws a TrainError with code `E_TRAIN_OPTION` naming the option.
 */
export interface TrainOptions extends OptimizerOptions {
  /** Hidden layers; default 10 (the article's net). 0 gives a straight line. */
  layers?: number;
  /** Units per hidden layer; default 10. */
  units?: number;
  /** Hidden activation; default "selu". The output layer is linear. */
  activation?: DenseActivation;
  /** Default "adam". */
  optimizer?: OptimizerName;
  /** Full-batch epochs at most; default 2000 (the article's Keras run). */
  epochs?: number;
  /** Stop as soon as the loss (MSE in px²) is at or below this; default 0 (run every epoch). */
  targetLoss?: number;
  /** Seed of the Glorot-uniform initialisation; the same seed and options give the same net. Default 1. */
  seed?: number;
  /** Called once per epoch with the epoch (1-based) and its loss (MSE, px²) before the update. */
  onProgress?: (epoch: number, loss: number) => void;
  /** Guarantee a non-decreasing curve: effective weights softplus(v) >= 0. Default false. */
  monotone?: boolean;
  /** Train and store the net as f(x) - f(0), so y(0) = 0 exactly. Default false. */
  zeroAtOrigin?: boolean;
  /** What the curve does outside [min x, max x] of the samples (see DenseExtrapolation); default "clamp". */
  extrapolation?: DenseExtrapolation;
  /** Display name stored in the net; default e.g. "mlp 10x10 selu". */
  name?: string;
  /**
   * When the epochs run out, return the weights of the lowest loss seen rather than the last
   * (Adam on nine points oscillates once it is near zero loss). Default true.
   */
  keepBest?: boolean;
}

/** What {@link trainDenseNet} returns: the trained net, its loss and how the training went. */
export interface TrainResult {
  /** The trained net: evaluate it, hand it to the elastic engine as a curve, or export it. */
  net: DenseNet;
  /** MSE (px², weighted when weights are given) of the returned net on the samples. */
  loss: number;
  /** Loss of every epoch run (before its update), px². */
  lossHistory: Float64Array;
  /** Epochs run (gradient evaluations). */
  epochs: number;
  /** "targetLoss" when the loss reached `targetLoss`, else "epochs". */
  stopReason: 'targetLoss' | 'epochs';
  /** Wall time of the training loop, ms. */
  ms: number;
}

/** Defaults of `trainDenseNet` (the article's architecture and optimiser). */
export const TRAIN_DEFAULTS = {
  layers: 10,
  units: 10,
  activation: 'selu' as DenseActivation,
  optimizer: 'adam' as OptimizerName,
  epochs: 2000,
  targetLoss: 0,
  seed: 1,
  monotone: false,
  zeroAtOrigin: false,
  keepBest: true,
  extrapolation: 'clamp' as DenseExtrapolation,
  ...OPTIMIZER_DEFAULTS,
};

/** Bounds that keep a "curve net" a curve net (and a hostile option from allocating gigabytes). */
export const MAX_TRAIN_LAYERS = 64;

/** Parameters of a 1 -> layers x units -> 1 net, by arithmetic (no net is built to count them). */
export function mlpParamCount(layers: number, units: number): number {
  return layers === 0 ? 2 : 2 * units + (layers - 1) * (units * units + units) + units + 1;
}
/** Most units per hidden layer `trainDenseNet` accepts (`units` above it throws `E_TRAIN_OPTION`). */
export const MAX_TRAIN_UNITS = 1024;
/** Most epochs `trainDenseNet` accepts (`epochs` above it throws `E_TRAIN_OPTION`). */
export const MAX_TRAIN_EPOCHS = 10_000_000;
/** Most samples `trainDenseNet` accepts (more x or y values throw `E_TRAIN_DATA`). */
export const MAX_TRAIN_SAMPLES = 100_000;
/** Largest trainable parameter count (a 1 -> 64 x 1024 net would need half a gigabyte of weights). */
export const MAX_TRAIN_PARAMS = 1_000_000;
/** Largest samples x units activation matrix (the tensor engine's own limit is 2^24 elements). */
export const MAX_TRAIN_ACTIVATIONS = 1 << 24;

function optionError(where: string, expected: string, value: unknown): TrainError {
  return new TrainError('E_TRAIN_OPTION', `trainDenseNet: ${where} must be ${expected}, got ${describeValue(value)}`, { where, value });
}

function intOption(opts: TrainOptions, key: 'layers' | 'units' | 'epochs' | 'seed', min: number, max: number): number {
  const v = opts[key] ?? TRAIN_DEFAULTS[key];
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) throw optionError(key, `an integer in ${min}..${max}`, v);
  return v;
}

function numOption(opts: TrainOptions, key: 'learningRate' | 'beta1' | 'beta2' | 'epsilon' | 'momentum' | 'targetLoss', ok: (v: number) => boolean, expected: string): number {
  const v = opts[key] ?? TRAIN_DEFAULTS[key];
  if (typeof v !== 'number' || !Number.isFinite(v) || !ok(v)) throw optionError(key, expected, v);
  return v;
}

function oneOf<T extends string>(key: string, v: unknown, allowed: readonly T[]): T {
  if (!(allowed as readonly unknown[]).includes(v)) throw optionError(key, `one of ${allowed.join(', ')}`, v);
  return v as T;
}

function boolOption(opts: TrainOptions, key: 'monotone' | 'zeroAtOrigin' | 'keepBest'): boolean {
  const v = opts[key] ?? TRAIN_DEFAULTS[key];
  if (typeof v !== 'boolean') throw optionError(key, 'true or false', v);
  return v;
}

type Resolved = ReturnType<typeof resolveOptions>;

function resolveOptions(opts: TrainOptions) {
  if (typeof opts !== 'object' || opts === null) throw optionError('options', 'an object', opts);
  const r = {
    layers: intOption(opts, 'layers', 0, MAX_TRAIN_LAYERS),
    units: intOption(opts, 'units', 1, MAX_TRAIN_UNITS),
    activation: oneOf('activation', opts.activation ?? TRAIN_DEFAULTS.activation, DENSE_ACTIVATIONS),
    optimizer: oneOf('optimizer', opts.optimizer ?? TRAIN_DEFAULTS.optimizer, ['adam', 'sgd'] as const),
    epochs: intOption(opts, 'epochs', 0, MAX_TRAIN_EPOCHS),
    seed: intOption(opts, 'seed', -(2 ** 31), 2 ** 32 - 1),
    learningRate: numOption(opts, 'learningRate', (v) => v > 0, 'a positive finite number'),
    beta1: numOption(opts, 'beta1', (v) => v >= 0 && v < 1, 'a number in [0, 1)'),
    beta2: numOption(opts, 'beta2', (v) => v >= 0 && v < 1, 'a number in [0, 1)'),
    epsilon: numOption(opts, 'epsilon', (v) => v > 0, 'a positive finite number'),
    momentum: numOption(opts, 'momentum', (v) => v >= 0 && v < 1, 'a number in [0, 1)'),
    targetLoss: numOption(opts, 'targetLoss', (v) => v >= 0, 'a finite number >= 0 (px²)'),
    monotone: boolOption(opts, 'monotone'),
    zeroAtOrigin: boolOption(opts, 'zeroAtOrigin'),
    keepBest: boolOption(opts, 'keepBest'),
    extrapolation: oneOf('extrapolation', opts.extrapolation ?? TRAIN_DEFAULTS.extrapolation, ['none', 'clamp', 'linear'] as const),
    onProgress: opts.onProgress,
    name: opts.name,
  };
  const params = mlpParamCount(r.layers, r.units);
  if (params > MAX_TRAIN_PARAMS) {
    throw new TrainError('E_TRAIN_OPTION', `trainDenseNet: ${r.layers} x ${r.units} units make ${params} parameters, more than ${MAX_TRAIN_PARAMS}`, { where: 'units', value: params });
  }
  if (r.onProgress !== undefined && typeof r.onProgress !== 'function') throw optionError('onProgress', 'a function (epoch, loss) => void', r.onProgress);
  if (r.name !== undefined && typeof r.name !== 'string') throw optionError('name', 'a string', r.name);
  return r;
}

interface Data {
  x: Float64Array;
  y: Float64Array;
  w: Float64Array | null;
}

function column(samples: TrainSamples, key: 'x' | 'y' | 'weights'): Float64Array {
  const v = samples[key];
  if (!Array.isArray(v) && !(ArrayBuffer.isView(v) && !(v instanceof DataView))) {
    throw new TrainError('E_TRAIN_DATA', `trainDenseNet: samples.${key} must be an array of numbers, got ${describeValue(v)}`, { where: `samples.${key}`, value: v });
  }
  const a = v as ArrayLike<unknown>;
  if (a.length > MAX_TRAIN_SAMPLES) {
    throw new TrainError('E_TRAIN_DATA', `trainDenseNet: samples.${key} has ${a.length} values, more than ${MAX_TRAIN_SAMPLES}`, { where: `samples.${key}`, value: a.length });
  }
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) {
    const e = a[i];
    if (typeof e !== 'number' || !Number.isFinite(e) || (key === 'weights' && e < 0)) {
      throw new TrainError('E_TRAIN_DATA', `trainDenseNet: row ${i + 1}: ${key} must be a finite number${key === 'weights' ? ' >= 0' : ''}, got ${describeValue(e)}`, {
        where: `row ${i + 1}`,
        value: e,
      });
    }
    out[i] = e;
  }
  return out;
}

/** Options and samples, with a throwing getter or proxy trap of the caller's objects turned into a TrainError. */
function readInputs(samples: TrainSamples, options: TrainOptions): { r: ReturnType<typeof resolveOptions>; data: Data } {
  let where = 'options';
  try {
    const r = resolveOptions(options);
    where = 'samples';
    return { r, data: checkSamples(samples) };
  } catch (err) {
    if (err instanceof TrainError) throw err;
    throw new TrainError(where === 'options' ? 'E_TRAIN_OPTION' : 'E_TRAIN_DATA', `trainDenseNet: ${where} could not be read: ${err instanceof Error ? err.message : String(err)}`, { where }, { cause: err });
  }
}

function checkSamples(samples: TrainSamples): Data {
  if (typeof samples !== 'object' || samples === null) {
    throw new TrainError('E_TRAIN_DATA', `trainDenseNet: samples must be { x, y } arrays, got ${describeValue(samples)}`, { where: 'samples', value: samples });
  }
  const x = column(samples, 'x');
  const y = column(samples, 'y');
  if (x.length === 0) throw new TrainError('E_TRAIN_DATA', 'trainDenseNet: samples are empty (need at least 2 points)', { where: 'samples' });
  if (x.length !== y.length) {
    throw new TrainError('E_TRAIN_DATA', `trainDenseNet: samples.x has ${x.length} values but samples.y has ${y.length}`, { where: 'samples.y', value: y.length });
  }
  let w: Float64Array | null = null;
  if (samples.weights !== undefined) {
    w = column(samples, 'weights');
    if (w.length !== x.length) {
      throw new TrainError('E_TRAIN_DATA', `trainDenseNet: samples.weights has ${w.length} values for ${x.length} samples`, { where: 'samples.weights', value: w.length });
    }
    if (!w.some((v) => v > 0)) throw new TrainError('E_TRAIN_DATA', 'trainDenseNet: every weight is 0', { where: 'samples.weights' });
  }
  if (x.every((v) => v === x[0])) {
    throw new TrainError('E_TRAIN_DATA', `trainDenseNet: every x equals ${x[0]}; a curve needs at least two distinct x values`, { where: 'samples.x', value: x[0] });
  }
  return { x, y, w };
}

function meanStd(v: Float64Array): { mean: number; std: number } {
  let mean = 0;
  for (let i = 0; i < v.length; i++) mean += v[i] / v.length;
  let ss = 0;
  for (let i = 0; i < v.length; i++) ss += (v[i] - mean) ** 2;
  const std = Math.sqrt(ss / v.length);
  return { mean, std: std > 0 ? std : 1 };
}

/** Inverse of softplus, for initialising monotone nets: softplus(inverseSoftplus(w)) = w (w > 0). */
function inverseSoftplus(w: number): number {
  return w > 30 ? w : Math.log(Math.expm1(w));
}

// A type alias (not an interface) so it fits tensorValueAndGrad's TensorTree.
type Params = { w: Tensor[]; b: Tensor[] };

function initialParams(r: Resolved): Params {
  const random = mulberry32(r.seed);
  const sizes: [number, number][] = [];
  let nIn = 1;
  for (let k = 0; k <= r.layers; k++) {
    const nOut = k === r.layers ? 1 : r.units;
    sizes.push([nIn, nOut]);
    nIn = nOut;
  }
  if (!r.monotone) {
    return {
      w: sizes.map(([i, o]) => new Tensor(i, o, glorotUniform(i, o, random))),
      b: sizes.map(([, o]) => Tensor.zeros(1, o)),
    };
  }
  // Monotone nets hold v with weight softplus(v) >= 0. Glorot magnitudes would grow every layer's
  // (same-signed) sums about fanIn * limit times, and zero biases would make every unit a scaled
  // copy of its neighbours; so effective weights start in (0, 2/fanIn) (sums keep their size) and
  // biases in (-1, 1) (units bend at different inputs).
  return {
    w: sizes.map(([i, o]) => {
      const w = new Float64Array(i * o);
      for (let j = 0; j < w.length; j++) w[j] = inverseSoftplus(Math.max((random() * 2) / i, 1e-4));
      return new Tensor(i, o, w);
    }),
    b: sizes.map(([, o]) => {
      const b = new Float64Array(o);
      for (let j = 0; j < o; j++) b[j] = random() * 2 - 1;
      return new Tensor(1, o, b);
    }),
  };
}

/** The effective weights: softplus(v) for monotone nets (non-negative by construction), else v. */
function effectiveWeights<T extends TensorLike>(w: readonly T[], monotone: boolean): TensorLike[] {
  return monotone ? w.map((v) => activate(v, 'softplus')) : [...w];
}

function propagate(input: TensorLike, weights: readonly TensorLike[], biases: readonly TensorLike[], activation: DenseActivation): TensorLike {
  let h = input;
  const last = weights.length - 1;
  for (let k = 0; k <= last; k++) {
    h = addBias(matmul(h, weights[k]), biases[k]);
    if (k < last && activation !== 'linear') h = activate(h, activation);
  }
  return h;
}

/**
 * Trains a 1 -> layers x Dense(units, activation) -> Dense(1) net on (x, y) by full-batch
 * gradient descent (Adam by default) on the MSE, with x and y normalised to mean 0, std 1 (the
 * normalisation is stored in the net). Reproducible: the same samples, options and seed give the
 * same net. Throws TrainError for bad options or samples, and (naming the epoch) when the loss
 * stops being finite.
 *
 * @example
 * const { net, loss } = trainDenseNet(ARTICLE_SAMPLES, { targetLoss: 0.337, seed: 3 });
 * const curve = denseNetCurve(net); // sign-symmetric damping Curve
 */
export function trainDenseNet(samples: TrainSamples, options: TrainOptions = {}): TrainResult {
  const { r, data } = readInputs(samples, options);
  const n = data.x.length;
  if (n * r.units > MAX_TRAIN_ACTIVATIONS) {
    throw new TrainError('E_TRAIN_DATA', `trainDenseNet: ${n} samples x ${r.units} units exceed ${MAX_TRAIN_ACTIVATIONS} activations per layer; use fewer samples or units`, {
      where: 'samples',
      value: n,
    });
  }
  const xs = meanStd(data.x);
  const ys = meanStd(data.y);
  const input = Tensor.column(Array.from(data.x, (v) => (v - xs.mean) / xs.std));
  const origin = Tensor.column([(0 - xs.mean) / xs.std]);
  // zeroAtOrigin learns f(x) - f(0) = (y - mean) / std + mean / std = y / std.
  const target = Tensor.column(Array.from(data.y, (v) => (r.zeroAtOrigin ? v : v - ys.mean) / ys.std));
  let weightTensor: Tensor | null = null;
  let weightSum = n;
  if (data.w) {
    weightSum = data.w.reduce((a, b) => a + b, 0);
    weightTensor = Tensor.column(data.w);
  }
  const rawScale = ys.std * ys.std;

  const loss = (p: TensorVars<Params>): TensorLike => {
    const weights = effectiveWeights(p.w, r.monotone);
    let prediction = propagate(input, weights, p.b, r.activation);
    if (r.zeroAtOrigin) prediction = tensorSub(prediction, propagate(origin, weights, p.b, r.activation));
    if (weightTensor === null) return mse(prediction, target);
    return tensorScale(tensorSum(tensorMul(tensorSquare(tensorSub(prediction, target)), weightTensor)), 1 / weightSum);
  };

  const params = initialParams(r);
  const leaves = [...params.w, ...params.b];
  const optimizer = createOptimizer(
    r.optimizer,
    leaves.map((t) => t.data.length),
    r,
  );
  const history = new Float64Array(r.epochs);
  let epochs = 0;
  let stopReason: TrainResult['stopReason'] = 'epochs';
  let bestLoss = Infinity;
  const best = r.keepBest ? leaves.map((t) => t.data.slice()) : null;
  const started = performance.now();
  for (let epoch = 1; epoch <= r.epochs; epoch++) {
    let value: number;
    let grad: Params;
    try {
      ({ value, grad } = tensorValueAndGrad(loss, params));
    } catch (err) {
      // Only non-finite values mean divergence; any other engine error is a bug to surface as is.
      if (!(err instanceof DiffError) || (err.code !== 'E_NON_FINITE' && err.code !== 'E_NAN')) throw err;
      throw new TrainError(
        'E_TRAIN_DIVERGED',
        `trainDenseNet: training diverged at epoch ${epoch} (${err.message}); try a smaller learningRate than ${r.learningRate}`,
        { where: `epoch ${epoch}`, epoch, value: r.learningRate },
        { cause: err },
      );
    }
    const raw = value * rawScale;
    history[epoch - 1] = raw;
    epochs = epoch;
    r.onProgress?.(epoch, raw);
    if (raw <= r.targetLoss) {
      stopReason = 'targetLoss';
      break;
    }
    if (best && raw < bestLoss) {
      bestLoss = raw;
      leaves.forEach((t, k) => best[k].set(t.data));
    }
    optimizer.step(
      leaves.map((t) => t.data),
      [...grad.w, ...grad.b].map((t) => t.data),
    );
  }
  let net = buildNet(params, r, data, xs, ys);
  let finalLoss = netLoss(net, data);
  if (best && stopReason === 'epochs' && bestLoss < finalLoss) {
    leaves.forEach((t, k) => t.data.set(best[k]));
    net = buildNet(params, r, data, xs, ys);
    finalLoss = netLoss(net, data);
  }
  const ms = performance.now() - started;
  return { net, loss: finalLoss, lossHistory: history.slice(0, epochs), epochs, stopReason, ms };
}

/** The trained parameters as a DenseNet: effective weights, normalisation and output rules. */
function buildNet(params: Params, r: Resolved, data: Data, xs: { mean: number; std: number }, ys: { mean: number; std: number }): DenseNet {
  const weights = effectiveWeights(params.w, r.monotone) as Tensor[];
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of data.x) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (r.zeroAtOrigin) {
    lo = Math.min(lo, 0);
    hi = Math.max(hi, 0);
  }
  const init = {
    layers: weights.map((w, k) => ({
      inputSize: w.rows,
      outputSize: w.cols,
      weights: w.data,
      bias: params.b[k].data,
      activation: k < weights.length - 1 ? r.activation : ('linear' as const),
    })),
    inputNorm: { mean: [xs.mean], std: [xs.std] },
    outputNorm: { mean: [r.zeroAtOrigin ? 0 : ys.mean], std: [ys.std] },
    outputRules: { zeroAtOrigin: r.zeroAtOrigin, domain: { min: lo, max: hi }, extrapolation: r.extrapolation },
    name: r.name ?? `mlp ${r.layers}x${r.units} ${r.activation}${r.monotone ? ' monotone' : ''}`,
  };
  const net = createDenseNet(init);
  if (!r.zeroAtOrigin) return net;
  // Fold -f(0) into the output shift: the stored net itself is 0 at 0 (exactly: a*s + -(a*s) = 0),
  // so exported TF.js models keep the property without knowing about outputRules.
  const atZero = createDenseForward(net).scalar(0);
  return createDenseNet({ ...init, outputNorm: { mean: [-atZero], std: [ys.std] } });
}

/** MSE (weighted when weights are given) of `net` on the samples, px². */
function netLoss(net: DenseNet, data: Data): number {
  const f = createDenseForward(net);
  let s = 0;
  let ws = 0;
  for (let i = 0; i < data.x.length; i++) {
    const w = data.w ? data.w[i] : 1;
    s += w * (f.scalar(data.x[i]) - data.y[i]) ** 2;
    ws += w;
  }
  const loss = s / ws;
  if (!Number.isFinite(loss)) throw new TrainError('E_TRAIN_DIVERGED', `trainDenseNet: the trained net gives a loss of ${loss}`, { where: 'loss', value: loss });
  return loss;
}
