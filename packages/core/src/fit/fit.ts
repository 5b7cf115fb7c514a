// fitCurve: samples + a model name (or definition) -> parameters, diagnostics and a Curve.
// Nonlinear models go through bounded Levenberg-Marquardt on exact Jacobians (compiled loops for
// formula models, the AD engine otherwise), with restarts when a run ends at maxEvaluations or
// degenerate (solve.ts); models with their own solver (poly:N by QR, a neural net) are called
// directly. The diagnostics are the same for both. Options: options.ts; `auto`: select.ts.
import { describeValue } from '../errors';
import { FitDataError, FitOptionsError, readOwnProperties, thrownMessage } from './errors';
import { LM_DEFAULTS } from './lm';
import type { SolverOptions, StopReason } from './lm';
import { robustLoss } from './loss';
import type { ModelDefinition, ModelFacts } from './model';
import { FIT_DEFAULTS, checkKnownOptions, checkPositive, resolveModel, resolvePlan, resolveStart } from './options';
import type { FitOptions } from './options';
import { checkStartInBounds, modelEvaluator } from './problem';
import { checkSamplesFor, sampleLabel, toSamples } from './samples';
import type { Samples, SamplesInput } from './samples';
import { fitAuto } from './select';
import type { SelectionRow } from './select';
import { solveWithRestarts } from './solve';
import type { Attempt, SolveSpec } from './solve';
import type { Band, InversePrediction, UncertaintyOptions } from './bands';
import { FittedCurve } from './curve';
import { finishFit, polishPrecisely } from './finish';
import type { Polished } from './finish';

export { FIT_DEFAULTS } from './options';
export type { FitOptions } from './options';
export type { SelectionRow } from './select';

/**
 * What {@link fitCurve} returns: the fitted parameters with their uncertainty, the goodness of
 * fit, how the solver stopped, and the fitted `curve` ready to hand to the elastic engine. Sums
 * and residuals are in the units of the samples' y (px for drag samples).
 */
export interface FitResult {
  /** Model name ("article", "poly:5", ...). */
  model: string;
  /** The model's formula in the formula language, e.g. "a*500/(1 + b/x^c)" for the article model (`formula:` refits it). */
  formula: string;
  /** Parameter names in model order. */
  paramNames: readonly string[];
  /** The fitted parameter values by name. */
  params: Record<string, number>;
  /** Standard errors (null when not identifiable or no spare degrees of freedom). */
  stderr: Record<string, number | null>;
  /** Confidence intervals at `confidence`. */
  intervals: Record<string, [number, number] | null>;
  /** The confidence level of `intervals`, e.g. 0.95 (the `confidence` option). */
  confidence: number;
  /** Sum of squared residuals, weighted when weights were given (y units²). */
  sse: number;
  /** Root mean squared residual (y units). */
  rmse: number;
  /** Coefficient of determination R² (1 is a perfect fit). */
  r2: number;
  /** Corrected Akaike information criterion: lower is better when comparing models on the same samples. */
  aicc: number;
  /** Largest |y - f(x)| over the samples (y units). */
  maxAbsResidual: number;
  /** y - f(x) per sample. */
  residuals: Float64Array;
  /** Samples that count (weight > 0). */
  n: number;
  /** Jacobian evaluations (LM iterations); 0 for a direct solve. */
  iterations: number;
  /** Residual evaluations over all starts. */
  evaluations: number;
  /** Why the solver stopped (converged on a tolerance, hit maxEvaluations, direct solve...). */
  stopReason: StopReason;
  /** Solver runs (1 unless a restart was needed; see `restarts`). */
  starts: number;
  /** Why each restart was needed (empty when the first run was enough). */
  restarts: string[];
  /** The parameter covariance s²(JᵀWJ)⁻¹ in `paramNames` order (fixed parameters: 0), or null. */
  covariance: number[][] | null;
  /** Confidence band of the curve and prediction band of new observations at the points x (delta method). */
  band(x: ArrayLike<number>, opts?: UncertaintyOptions): Band;
  /** The x at which the curve reaches y, with its delta-method interval (drc's ED()). */
  inverse(y: number, opts?: UncertaintyOptions): InversePrediction;
  /** Robust loss the fit minimised ("linear": plain least squares). */
  loss: string;
  /** The minimised cost: Σ w r² for the linear loss, Σ fScale² ρ((r/fScale)²) otherwise. */
  cost: number;
  /** Parameters held fixed (by name). */
  fixed: string[];
  /** The fitted curve is monotone on [min x, max x]. */
  monotone: boolean;
  /** What the model family states about itself (direction, asymptote, y(0)), or null when it states nothing. */
  facts: ModelFacts | null;
  /** Things worth knowing that did not stop the fit (a non-monotone curve, a restart, a nearly singular design...). */
  warnings: string[];
  /** The fitted curve: evaluate, toJS, toJSON. */
  curve: FittedCurve;
  /** With model "auto": every candidate, best AICc first. */
  selection?: SelectionRow[];
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
  checkKnownOptions(opts);
  return opts.model === 'auto' ? fitAuto(input, opts, fitOne) : fitOne(input, opts);
}

