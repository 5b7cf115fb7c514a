// The plain-data description of a dense (fully connected) net that training (core/nn), TF.js
// import/export (core/tfjs) and the per-frame forward pass (dense-forward.ts) all share.
// Plain typed arrays and strings only: it serialises, clones and crosses workers as is.
import { TensileError, describeValue } from '../errors';
import { readOwnProperties, thrownMessage } from '../diff/symbolic/errors';

/** Activations a dense layer may use (the names TF.js/Keras use, lower case). */
export const DENSE_ACTIVATIONS = ['selu', 'tanh', 'relu', 'elu', 'sigmoid', 'softplus', 'linear'] as const;
/** The hidden-layer activations a dense net can use ("selu", "tanh", "relu"...: the DENSE_ACTIVATIONS list). */
export type DenseActivation = (typeof DENSE_ACTIVATIONS)[number];

/** One layer: `y = activation(x · W + b)`. */
export interface DenseLayer {
  readonly inputSize: number;
  readonly outputSize: number;
  /** Row-major [inputSize x outputSize]: `weights[i * outputSize + j]` links input i to unit j (Keras/TF.js kernel layout). */
  readonly weights: Float64Array;
  /** Length outputSize. */
  readonly bias: Float64Array;
  readonly activation: DenseActivation;
}

/** Per-feature affine normalisation: `normalised = (raw - mean) / std`; outputs map back with `raw = normalised * std + mean`. */
export interface DenseNormalisation {
  readonly mean: Float64Array;
  readonly std: Float64Array;
}

/**
 * What a curve does outside the range the net was trained on (only for 1 -> 1 nets used as curves):
 * - "none": evaluate the net anywhere (unconstrained nets can wander far outside the data);
 * - "clamp": hold the input inside [min, max], so the curve is flat beyond the edges;
 * - "linear": continue along the tangent at the edge (exact derivative of the net there).
 */
export type DenseExtrapolation = 'none' | 'clamp' | 'linear';

/** Rules applied to a 1 -> 1 net when it is used as a damping curve (see denseNetCurve). Plain data. */
export interface DenseOutputRules {
  /** Subtract net(0) so that y(0) = 0 exactly. */
  readonly zeroAtOrigin?: boolean;
  /** The input range (raw px) the net is trusted on; required when extrapolation is not "none". */
  readonly domain?: { readonly min: number; readonly max: number };
  /** Default "none". */
  readonly extrapolation?: DenseExtrapolation;
}

/** A dense stack with its normalisation and output rules. Version 1 of the format. */
export interface DenseNet {
  readonly kind: 'dense-net';
  readonly version: 1;
  readonly layers: readonly DenseLayer[];
  /** Applied to inputs before the first layer; absent = identity. Length = first layer's inputSize. */
  readonly inputNorm?: DenseNormalisation;
  /** Applied (inverted) to the last layer's outputs; absent = identity. Length = last layer's outputSize. */
  readonly outputNorm?: DenseNormalisation;
  readonly outputRules?: DenseOutputRules;
  /** Free text for display, e.g. "mlp 10x10 selu" or the name of the model it came from. */
  readonly name?: string;
}

/**
 * Thrown when a dense net is built or read from bad data (createDenseNet, curve JSON, a TF.js model:
 * mismatched layer sizes, non-finite weights, an unknown activation; code `E_DENSE_NET`) or evaluated
 * on an input of the wrong size (`E_DENSE_INPUT`); a net that is not 1 -> 1 used as a curve is
 * `E_DENSE_SHAPE`, an output that overflows `E_DENSE_OUTPUT`. `details.where` names the field.
 */
export class DenseNetError extends TensileError {
  override readonly name = 'DenseNetError';
}

/** Everything `createDenseNet` takes; arrays may be plain number arrays. */
export interface DenseNetInit {
  layers: readonly {
    weights: ArrayLike<number>;
    bias?: ArrayLike<number>;
    activation?: DenseActivation;
    inputSize: number;
    outputSize: number;
  }[];
  inputNorm?: { mean: ArrayLike<number>; std: ArrayLike<number> };
  outputNorm?: { mean: ArrayLike<number>; std: ArrayLike<number> };
  outputRules?: DenseOutputRules;
  name?: string;
}

