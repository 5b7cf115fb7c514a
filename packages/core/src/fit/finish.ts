// Result assembly for fitCurve: a round-off-level fit polished in double-double, then diagnostics,
// monotonicity, collinear parameters and the warnings a user should read, at the fitted parameters.
import { MONOTONE_MARGIN, computeDiagnostics, monotoneGrid, monotoneValues } from './diagnostics';
import { FitDataError } from './errors';
import type { ModelDefinition, ModelFacts } from './model';
import { modelEvaluator, predictorColumns } from './problem';
import type { ModelEvaluator, ParameterPlan } from './problem';
import { householderQR, solveLeastSquares } from './qr';
import { assembleFitResult } from './result';
import type { Samples } from './samples';
import type { Attempt } from './solve';
import type { FitResult } from './fit';

/** Residuals at or below this fraction of sum y^2 are at round-off level: polish them in double-double. */
const ROUND_OFF_LEVEL = 1e-20;
const POLISH_STEPS = 4;

/** A fit's error sum and residuals recomputed in double-double (polishPrecisely). */
export interface Polished {
  sse: number;
  /** y - f, from double-double. */
  residuals: Float64Array;
}

/**
 * Gauss-Newton steps on double-double residuals for fits that end at round-off level (the
 * double residuals are then mostly rounding noise); updates `best` in place when they help.
 */
export function polishPrecisely(model: ModelDefinition, samples: Samples, plan: ParameterPlan, best: Attempt, evaluator: ModelEvaluator): Polished | null {
  let sumY2 = 0;
  for (let i = 0; i < samples.y.length; i++) sumY2 += samples.y[i] ** 2;
  if (!model.precise || !(best.cost <= ROUND_OFF_LEVEL * sumY2)) return null;
  const precise = model.precise(predictorColumns(model, samples));
  if (!precise) return null;
  const m = samples.y.length;
  const total = model.params.length;
  const free = model.params.map((_, j) => j).filter((j) => plan.fixed[j] === undefined);
  const r = new Float64Array(m);
  let p = Float64Array.from(best.params);
  let sse = precise(p, samples.y, r);
  const J = new Float64Array(m * total);
  const Jfree = new Float64Array(m * free.length);
  const rTrial = new Float64Array(m);
  for (let step = 0; step < POLISH_STEPS; step++) {
    if (!evaluator.jacobian(p, J)) break;
    for (let i = 0; i < m; i++) free.forEach((j, k) => (Jfree[i * free.length + k] = J[i * total + j]));
    const delta = solveLeastSquares(householderQR(Jfree, m, free.length), r.map((v) => -v)).x;
    const trial = Float64Array.from(p);
    free.forEach((j, k) => (trial[j] += delta[k]));
    if (trial.some((v, j) => v < plan.bounds[j].lower || v > plan.bounds[j].upper)) break;
    const sseTrial = precise(trial, samples.y, rTrial);
    if (!(sseTrial < sse)) break;
    p = trial;
    sse = sseTrial;
    r.set(rTrial);
  }
  best.params = p;
  best.cost = sse;
  return { sse, residuals: r.map((v) => -v) };
}

/** What the solve gathered on its way, carried into the result. */
export interface FinishContext {
  confidence: number;
  warnings: string[];
  starts: number;
  restarts: string[];
  evaluations: number;
  loss: string;
  fixedNames: string[];
}

