// The per-frame forward pass of a DenseNet on plain Float64Arrays: scratch buffers are allocated
// once at creation, so a call allocates nothing (a gesture evaluates the curve every frame).
// Also `denseNetCurve`, which turns a 1 -> 1 net into a sign-symmetric damping Curve.
import type { Curve } from '../curve';
import { describeValue } from '../errors';
import { DenseNetError, validateDenseNet, type DenseActivation, type DenseNet } from './dense-net';

// SELU constants from Klambauer et al. 2017, as used by Keras and TF.js.
const SELU_SCALE = 1.0507009873554805;
const SELU_ALPHA = 1.6732632423543772;

/** The activation functions, exact in float64 (expm1/log1p where they matter). */
export function applyActivation(activation: DenseActivation, x: number): number {
  switch (activation) {
    case 'selu':
      return x > 0 ? SELU_SCALE * x : SELU_SCALE * SELU_ALPHA * Math.expm1(x);
    case 'tanh':
      return Math.tanh(x);
    case 'relu':
      return x > 0 ? x : 0;
    case 'elu':
      return x > 0 ? x : Math.expm1(x);
    case 'sigmoid':
      return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    case 'softplus':
      return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
    case 'linear':
      return x;
  }
  throw new DenseNetError('E_DENSE_NET', `applyActivation: unknown activation ${describeValue(activation)}; expected one of selu, tanh, relu, elu, sigmoid, softplus, linear`, { where: 'activation', value: activation });
}

/** Derivative of `applyActivation(activation, x)` with respect to x (relu: 0 at 0). */
export function activationDerivative(activation: DenseActivation, x: number): number {
  switch (activation) {
    case 'selu':
      return x > 0 ? SELU_SCALE : SELU_SCALE * SELU_ALPHA * Math.exp(x);
    case 'tanh': {
      const t = Math.tanh(x);
      return 1 - t * t;
    }
    case 'relu':
      return x > 0 ? 1 : 0;
    case 'elu':
      return x > 0 ? 1 : Math.exp(x);
    case 'sigmoid': {
      const s = applyActivation('sigmoid', x);
      return s * (1 - s);
    }
    case 'softplus':
      return applyActivation('sigmoid', x);
    case 'linear':
      return 1;
  }
  throw new DenseNetError('E_DENSE_NET', `activationDerivative: unknown activation ${describeValue(activation)}; expected one of selu, tanh, relu, elu, sigmoid, softplus, linear`, { where: 'activation', value: activation });
}

/** Applies `activation` to v[0..n) in place; one loop per activation so the hot loop has no dispatch. */
function activateInPlace(activation: DenseActivation, v: Float64Array, n: number): void {
  switch (activation) {
    case 'linear':
      return;
    case 'selu':
      for (let j = 0; j < n; j++) {
        const z = v[j];
        v[j] = z > 0 ? SELU_SCALE * z : SELU_SCALE * SELU_ALPHA * Math.expm1(z);
      }
      return;
    case 'tanh':
      for (let j = 0; j < n; j++) v[j] = Math.tanh(v[j]);
      return;
    case 'relu':
      for (let j = 0; j < n; j++) if (!(v[j] > 0)) v[j] = 0;
      return;
    default:
      for (let j = 0; j < n; j++) v[j] = applyActivation(activation, v[j]);
  }
}

/** A compiled forward pass. Buffers are reused: do not call it re-entrantly from two threads of control. */
export interface DenseForward {
  readonly inputSize: number;
  readonly outputSize: number;
  /** One sample: `x` (length inputSize) to `out` (length outputSize; allocated only when omitted). */
  run(x: ArrayLike<number>, out?: Float64Array): Float64Array;
  /** 1 -> 1 nets only: the output for a scalar input (no checks: the fastest path). */
  scalar(x: number): number;
  /** 1 -> 1 nets only: the output and its derivative dy/dx, written into `out` ([y, dy/dx]). */
  scalarWithSlope(x: number, out: Float64Array): Float64Array;
  /** Many samples, row-major: `xs` holds n * inputSize values; returns n * outputSize values. */
  batch(xs: ArrayLike<number>, out?: Float64Array): Float64Array;
}

