// The least-squares problem the solver sees: model values and Jacobians at every sample (through
// the model's compiled batch loop when it has one), weights, box bounds by change of variables
// (bounds.ts: every iterate is inside the box), and fixed parameters taken out of the vector.
import { TensileError, describeValue } from '../errors';
import { externalSlope, toExternal, toInternal } from './bounds';
import type { Bound } from './bounds';
import { FitDataError, FitOptionsError } from './errors';
import { modelJacobian } from './jacobian';
import type { LeastSquaresProblem } from './lm';
import type { ModelDefinition } from './model';
import { numberOps } from './model';
import type { Samples } from './samples';

/** Values and Jacobians of a model at every sample; false when something is not finite. */
export interface ModelEvaluator {
  readonly m: number;
  values(p: Float64Array, out: Float64Array): boolean;
  jacobian(p: Float64Array, out: Float64Array): boolean;
}

/** The predictor columns a model reads, in its order; a typed error names any the samples lack. */
export function predictorColumns(model: ModelDefinition, samples: Samples): Float64Array[] {
  const names = model.predictors ?? ['x'];
  return names.map((name) => {
    const column = samples.predictors ? samples.predictors[name] : names.length === 1 ? samples.x : undefined;
    if (!column) {
      const have = samples.predictors ? Object.keys(samples.predictors).join(', ') : 'x';
      throw new FitDataError('E_FIT_MISSING_PREDICTOR', `model "${model.name}" reads the predictor ${name}, which the samples lack (they have ${have}, y)`, {
        where: `samples.${name}`,
        value: name,
      });
    }
    return column;
  });
}

function allFinite(v: Float64Array): boolean {
  for (let i = 0; i < v.length; i++) if (!Number.isFinite(v[i])) return false;
  return true;
}

/** Runs `fn`; false instead of the engine's typed NaN/overflow errors. */
function guarded(fn: () => void): boolean {
  try {
    fn();
    return true;
  } catch (err) {
    if (err instanceof TensileError) return false;
    throw err;
  }
}

export function modelEvaluator(model: ModelDefinition, samples: Samples): ModelEvaluator {
  const columns = predictorColumns(model, samples);
  const m = samples.y.length;
  const batch = model.batch?.(columns) ?? null;
  if (batch) {
    const scratch = new Float64Array(m);
    return {
      m,
      values: (p, out) => (batch.values(p, out), allFinite(out)),
      jacobian: (p, out) => (batch.valuesAndJacobian(p, scratch, out), allFinite(out)),
    };
  }
  if (columns.length !== 1) {
    throw new FitOptionsError('E_FIT_BAD_MODEL', `model "${model.name}" has ${columns.length} predictors and needs code generation (new Function), which this environment forbids`, {
      where: 'model',
      value: model.name,
    });
  }
  const x = columns[0];
  const jac = modelJacobian(model, x);
  return {
    m,
    values: (p, out) =>
      guarded(() => {
        if (model.evaluate) for (let i = 0; i < m; i++) out[i] = model.evaluate(x[i], p);
        else {
          const arr = Array.from(p);
          for (let i = 0; i < m; i++) out[i] = model.expr(x[i], arr, numberOps);
        }
      }) && allFinite(out),
    jacobian: (p, out) => guarded(() => jac(p, out)) && allFinite(out),
  };
}

/** How each parameter enters the solver: free inside its bounds, or fixed at a value. */
export interface ParameterPlan {
  readonly bounds: readonly Bound[];
  /** The fixed value per parameter, or undefined where it is fitted. */
  readonly fixed: readonly (number | undefined)[];
}

export interface FitProblem {
  readonly problem: LeastSquaresProblem;
  /** Internal (free, unbounded) coordinates of an external start. */
  internal(start: Float64Array): Float64Array;
  /** External full parameter vector of internal coordinates. */
  external(q: Float64Array): Float64Array;
}

/** The weighted residuals f(x_i; p) - y_i over the free parameters in internal coordinates. */
export function buildProblem(evaluator: ModelEvaluator, y: Float64Array, weights: Float64Array | undefined, plan: ParameterPlan): FitProblem {
  const m = y.length;
  const total = plan.bounds.length;
  const free: number[] = [];
  for (let j = 0; j < total; j++) if (plan.fixed[j] === undefined) free.push(j);
  const n = free.length;
  const p = new Float64Array(total);
  for (let j = 0; j < total; j++) if (plan.fixed[j] !== undefined) p[j] = plan.fixed[j]!;
  const f = new Float64Array(m);
  const Jfull = new Float64Array(m * total);
  const sw = weights ? weights.map(Math.sqrt) : null;
  const toExternalInto = (q: Float64Array) => {
    for (let k = 0; k < n; k++) p[free[k]] = toExternal(q[k], plan.bounds[free[k]]);
  };
  const problem: LeastSquaresProblem = {
    m,
    n,
    residuals(q, out) {
      toExternalInto(q);
      if (!evaluator.values(p, f)) {
        out.fill(NaN);
        return false;
      }
      if (sw) for (let i = 0; i < m; i++) out[i] = sw[i] * (f[i] - y[i]);
      else for (let i = 0; i < m; i++) out[i] = f[i] - y[i];
      return true;
    },
    jacobian(q, out) {
      toExternalInto(q);
      if (!evaluator.jacobian(p, Jfull)) return false;
      for (let k = 0; k < n; k++) {
        const j = free[k];
        const slope = externalSlope(q[k], plan.bounds[j]);
        for (let i = 0; i < m; i++) out[i * n + k] = (sw ? sw[i] : 1) * Jfull[i * total + j] * slope;
      }
      return true;
    },
  };
  return {
    problem,
    internal: (start) => Float64Array.from(free, (j) => toInternal(start[j], plan.bounds[j])),
    external: (q) => {
      toExternalInto(q);
      return Float64Array.from(p);
    },
  };
}

/** A start outside [lower, upper] is the caller's mistake: say which parameter. */
export function checkStartInBounds(params: readonly string[], start: Float64Array, bounds: readonly Bound[]): void {
  start.forEach((v, j) => {
    const { lower, upper } = bounds[j];
    if (v < lower || v > upper) {
      throw new FitOptionsError('E_FIT_BAD_START', `start.${params[j]} = ${describeValue(v)} is outside its bounds [${lower}, ${upper}]`, { where: `start.${params[j]}`, value: v });
    }
  });
}
