// What a fittable model is. Built-in models (src/fit/models/) and user models share this shape;
// a model written once as `expr` over ModelOps gives both plain values (numbers) and exact
// Jacobians (the AD engine's Num), so the solver never sees a formula.
import type { BatchEvaluator } from './batch';
import type { Samples } from './samples';
import type { StopReason } from './lm';

/** The arithmetic a model formula is written in: numbers for values, AD numbers for Jacobians. */
export interface ModelOps<N> {
  /** a + b. */
  add(a: N | number, b: N | number): N;
  /** a - b. */
  sub(a: N | number, b: N | number): N;
  /** a * b. */
  mul(a: N | number, b: N | number): N;
  /** a / b. */
  div(a: N | number, b: N | number): N;
  /** a^b; the AD engine defines d/db 0^b = 0 (the data contain x = 0). */
  pow(a: N | number, b: N | number): N;
  /** e^a. */
  exp(a: N | number): N;
  /** The natural logarithm of a. */
  log(a: N | number): N;
  /** |a|. */
  abs(a: N | number): N;
  /** -a. */
  neg(a: N | number): N;
}

/** Plain-number ModelOps. */
export const numberOps: ModelOps<number> = {
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  div: (a, b) => a / b,
  pow: (a, b) => Math.pow(a, b),
  exp: Math.exp,
  log: Math.log,
  abs: Math.abs,
  neg: (a) => -a,
};

/** Parameter values in model order (a Float64Array or a number array). */
export type ParamValues = ArrayLike<number> & Iterable<number>;

/** Facts about a fitted member of a family, for display, selection and the elastic engine. */
export interface ModelFacts {
  /** Direction on x >= 0 implied by the parameters alone ("unknown": check numerically). */
  monotone: 'increasing' | 'decreasing' | 'constant' | 'unknown';
  /** lim y as x -> +infinity, or null when unbounded or not known. */
  asymptote: number | null;
  /** y(0). */
  y0: number;
}

/** Settings that pick a member of a family before fitting; stored with the curve's JSON. */
export type ModelSettings = Readonly<Record<string, number | boolean | string>>;

/** What fitCurve hands a model that brings its own solver (ModelDefinition.solve). */
export interface SolveContext {
  /** The start (self-started or the user's). */
  start: Float64Array;
  /** The evaluation budget of the fit (FitOptions.maxEvaluations), if one was given. */
  maxEvaluations?: number;
}

/** What a model's own solver (ModelDefinition.solve) returns to fitCurve. */
export interface CustomSolution {
  /** The fitted parameters, in model order. */
  params: Float64Array;
  /** Iterations (or epochs) the solver ran; reported as FitResult.iterations. */
  iterations: number;
  /** Why it stopped ("direct" for a closed-form solve, "custom" otherwise). */
  stopReason: StopReason;
  /** Warnings to pass on in FitResult.warnings. */
  warnings?: string[];
}

/**
 * A fittable model: its parameters, bounds, formula over ModelOps and self-start. The built-in models
 * are ModelDefinitions; write your own with defineModel or formulaModel rather than by hand, or pass
 * one as FitOptions.model. fitCurve checks its shape and throws FitOptionsError `E_FIT_BAD_MODEL`.
 */
export interface ModelDefinition {
  /** Canonical name, e.g. "article", "poly:5", "user". */
  readonly name: string;
  /** Human formula, e.g. "a*max/(1 + b/|x|^c)". */
  readonly formula: string;
  /** Parameter names, in the order `expr`, `start`, `lower` and `upper` use. */
  readonly params: readonly string[];
  /** Per-parameter lower bounds (-Infinity for none); default unbounded. */
  readonly lower?: readonly number[];
  /** Per-parameter upper bounds (Infinity for none); default unbounded. */
  readonly upper?: readonly number[];
  /**
   * "nonnegative": a damping curve, fitted on x >= 0 and mirrored (y(-x) = -y(x), y(0) = 0);
   * "real": a general regression on any real predictors, evaluated as written.
   */
  readonly domain: 'nonnegative' | 'real';
  /** The parameter that equals y(0) (4pl and 5pl: a): `throughOrigin` holds it at 0. */
  readonly originParameter?: string;
  /** Predictor names the model reads, in the order `evaluateRow` takes them; default ["x"]. */
  readonly predictors?: readonly string[];
  /** A transform of the response the model predicts (Nelson's `log(y) = ...`); default y itself. */
  readonly response?: {
    /** The transformed response as written, e.g. "log(y)". */
    readonly text: string;
    /** Maps an observed y to the value the model predicts (must be finite for every sample). */
    transform(y: number): number;
  };
  /**
   * Values and Jacobians at every sample in one compiled loop (formula models): the fit's fast
   * path. `columns` are the predictor columns in `predictors` order. Null where code generation is
   * not allowed.
   */
  batch?(columns: readonly Float64Array[]): BatchEvaluator | null;
  /**
   * Residuals f - y to twice double precision (written into out) and their sum of squares, for
   * the final polish of fits whose residuals are at round-off level; null where not available.
   */
  precise?(columns: readonly Float64Array[]): ((p: ArrayLike<number>, y: Float64Array, out: Float64Array) => number) | null;
  /** The model at one row of predictor values (in `predictors` order), for models with several. */
  evaluateRow?(row: ArrayLike<number>, p: ParamValues): number;
  /** Settings that rebuild this member from its family (e.g. { max: 500 }). */
  readonly settings: ModelSettings;
  /** The formula over ModelOps; used for Jacobians (through the AD engine). */
  expr<N>(x: number, p: readonly N[], o: ModelOps<N>): N;
  /**
   * The same function in the formula language of core/diff, in `x` and `params` (settings
   * substituted; `e` and `pi` are constants there, so ll3 names its e "h"). When given, Jacobians come from the engine's compiled symbolic
   * gradient (straight-line code, about 3x cheaper than forward mode); forward mode stays the
   * fallback wherever the compiled code meets a non-finite value.
   */
  readonly formulaSource?: { readonly text: string; /** Names in the text, in parameter order. */ readonly params: readonly string[] };
  /** Plain evaluation at x >= 0 (numerically careful; the same arithmetic as `toJSExpression`). */
  evaluate?(x: number, p: ParamValues): number;
  /** A self-starting guess from the data (as R's drc self-starters do). */
  start(samples: Samples): number[];
  /** Facts implied by the parameters. */
  facts?(p: ParamValues): ModelFacts;
  /** A JavaScript expression of `x` (>= 0) and `max` for fitted parameters given as literals. */
  toJSExpression?(p: readonly string[]): string;
  /**
   * Like `toJSExpression`, with constant set-up (e.g. a net's weights) hoisted into a preamble that
   * `toJS` emits once, before the function named `name`; preferred over `toJSExpression` when given.
   */
  toJSParts?(p: readonly string[], name: string): { preamble: string; expression: string };
  /** A model that brings its own solver (linear models by QR, a neural net by its trainer). */
  solve?(samples: Samples, ctx: SolveContext): CustomSolution;
}

/** A family of models under one name: "ll3", or "poly" for "poly:N". Registries hold families. */
export interface ModelFamily {
  readonly family: string;
  readonly summary: string;
  /** Every member is monotone on x >= 0: a candidate for `auto`. */
  readonly monotone: boolean;
  /** Builds a member: `arg` is what follows the colon ("5" in "poly:5"). */
  create(arg: string | undefined, settings: ModelSettings): ModelDefinition;
}