/** Compiles `net` (validated first) into a forward pass that allocates nothing per call. */
export function createDenseForward(net: DenseNet): DenseForward {
  validateDenseNet(net);
  const layers = net.layers.map((l) => ({ ...l, weights: l.weights.slice(), bias: l.bias.slice() }));
  const inputSize = layers[0].inputSize;
  const outputSize = layers[layers.length - 1].outputSize;
  const width = layers.reduce((widest, l) => Math.max(widest, l.outputSize), inputSize);
  // Two ping-pong activation buffers plus two for the tangent (used by scalarWithSlope).
  // Ping-pong activation buffers (and two more for the tangent of scalarWithSlope). Hot loops copy
  // them into locals: closure variables reassigned in a loop would defeat V8's optimiser.
  const input = new Float64Array(width);
  const scratch = new Float64Array(width);
  const tangentIn = new Float64Array(width);
  const tangentScratch = new Float64Array(width);
  const inMean = net.inputNorm?.mean.slice() ?? new Float64Array(inputSize);
  const inScale = net.inputNorm ? net.inputNorm.std.map((s) => 1 / s) : new Float64Array(inputSize).fill(1);
  const outMean = net.outputNorm?.mean.slice() ?? new Float64Array(outputSize);
  const outStd = net.outputNorm?.std.slice() ?? new Float64Array(outputSize).fill(1);

  // Runs the layers on `input` (already normalised); returns the buffer holding the result.
  function propagate(): Float64Array {
    let a = input;
    let b = scratch;
    for (let k = 0; k < layers.length; k++) {
      const { inputSize: nIn, outputSize: nOut, weights: w, bias, activation } = layers[k];
      for (let j = 0; j < nOut; j++) b[j] = bias[j];
      for (let i = 0; i < nIn; i++) {
        const ai = a[i];
        if (ai === 0) continue;
        const row = i * nOut;
        for (let j = 0; j < nOut; j++) b[j] += ai * w[row + j];
      }
      activateInPlace(activation, b, nOut);
      const t = a;
      a = b;
      b = t;
    }
    return a;
  }

  function run(x: ArrayLike<number>, out?: Float64Array): Float64Array {
    if (x.length !== inputSize) {
      throw new DenseNetError('E_DENSE_INPUT', `forward: input must have ${inputSize} values, got ${x.length}`, { where: 'x', value: x });
    }
    const target = out ?? new Float64Array(outputSize);
    if (target.length !== outputSize) {
      throw new DenseNetError('E_DENSE_INPUT', `forward: out must have ${outputSize} values, got ${target.length}`, { where: 'out' });
    }
    for (let i = 0; i < inputSize; i++) input[i] = (x[i] - inMean[i]) * inScale[i];
    const a = propagate();
    for (let j = 0; j < outputSize; j++) target[j] = a[j] * outStd[j] + outMean[j];
    return target;
  }

  const m0 = inMean[0];
  const s0 = inScale[0];
  const om = outMean[0];
  const os = outStd[0];
  function scalar(x: number): number {
    input[0] = (x - m0) * s0;
    return propagate()[0] * os + om;
  }

  function scalarWithSlope(x: number, out: Float64Array): Float64Array {
    let a = input;
    let b = scratch;
    let ta = tangentIn;
    let tb = tangentScratch;
    a[0] = (x - m0) * s0;
    ta[0] = s0;
    for (let k = 0; k < layers.length; k++) {
      const { inputSize: nIn, outputSize: nOut, weights: w, bias, activation } = layers[k];
      for (let j = 0; j < nOut; j++) {
        let z = bias[j];
        let dz = 0;
        for (let i = 0; i < nIn; i++) {
          z += a[i] * w[i * nOut + j];
          dz += ta[i] * w[i * nOut + j];
        }
        b[j] = applyActivation(activation, z);
        tb[j] = activationDerivative(activation, z) * dz;
      }
      const t = a;
      a = b;
      b = t;
      const tt = ta;
      ta = tb;
      tb = tt;
    }
    out[0] = a[0] * os + om;
    out[1] = ta[0] * os;
    return out;
  }

  function batch(xs: ArrayLike<number>, out?: Float64Array): Float64Array {
    if (xs.length % inputSize !== 0) {
      throw new DenseNetError('E_DENSE_INPUT', `forward.batch: ${xs.length} values is not a whole number of ${inputSize}-value samples`, { where: 'xs' });
    }
    const n = xs.length / inputSize;
    const target = out ?? new Float64Array(n * outputSize);
    if (target.length !== n * outputSize) {
      throw new DenseNetError('E_DENSE_INPUT', `forward.batch: out must have ${n * outputSize} values, got ${target.length}`, { where: 'out' });
    }
    for (let s = 0; s < n; s++) {
      for (let i = 0; i < inputSize; i++) input[i] = (xs[s * inputSize + i] - inMean[i]) * inScale[i];
      const a = propagate();
      for (let j = 0; j < outputSize; j++) target[s * outputSize + j] = a[j] * outStd[j] + outMean[j];
    }
    return target;
  }

  const isScalar = inputSize === 1 && outputSize === 1;
  const notScalar = (what: string) => (): never => {
    throw new DenseNetError('E_DENSE_SHAPE', `${what}: needs a 1 -> 1 net, this one is ${inputSize} -> ${outputSize}`, { where: what });
  };
  return {
    inputSize,
    outputSize,
    run,
    scalar: isScalar ? scalar : notScalar('forward.scalar'),
    scalarWithSlope: isScalar ? scalarWithSlope : notScalar('forward.scalarWithSlope'),
    batch,
  };
}

