// fitCurve's options: the documented defaults, the list of known options (anything else is a
// typed error, not silently dropped), and their resolution against a model: the model itself,
// the start, the bounds and the fixed parameters.
import { describeValue } from '../errors';
import type { Bound } from './bounds';
import { FitDataError, FitOptionsError } from './errors';
import type { LMOptions } from './lm';
import type { LossName } from './loss';
import type { ModelDefinition, ModelSettings } from './model';
import type { ParameterPlan } from './problem';
import { defaultModelRegistry } from './registry';
import type { ModelRegistry } from './registry';
import type { Samples } from './samples';
import { formulaModel } from './models/formula';

/** fitCurve's defaults, in one place (the solver's tolerances are in LM_DEFAULTS). */
export const FIT_DEFAULTS = Object.freeze({
  /** The article's own form. */
  model: 'article',
  /** Level of the parameter confidence intervals and of the bands. */
  confidence: 0.95,
  /** Retry from other starts when a fit ends degenerate, at maxEvaluations or far from a stationary point. */
  multistart: true,
  /** Starts the multistart tries (the self-start and seeded perturbations of it). */
  multistartCount: 12,
  /** Plain least squares. */
  loss: 'linear' as LossName,
  /** The residual size (in y units) at which a robust loss starts to discount (scipy's f_scale). */
  fScale: 1,
});

/** A value per parameter: in parameter order, or by name (missing names keep the default). */
export type PerParameter = ArrayLike<number> | Readonly<Record<string, number>>;

/**
 * Options of fitCurve: the model, its start values and bounds, fixed parameters, a robust loss and the
 * solver's tolerances (LMOptions). All optional; defaults are FIT_DEFAULTS. A bad value throws FitOptionsError naming the option.
 */
export interface FitOptions extends LMOptions {
  /** A registered model name ("article", "ll3", "4pl", "5pl", "poly:N", "formula:...", ...) or a definition. Default "article". */
  model?: string | ModelDefinition;
  /** The article model's fixed max (px); default 500. */
  max?: number;
  /** poly:N without a constant term (y(0) = 0). */
  throughOrigin?: boolean;
  /** Further family settings (merged over max / throughOrigin). */
  settings?: ModelSettings;
  /** Start values (array in parameter order or a record by name); default: the model's self-start. */
  start?: PerParameter;
  /** Lower bounds (default: the model's own, else -Infinity); every iterate stays inside. */
  lower?: PerParameter;
  /** Upper bounds (default: the model's own, else +Infinity). */
  upper?: PerParameter;
  /** Parameters held fixed: names (at their start values) or a record of values. */
  fix?: readonly string[] | Readonly<Record<string, number>>;
  /** Robust loss as in scipy's least_squares: linear (default), soft_l1, huber, cauchy, arctan. */
  loss?: LossName;
  /** Soft margin between inlier and outlier residuals, in y units (scipy's f_scale); default 1. */
  fScale?: number;
  /** Try other starts when the fit ends degenerate, at maxEvaluations or far from a stationary point; default true. */
  multistart?: boolean;
  /** Confidence level of the parameter intervals and bands; default 0.95. */
  confidence?: number;
  /** Where model names are looked up; default the built-ins. */
  registry?: ModelRegistry;
  /** Largest accepted sample count; default 1,000,000. */
  maxPoints?: number;
}

const KNOWN_OPTIONS: ReadonlySet<string> = new Set([
  'model', 'max', 'throughOrigin', 'settings', 'start', 'lower', 'upper', 'fix', 'loss', 'fScale',
  'multistart', 'confidence', 'registry', 'maxPoints', 'ftol', 'xtol', 'gtol', 'maxEvaluations',
]);

/** Unknown option names are mistakes (a typo, scipy's f_scale spelled as such): name them. */
export function checkKnownOptions(opts: object): void {
  const unknown = Object.keys(opts).filter((k) => !KNOWN_OPTIONS.has(k));
  if (unknown.length) {
    const hint = unknown.includes('f_scale') ? ' (f_scale is spelled fScale)' : '';
    throw new FitOptionsError('E_FIT_UNKNOWN_OPTION', `unknown option${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}${hint}; known: ${[...KNOWN_OPTIONS].join(', ')}`, {
      where: `options.${unknown[0]}`,
      value: unknown,
    });
  }
}

export function checkPositive(name: string, v: unknown, integer = false): void {
  if (v === undefined) return;
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0 || (integer && !Number.isInteger(v))) {
    throw new FitOptionsError('E_FIT_BAD_OPTION', `${name} must be a positive finite ${integer ? 'integer' : 'number'}, got ${describeValue(v)}`, {
      where: name,
      value: v,
    });
  }
}

