// trainDenseNet: fits a 1 -> 1 dense net (a damping curve) to samples, full batch, on the
// tensor-level reverse mode of core/diff. Inputs and outputs are normalised (stored in the net),
// initialisation is seeded Glorot uniform, and two shape guarantees are built into the
// parameterisation rather than hoped for: `monotone` (effective weights softplus(v) >= 0 with
// non-decreasing activations, so the curve cannot decrease) and `zeroAtOrigin` (y(0) = 0 exactly).
import { DiffError, Tensor, activate, addBias, matmul, mse, tensorMul, tensorScale, tensorSquare, tensorSub, tensorSum, tensorValueAndGrad } from '../diff/index';
import type { TensorLike, TensorVars } from '../diff/index';
import { createDenseNet } from './dense-net';
import type { DenseActivation, DenseNet } from './dense-net';
import { createDenseForward } from './dense-forward';
import { createOptimizer } from './optimizers';
import { glorotUniform, mulberry32 } from './random';
import { TrainError } from './train-errors';
import { MAX_TRAIN_ACTIVATIONS, readInputs } from './train-options';
import type { Data, Resolved, TrainOptions, TrainResult, TrainSamples } from './train-options';

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
