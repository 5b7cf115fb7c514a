// trainDenseNet's inputs: the option and sample types, defaults, the caps that keep a curve net a
// curve net, and the readers that turn a caller's objects into checked values (or a TrainError).
import { describeValue } from '../errors';
import { DENSE_ACTIVATIONS } from './dense-net';
import type { DenseActivation, DenseExtrapolation, DenseNet } from './dense-net';
import { OPTIMIZER_DEFAULTS } from './optimizers';
import type { OptimizerName, OptimizerOptions } from './optimizers';
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

export type Resolved = ReturnType<typeof resolveOptions>;

export function resolveOptions(opts: TrainOptions) {
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

/** The samples as checked columns (weights null when not given). */
export interface Data {
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
export function readInputs(samples: TrainSamples, options: TrainOptions): { r: ReturnType<typeof resolveOptions>; data: Data } {
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