/** Diagnostics, monotonicity and warnings at the fitted parameters. */
export function finishFit(model: ModelDefinition, samples: Samples, best: Attempt, evaluator: ModelEvaluator, ctx: FinishContext): FitResult {
  const { warnings } = ctx;
  const m = samples.y.length;
  const predicted = new Float64Array(m);
  if (!evaluator.values(best.params, predicted)) {
    throw new FitDataError('E_FIT_NON_FINITE', `model "${model.name}" gives a non-finite value at its fitted parameters`, { where: 'fit' });
  }
  const total = model.params.length;
  const J = new Float64Array(m * total);
  const jacobianOk = evaluator.jacobian(best.params, J);
  if (!jacobianOk) warnings.push(`${model.name}: the Jacobian is not finite at the fitted parameters; no standard errors`);
  // Standard errors for the fitted parameters only: fixed ones have none.
  const freeIdx = model.params.map((_, j) => j).filter((j) => !ctx.fixedNames.includes(model.params[j]));
  const Jfree = new Float64Array(m * freeIdx.length);
  for (let i = 0; i < m; i++) freeIdx.forEach((j, k) => (Jfree[i * freeIdx.length + k] = J[i * total + j]));
  const dFree = computeDiagnostics(samples, Float64Array.from(freeIdx, (j) => best.params[j]), predicted, jacobianOk ? Jfree : null, ctx.confidence);
  const expand = <T>(values: readonly T[]): T[] => model.params.map((_, j) => (freeIdx.includes(j) ? values[freeIdx.indexOf(j)] : (null as T)));
  const d = { ...dFree, stderr: expand(dFree.stderr), intervals: expand(dFree.intervals) };
  // Every covariance entry is over the fitted parameters (assembleFitResult expands it).
  const facts: ModelFacts | null = model.facts ? model.facts(best.params) : null;
  const single = (model.predictors ?? ['x']).length === 1;
  // Parameter facts settle it for the built-in families (increasing from y(0) = 0); otherwise a grid.
  const settled = facts !== null && facts.monotone === 'increasing' && facts.y0 === 0 && model.domain === 'nonnegative';
  const monotone = settled || (single && monotoneOnGrid(model, samples, best.params));
  if (single && !monotone && model.domain === 'nonnegative') {
    const grid = monotoneGrid(samples.x, false);
    warnings.push(`${model.name}: the fitted curve is not monotone: it decreases somewhere on [${grid[0]}, ${grid[grid.length - 1]}] px (the data range and ${MONOTONE_MARGIN * 100}% beyond)`);
  }
  if (single && model.domain === 'nonnegative') {
    const jump = originJump(model, samples, best.params, facts);
    if (jump !== null) {
      warnings.push(
        `${model.name}: the model's own value at x = 0 is ${jump.toPrecision(6)} px, but a damping curve is 0 there, so the curve jumps by ${Math.abs(jump).toPrecision(6)} px at 0; fit through the origin (throughOrigin: true) or use a model with y(0) = 0`,
      );
    }
  }
  if (dFree.stderr.every((s) => s === null) && dFree.dof > 0) {
    const names = jacobianOk ? collinearParameters(Jfree, m, freeIdx.length).map((k) => model.params[freeIdx[k]]) : [];
    warnings.push(
      `${model.name}: parameters are not identifiable from these samples (singular Jacobian)${names.length ? `: ${names.join(', ')} move together (their Jacobian columns are linearly dependent)` : ''}; no standard errors`,
    );
  }
  return assembleFitResult(model, best.params, d, ctx.confidence, {
      n: d.dof + freeIdx.length,
      iterations: best.iterations,
      evaluations: Math.max(ctx.evaluations, best.evaluations),
      stopReason: best.stopReason,
      starts: ctx.starts,
      monotone,
      facts,
    warnings,
    restarts: ctx.restarts,
    loss: ctx.loss,
    cost: Number.isFinite(best.cost) ? best.cost : d.sse,
    fixed: ctx.fixedNames,
  }, freeIdx, xRange(samples.x));
}

function xRange(x: Float64Array): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < x.length; i++) {
    lo = Math.min(lo, x[i]);
    hi = Math.max(hi, x[i]);
  }
  return [lo, hi];
}

/** A column this close (relative) to the span of the others is collinear with them. */
const COLLINEAR = 1e-8;

/** Indices of the Jacobian columns that lie in the span of the other columns (the parameters the data cannot separate). */
function collinearParameters(J: Float64Array, m: number, n: number): number[] {
  const out: number[] = [];
  if (n < 2) return out;
  for (let j = 0; j < n; j++) {
    const others = new Float64Array(m * (n - 1));
    const target = new Float64Array(m);
    let norm = 0;
    for (let i = 0; i < m; i++) {
      target[i] = J[i * n + j];
      norm += target[i] * target[i];
      for (let k = 0, c = 0; k < n; k++) if (k !== j) others[i * (n - 1) + c++] = J[i * n + k];
    }
    if (norm === 0) {
      out.push(j);
      continue;
    }
    const { residualNorm } = solveLeastSquares(householderQR(others, m, n - 1), target);
    if (residualNorm <= COLLINEAR * Math.sqrt(norm)) out.push(j);
  }
  return out;
}

/** Whether the fitted curve, as the Curve evaluates it (y(0) = 0 for damping curves), does not turn on the data range + 25%. */
function monotoneOnGrid(model: ModelDefinition, samples: Samples, params: Float64Array): boolean {
  const damping = model.domain === 'nonnegative';
  const grid = monotoneGrid(samples.x, !damping);
  const values = new Float64Array(grid.length);
  if (!modelEvaluator(model, { x: grid, y: values }).values(params, values) && !damping) return false;
  if (damping) for (let i = 0; i < grid.length; i++) if (grid[i] === 0) values[i] = 0;
  return monotoneValues(values, damping);
}

/** Share of the largest |y| above which a model's own y(0) != 0 is a jump worth a warning. */
const ORIGIN_JUMP_SHARE = 1e-3;

/** The model's own value at 0 when it is not 0 (a damping Curve forces 0 there), else null. */
function originJump(model: ModelDefinition, samples: Samples, params: Float64Array, facts: ModelFacts | null): number | null {
  let y0 = facts ? facts.y0 : NaN;
  if (!facts) {
    const at = new Float64Array(1);
    if (!modelEvaluator(model, { x: new Float64Array(1), y: at }).values(params, at)) return null;
    y0 = at[0];
  }
  let scale = 0;
  for (let i = 0; i < samples.y.length; i++) scale = Math.max(scale, Math.abs(samples.y[i]));
  return Number.isFinite(y0) && Math.abs(y0) > ORIGIN_JUMP_SHARE * scale ? y0 : null;
}

