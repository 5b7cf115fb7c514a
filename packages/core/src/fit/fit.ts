// fitCurve: samples + a model name (or definition) -> parameters, diagnostics and a Curve.
// Nonlinear models go through bounded Levenberg-Marquardt on exact Jacobians from the AD engine,
// with a multistart when the start lands in a degenerate basin; models with their own solver
// (poly:N by QR, later a neural net) are called directly. The diagnostics are the same for both.
import { TensileError, describeValue } from '../errors';
import { externalSlope, toExternal, toInternal } from './bounds';
import type { Bound } from './bounds';
import { FittedCurve } from './curve';
import { computeDiagnostics, monotoneOnRange } from './diagnostics';
import { FitDataError, FitOptionsError, readOwnProperties, thrownMessage } from './errors';
import { modelJacobian } from './jacobian';
import { LM_DEFAULTS, levenbergMarquardt } from './lm';
import type { LMOptions, StopReason } from './lm';
import type { ModelDefinition, ModelFacts, ModelSettings } from './model';
import { numberOps } from './model';
import { householderQR, rDiagonalRatio } from './qr';
import { assembleFitResult } from './result';
import { defaultModelRegistry } from './registry';
import type { ModelRegistry } from './registry';
import { checkSamplesFor, toSamples } from './samples';
import type { Samples, SamplesInput } from './samples';

/** fitCurve's defaults, in one place (the solver's tolerances are in LM_DEFAULTS). */
export const FIT_DEFAULTS = Object.freeze({
  /** The article's own form. */
  model: 'article',
  /** Level of the parameter confidence intervals. */
  confidence: 0.95,
  /** Retry from other starts when a fit ends degenerate. */
  multistart: true,
  /** Starts the multistart tries (the self-start and seeded perturbations of it). */
  multistartCount: 12,
});

export interface FitOptions extends LMOptions {
  /** A registered model name ("article", "ll3", "4pl", "5pl", "poly:N", ...) or a definition. Default "article". */
  model?: string | ModelDefinition;
  /** The article model's fixed max (px); default 500. */
  max?: number;
  /** poly:N without a constant term (y(0) = 0). */
  throughOrigin?: boolean;
  /** Further family settings (merged over max / throughOrigin). */
  settings?: ModelSettings;
  /** Start values (array in parameter order or a record by name); default: the model's self-start. */
  start?: ArrayLike<number> | Record<string, number>;
  /** Try other starts when the fit ends degenerate (flat curve, rank-deficient Jacobian); default true. */
  multistart?: boolean;
  /** Confidence level of the parameter intervals; default 0.95. */
  confidence?: number;
  /** Where model names are looked up; default the built-ins. */
  registry?: ModelRegistry;
  /** Largest accepted sample count; default 1,000,000. */
  maxPoints?: number;
}

export interface FitResult {
  /** Model name ("article", "poly:5", ...). */
  model: string;
  formula: string;
  /** Parameter names in model order. */
  paramNames: readonly string[];
  params: Record<string, number>;
  /** Standard errors (null when not identifiable or no spare degrees of freedom). */
  stderr: Record<string, number | null>;
  /** Confidence intervals at `confidence`. */
  intervals: Record<string, [number, number] | null>;
  confidence: number;
  sse: number;
  rmse: number;
  r2: number;
  aicc: number;
  maxAbsResidual: number;
  /** y - f(x) per sample. */
  residuals: Float64Array;
  /** Samples that count (weight > 0). */
  n: number;
  /** Jacobian evaluations (LM iterations); 0 for a direct solve. */
  iterations: number;
  /** Residual evaluations over all starts. */
  evaluations: number;
  stopReason: StopReason;
  /** Starts tried (1 unless the multistart kicked in). */
  starts: number;
  /** The fitted curve is monotone on [min x, max x]. */
  monotone: boolean;
  facts: ModelFacts | null;
  warnings: string[];
  /** The fitted curve: evaluate, toJS, toJSON. */
  curve: FittedCurve;
  /** With model "auto": every candidate, best AICc first. */
  selection?: SelectionRow[];
}