/** Names a `formula:` reads as predictors whatever the data: x, x1, x2, ... (not called as functions). */
const PREDICTOR_NAME = /(^|[^A-Za-z0-9_.])(x\d*)(?![A-Za-z0-9_(])/g;

/** Names of the sample's predictor columns that the formula text mentions. */
function mentionedPredictors(formula: string, samples: Samples): string[] {
  if (!samples.predictors) return [];
  return Object.keys(samples.predictors).filter((name) => new RegExp(`(^|[^A-Za-z0-9_])${name}(?![A-Za-z0-9_(])`).test(formula));
}

export function resolveModel(opts: FitOptions, samples: Samples, check: (m: ModelDefinition) => ModelDefinition): ModelDefinition {
  const spec = opts.model ?? FIT_DEFAULTS.model;
  if (typeof spec !== 'string') return throughOrigin(check(spec), opts);
  return throughOrigin(resolveNamed(spec, opts, samples), opts);
}

/**
 * `throughOrigin: true` for models that do not take it as a setting: 4pl/5pl hold their y(0)
 * parameter at 0 (resolvePlan), a formula fits f(x) - f(0); damping families are 0 at 0 already.
 */
function throughOrigin(model: ModelDefinition, opts: FitOptions): ModelDefinition {
  if (opts.throughOrigin === undefined) return model;
  if (typeof opts.throughOrigin !== 'boolean') {
    throw new FitOptionsError('E_FIT_BAD_OPTION', `throughOrigin must be true or false, got ${describeValue(opts.throughOrigin)}`, { where: 'throughOrigin', value: opts.throughOrigin });
  }
  if (!opts.throughOrigin || model.settings.throughOrigin === true || model.originParameter || (model.domain === 'nonnegative' && model.facts)) return model;
  if (typeof model.settings.formula === 'string') {
    const list = (v: unknown) => (typeof v === 'string' && v !== '' ? v.split(',') : undefined);
    return formulaModel(model.settings.formula, {
      params: list(model.settings.params),
      predictors: list(model.settings.predictors),
      domain: model.domain,
      lower: model.lower,
      upper: model.upper,
      name: model.name,
      throughOrigin: true,
    });
  }
  throw new FitOptionsError('E_FIT_BAD_OPTION', `throughOrigin: model "${model.name}" has no through-the-origin form (formula models, poly:N, 4pl and 5pl have one)`, { where: 'throughOrigin', value: model.name });
}

function resolveNamed(spec: string, opts: FitOptions, samples: Samples): ModelDefinition {
  checkPositive('max', opts.max);
  const settings: Record<string, number | boolean | string> = { ...(opts.settings ?? {}) };
  if (opts.max !== undefined) settings.max = opts.max;
  if (opts.throughOrigin !== undefined) settings.throughOrigin = opts.throughOrigin;
  // formula: on data with named columns reads the columns it mentions as its predictors.
  if (spec.startsWith('formula:') && settings.predictors === undefined) {
    const text = spec.slice('formula:'.length);
    // The naming rule: x, x1, x2, ... are predictors; one the data lack is a mistake, not a parameter.
    const have = samples.predictors ? Object.keys(samples.predictors) : ['x'];
    const missing = [...new Set([...text.matchAll(PREDICTOR_NAME)].map((m) => m[2]))].filter((name) => !have.includes(name));
    if (missing.length) {
      throw new FitDataError('E_FIT_MISSING_PREDICTOR', `model "${spec}" reads the predictor ${missing.join(', ')}, which the samples lack (they have ${have.join(', ')}, y)`, {
        where: `samples.${missing[0]}`,
        value: missing,
      });
    }
    if (samples.predictors) {
      const named = mentionedPredictors(text, samples);
      if (named.length === 0) {
        throw new FitDataError('E_FIT_MISSING_PREDICTOR', `model "${spec}" reads none of the samples' predictor columns (${have.join(', ')})`, { where: 'samples', value: have });
      }
      settings.predictors = named.join(',');
    }
  }
  return (opts.registry ?? defaultModelRegistry).resolve(spec, settings);
}

/** A per-parameter option as an array in model order; `fallback` fills what a record leaves out. */
function perParameter(model: ModelDefinition, name: string, value: PerParameter, fallback: (j: number) => number, finite: boolean): number[] {
  let values: number[];
  if (typeof value === 'object' && value !== null && !ArrayBuffer.isView(value) && !Array.isArray(value)) {
    const rec = value as Record<string, number>;
    const unknown = Object.keys(rec).filter((k) => !model.params.includes(k));
    if (unknown.length) {
      throw new FitOptionsError(name === 'start' ? 'E_FIT_BAD_START' : 'E_FIT_BAD_OPTION', `${name}: model "${model.name}" has no parameter ${unknown.join(', ')} (it has ${model.params.join(', ')})`, {
        where: name,
        value: unknown,
      });
    }
    values = model.params.map((k, j) => (Object.hasOwn(rec, k) ? rec[k] : fallback(j)));
  } else if (value !== null && typeof value === 'object' && typeof (value as ArrayLike<number>).length === 'number') {
    values = Array.from(value as ArrayLike<number>);
  } else {
    throw new FitOptionsError(name === 'start' ? 'E_FIT_BAD_START' : 'E_FIT_BAD_OPTION', `${name} must be an array of numbers or a record by parameter name, got ${describeValue(value)}`, { where: name, value });
  }
  if (values.length !== model.params.length) {
    throw new FitOptionsError(name === 'start' ? 'E_FIT_BAD_START' : 'E_FIT_BAD_OPTION', `${name} has ${values.length} values but model "${model.name}" has ${model.params.length} parameters (${model.params.join(', ')})`, {
      where: name,
      value: values.length,
    });
  }
  values.forEach((v, j) => {
    if (typeof v !== 'number' || v !== v || (finite && !Number.isFinite(v))) {
      throw new FitOptionsError(name === 'start' ? 'E_FIT_BAD_START' : 'E_FIT_BAD_OPTION', `${name}.${model.params[j]} must be a ${finite ? 'finite ' : ''}number, got ${describeValue(v)}`, {
        where: `${name}.${model.params[j]}`,
        value: v,
      });
    }
  });
  return values;
}

export function resolveStart(model: ModelDefinition, samples: Samples, start: PerParameter | undefined): Float64Array {
  if (start === undefined) {
    const self = model.start(samples);
    return Float64Array.from(perParameter(model, 'start', self, () => NaN, true));
  }
  let self: number[] | null = null;
  const fallback = (j: number) => (self ??= model.start(samples))[j];
  return Float64Array.from(perParameter(model, 'start', start, fallback, true));
}

/** Bounds (options over the model's own) and fixed parameters, checked against each other and the start. */
export function resolvePlan(model: ModelDefinition, opts: FitOptions, start: Float64Array): ParameterPlan {
  const ownLower = (j: number) => model.lower?.[j] ?? -Infinity;
  const ownUpper = (j: number) => model.upper?.[j] ?? Infinity;
  const lower = opts.lower === undefined ? model.params.map((_, j) => ownLower(j)) : perParameter(model, 'lower', opts.lower, ownLower, false);
  const upper = opts.upper === undefined ? model.params.map((_, j) => ownUpper(j)) : perParameter(model, 'upper', opts.upper, ownUpper, false);
  const bounds: Bound[] = model.params.map((name, j) => {
    if (!(lower[j] < upper[j])) {
      throw new FitOptionsError('E_FIT_BAD_BOUNDS', `bounds of ${name}: lower ${lower[j]} must be below upper ${upper[j]}`, { where: `lower.${name}`, value: [lower[j], upper[j]] });
    }
    return { lower: lower[j], upper: upper[j] };
  });
  const fixed: (number | undefined)[] = model.params.map(() => undefined);
  if (opts.throughOrigin === true && model.originParameter) {
    const j = model.params.indexOf(model.originParameter);
    fixed[j] = 0;
    start[j] = 0;
  }
  const fix = opts.fix;
  if (fix !== undefined) {
    const names = Array.isArray(fix) ? (fix as string[]) : fix !== null && typeof fix === 'object' ? Object.keys(fix) : null;
    if (!names) throw new FitOptionsError('E_FIT_BAD_OPTION', `fix must be an array of parameter names or a record of values, got ${describeValue(fix)}`, { where: 'fix', value: fix });
    for (const name of names) {
      const j = model.params.indexOf(name);
      if (j < 0) {
        throw new FitOptionsError('E_FIT_BAD_OPTION', `fix: model "${model.name}" has no parameter ${describeValue(name)} (it has ${model.params.join(', ')})`, { where: 'fix', value: name });
      }
      const value = Array.isArray(fix) ? start[j] : (fix as Record<string, number>)[name];
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new FitOptionsError('E_FIT_BAD_OPTION', `fix.${name} must be a finite number, got ${describeValue(value)}`, { where: `fix.${name}`, value });
      }
      fixed[j] = value;
      start[j] = value;
    }
    if (fixed.every((v) => v !== undefined)) {
      throw new FitOptionsError('E_FIT_BAD_OPTION', `fix holds every parameter of model "${model.name}": nothing is left to fit`, { where: 'fix', value: names });
    }
  }
  return { bounds, fixed };
}
