// Assembles a FitResult from a fitted parameter vector and its diagnostics: the one place that maps
// parameter-order arrays to named records, shared by the least-squares fits (fit.ts) and the nets
// (models/mlp-fit.ts), which differ only in how they got the parameters.
import { curveBand, inversePrediction } from './bands';
import type { UncertaintyContext } from './bands';
import { FittedCurve } from './curve';
import type { Diagnostics } from './diagnostics';
import type { FitResult } from './fit';
import type { ModelDefinition } from './model';

/** How the parameters were found: what differs between an LM fit and a trained net. */
export type FitRun = Pick<FitResult, 'n' | 'iterations' | 'evaluations' | 'stopReason' | 'starts' | 'monotone' | 'facts' | 'warnings'> &
  Partial<Pick<FitResult, 'restarts' | 'loss' | 'cost' | 'fixed'>>;

/**
 * `free`: indices of the fitted parameters (the covariance in `d` is over these); default all.
 * `range`: the data's x range, where inverse prediction looks.
 */
export function assembleFitResult(model: ModelDefinition, params: Float64Array, d: Diagnostics, confidence: number, run: FitRun, free?: readonly number[], range: [number, number] = [0, 1]): FitResult {
  const named = <T>(values: readonly T[]): Record<string, T> => Object.fromEntries(model.params.map((k, i) => [k, values[i]]));
  const fitted = free ?? model.params.map((_, j) => j);
  const ctx: UncertaintyContext = { model, params: Float64Array.from(params), free: fitted, covariance: d.covariance ?? null, variance: d.dof > 0 ? d.sse / d.dof : NaN, dof: d.dof, confidence, range };
  // The full matrix in parameter order; a fixed parameter has zero variance and covariance.
  const covariance = d.covariance
    ? model.params.map((_, a) => model.params.map((__, b) => (fitted.includes(a) && fitted.includes(b) ? d.covariance![fitted.indexOf(a) * fitted.length + fitted.indexOf(b)] : 0)))
    : null;
  return {
    model: model.name,
    formula: model.formula,
    paramNames: model.params,
    params: named(Array.from(params)),
    stderr: named(d.stderr),
    intervals: named(d.intervals),
    confidence,
    sse: d.sse,
    rmse: d.rmse,
    r2: d.r2,
    aicc: d.aicc,
    maxAbsResidual: d.maxAbsResidual,
    residuals: d.residuals,
    covariance,
    band: (xs, opts) => curveBand(ctx, xs, opts),
    inverse: (y, opts) => inversePrediction(ctx, y, opts),
    restarts: [],
    loss: 'linear',
    cost: d.sse,
    fixed: [],
    ...run,
    curve: new FittedCurve(model, params),
  };
}
