// The `mlp` model of core/fit: a dense net (core/nn) as a damping-curve model, named
// "mlp[:LAYERSxUNITS[:activation]]" (default "mlp:10x10:selu", the article's net). Its parameters
// are the net's weights and biases (1021 for the article net); normalisation, training range and
// output rules live in the settings, so `toJSON()` / `curveFromJSON()` round-trip the net exactly
// and `toJS()` emits it as standalone code. `fitMlp` (mlp-fit.ts) trains it and reports the usual
// FitResult; `fitCurve` cannot, because its checks assume fewer parameters than samples.
import { describeValue } from '../../errors';
import { createDenseNet, denseNetParamCount, DENSE_ACTIVATIONS } from '../../nn/dense-net';
import type { DenseActivation, DenseExtrapolation, DenseNet } from '../../nn/dense-net';
import { denseNetCurve } from '../../nn/dense-forward';
import { MAX_TRAIN_LAYERS, MAX_TRAIN_PARAMS, MAX_TRAIN_UNITS, mlpParamCount } from '../../nn/train-options';
import type { Curve } from '../../curve';
import { FitOptionsError } from '../errors';
import type { ModelDefinition, ModelFamily, ModelOps, ModelSettings, ParamValues } from '../model';

/** The architecture part of an mlp model name. */
export interface MlpArchitecture {
  layers: number;
  units: number;
  activation: DenseActivation;
}

/** The net `model: "mlp"` trains: 10 hidden layers of 10 SELU units (the article's net). */
export const DEFAULT_MLP_ARCHITECTURE: Readonly<MlpArchitecture> = Object.freeze({ layers: 10, units: 10, activation: 'selu' });

function badName(name: string, why: string): FitOptionsError {
  return new FitOptionsError('E_FIT_UNKNOWN_MODEL', `model ${describeValue(name)}: ${why} (expected mlp[:LAYERSxUNITS[:activation]], e.g. mlp:10x10:selu)`, {
    where: 'model',
    value: name,
  });
}

// The training cap holds wherever an architecture is read (a curve JSON too), before any
// parameter name or weight is built: "mlp:64x1024" would otherwise make 67M names first.
function checkParamCount(name: string, layers: number, units: number): void {
  const count = mlpParamCount(layers, units);
  if (count > MAX_TRAIN_PARAMS) throw badName(name, `${layers} x ${units} units make ${count} parameters, more than the cap of ${MAX_TRAIN_PARAMS}`);
}

/** Parses "mlp", "mlp:4x16" or "mlp:4x16:tanh" (or just the part after "mlp:"). */
export function parseMlpName(name: string): MlpArchitecture {
  if (typeof name !== 'string') throw badName(String(name), 'not a string');
  const rest = name === 'mlp' ? '' : name.startsWith('mlp:') ? name.slice(4) : name;
  if (rest === '') return { ...DEFAULT_MLP_ARCHITECTURE };
  const m = /^(\d+)x(\d+)(?::([a-z]+))?$/.exec(rest);
  if (!m) throw badName(name, `cannot read ${JSON.stringify(rest)} as LAYERSxUNITS[:activation]`);
  const layers = Number(m[1]);
  const units = Number(m[2]);
  const activation = (m[3] ?? DEFAULT_MLP_ARCHITECTURE.activation) as DenseActivation;
  if (layers < 0 || layers > MAX_TRAIN_LAYERS) throw badName(name, `LAYERS must be in 0..${MAX_TRAIN_LAYERS}, got ${layers}`);
  if (units < 1 || units > MAX_TRAIN_UNITS) throw badName(name, `UNITS must be in 1..${MAX_TRAIN_UNITS}, got ${units}`);
  if (!(DENSE_ACTIVATIONS as readonly string[]).includes(activation)) throw badName(name, `unknown activation ${JSON.stringify(activation)}; known: ${DENSE_ACTIVATIONS.join(', ')}`);
  checkParamCount(name, layers, units);
  return { layers, units, activation };
}