/** One candidate of `auto`. */
export interface SelectionRow {
  model: string;
  /** null when the candidate could not be fitted (see `error`). */
  params: Record<string, number> | null;
  sse: number;
  rmse: number;
  r2: number;
  aicc: number;
  /** AICc minus the best AICc. */
  deltaAicc: number;
  /** Akaike weight exp(-delta/2) normalised over the candidates. */
  weight: number;
  monotone: boolean;
  /** The candidate's curve (null when it could not be fitted). */
  curve: FittedCurve | null;
  error?: string;
}

function checkPositive(name: string, v: unknown, integer = false): void {
  if (v === undefined) return;
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0 || (integer && !Number.isInteger(v))) {
    throw new FitOptionsError('E_FIT_BAD_OPTION', `${name} must be a positive finite ${integer ? 'integer' : 'number'}, got ${describeValue(v)}`, {
      where: name,
      value: v,
    });
  }
}

/** Validates a user-supplied ModelDefinition's shape (names, bounds, functions). */
export function checkModelDefinition(model: ModelDefinition): ModelDefinition {
  const fail = (what: string, value: unknown) =>
    new FitOptionsError('E_FIT_BAD_MODEL', `model definition: ${what}, got ${describeValue(value)}`, { where: 'model', value });
  if (model === null || typeof model !== 'object') throw fail('expected an object', model);
  if (typeof model.name !== 'string' || model.name === '') throw fail('name must be a non-empty string', model.name);
  if (!Array.isArray(model.params) || model.params.length === 0 || model.params.some((p) => typeof p !== 'string' || p === '')) {
    throw fail('params must be a non-empty array of names', model.params);
  }
  if (new Set(model.params).size !== model.params.length) throw fail('params must be distinct', model.params);
  // Results are records keyed by parameter name: "__proto__" would set the prototype instead of a value.
  if (model.params.includes('__proto__')) throw fail('params must not include the reserved name "__proto__"', model.params);
  if (typeof model.expr !== 'function') throw fail('expr must be a function (x, params, ops) => value', model.expr);
  if (typeof model.start !== 'function') throw fail('start must be a function (samples) => numbers', model.start);
  for (const key of ['lower', 'upper'] as const) {
    const b = model[key];
    if (b !== undefined && (!Array.isArray(b) || b.length !== model.params.length || b.some((v) => typeof v !== 'number' || v !== v))) {
      throw fail(`${key} must hold one number (or ±Infinity) per parameter`, b);
    }
  }
  if (model.lower && model.upper && model.lower.some((lo, i) => lo >= model.upper![i])) throw fail('every lower bound must be below its upper bound', model.lower);
  if (model.domain !== 'nonnegative' && model.domain !== 'real') throw fail('domain must be "nonnegative" or "real"', model.domain);
  return model;
}

function resolveModel(opts: FitOptions): ModelDefinition {
  const spec = opts.model ?? FIT_DEFAULTS.model;
  if (typeof spec !== 'string') return checkModelDefinition(spec);
  checkPositive('max', opts.max);
  const settings: Record<string, number | boolean | string> = { ...(opts.settings ?? {}) };
  if (opts.max !== undefined) settings.max = opts.max;
  if (opts.throughOrigin !== undefined) settings.throughOrigin = opts.throughOrigin;
  return (opts.registry ?? defaultModelRegistry).resolve(spec, settings);
}