/** The response the model predicts: y, or its transform (log y for Nelson), checked finite. */
function responseOf(model: ModelDefinition, samples: Samples): Samples {
  const response = model.response;
  if (!response) return samples;
  const y = samples.y.map(response.transform);
  y.forEach((v, i) => {
    if (!Number.isFinite(v)) {
      const label = sampleLabel(samples, i);
      throw new FitDataError('E_FIT_NON_FINITE', `${label.where}: the response ${response.text} is ${describeValue(v)} at y = ${samples.y[i]}; it must be finite`, {
        ...label,
        value: samples.y[i],
      });
    }
  });
  return Object.freeze({ ...samples, y });
}

function checkConfidence(confidence: unknown): number {
  if (typeof confidence !== 'number' || !(confidence > 0 && confidence < 1)) {
    throw new FitOptionsError('E_FIT_BAD_OPTION', `confidence must be in (0, 1), got ${describeValue(confidence)}`, { where: 'confidence', value: confidence });
  }
  return confidence;
}

/** Options that only the least-squares solver understands; a model with its own solver refuses them. */
const SOLVER_ONLY = ['lower', 'upper', 'fix', 'loss', 'fScale'] as const;

export function fitOne(input: SamplesInput | Samples, opts: FitOptions): FitResult {
  const raw = toSamples(input, { maxPoints: opts.maxPoints });
  const model = resolveModel(opts, raw, checkModelDefinition);
  checkSamplesFor(raw, model);
  const samples = responseOf(model, raw);
  for (const k of ['ftol', 'xtol', 'gtol'] as const) checkPositive(k, opts[k]);
  checkPositive('maxEvaluations', opts.maxEvaluations, true);
  const confidence = checkConfidence(opts.confidence ?? FIT_DEFAULTS.confidence);
  const loss = robustLoss(opts.loss ?? FIT_DEFAULTS.loss, opts.fScale ?? FIT_DEFAULTS.fScale);
  const started = resolveStart(model, samples, opts.start);
  const warnings: string[] = [];
  const evaluator = model.solve ? null : modelEvaluator(model, samples);
  let best: Attempt;
  let starts = 1;
  let restarts: string[] = [];
  let evaluations = 0;
  let fixedNames: string[] = [];
  let polished: Polished | null = null;

  if (model.solve) {
    const given = SOLVER_ONLY.find((k) => opts[k] !== undefined);
    if (given) throw new FitOptionsError('E_FIT_BAD_OPTION', `${given} is not supported by model "${model.name}", which has its own solver`, { where: given, value: opts[given] });
    const s = model.solve(samples, { start: started, maxEvaluations: opts.maxEvaluations });
    best = { params: s.params, cost: NaN, iterations: s.iterations, evaluations: 1, stopReason: s.stopReason };
    for (const warning of s.warnings ?? []) warnings.push(warning);
  } else {
    const plan = resolvePlan(model, opts, started);
    // A start outside bounds the caller gave is their mistake; the model's own bounds move it inside (bounds.ts).
    if (opts.start !== undefined && (opts.lower !== undefined || opts.upper !== undefined)) checkStartInBounds(model.params, started, plan.bounds);
    fixedNames = model.params.filter((_, j) => plan.fixed[j] !== undefined);
    const free = model.params.length - fixedNames.length;
    const general = model.domain === 'real' ? LM_DEFAULTS.generalTolerance : undefined;
    const solver: SolverOptions = {
      ftol: opts.ftol ?? general,
      xtol: opts.xtol ?? general,
      gtol: opts.gtol ?? general,
      maxEvaluations: opts.maxEvaluations ?? (model.domain === 'real' ? LM_DEFAULTS.generalEvaluationsPerParameter : LM_DEFAULTS.evaluationsPerParameter) * (free + 1),
      loss,
      // Curved valleys (MGH10, Bennett5) are general-regression trouble; the damping fits converge in a few steps without it.
      acceleration: model.domain === 'real',
    };
    const spec: SolveSpec = { model, evaluator: evaluator!, y: samples.y, weights: samples.weights, plan, solver };
    const multistart = opts.multistart ?? FIT_DEFAULTS.multistart;
    const solved = solveWithRestarts(spec, samples, started, multistart, FIT_DEFAULTS.multistartCount);
    ({ best, starts, restarts, evaluations } = solved);
    const poor = poorLocalMinimum(spec, samples, best, opts.start !== undefined && multistart);
    if (poor) warnings.push(poor);
    if (!samples.weights && loss.name === 'linear') polished = polishPrecisely(model, samples, plan, best, evaluator!);
    if (restarts.length && solved.best.stopReason !== 'maxEvaluations') for (const r of restarts) warnings.push(`${model.name}: ${r}`);
    if (best.stopReason === 'maxEvaluations') warnings.push(`${model.name}: stopped after maxEvaluations = ${solver.maxEvaluations} (and ${starts - 1} restarts) before converging`);
  }
  best.params.forEach((v, j) => {
    if (!Number.isFinite(v)) {
      throw new FitDataError('E_FIT_NON_FINITE', `model "${model.name}": parameter ${model.params[j]} diverged to ${v}`, { where: `params.${model.params[j]}`, value: v });
    }
  });
  const result = finishFit(model, samples, best, evaluator ?? modelEvaluator(model, samples), { confidence, warnings, starts, restarts, evaluations, loss: loss.name, fixedNames });
  if (polished) {
    result.sse = polished.sse;
    result.cost = polished.sse;
    result.rmse = Math.sqrt(polished.sse / result.n);
    result.residuals = polished.residuals;
  }
  return result;
}

