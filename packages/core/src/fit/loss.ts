// Robust losses, as scipy.optimize.least_squares defines them: with z = (r / f_scale)^2 the cost
// is sum f_scale^2 * rho(z) (twice scipy's `cost`, so the linear loss gives the SSE). The solver
// works on the residuals and Jacobian rescaled as scipy's `scale_for_robust_loss_function` does,
// so one LM step is one iteratively reweighted least-squares step.
import { describeValue } from '../errors';
import { FitOptionsError } from './errors';

/**
 * The robust losses `fitCurve` offers (scipy's least_squares names): "linear" is plain least squares;
 * the others discount residuals larger than `fScale`, so a few outliers do not drag the curve.
 */
export type LossName = 'linear' | 'soft_l1' | 'huber' | 'cauchy' | 'arctan';

/** Every LossName, in the order the CLI lists them. */
export const LOSS_NAMES: readonly LossName[] = ['linear', 'soft_l1', 'huber', 'cauchy', 'arctan'];

/** rho(z), rho'(z), rho''(z) at z >= 0 written into out[0..2]. */
type Rho = (z: number, out: Float64Array) => void;

const RHO: Record<LossName, Rho> = {
  linear: (z, out) => {
    out[0] = z;
    out[1] = 1;
    out[2] = 0;
  },
  soft_l1: (z, out) => {
    const t = 1 + z;
    out[0] = 2 * (Math.sqrt(t) - 1);
    out[1] = 1 / Math.sqrt(t);
    out[2] = -0.5 * Math.pow(t, -1.5);
  },
  huber: (z, out) => {
    if (z <= 1) {
      out[0] = z;
      out[1] = 1;
      out[2] = 0;
    } else {
      const root = Math.sqrt(z);
      out[0] = 2 * root - 1;
      out[1] = 1 / root;
      out[2] = -0.5 / (z * root);
    }
  },
  cauchy: (z, out) => {
    out[0] = Math.log1p(z);
    out[1] = 1 / (1 + z);
    out[2] = -1 / (1 + z) ** 2;
  },
  arctan: (z, out) => {
    out[0] = Math.atan(z);
    out[1] = 1 / (1 + z * z);
    out[2] = (-2 * z) / (1 + z * z) ** 2;
  },
};

/**
 * Floor of the Jacobian scale rho' + 2 rho'' z as a share of rho'. scipy floors it at machine
 * epsilon, which for outliers (Huber beyond f_scale: exactly 0; Cauchy, arctan: negative)
 * multiplies their residual by 1/sqrt(eps) and leaves a step model that LM's damping cannot use
 * from a far start; a floor at a share of rho' (the plain IRLS weight) keeps every row's curvature
 * positive. The minimiser is the same (the gradient is unchanged).
 */
const SCALE_FLOOR_SHARE = 0.1;

export interface RobustLoss {
  readonly name: LossName;
  readonly fScale: number;
  /** sum f_scale^2 rho((r_i / f_scale)^2). */
  cost(r: Float64Array): number;
  /** Rescales r (m) and J (m x n, row-major) in place into the least-squares form of one IRLS step. */
  rescale(r: Float64Array, J: Float64Array, n: number): void;
  /** rho'(z_i) per residual (the IRLS weights), for the stationarity test. */
  weights(r: Float64Array, out: Float64Array): void;
}

/** The loss named `name` with soft margin `fScale`; typed errors for anything else. */
export function robustLoss(name: unknown = 'linear', fScale: unknown = 1): RobustLoss {
  if (typeof name !== 'string' || !(LOSS_NAMES as readonly string[]).includes(name)) {
    throw new FitOptionsError('E_FIT_BAD_OPTION', `loss must be one of ${LOSS_NAMES.join(', ')}, got ${describeValue(name)}`, { where: 'loss', value: name });
  }
  if (typeof fScale !== 'number' || !Number.isFinite(fScale) || fScale <= 0) {
    throw new FitOptionsError('E_FIT_BAD_OPTION', `fScale must be a positive finite number, got ${describeValue(fScale)}`, { where: 'fScale', value: fScale });
  }
  const rho = RHO[name as LossName];
  const s2 = fScale * fScale;
  const out = new Float64Array(3);
  return {
    name: name as LossName,
    fScale,
    cost(r) {
      let total = 0;
      for (let i = 0; i < r.length; i++) {
        rho((r[i] * r[i]) / s2, out);
        total += s2 * out[0];
      }
      return total;
    },
    weights(r, w) {
      for (let i = 0; i < r.length; i++) {
        rho((r[i] * r[i]) / s2, out);
        w[i] = out[1];
      }
    },
    rescale(r, J, n) {
      if (name === 'linear') return;
      for (let i = 0; i < r.length; i++) {
        const z = (r[i] * r[i]) / s2;
        rho(z, out);
        let scale = out[1] + (2 * out[2] * r[i] * r[i]) / s2;
        if (scale < SCALE_FLOOR_SHARE * out[1]) scale = SCALE_FLOOR_SHARE * out[1];
        scale = Math.sqrt(scale);
        r[i] *= out[1] / scale;
        for (let j = 0; j < n; j++) J[i * n + j] *= scale;
      }
    },
  };
}