function resolveStart(model: ModelDefinition, samples: Samples, start: FitOptions['start']): Float64Array {
  const n = model.params.length;
  let values: number[];
  if (start === undefined) {
    values = model.start(samples);
  } else if (typeof start === 'object' && start !== null && !ArrayBuffer.isView(start) && !Array.isArray(start)) {
    const rec = start as Record<string, number>;
    const unknown = Object.keys(rec).filter((k) => !model.params.includes(k));
    if (unknown.length) {
      throw new FitOptionsError('E_FIT_BAD_START', `start: model "${model.name}" has no parameter ${unknown.join(', ')} (it has ${model.params.join(', ')})`, {
        where: 'start',
        value: unknown,
      });
    }
    const self = model.start(samples);
    values = model.params.map((k, i) => (k in rec ? rec[k] : self[i]));
  } else {
    values = Array.from(start as ArrayLike<number>);
  }
  if (values.length !== n) {
    throw new FitOptionsError('E_FIT_BAD_START', `start has ${values.length} values but model "${model.name}" has ${n} parameters (${model.params.join(', ')})`, {
      where: 'start',
      value: values.length,
    });
  }
  values.forEach((v, i) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new FitOptionsError('E_FIT_BAD_START', `start.${model.params[i]} must be a finite number, got ${describeValue(v)}`, {
        where: `start.${model.params[i]}`,
        value: v,
      });
    }
  });
  return Float64Array.from(values);
}

/** Evaluates the raw model (no mirroring) at every sample x. */
function predict(model: ModelDefinition, xs: Float64Array, p: Float64Array, out: Float64Array): void {
  if (model.evaluate) {
    for (let i = 0; i < xs.length; i++) out[i] = model.evaluate(xs[i], p);
  } else {
    const arr = Array.from(p);
    for (let i = 0; i < xs.length; i++) out[i] = model.expr(xs[i], arr, numberOps);
  }
}

interface Attempt {
  params: Float64Array;
  sse: number;
  iterations: number;
  evaluations: number;
  stopReason: StopReason;
}

/** Runs `jac`; false (instead of a throw) when the engine met an overflow or NaN. */
function tryJacobian(jac: (p: Float64Array, out: Float64Array) => void, p: Float64Array, out: Float64Array): boolean {
  try {
    jac(p, out);
  } catch (err) {
    if (err instanceof FitOptionsError && err.code === 'E_FIT_BAD_MODEL') return false;
    throw err;
  }
  for (let i = 0; i < out.length; i++) if (!Number.isFinite(out[i])) return false;
  return true;
}

/** One bounded LM run from `start` (external coordinates). */
function runLM(model: ModelDefinition, samples: Samples, bounds: Bound[], start: Float64Array, opts: LMOptions): Attempt {
  const { x, y, weights } = samples;
  const m = x.length;
  const n = model.params.length;
  const jac = modelJacobian(model, x);
  const p = new Float64Array(n);
  const f = new Float64Array(m);
  const Jp = new Float64Array(m * n);
  const sw = weights ? weights.map(Math.sqrt) : null;
  const external = (q: Float64Array) => {
    for (let j = 0; j < n; j++) p[j] = toExternal(q[j], bounds[j]);
  };
  const problem = {
    m,
    n,
    residuals(q: Float64Array, out: Float64Array): boolean {
      external(q);
      try {
        predict(model, x, p, f);
      } catch (err) {
        // User and formula models run on the engine's ops, which throw on NaN: a rejected step.
        if (err instanceof TensileError) {
          out.fill(NaN);
          return false;
        }
        throw err;
      }
      let finite = true;
      for (let i = 0; i < m; i++) {
        out[i] = (sw ? sw[i] : 1) * (f[i] - y[i]);
        if (!Number.isFinite(out[i])) finite = false;
      }
      return finite;
    },
    jacobian(q: Float64Array, out: Float64Array): boolean {
      external(q);
      if (!tryJacobian(jac, p, Jp)) return false;
      for (let j = 0; j < n; j++) {
        const slope = externalSlope(q[j], bounds[j]);
        for (let i = 0; i < m; i++) out[i * n + j] = (sw ? sw[i] : 1) * Jp[i * n + j] * slope;
      }
      return true;
    },
  };
  const q0 = new Float64Array(n);
  for (let j = 0; j < n; j++) q0[j] = toInternal(start[j], bounds[j]);
  const r0 = new Float64Array(m);
  if (!problem.residuals(q0, r0)) {
    const row = r0.findIndex((v) => !Number.isFinite(v));
    throw new FitOptionsError(
      'E_FIT_BAD_START',
      `model "${model.name}" is not finite at the start (${Array.from(p).join(', ')}) for row ${row + 1} (x = ${x[row]})`,
      { where: 'start', value: Array.from(p), row: row + 1 },
    );
  }
  const r = levenbergMarquardt(problem, q0, opts);
  external(r.q);
  return { params: Float64Array.from(p), sse: r.sse, iterations: r.iterations, evaluations: r.evaluations, stopReason: r.stopReason };
}