/** Below this R² a fit from a caller's start is checked against the model's self-start. */
const POOR_FIT_R2 = 0.9;
/** Below this R² a fit is reported as explaining little, whatever the other starts gave. */
const LOW_R2 = 0.5;

/**
 * A fit from the caller's start that explains the data poorly may sit in a poor local minimum
 * (the article form from (100, 1, 1) ends at SSE 82,912 where the optimum is 76.19): refit from
 * the model's self-start and say so when that is better.
 */
function poorLocalMinimum(spec: SolveSpec, samples: Samples, best: Attempt, compareSelfStart: boolean): string | null {
  if (spec.solver.loss && spec.solver.loss.name !== 'linear') return null;
  const { y, weights } = samples;
  let wsum = 0;
  let mean = 0;
  for (let i = 0; i < y.length; i++) {
    wsum += weights ? weights[i] : 1;
    mean += (weights ? weights[i] : 1) * y[i];
  }
  mean /= wsum;
  let sst = 0;
  for (let i = 0; i < y.length; i++) sst += (weights ? weights[i] : 1) * (y[i] - mean) ** 2;
  const r2 = sst > 0 ? 1 - best.cost / sst : 1;
  if (!(r2 < POOR_FIT_R2)) return null;
  let other: Attempt | null = null;
  if (compareSelfStart) {
    try {
      const selfStart = Float64Array.from(spec.model.start(samples));
      spec.plan.fixed.forEach((v, j) => {
        if (v !== undefined) selfStart[j] = v;
      });
      other = solveWithRestarts(spec, samples, selfStart, true, FIT_DEFAULTS.multistartCount).best;
    } catch (err) {
      if (!(err instanceof FitOptionsError || err instanceof FitDataError)) throw err;
    }
  }
  const name = spec.model.name;
  if (other && other.cost < best.cost * (1 - 1e-6)) {
    return `${name}: the fit from the given start ended at SSE ${best.cost.toPrecision(6)} (R² ${r2.toFixed(3)}), a poor local minimum: from the model's self-start it reaches SSE ${other.cost.toPrecision(6)} (${Array.from(other.params, (v, j) => `${spec.model.params[j]} = ${v.toPrecision(6)}`).join(', ')}); drop start or start nearer`;
  }
  return r2 < LOW_R2 ? `${name}: the fit explains only ${(Math.max(r2, 0) * 100).toFixed(1)}% of the variance (R² ${r2.toFixed(3)}); it may be a poor local minimum or the wrong model` : null;
}
