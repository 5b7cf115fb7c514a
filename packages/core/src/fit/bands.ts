// Uncertainty of a fitted curve by the delta method: the confidence band of the mean curve
// (var f(x) = gᵀ C g, g = ∂f/∂p at x, C the parameter covariance), the prediction band of a new
// observation (plus s²), and the inverse prediction with its interval (drc's ED(): the x at which
// the curve reaches a wanted y, with ∂x/∂p = -(∂f/∂p) / (∂f/∂x)).
import { numericDerivativeWithError } from '../diff/numeric';
import { describeValue } from '../errors';
import { FitOptionsError } from './errors';
import type { ModelDefinition } from './model';
import { modelEvaluator } from './problem';
import { studentTCritical } from './quantiles';

/**
 * Uncertainty of a fitted curve at given points (FitResult.band): the confidence band of the curve and
 * the prediction band of new observations, by the delta method. All arrays are in y units, one value per x.
 */
export interface Band {
  /** The points the band was computed at. */
  x: Float64Array;
  /** The fitted curve at x. */
  fit: Float64Array;
  /** Lower edge of the confidence band of the curve (where the true mean curve lies). */
  lower: Float64Array;
  /** Upper edge of the confidence band of the curve. */
  upper: Float64Array;
  /** Lower edge of the prediction band (where a new observation falls). */
  predictionLower: Float64Array;
  /** Upper edge of the prediction band. */
  predictionUpper: Float64Array;
  /** Standard error of the fitted value at x. */
  stderr: Float64Array;
  /** The confidence level of both bands, e.g. 0.95. */
  confidence: number;
}

/**
 * The x at which a fitted curve reaches a wanted y, with its uncertainty (FitResult.inverse): e.g. how far
 * the finger must travel (px) for the content to move 100 px.
 */
export interface InversePrediction {
  /** The wanted response. */
  y: number;
  /** The x at which the fitted curve reaches y. */
  x: number;
  /** Delta-method standard error of x. */
  stderr: number;
  /** [x - t se, x + t se] at `confidence`. */
  interval: [number, number];
  /** The confidence level of `interval`, e.g. 0.95. */
  confidence: number;
}

/** Options of FitResult.band and FitResult.inverse. */
export interface UncertaintyOptions {
  /** Level of the band or interval; default the fit's confidence. */
  confidence?: number;
}

/** What the band and inverse computations need from a fit. */
export interface UncertaintyContext {
  model: ModelDefinition;
  params: Float64Array;
  /** Indices of the fitted (not fixed) parameters; the covariance is over these. */
  free: readonly number[];
  covariance: Float64Array | null;
  /** Residual variance s² = SSE / dof. */
  variance: number;
  dof: number;
  confidence: number;
  /** The x range of the data, where inverse prediction looks for a crossing (25% beyond, as the monotone check). */
  range: [number, number];
}

function bad(where: string, message: string, value?: unknown): FitOptionsError {
  return new FitOptionsError('E_FIT_BAD_OPTION', message, { where, value });
}

function level(opts: UncertaintyOptions | undefined, ctx: UncertaintyContext, what: string): number {
  if (opts !== undefined && (opts === null || typeof opts !== 'object')) throw bad('options', `${what}: options must be an object, got ${describeValue(opts)}`, opts);
  const confidence = opts?.confidence ?? ctx.confidence;
  if (typeof confidence !== 'number' || !(confidence > 0 && confidence < 1)) throw bad('confidence', `${what}: confidence must be in (0, 1), got ${describeValue(confidence)}`, confidence);
  return confidence;
}

function requireCovariance(ctx: UncertaintyContext, what: string): Float64Array {
  if (!ctx.covariance || !(ctx.dof > 0)) {
    throw new FitOptionsError('E_FIT_BAD_OPTION', `${what}: model "${ctx.model.name}" has no parameter covariance here (singular Jacobian or no spare degrees of freedom)`, { where: what });
  }
  if ((ctx.model.predictors ?? ['x']).length !== 1) {
    throw new FitOptionsError('E_FIT_BAD_OPTION', `${what}: model "${ctx.model.name}" has several predictors; bands are drawn over one`, { where: what });
  }
  return ctx.covariance;
}

/** Values and ∂f/∂p at points t >= 0 (damping) or any t (real), as the curve evaluates them. */
function valuesAndGradients(ctx: UncertaintyContext, points: Float64Array): { values: Float64Array; gradients: Float64Array } {
  const m = points.length;
  const total = ctx.model.params.length;
  const damping = ctx.model.domain === 'nonnegative';
  const at = damping ? points.map(Math.abs) : points;
  const evaluator = modelEvaluator(ctx.model, { x: at, y: new Float64Array(m) });
  const values = new Float64Array(m);
  const gradients = new Float64Array(m * total);
  if (!evaluator.values(ctx.params, values) || !evaluator.jacobian(ctx.params, gradients)) {
    for (let i = 0; i < m; i++) {
      if (!Number.isFinite(values[i])) throw new FitOptionsError('E_FIT_CURVE_NAN', `curve "${ctx.model.name}" or its gradient is not finite at x = ${points[i]}`, { where: 'x', value: points[i] });
    }
  }
  if (damping) {
    // The damping Curve is odd with y(0) = 0: mirror values and gradients, and pin 0.
    for (let i = 0; i < m; i++) {
      const sign = points[i] === 0 ? 0 : Math.sign(points[i]);
      values[i] *= sign;
      for (let j = 0; j < total; j++) gradients[i * total + j] *= sign;
    }
  }
  return { values, gradients };
}

