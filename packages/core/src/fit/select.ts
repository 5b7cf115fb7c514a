// model "auto": fits every monotone family of the registry and ranks them by AICc, with Akaike
// weights over the distinct curves (article and ll3 are one curve in two parameterisations).
import { FitDataError, FitOptionsError } from './errors';
import type { FittedCurve } from './curve';
import type { FitResult } from './fit';
import type { FitOptions } from './options';
import { defaultModelRegistry } from './registry';
import { toSamples } from './samples';
import type { Samples, SamplesInput } from './samples';

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
  /**
   * The candidate fitted the same curve as this earlier row (article and ll3 are one curve in two
   * parameterisations): it gets weight 0 and the Akaike weights are over distinct curves.
   */
  duplicateOf?: string;
}

/** Fitted values agreeing to this relative tolerance at every sample make two candidates one curve. */
const SAME_CURVE = 1e-6;

function sameCurve(a: FitResult, b: FitResult): boolean {
  if (a.params === null || b.params === null || a.residuals.length !== b.residuals.length) return false;
  let scale = 0;
  for (let i = 0; i < a.residuals.length; i++) scale = Math.max(scale, Math.abs(a.residuals[i]), Math.abs(b.residuals[i]));
  for (let i = 0; i < a.residuals.length; i++) if (Math.abs(a.residuals[i] - b.residuals[i]) > SAME_CURVE * Math.max(scale, 1)) return false;
  return true;
}

/** AICc differences below this are round-off between equivalent parameterisations. */
const AICC_TIE = 1e-9;

export function fitAuto(input: SamplesInput | Samples, opts: FitOptions, fitOne: (input: Samples, opts: FitOptions) => FitResult): FitResult {
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
  const duplicateOf = ranked.map((r, i) => ranked.slice(0, i).find((earlier) => sameCurve(earlier, r))?.model);
  const rel = ranked.map((r, i) => (duplicateOf[i] !== undefined ? 0 : finite ? Math.exp(-(r.aicc - bestAicc) / 2) : r.aicc === bestAicc ? 1 : 0));
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
    ...(duplicateOf[i] !== undefined ? { duplicateOf: duplicateOf[i] } : {}),
  }));
  return { ...ranked[0], selection: [...selection, ...failed] };
}