/** Largest width we accept for one layer; far above any curve net, low enough to stop a hostile file allocating gigabytes. */
export const MAX_DENSE_UNITS = 1 << 16;
/** Largest weight count of one layer. */
export const MAX_DENSE_WEIGHTS = 1 << 24;

/** Builds a validated DenseNet from plain arrays (copies them into Float64Arrays). */
export function createDenseNet(init: DenseNetInit): DenseNet {
  if (typeof init !== 'object' || init === null) {
    throw new DenseNetError('E_DENSE_NET', `createDenseNet: expected an object with "layers", got ${describeValue(init)}`, { value: init });
  }
  init = readOwnProperties(init, (key, err) => {
    throw new DenseNetError('E_DENSE_NET', `createDenseNet: reading ${key} threw: ${thrownMessage(err)}`, { where: key });
  });
  if (!Array.isArray(init.layers)) {
    throw new DenseNetError('E_DENSE_NET', `createDenseNet: "layers" must be an array, got ${describeValue(init.layers)}`, { where: 'layers' });
  }
  const net: DenseNet = {
    kind: 'dense-net',
    version: 1,
    layers: init.layers.map((l, k) => {
      if (typeof l !== 'object' || l === null) fail(`layers[${k}]`, `expected a layer object, got ${describeValue(l)}`);
      return {
        inputSize: l.inputSize,
        outputSize: l.outputSize,
        weights: numbers(`layers[${k}].weights`, l.weights ?? []),
        bias: l.bias ? numbers(`layers[${k}].bias`, l.bias) : new Float64Array(Math.min(l.outputSize >>> 0, MAX_DENSE_UNITS)),
        activation: l.activation ?? 'linear',
      };
    }),
    ...(init.inputNorm ? { inputNorm: { mean: numbers('inputNorm.mean', init.inputNorm.mean), std: numbers('inputNorm.std', init.inputNorm.std) } } : {}),
    ...(init.outputNorm ? { outputNorm: { mean: numbers('outputNorm.mean', init.outputNorm.mean), std: numbers('outputNorm.std', init.outputNorm.std) } } : {}),
    ...(init.outputRules ? { outputRules: { ...init.outputRules } } : {}),
    ...(init.name !== undefined ? { name: init.name } : {}),
  };
  validateDenseNet(net);
  return net;
}

/** Copies numbers into a Float64Array; Float64Array.from would turn "1" into 1 and "a" into NaN. */
function numbers(where: string, values: ArrayLike<number>): Float64Array {
  if (ArrayBuffer.isView(values) && !(values instanceof DataView)) return Float64Array.from(values);
  if (!Array.isArray(values)) fail(where, `expected an array of numbers, got ${describeValue(values)}`, values);
  if (values.length > MAX_DENSE_WEIGHTS) fail(where, `${values.length} values exceed the limit of ${MAX_DENSE_WEIGHTS}`);
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v: unknown = values[i];
    if (typeof v !== 'number') fail(`${where}[${i}]`, `expected a finite number, got ${describeValue(v)}`, v);
    out[i] = v;
  }
  return out;
}

function fail(where: string, message: string, value?: unknown): never {
  throw new DenseNetError('E_DENSE_NET', `DenseNet ${where}: ${message}`, { where, value });
}

function checkFinite(where: string, values: Float64Array): void {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) fail(`${where}[${i}]`, `expected a finite number, got ${describeValue(values[i])}`, values[i]);
  }
}

function checkSize(where: string, n: unknown): number {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > MAX_DENSE_UNITS) {
    fail(where, `expected an integer in 1..${MAX_DENSE_UNITS}, got ${describeValue(n)}`, n);
  }
  return n;
}

function checkNorm(where: string, norm: DenseNormalisation, size: number): void {
  if (typeof norm !== 'object' || norm === null) fail(where, `expected { mean, std }, got ${describeValue(norm)}`);
  for (const key of ['mean', 'std'] as const) {
    const v = norm[key];
    if (!(v instanceof Float64Array)) fail(`${where}.${key}`, `expected a Float64Array, got ${describeValue(v)}`);
    if (v.length !== size) fail(`${where}.${key}`, `expected length ${size}, got ${v.length}`);
    checkFinite(`${where}.${key}`, v);
  }
  for (let i = 0; i < size; i++) {
    if (norm.std[i] === 0) fail(`${where}.std[${i}]`, 'expected a non-zero scale, got 0', 0);
  }
}