function quadraticForm(covariance: Float64Array, free: readonly number[], g: Float64Array, offset: number): number {
  const k = free.length;
  let v = 0;
  for (let a = 0; a < k; a++) {
    const ga = g[offset + free[a]];
    if (ga === 0) continue;
    for (let b = 0; b < k; b++) v += ga * covariance[a * k + b] * g[offset + free[b]];
  }
  return Math.max(v, 0);
}

function checkPoints(xs: unknown): Float64Array {
  if (!xs || typeof xs !== 'object' || typeof (xs as ArrayLike<number>).length !== 'number') throw bad('x', `band: x must be an array of numbers, got ${describeValue(xs)}`, xs);
  const arr = xs as ArrayLike<unknown>;
  if (arr.length === 0) throw bad('x', 'band: x is empty; give at least one point', xs);
  if (arr.length > 1_000_000) throw bad('x', `band: x has ${arr.length} points, more than 1,000,000`, arr.length);
  return Float64Array.from({ length: arr.length }, (_, i) => {
    const v = arr[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) throw bad('x', `band: x[${i}] must be a finite number, got ${describeValue(v)}`, v);
    return v;
  });
}

/** Confidence and prediction bands of the fitted curve at the points xs. */
export function curveBand(ctx: UncertaintyContext, xs: ArrayLike<number>, opts?: UncertaintyOptions): Band {
  const confidence = level(opts, ctx, 'band');
  const covariance = requireCovariance(ctx, 'band');
  const x = checkPoints(xs);
  const { values, gradients } = valuesAndGradients(ctx, x);
  const t = studentTCritical(1 - confidence, ctx.dof);
  const total = ctx.model.params.length;
  const m = x.length;
  const band: Band = {
    x,
    fit: values,
    lower: new Float64Array(m),
    upper: new Float64Array(m),
    predictionLower: new Float64Array(m),
    predictionUpper: new Float64Array(m),
    stderr: new Float64Array(m),
    confidence,
  };
  for (let i = 0; i < m; i++) {
    const variance = quadraticForm(covariance, ctx.free, gradients, i * total);
    const se = Math.sqrt(variance);
    const sp = Math.sqrt(variance + ctx.variance);
    band.stderr[i] = se;
    band.lower[i] = values[i] - t * se;
    band.upper[i] = values[i] + t * se;
    band.predictionLower[i] = values[i] - t * sp;
    band.predictionUpper[i] = values[i] + t * sp;
  }
  return band;
}

/** Grid points of the crossing search; the crossing is then refined by bisection to the last bit. */
const INVERSE_GRID = 2049;

/** The x where the curve reaches `y` (the first crossing on the data range + 25%), with its delta-method interval. */
export function inversePrediction(ctx: UncertaintyContext, y: number, opts?: UncertaintyOptions): InversePrediction {
  if (typeof y !== 'number' || !Number.isFinite(y)) throw bad('y', `inverse: y must be a finite number, got ${describeValue(y)}`, y);
  const confidence = level(opts, ctx, 'inverse');
  const covariance = requireCovariance(ctx, 'inverse');
  const [lo, hi] = ctx.range;
  const margin = 0.25 * (hi - lo);
  const from = ctx.model.domain === 'nonnegative' ? Math.max(0, lo - margin) : lo - margin;
  const to = hi + margin;
  const grid = Float64Array.from({ length: INVERSE_GRID }, (_, i) => from + ((to - from) * i) / (INVERSE_GRID - 1));
  const { values } = valuesAndGradients(ctx, grid);
  let k = -1;
  for (let i = 1; i < grid.length; i++) {
    if ((values[i - 1] - y) * (values[i] - y) <= 0 && Number.isFinite(values[i - 1]) && Number.isFinite(values[i])) {
      k = i;
      break;
    }
  }
  if (k < 0) {
    throw bad('y', `inverse: the fitted curve does not reach y = ${y} on [${from}, ${to}] (the data range and 25% beyond)`, y);
  }
  const f = (t: number) => valuesAndGradients(ctx, Float64Array.of(t)).values[0];
  let a = grid[k - 1];
  let b = grid[k];
  let fa = values[k - 1] - y;
  for (let iteration = 0; iteration < 200 && b - a > 0; iteration++) {
    const mid = a + (b - a) / 2;
    if (mid === a || mid === b) break;
    const fm = f(mid) - y;
    if (fm === 0) {
      a = b = mid;
      break;
    }
    if (fa * fm < 0) b = mid;
    else {
      a = mid;
      fa = fm;
    }
  }
  const x = (a + b) / 2;
  const slope = numericDerivativeWithError(f, x);
  if (!slope.reliable || slope.value === 0) {
    throw bad('y', `inverse: the curve's slope at x = ${x} cannot be determined reliably (${slope.value} ± ${slope.error}); no interval`, y);
  }
  const { gradients } = valuesAndGradients(ctx, Float64Array.of(x));
  const gx = gradients.map((g) => -g / slope.value);
  const se = Math.sqrt(quadraticForm(covariance, ctx.free, gx, 0));
  const t = studentTCritical(1 - confidence, ctx.dof);
  return { y, x, stderr: se, interval: [x - t * se, x + t * se], confidence };
}