/** Throws the parse error parseMlpName would give for an architecture object out of range. */
function checkArchitecture(a: MlpArchitecture): MlpArchitecture {
  if (typeof a !== 'object' || a === null) throw badName(describeValue(a), 'the architecture must be { layers, units, activation }');
  const { layers, units, activation } = a;
  const name = `mlp:${String(layers)}x${String(units)}:${String(activation)}`;
  if (!Number.isInteger(layers) || layers < 0 || layers > MAX_TRAIN_LAYERS) throw badName(name, `LAYERS must be an integer in 0..${MAX_TRAIN_LAYERS}, got ${describeValue(layers)}`);
  if (!Number.isInteger(units) || units < 1 || units > MAX_TRAIN_UNITS) throw badName(name, `UNITS must be an integer in 1..${MAX_TRAIN_UNITS}, got ${describeValue(units)}`);
  if (!(DENSE_ACTIVATIONS as readonly string[]).includes(activation)) throw badName(name, `unknown activation ${describeValue(activation)}; known: ${DENSE_ACTIVATIONS.join(', ')}`);
  checkParamCount(name, layers, units);
  return a;
}

/**
 * The model name of a net architecture, e.g. "mlp:10x10:selu". Throws FitOptionsError `E_FIT_UNKNOWN_MODEL`
 * for layers outside 0..64, units outside 1..1024, an unknown activation or more than 1,000,000 parameters.
 */
export function mlpModelName(a: MlpArchitecture): string {
  checkArchitecture(a);
  return `mlp:${a.layers}x${a.units}:${a.activation}`;
}

/** Layer shapes [inputSize, outputSize] of a 1 -> layers x units -> 1 net. */
function shapes(a: MlpArchitecture): [number, number][] {
  const out: [number, number][] = [];
  let nIn = 1;
  for (let k = 0; k <= a.layers; k++) {
    const nOut = k === a.layers ? 1 : a.units;
    out.push([nIn, nOut]);
    nIn = nOut;
  }
  return out;
}

/** Parameter names in order: per layer k (1-based) its weights wK_i_j, then its biases bK_j. */
function paramNames(a: MlpArchitecture): string[] {
  const names: string[] = [];
  shapes(a).forEach(([nIn, nOut], k) => {
    for (let i = 0; i < nIn; i++) for (let j = 0; j < nOut; j++) names.push(`w${k + 1}_${i}_${j}`);
    for (let j = 0; j < nOut; j++) names.push(`b${k + 1}_${j}`);
  });
  return names;
}

/** The settings an mlp definition is built from (what curve JSON stores besides the weights). */
export interface MlpSettings extends MlpArchitecture {
  xMean: number;
  xStd: number;
  yMean: number;
  yStd: number;
  zeroAtOrigin: boolean;
  monotone: boolean;
  extrapolation: DenseExtrapolation;
  domainMin: number;
  domainMax: number;
}