/**
 * A degenerate end: the curve is (nearly) flat on the data while the data are not, it explains
 * less than a horizontal line would, or the Jacobian has lost rank (parameters the data no longer
 * see), as in the article form's c < 0 basin where the curve is identically 0.
 */
function degenerate(model: ModelDefinition, samples: Samples, a: Attempt, jacobian: Float64Array | null): boolean {
  const { x, y } = samples;
  const f = new Float64Array(x.length);
  predict(model, x, a.params, f);
  const spread = (v: ArrayLike<number>) => {
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < v.length; i++) {
      lo = Math.min(lo, v[i]);
      hi = Math.max(hi, v[i]);
    }
    return hi - lo;
  };
  if (spread(y) > 0 && spread(f) <= 1e-3 * spread(y)) return true;
  let mean = 0;
  for (let i = 0; i < y.length; i++) mean += y[i] / y.length;
  let sst = 0;
  for (let i = 0; i < y.length; i++) sst += (y[i] - mean) ** 2;
  if (!samples.weights && sst > 0 && a.sse >= sst) return true;
  const n = model.params.length;
  if (a.stopReason === 'jacobianNotFinite' || !jacobian) return true;
  const J = Float64Array.from(jacobian);
  for (let j = 0; j < n; j++) {
    let s = 0;
    for (let i = 0; i < x.length; i++) s += J[i * n + j] ** 2;
    const norm = Math.sqrt(s) || 1;
    for (let i = 0; i < x.length; i++) J[i * n + j] /= norm;
  }
  return x.length >= n && rDiagonalRatio(householderQR(J, x.length, n)) < 1e-10;
}

/** The model Jacobian at p (m x n), or null when it is not finite there. */
function jacobianAt(model: ModelDefinition, x: Float64Array, p: Float64Array): Float64Array | null {
  const J = new Float64Array(x.length * model.params.length);
  return tryJacobian(modelJacobian(model, x), p, J) ? J : null;
}

/** Deterministic alternative starts: the self-start, then each parameter scaled by 10^u, u in [-1, 1]. */
function alternativeStarts(model: ModelDefinition, samples: Samples, count: number): Float64Array[] {
  const base = Float64Array.from(model.start(samples));
  const starts = [base];
  let seed = 0x2545f491;
  const rand = () => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
  for (let k = 1; k < count; k++) {
    starts.push(base.map((v) => (v === 0 ? rand() * 2 - 1 : v * Math.pow(10, 2 * rand() - 1))));
  }
  return starts;
}


/**
 * Fits `model` (default "article") to samples; see FitOptions and FitResult. With model "auto",
 * fits every monotone family of the registry and returns the best by AICc, with the table in
 * `selection`.
 */
export function fitCurve(input: SamplesInput | Samples, opts: FitOptions = {}): FitResult {
  if (opts === null || typeof opts !== 'object') {
    throw new FitOptionsError('E_FIT_BAD_OPTION', `options must be an object, got ${describeValue(opts)}`, { where: 'options', value: opts });
  }
  opts = readOwnProperties(opts, (key, err) => {
    throw new FitOptionsError('E_FIT_BAD_OPTION', `reading options.${key} threw: ${thrownMessage(err)}`, { where: `options.${key}` });
  });
  return opts.model === 'auto' ? fitAuto(input, opts) : fitOne(input, opts);
}