/** Throws DenseNetError naming the first thing wrong with `net`; returns it unchanged when valid. */
export function validateDenseNet(net: DenseNet): DenseNet {
  if (typeof net !== 'object' || net === null) fail('', `expected an object, got ${describeValue(net)}`);
  if (net.kind !== 'dense-net') fail('kind', `expected "dense-net", got ${describeValue(net.kind)}`, net.kind);
  if (net.version !== 1) fail('version', `expected 1, got ${describeValue(net.version)}`, net.version);
  if (!Array.isArray(net.layers) || net.layers.length === 0) fail('layers', `expected a non-empty array, got ${describeValue(net.layers)}`);
  net.layers.forEach((layer, k) => {
    const at = `layers[${k}]`;
    if (typeof layer !== 'object' || layer === null) fail(at, `expected a layer object, got ${describeValue(layer)}`);
    const nIn = checkSize(`${at}.inputSize`, layer.inputSize);
    const nOut = checkSize(`${at}.outputSize`, layer.outputSize);
    if (nIn * nOut > MAX_DENSE_WEIGHTS) fail(at, `${nIn} x ${nOut} weights exceed the limit of ${MAX_DENSE_WEIGHTS}`);
    if (!(layer.weights instanceof Float64Array)) fail(`${at}.weights`, `expected a Float64Array, got ${describeValue(layer.weights)}`);
    if (layer.weights.length !== nIn * nOut) {
      fail(`${at}.weights`, `expected ${nIn} x ${nOut} = ${nIn * nOut} values, got ${layer.weights.length}`);
    }
    if (!(layer.bias instanceof Float64Array)) fail(`${at}.bias`, `expected a Float64Array, got ${describeValue(layer.bias)}`);
    if (layer.bias.length !== nOut) fail(`${at}.bias`, `expected ${nOut} values, got ${layer.bias.length}`);
    if (!(DENSE_ACTIVATIONS as readonly string[]).includes(layer.activation)) {
      fail(`${at}.activation`, `expected one of ${DENSE_ACTIVATIONS.join(', ')}, got ${describeValue(layer.activation)}`, layer.activation);
    }
    if (k > 0 && net.layers[k - 1].outputSize !== nIn) {
      fail(`${at}.inputSize`, `expected ${net.layers[k - 1].outputSize} (the previous layer's outputSize), got ${nIn}`, nIn);
    }
    checkFinite(`${at}.weights`, layer.weights);
    checkFinite(`${at}.bias`, layer.bias);
  });
  if (net.inputNorm !== undefined) checkNorm('inputNorm', net.inputNorm, net.layers[0].inputSize);
  if (net.outputNorm !== undefined) checkNorm('outputNorm', net.outputNorm, net.layers[net.layers.length - 1].outputSize);
  if (net.outputRules !== undefined) checkRules(net.outputRules);
  if (net.name !== undefined && typeof net.name !== 'string') fail('name', `expected a string, got ${describeValue(net.name)}`);
  return net;
}

function checkRules(rules: DenseOutputRules): void {
  if (typeof rules !== 'object' || rules === null) fail('outputRules', `expected an object, got ${describeValue(rules)}`);
  const ex = rules.extrapolation ?? 'none';
  if (ex !== 'none' && ex !== 'clamp' && ex !== 'linear') {
    fail('outputRules.extrapolation', `expected "none", "clamp" or "linear", got ${describeValue(ex)}`, ex);
  }
  if (rules.domain !== undefined) {
    const { min, max } = rules.domain;
    if (!Number.isFinite(min) || !Number.isFinite(max) || !(min < max)) {
      fail('outputRules.domain', `expected finite min < max, got min=${describeValue(min)}, max=${describeValue(max)}`);
    }
  } else if (ex !== 'none') {
    fail('outputRules.domain', `extrapolation "${ex}" needs a domain { min, max }`);
  }
  if (rules.zeroAtOrigin !== undefined && typeof rules.zeroAtOrigin !== 'boolean') {
    fail('outputRules.zeroAtOrigin', `expected a boolean, got ${describeValue(rules.zeroAtOrigin)}`);
  }
}