function readSettings(arch: MlpArchitecture, s: ModelSettings): MlpSettings {
  const num = (k: string, dflt: number, ok: (v: number) => boolean = Number.isFinite) => {
    const v = s[k] ?? dflt;
    if (typeof v !== 'number' || !ok(v)) throw new FitOptionsError('E_FIT_BAD_OPTION', `mlp setting ${k} must be a finite number${k.endsWith('Std') ? ' other than 0' : ''}, got ${describeValue(v)}`, { where: k, value: v });
    return v;
  };
  const bool = (k: string) => {
    const v = s[k] ?? false;
    if (typeof v !== 'boolean') throw new FitOptionsError('E_FIT_BAD_OPTION', `mlp setting ${k} must be true or false, got ${describeValue(v)}`, { where: k, value: v });
    return v;
  };
  const extrapolation = s.extrapolation ?? 'none';
  if (extrapolation !== 'none' && extrapolation !== 'clamp' && extrapolation !== 'linear') {
    throw new FitOptionsError('E_FIT_BAD_OPTION', `mlp setting extrapolation must be none, clamp or linear, got ${describeValue(extrapolation)}`, { where: 'extrapolation', value: extrapolation });
  }
  const nonZero = (v: number) => Number.isFinite(v) && v !== 0;
  const settings: MlpSettings = {
    ...arch,
    xMean: num('xMean', 0),
    xStd: num('xStd', 1, nonZero),
    yMean: num('yMean', 0),
    yStd: num('yStd', 1, nonZero),
    zeroAtOrigin: bool('zeroAtOrigin'),
    monotone: bool('monotone'),
    extrapolation,
    domainMin: num('domainMin', 0),
    domainMax: num('domainMax', 1),
  };
  if (!(settings.domainMin < settings.domainMax)) {
    throw new FitOptionsError('E_FIT_BAD_OPTION', `mlp settings domainMin < domainMax expected, got ${settings.domainMin} and ${settings.domainMax}`, { where: 'domainMin' });
  }
  return settings;
}

/** The DenseNet for these settings and parameter values. */
export function mlpParamsToNet(settings: MlpSettings, p: ArrayLike<number>): DenseNet {
  let at = 0;
  const take = (n: number) => Array.from({ length: n }, () => p[at++]);
  const layers = shapes(settings).map(([nIn, nOut], k, all) => ({
    inputSize: nIn,
    outputSize: nOut,
    weights: take(nIn * nOut),
    bias: take(nOut),
    activation: k < all.length - 1 ? settings.activation : ('linear' as const),
  }));
  return createDenseNet({
    layers,
    inputNorm: { mean: [settings.xMean], std: [settings.xStd] },
    outputNorm: { mean: [settings.yMean], std: [settings.yStd] },
    outputRules: { zeroAtOrigin: settings.zeroAtOrigin, domain: { min: settings.domainMin, max: settings.domainMax }, extrapolation: settings.extrapolation },
    name: mlpModelName(settings),
  });
}

export function mlpNetToParams(net: DenseNet): Float64Array {
  const out = new Float64Array(denseNetParamCount(net));
  let at = 0;
  for (const l of net.layers) {
    out.set(l.weights, at);
    at += l.weights.length;
    out.set(l.bias, at);
    at += l.bias.length;
  }
  return out;
}

export function mlpNetSettings(net: DenseNet, arch: MlpArchitecture, monotone: boolean): MlpSettings {
  const rules = net.outputRules ?? {};
  return {
    ...arch,
    xMean: net.inputNorm?.mean[0] ?? 0,
    xStd: net.inputNorm?.std[0] ?? 1,
    yMean: net.outputNorm?.mean[0] ?? 0,
    yStd: net.outputNorm?.std[0] ?? 1,
    zeroAtOrigin: rules.zeroAtOrigin ?? false,
    monotone,
    extrapolation: rules.extrapolation ?? 'none',
    domainMin: rules.domain?.min ?? 0,
    domainMax: rules.domain?.max ?? 1,
  };
}

// The activations over ModelOps (no branches: max(z, 0) = (z + |z|) / 2), for AD Jacobians.
const SELU_SCALE = 1.0507009873554805;
const SELU_ALPHA = 1.6732632423543772;
function activationOps<N>(a: DenseActivation, z: N, o: ModelOps<N>): N {
  const pos = () => o.mul(o.add(z, o.abs(z)), 0.5);
  const negExpm1 = () => o.sub(o.exp(o.mul(o.sub(z, o.abs(z)), 0.5)), 1);
  switch (a) {
    case 'selu':
      return o.add(o.mul(pos(), SELU_SCALE), o.mul(negExpm1(), SELU_SCALE * SELU_ALPHA));
    case 'elu':
      return o.add(pos(), negExpm1());
    case 'relu':
      return pos();
    case 'tanh':
      return o.sub(1, o.div(2, o.add(o.exp(o.mul(z, 2)), 1)));
    case 'sigmoid':
      return o.div(1, o.add(1, o.exp(o.neg(z))));
    case 'softplus':
      return o.add(pos(), o.log(o.add(1, o.exp(o.neg(o.abs(z))))));
    case 'linear':
      return z;
  }
}

