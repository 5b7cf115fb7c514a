// Goodness of fit and parameter uncertainty at the optimum: SSE, RMSE, R², AICc, residuals, and
// standard errors / confidence intervals from the Jacobian (cov = s² (JᵀWJ)⁻¹ by QR of the
// column-equilibrated weighted Jacobian, never by inverting JᵀJ directly).
import { householderQR, inverseGram } from './qr';
import { studentTCritical } from './quantiles';
import type { Samples } from './samples';

export interface Diagnostics {
  /** Weighted sum of squared residuals Σ w (y - f)² (plain SSE without weights). */
  sse: number;
  /** sqrt(SSE / n), n = samples with weight > 0. */
  rmse: number;
  /** 1 - SSE / SST (weighted); 1 for a perfect fit of constant y, 0 for an imperfect one. */
  r2: number;
  /**
   * Small-sample Akaike criterion n ln(SSE/n) + 2k + 2k(k+1)/(n-k-1), k = parameters + 1 (the
   * variance); Infinity when n <= k + 1, -Infinity for a perfect fit.
   */
  aicc: number;
  maxAbsResidual: number;
  /** y - f(x) per sample (unweighted), in sample order. */
  residuals: Float64Array;
  /** Standard error per parameter; null when there are no spare degrees of freedom or a parameter is not identifiable. */
  stderr: (number | null)[];
  /** Confidence interval per parameter at `confidence` (Student t, n - p dof), or null with stderr. */
  intervals: ([number, number] | null)[];
  /** Degrees of freedom n - p. */
  dof: number;
  /** s² (JᵀWJ)⁻¹, row-major p x p, or null where the Jacobian is singular or dof = 0. */
  covariance: Float64Array | null;
}

export function sumSquaredWeighted(samples: Samples, predicted: Float64Array, residuals: Float64Array): number {
  const { y, weights } = samples;
  let sse = 0;
  for (let i = 0; i < y.length; i++) {
    residuals[i] = y[i] - predicted[i];
    sse += (weights ? weights[i] : 1) * residuals[i] * residuals[i];
  }
  return sse;
}

/**
 * `predicted`: f(x_i) at the optimum; `jacobian`: df(x_i)/dp_j (row-major m x p, unweighted),
 * or null when the model gives none.
 */
export function computeDiagnostics(
  samples: Samples,
  params: Float64Array,
  predicted: Float64Array,
  jacobian: Float64Array | null,
  confidence: number,
): Diagnostics {
  const { y, weights } = samples;
  const m = y.length;
  const p = params.length;
  const residuals = new Float64Array(m);
  const sse = sumSquaredWeighted(samples, predicted, residuals);
  let n = 0;
  let wsum = 0;
  let wy = 0;
  let maxAbsResidual = 0;
  for (let i = 0; i < m; i++) {
    const w = weights ? weights[i] : 1;
    if (w > 0) {
      n++;
      maxAbsResidual = Math.max(maxAbsResidual, Math.abs(residuals[i]));
    }
    wsum += w;
    wy += w * y[i];
  }
  const mean = wy / wsum;
  let sst = 0;
  for (let i = 0; i < m; i++) sst += (weights ? weights[i] : 1) * (y[i] - mean) ** 2;
  const r2 = sst > 0 ? 1 - sse / sst : sse === 0 ? 1 : 0;
  const k = p + 1;
  const aicc = n - k - 1 <= 0 ? Infinity : sse === 0 ? -Infinity : n * Math.log(sse / n) + 2 * k + (2 * k * (k + 1)) / (n - k - 1);
  const dof = n - p;
  const stderr: (number | null)[] = new Array(p).fill(null);
  const intervals: ([number, number] | null)[] = new Array(p).fill(null);
  let covariance: Float64Array | null = null;
  if (jacobian && dof > 0) {
    // Equilibrate columns so that pure scale differences (poly coefficients span 1e-20..1) do not
    // look like rank deficiency; undo the scaling on the covariance.
    const scale = new Float64Array(p);
    const a = new Float64Array(m * p);
    for (let j = 0; j < p; j++) {
      let s = 0;
      for (let i = 0; i < m; i++) s += (weights ? weights[i] : 1) * jacobian[i * p + j] ** 2;
      scale[j] = Math.sqrt(s) || 1;
    }
    for (let i = 0; i < m; i++) {
      const sw = weights ? Math.sqrt(weights[i]) : 1;
      for (let j = 0; j < p; j++) a[i * p + j] = (sw * jacobian[i * p + j]) / scale[j];
    }
    const inv = inverseGram(householderQR(a, m, p));
    if (inv) {
      const s2 = sse / dof;
      covariance = new Float64Array(p * p);
      for (let j = 0; j < p; j++) for (let k = 0; k < p; k++) covariance[j * p + k] = (s2 * inv[j * p + k]) / (scale[j] * scale[k]);
      const t = studentTCritical(1 - confidence, dof);
      for (let j = 0; j < p; j++) {
        const v = (s2 * inv[j * p + j]) / (scale[j] * scale[j]);
        if (Number.isFinite(v) && v >= 0) {
          const se = Math.sqrt(v);
          stderr[j] = se;
          intervals[j] = [params[j] - t * se, params[j] + t * se];
        }
      }
    }
  }
  return { sse, rmse: Math.sqrt(sse / n), r2, aicc, maxAbsResidual, residuals, stderr, intervals, dof, covariance };
}

/** How far beyond the data the monotone check looks, as a fraction of the data's x span. */
export const MONOTONE_MARGIN = 0.25;
const MONOTONE_GRID = 513;

/** The grid the monotone check evaluates: [min x, max x + 25% of the span] (and as far below for a real-domain curve). */
export function monotoneGrid(xs: ArrayLike<number>, realDomain: boolean, gridPoints = MONOTONE_GRID): Float64Array {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < xs.length; i++) {
    lo = Math.min(lo, xs[i]);
    hi = Math.max(hi, xs[i]);
  }
  const margin = MONOTONE_MARGIN * (hi - lo);
  const from = realDomain ? lo - margin : lo;
  const to = hi + margin;
  const grid = new Float64Array(gridPoints);
  for (let i = 0; i < gridPoints; i++) grid[i] = from + ((to - from) * i) / (gridPoints - 1);
  return grid;
}

/**
 * Whether curve values on an ascending grid never turn: never decrease when `increasing` (a
 * damping curve), or keep one direction otherwise. A tolerance of 1e-9 of the value range keeps
 * flat plateaus from counting as turns; a non-finite value is not monotone.
 */
export function monotoneValues(values: Float64Array, increasing: boolean): boolean {
  let vmin = Infinity;
  let vmax = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) return false;
    if (v < vmin) vmin = v;
    if (v > vmax) vmax = v;
  }
  const tol = 1e-9 * (vmax - vmin || 1);
  let up = false;
  let down = false;
  for (let i = 1; i < values.length; i++) {
    const d = values[i] - values[i - 1];
    if (d > tol) up = true;
    else if (d < -tol) down = true;
  }
  return increasing ? !down : !(up && down);
}

/** Whether f is monotone (either direction) on [min x, max x] (kept for the nets' report). */
export function monotoneOnRange(f: (x: number) => number, xs: ArrayLike<number>, gridPoints = MONOTONE_GRID): boolean {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < xs.length; i++) {
    lo = Math.min(lo, xs[i]);
    hi = Math.max(hi, xs[i]);
  }
  const values = Float64Array.from({ length: gridPoints }, (_, i) => f(lo + ((hi - lo) * i) / (gridPoints - 1)));
  return monotoneValues(values, false);
}
