// Assembles a FitResult from a fitted parameter vector and its diagnostics: the one place that maps
// parameter-order arrays to named records, shared by the least-squares fits (fit.ts) and the nets
// (models/mlp-fit.ts), which differ only in how they got the parameters.
import { FittedCurve } from './curve';
import type { Diagnostics } from './diagnostics';
import type { FitResult } from './fit';
import type { ModelDefinition } from './model';

/** How the parameters were found: what differs between an LM fit and a trained net. */
export type FitRun = Pick<FitResult, 'n' | 'iterations' | 'evaluations' | 'stopReason' | 'starts' | 'monotone' | 'facts' | 'warnings'> &
  Partial<Pick<FitResult, 'restarts' | 'loss' | 'cost' | 'fixed'>>;

export function assembleFitResult(model: ModelDefinition, params: Float64Array, d: Diagnostics, confidence: number, run: FitRun): FitResult {
  const named = <T>(values: readonly T[]): Record<string, T> => Object.fromEntries(model.params.map((k, i) => [k, values[i]]));
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
    restarts: [],
    loss: 'linear',
    cost: d.sse,
    fixed: [],
    ...run,
    curve: new FittedCurve(model, params),
  };
}