function netOps<N>(s: MlpSettings, x: number, p: readonly N[], o: ModelOps<N>): N {
  let h: (N | number)[] = [(x - s.xMean) / s.xStd];
  let at = 0;
  const all = shapes(s);
  all.forEach(([nIn, nOut], k) => {
    const w = at;
    at += nIn * nOut;
    const next: (N | number)[] = [];
    for (let j = 0; j < nOut; j++) {
      let z: N = o.add(p[at + j], 0);
      for (let i = 0; i < nIn; i++) z = o.add(z, o.mul(h[i], p[w + i * nOut + j]));
      next.push(k < all.length - 1 ? activationOps(s.activation, z, o) : z);
    }
    at += nOut;
    h = next;
  });
  return o.add(o.mul(h[0], s.yStd), s.yMean);
}

/** Standalone JavaScript expression (of x >= 0) that evaluates the net with its output rules. */
// The weights and the net are built once, in a preamble before the emitted function: rebuilding a
// 1021-element array on every call would make the exported damping() far slower per frame.
function netParts(s: MlpSettings, literals: readonly string[], name: string): { preamble: string; expression: string } {
  const act: Record<DenseActivation, string> = {
    selu: `z > 0 ? ${SELU_SCALE} * z : ${SELU_SCALE * SELU_ALPHA} * Math.expm1(z)`,
    elu: 'z > 0 ? z : Math.expm1(z)',
    relu: 'z > 0 ? z : 0',
    tanh: 'Math.tanh(z)',
    sigmoid: '1 / (1 + Math.exp(-z))',
    softplus: 'z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))',
    linear: 'z',
  };
  const sizes = shapes(s).map(([i, o]) => `[${i}, ${o}]`).join(', ');
  const lo = s.domainMin;
  const hi = s.domainMax;
  const input = s.extrapolation === 'clamp' ? `u < ${lo} ? ${lo} : u > ${hi} ? ${hi} : u` : 'u';
  const fn = `${name}Net`;
  const preamble = [
    `const ${fn} = (() => {`,
    `    const P = [${literals.join(', ')}];`,
    `    const net = (v) => {`,
    `      let h = [(v - ${s.xMean}) / ${s.xStd}], at = 0;`,
    `      const sizes = [${sizes}];`,
    `      for (let k = 0; k < sizes.length; k++) {`,
    `        const [nIn, nOut] = sizes[k], w = at, b = at + nIn * nOut, next = [];`,
    `        for (let j = 0; j < nOut; j++) {`,
    `          let z = P[b + j];`,
    `          for (let i = 0; i < nIn; i++) z += h[i] * P[w + i * nOut + j];`,
    `          next.push(k < sizes.length - 1 ? (${act[s.activation]}) : z);`,
    `        }`,
    `        at = b + nOut;`,
    `        h = next;`,
    `      }`,
    `      return h[0] * ${s.yStd} + ${s.yMean};`,
    `    };`,
    ...(s.extrapolation === 'linear'
      ? [
          `    // Beyond the training range [${lo}, ${hi}] px: the tangent at the edge (central difference).`,
          `    const edge = (e) => { const d = 1e-3 * Math.max(1, Math.abs(e)); return [net(e), (net(e + d) - net(e - d)) / (2 * d)]; };`,
          `    const f = (v) => { if (v > ${hi}) { const [y, m] = edge(${hi}); return y + m * (v - ${hi}); } if (v < ${lo}) { const [y, m] = edge(${lo}); return y + m * (v - ${lo}); } return net(v); };`,
        ]
      : [`    const f = (v) => net(${input.replace(/u/g, 'v')});`]),
    ...(s.zeroAtOrigin ? [`    const f0 = f(0);`, `    return (u) => f(u) - f0;`] : [`    return f;`]),
    '})();',
  ].join('\n');
  return { preamble, expression: `${fn}(x)` };
}