/** Number of trainable parameters (weights + biases; normalisation is not counted). */
export function denseNetParamCount(net: DenseNet): number {
  validateDenseNet(net);
  let n = 0;
  for (const l of net.layers) n += l.weights.length + l.bias.length;
  return n;
}

/** Human-readable architecture, e.g. "1 -> 10 selu -> 10 selu -> 1 linear". */
export function describeDenseNet(net: DenseNet): string {
  validateDenseNet(net);
  return [String(net.layers[0].inputSize), ...net.layers.map((l) => `${l.outputSize} ${l.activation}`)].join(' -> ');
}

/** A DenseNet as JSON-safe data (typed arrays as number arrays), e.g. to store beside a fit result. */
export interface DenseNetJSON {
  kind: 'dense-net';
  version: 1;
  layers: { inputSize: number; outputSize: number; weights: number[]; bias: number[]; activation: DenseActivation }[];
  inputNorm?: { mean: number[]; std: number[] };
  outputNorm?: { mean: number[]; std: number[] };
  outputRules?: DenseOutputRules;
  name?: string;
}

/** `JSON.stringify`-able form of a net (float64 values survive a JSON round trip exactly). */
export function denseNetToJSON(net: DenseNet): DenseNetJSON {
  validateDenseNet(net);
  const norm = (n: DenseNormalisation) => ({ mean: Array.from(n.mean), std: Array.from(n.std) });
  return {
    kind: 'dense-net',
    version: 1,
    layers: net.layers.map((l) => ({ inputSize: l.inputSize, outputSize: l.outputSize, weights: Array.from(l.weights), bias: Array.from(l.bias), activation: l.activation })),
    ...(net.inputNorm ? { inputNorm: norm(net.inputNorm) } : {}),
    ...(net.outputNorm ? { outputNorm: norm(net.outputNorm) } : {}),
    ...(net.outputRules ? { outputRules: { ...net.outputRules } } : {}),
    ...(net.name !== undefined ? { name: net.name } : {}),
  };
}

/** Validates untrusted JSON data (e.g. `JSON.parse` of a saved net) and builds the DenseNet. */
export function denseNetFromJSON(data: unknown): DenseNet {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) fail('', `expected a DenseNet JSON object, got ${describeValue(data)}`);
  const d = readOwnProperties(data as Partial<DenseNetJSON>, (key, err) => fail(key, `reading it threw: ${thrownMessage(err)}`));
  if (d.kind !== 'dense-net') fail('kind', `expected "dense-net", got ${describeValue(d.kind)}`, d.kind);
  if (d.version !== 1) fail('version', `expected 1, got ${describeValue(d.version)}`, d.version);
  if (!Array.isArray(d.layers)) fail('layers', `expected an array, got ${describeValue(d.layers)}`);
  const numbers = (where: string, v: unknown): number[] => {
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'number')) fail(where, `expected an array of numbers, got ${describeValue(v)}`);
    return v;
  };
  const norm = (where: string, n: unknown) => {
    if (typeof n !== 'object' || n === null) fail(where, `expected { mean, std }, got ${describeValue(n)}`);
    const r = n as { mean?: unknown; std?: unknown };
    return { mean: numbers(`${where}.mean`, r.mean), std: numbers(`${where}.std`, r.std) };
  };
  return createDenseNet({
    layers: d.layers.map((l, k) => {
      if (typeof l !== 'object' || l === null) fail(`layers[${k}]`, `expected a layer object, got ${describeValue(l)}`);
      return { ...l, weights: numbers(`layers[${k}].weights`, l.weights), bias: numbers(`layers[${k}].bias`, l.bias) };
    }),
    ...(d.inputNorm !== undefined ? { inputNorm: norm('inputNorm', d.inputNorm) } : {}),
    ...(d.outputNorm !== undefined ? { outputNorm: norm('outputNorm', d.outputNorm) } : {}),
    ...(d.outputRules !== undefined ? { outputRules: d.outputRules } : {}),
    ...(d.name !== undefined ? { name: d.name } : {}),
  });
}