/** AICc differences below this are round-off between equivalent parameterisations. */
const AICC_TIE = 1e-9;

function fitAuto(input: SamplesInput | Samples, opts: FitOptions): FitResult {
  if (opts.start !== undefined) {
    throw new FitOptionsError('E_FIT_BAD_OPTION', 'start cannot be given with model "auto" (each candidate self-starts)', { where: 'start' });
  }
  const samples = toSamples(input, { maxPoints: opts.maxPoints });
  const registry = opts.registry ?? defaultModelRegistry;
  const fits: FitResult[] = [];
  const failed: SelectionRow[] = [];
  for (const family of registry.families()) {
    if (!family.monotone) continue;
    try {
      fits.push(fitOne(samples, { ...opts, model: family.family }));
    } catch (err) {
      if (!(err instanceof FitDataError || err instanceof FitOptionsError)) throw err;
      failed.push({ model: family.family, params: null, sse: NaN, rmse: NaN, r2: NaN, aicc: Infinity, deltaAicc: Infinity, weight: 0, monotone: false, curve: null, error: err.message });
    }
  }
  if (fits.length === 0) {
    throw new FitDataError('E_FIT_TOO_FEW_POINTS', `model "auto": no candidate could be fitted (${failed.map((f) => `${f.model}: ${f.error}`).join('; ')})`, { where: 'samples' });
  }
  // Lowest AICc wins; ties within AICC_TIE (article and ll3 are the same curve) keep registry order.
  const ranked = fits
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (Math.abs(a.r.aicc - b.r.aicc) <= AICC_TIE ? a.i - b.i : a.r.aicc - b.r.aicc))
    .map((e) => e.r);
  const bestAicc = ranked[0].aicc;
  const finite = Number.isFinite(bestAicc);
  const rel = ranked.map((r) => (finite ? Math.exp(-(r.aicc - bestAicc) / 2) : r.aicc === bestAicc ? 1 : 0));
  const total = rel.reduce((a, b) => a + b, 0);
  const selection: SelectionRow[] = ranked.map((r, i) => ({
    model: r.model,
    params: r.params,
    sse: r.sse,
    rmse: r.rmse,
    r2: r.r2,
    aicc: r.aicc,
    deltaAicc: finite ? (r.aicc - bestAicc <= AICC_TIE ? 0 : r.aicc - bestAicc) : r.aicc === bestAicc ? 0 : Infinity,
    weight: rel[i] / total,
    monotone: r.monotone,
    curve: r.curve,
  }));
  return { ...ranked[0], selection: [...selection, ...failed] };
}