/** The mlp ModelDefinition for an architecture and settings (normalisation, range, rules). */
export function createMlpModel(arch: MlpArchitecture, rawSettings: ModelSettings = {}): ModelDefinition {
  checkArchitecture(arch);
  const s = readSettings(arch, rawSettings);
  const params = paramNames(arch);
  // Curves by parameter vector: FittedCurve and the diagnostics pass the same array every call.
  const curves = new WeakMap<object, Curve>();
  const curveFor = (p: ParamValues): Curve => {
    let c = curves.get(p as object);
    if (!c) {
      c = denseNetCurve(mlpParamsToNet(s, p), mlpModelName(arch));
      curves.set(p as object, c);
    }
    return c;
  };
  const settings: ModelSettings = { ...s };
  return {
    name: mlpModelName(arch),
    formula: `dense net 1 -> ${arch.layers} x ${arch.units} ${arch.activation} -> 1 (${params.length} parameters${s.monotone ? ', monotone' : ''})`,
    params,
    domain: 'nonnegative',
    settings,
    // Used for Jacobians at the samples, which lie inside the training range, so the clamp and
    // linear rules (which only act outside it) are left out; zeroAtOrigin is kept.
    expr<N>(x: number, p: readonly N[], o: ModelOps<N>): N {
      const y = netOps(s, x, p, o);
      return s.zeroAtOrigin ? o.sub(y, netOps(s, 0, p, o)) : y;
    },
    evaluate: (x, p) => curveFor(p).evaluate(x),
    start: () => params.map(() => 0),
    facts(p) {
      let nonNegative = true;
      let at = 0;
      for (const [nIn, nOut] of shapes(arch)) {
        for (let i = 0; i < nIn * nOut; i++) if (!(p[at + i] >= 0)) nonNegative = false;
        at += nIn * nOut + nOut;
      }
      const c = curveFor(p);
      return {
        monotone: nonNegative && s.yStd > 0 && s.xStd > 0 ? 'increasing' : 'unknown',
        asymptote: s.extrapolation === 'clamp' ? c.evaluate(s.domainMax) : null,
        // The curve's value just right of 0 (the curve itself is 0 at 0: a jump unless zeroAtOrigin).
        y0: s.zeroAtOrigin ? 0 : c.evaluate(Number.MIN_VALUE),
      };
    },
    toJSExpression: (literals) => {
      const { preamble, expression } = netParts(s, literals, 'damping');
      return `((x) => { ${preamble.replace(/\n\s*/g, ' ')} return ${expression}; })(x)`;
    },
    toJSParts: (literals, name) => netParts(s, literals, name),
  };
}

/** The "mlp" model family: dense nets trained by Adam (fit them with fitMlp or `tensile fit --model mlp`). */
export const mlpFamily: ModelFamily = {
  family: 'mlp',
  summary: 'mlp[:LAYERSxUNITS[:activation]], a dense net trained by Adam (core/nn); fit it with fitMlp or `tensile fit --model mlp`',
  monotone: false,
  create(arg, settings) {
    const arch = parseMlpName(arg === undefined ? 'mlp' : `mlp:${arg}`);
    // Only trained nets (curve JSON, fitMlp) carry their normalisation; fitCurve asking for an
    // untrained one would otherwise fail later with a 1021-name "too few points" message.
    if (settings.xStd === undefined) {
      throw new FitOptionsError(
        'E_FIT_BAD_MODEL',
        `model "${mlpModelName(arch)}" is a neural net: train it with fitMlp (or \`tensile fit --model mlp\`); fitCurve's least squares needs fewer parameters than samples`,
        { where: 'model', value: mlpModelName(arch) },
      );
    }
    return createMlpModel(arch, settings);
  },
};