/**
 * A 1 -> 1 net as a damping Curve, with the net's output rules applied to |x| and the sign put
 * back, so `evaluate(-x) === -evaluate(x)` and `evaluate(0) === 0` (a net that is not zero at 0
 * jumps there unless `outputRules.zeroAtOrigin` is set). Throws DenseNetError for a non-finite x
 * or a non-finite result rather than returning NaN.
 */
export function denseNetCurve(net: DenseNet, nameArg?: string): Curve {
  const forward = createDenseForward(net);
  if (nameArg !== undefined && typeof nameArg !== 'string') {
    throw new DenseNetError('E_DENSE_NET', `denseNetCurve: name must be a string, got ${describeValue(nameArg)}`, { where: 'name', value: nameArg });
  }
  const name = nameArg ?? net.name ?? 'mlp';
  if (forward.inputSize !== 1 || forward.outputSize !== 1) {
    throw new DenseNetError('E_DENSE_SHAPE', `denseNetCurve: needs a 1 -> 1 net, got ${forward.inputSize} -> ${forward.outputSize}`, { where: 'net' });
  }
  const rules = net.outputRules ?? {};
  const mode = rules.extrapolation ?? 'none';
  const lo = rules.domain?.min ?? -Infinity;
  const hi = rules.domain?.max ?? Infinity;
  const slope = new Float64Array(2);
  const edge = (x: number) => (mode === 'linear' ? Array.from(forward.scalarWithSlope(x, slope)) : [forward.scalar(x), 0]);
  const [yLo, dLo] = Number.isFinite(lo) ? edge(lo) : [0, 0];
  const [yHi, dHi] = Number.isFinite(hi) ? edge(hi) : [0, 0];

  function ruled(u: number): number {
    if (mode === 'clamp') return forward.scalar(u < lo ? lo : u > hi ? hi : u);
    if (mode === 'linear') {
      if (u < lo) return yLo + dLo * (u - lo);
      if (u > hi) return yHi + dHi * (u - hi);
    }
    return forward.scalar(u);
  }
  const origin = rules.zeroAtOrigin ? ruled(0) : 0;

  function evaluate(x: number): number {
    if (!Number.isFinite(x)) {
      throw new DenseNetError('E_DENSE_INPUT', `${name}.evaluate: x must be a finite number of px, got ${describeValue(x)}`, { where: 'x', value: x });
    }
    if (x === 0) return x;
    const y = ruled(x < 0 ? -x : x) - origin;
    if (!Number.isFinite(y)) {
      throw new DenseNetError('E_DENSE_OUTPUT', `${name}.evaluate: the net overflowed at x = ${x} (got ${describeValue(y)})`, { where: 'x', value: x });
    }
    return x < 0 ? -y : y;
  }

  return {
    name,
    evaluate,
    evaluateBatch(xs: ArrayLike<number>, out?: Float64Array): Float64Array {
      const target = out ?? new Float64Array(xs.length);
      if (target.length !== xs.length) {
        throw new DenseNetError('E_DENSE_INPUT', `${name}.evaluateBatch: out has ${target.length} values for ${xs.length} inputs`, { where: 'out' });
      }
      for (let i = 0; i < xs.length; i++) target[i] = evaluate(xs[i]);
      return target;
    },
  };
}