function fitOne(input: SamplesInput | Samples, opts: FitOptions): FitResult {
  const model = resolveModel(opts);
  const samples = toSamples(input, { maxPoints: opts.maxPoints });
  checkSamplesFor(samples, model);
  for (const k of ['ftol', 'xtol', 'gtol'] as const) checkPositive(k, opts[k]);
  checkPositive('maxEvaluations', opts.maxEvaluations, true);
  const confidence = opts.confidence ?? FIT_DEFAULTS.confidence;
  if (typeof confidence !== 'number' || !(confidence > 0 && confidence < 1)) {
    throw new FitOptionsError('E_FIT_BAD_OPTION', `confidence must be in (0, 1), got ${describeValue(confidence)}`, { where: 'confidence', value: confidence });
  }
  const started = resolveStart(model, samples, opts.start);
  const warnings: string[] = [];
  let best: Attempt;
  let bestJacobian: Float64Array | null | undefined;
  let starts = 1;
  let evaluations = 0;

  if (model.solve) {
    const s = model.solve(samples, { start: started, maxEvaluations: opts.maxEvaluations });
    const f = new Float64Array(samples.x.length);
    predict(model, samples.x, s.params, f);
    const r = new Float64Array(f.length);
    let sse = 0;
    for (let i = 0; i < f.length; i++) {
      r[i] = samples.y[i] - f[i];
      sse += (samples.weights ? samples.weights[i] : 1) * r[i] * r[i];
    }
    best = { params: s.params, sse, iterations: s.iterations, evaluations: 1, stopReason: s.stopReason };
    warnings.push(...(s.warnings ?? []));
  } else {
    const n = model.params.length;
    const bounds: Bound[] = model.params.map((_, j) => ({ lower: model.lower?.[j] ?? -Infinity, upper: model.upper?.[j] ?? Infinity }));
    const lmOpts: LMOptions = { ftol: opts.ftol, xtol: opts.xtol, gtol: opts.gtol, maxEvaluations: opts.maxEvaluations ?? LM_DEFAULTS.evaluationsPerParameter * (n + 1) };
    best = runLM(model, samples, bounds, started, lmOpts);
    evaluations = best.evaluations;
    bestJacobian = jacobianAt(model, samples.x, best.params);
    if ((opts.multistart ?? FIT_DEFAULTS.multistart) && degenerate(model, samples, best, bestJacobian)) {
      for (const s of alternativeStarts(model, samples, FIT_DEFAULTS.multistartCount)) {
        let a: Attempt;
        try {
          a = runLM(model, samples, bounds, s, lmOpts);
        } catch (err) {
          if (err instanceof FitOptionsError && err.code === 'E_FIT_BAD_START') continue;
          throw err;
        }
        starts++;
        evaluations += a.evaluations;
        if (a.sse < best.sse) best = { ...a, evaluations };
      }
      bestJacobian = jacobianAt(model, samples.x, best.params);
      if (degenerate(model, samples, best, bestJacobian)) warnings.push(`${model.name}: every start ended in a degenerate fit (flat curve or unidentifiable parameters)`);
    }
    if (best.stopReason === 'maxEvaluations') warnings.push(`${model.name}: stopped after maxEvaluations = ${lmOpts.maxEvaluations} before converging`);
  }
  if (!Number.isFinite(best.sse)) {
    throw new FitDataError('E_FIT_NON_FINITE', `model "${model.name}" gives a non-finite sum of squares at its fitted parameters`, { where: 'fit' });
  }
  best.params.forEach((v, j) => {
    if (!Number.isFinite(v)) {
      throw new FitDataError('E_FIT_NON_FINITE', `model "${model.name}": parameter ${model.params[j]} diverged to ${v}`, { where: `params.${model.params[j]}`, value: v });
    }
  });

  const { x } = samples;
  const predicted = new Float64Array(x.length);
  predict(model, x, best.params, predicted);
  const J = bestJacobian === undefined ? jacobianAt(model, x, best.params) : bestJacobian;
  if (!J) warnings.push(`${model.name}: the Jacobian is not finite at the fitted parameters; no standard errors`);
  const d = computeDiagnostics(samples, best.params, predicted, J, confidence);
  const facts = model.facts ? model.facts(best.params) : null;
  const evalAt = (t: number) => (model.evaluate ? model.evaluate(t, best.params) : model.expr(t, Array.from(best.params), numberOps));
  // Parameter facts settle monotonicity for the built-in families; otherwise check on a grid.
  const monotone = facts && facts.monotone !== 'unknown' ? true : monotoneOnRange(evalAt, x);
  if (!monotone) warnings.push(`${model.name}: the fitted curve is not monotone on the data range [${Math.min(...x)}, ${Math.max(...x)}] px`);
  if (d.stderr.every((s) => s === null) && d.dof > 0) warnings.push(`${model.name}: parameters are not identifiable from these samples (singular Jacobian); no standard errors`);

  return assembleFitResult(model, best.params, d, confidence, {
    n: d.dof + model.params.length,
    iterations: best.iterations,
    evaluations: Math.max(evaluations, best.evaluations),
    stopReason: best.stopReason,
    starts,
    monotone,
    facts,
    warnings,
  });
}
