// Levenberg-Marquardt for small nonlinear least squares, after MINPACK's lmder: per-column
// scaling D (the running maximum of the Jacobian's column norms), steps from a QR solve of
// [J; sqrt(mu) D] (never J^T J), the damping update of Nielsen (1999), and MINPACK's ftol / xtol
// / gtol tests reported as the reason for stopping. Only steps that lower the sum of squares are
// taken, so the result is never worse than the start.
import type { RobustLoss } from './loss';
import { householderQR, solveLeastSquares } from './qr';

/**
 * Why the least-squares solver stopped (FitResult.stopReason): a tolerance met, the budget spent, a
 * direct or custom solve.
 */
export type StopReason =
  /** Relative reduction of the sum of squares (actual and predicted) fell below ftol. */
  | 'ftol'
  /** The scaled step fell below xtol relative to the scaled parameters. */
  | 'xtol'
  /** The residual is orthogonal to the Jacobian's columns within gtol (a stationary point). */
  | 'gtol'
  /** The residuals are exactly zero. */
  | 'exact'
  /** maxEvaluations residual evaluations were spent. */
  | 'maxEvaluations'
  /** A linear model, solved directly by QR. */
  | 'direct'
  /** A model with its own solver reported its own stop. */
  | 'custom'
  /** The Jacobian overflowed at the current point (e.g. x^c with c in the thousands); the point is kept. */
  | 'jacobianNotFinite';

export interface LeastSquaresProblem {
  /** Residual count. */
  readonly m: number;
  /** Parameter count. */
  readonly n: number;
  /** Writes the residuals at q into out; returns false when any is not finite. */
  residuals(q: Float64Array, out: Float64Array): boolean;
  /** Writes the m x n Jacobian (row-major) of the residuals at q into out; false when it is not finite. */
  jacobian(q: Float64Array, out: Float64Array): boolean;
}

/** The Levenberg-Marquardt solver's tolerances and evaluation budget (part of FitOptions). */
export interface LMOptions {
  /** Relative sum-of-squares reduction to stop at (default 1e-12). */
  ftol?: number;
  /** Relative scaled step to stop at (default 1e-12). */
  xtol?: number;
  /** Largest cosine between the residual and a Jacobian column to stop at (default 1e-10). */
  gtol?: number;
  /** Residual evaluations allowed (default 200 * (n + 1)). */
  maxEvaluations?: number;
}

/** What the fit adds to the public tolerances. */
export interface SolverOptions extends LMOptions {
  /** A robust loss (default: plain least squares). */
  loss?: RobustLoss;
  /**
   * Geodesic acceleration (Transtrum & Sethna 2012): a second-order correction of each step from
   * one extra residual evaluation, which lets LM follow curved valleys (MGH10, Bennett5) in far
   * fewer steps. Plain least squares only.
   */
  acceleration?: boolean;
}

/** Largest ratio 2|a| / |v| of acceleration to velocity for which the corrected step is tried. */
const ACCELERATION_RATIO = 0.75;
/** Finite-difference step (in units of the velocity) for the second directional derivative. */
const ACCELERATION_STEP = 0.1;

/** The solver's defaults (MINPACK's tests, tightened: the fits are tiny, so precision is cheap). */
export const LM_DEFAULTS = Object.freeze({
  /** Relative sum-of-squares reduction (actual and predicted) at which to stop. */
  ftol: 1e-12,
  /** Relative scaled step at which to stop. */
  xtol: 1e-12,
  /** Largest |cos| between the residual and a Jacobian column at which to stop. */
  gtol: 1e-10,
  /** Residual evaluations allowed per (parameter + 1) for the damping families. */
  evaluationsPerParameter: 200,
  /**
   * The same for general regressions (formula and user models on the real line): their compiled
   * evaluations cost microseconds, and NIST's MGH10 from its far start needs about 3,500.
   */
  generalEvaluationsPerParameter: 2000,
  /**
   * ftol, xtol and gtol for general regressions: MINPACK's tests at 1e-15, as scipy's NIST reference
   * run uses them; ill-conditioned problems (ENSO, MGH09) gain 1.5 digits for ~20% more evaluations.
   */
  generalTolerance: 1e-15,
});

export interface LMResult {
  q: Float64Array;
  sse: number;
  iterations: number;
  evaluations: number;
  stopReason: StopReason;
}

function sumSquares(r: Float64Array): number {
  let s = 0;
  for (let i = 0; i < r.length; i++) s += r[i] * r[i];
  return s;
}

/** Minimises ||r(q)||^2 from q0. `q0` must give finite residuals (checked by the caller). */
export function levenbergMarquardt(problem: LeastSquaresProblem, q0: Float64Array, opts: SolverOptions = {}): LMResult {
  const { m, n } = problem;
  const ftol = opts.ftol ?? LM_DEFAULTS.ftol;
  const xtol = opts.xtol ?? LM_DEFAULTS.xtol;
  const gtol = opts.gtol ?? LM_DEFAULTS.gtol;
  const maxEvaluations = opts.maxEvaluations ?? LM_DEFAULTS.evaluationsPerParameter * (n + 1);

  const q = Float64Array.from(q0);
  const r = new Float64Array(m);
  const rTrial = new Float64Array(m);
  const qTrial = new Float64Array(n);
  const J = new Float64Array(m * n);
  const aug = new Float64Array((m + n) * n);
  const rhs = new Float64Array(m + n);
  const D = new Float64Array(n);
  const loss = opts.loss && opts.loss.name !== 'linear' ? opts.loss : null;
  const cost = loss ? (v: Float64Array) => loss.cost(v) : sumSquares;
  const accelerate = opts.acceleration === true && !loss;
  // The residual the step is solved for: r itself, or r rescaled for a robust loss.
  const rs = loss ? new Float64Array(m) : r;
  const irls = loss ? new Float64Array(m) : r;
  const rProbe = accelerate ? new Float64Array(m) : r;
  const qProbe = accelerate ? new Float64Array(n) : q;
  const rhsAcc = accelerate ? new Float64Array(m + n) : rhs;
  problem.residuals(q, r);
  let f = cost(r);
  let evaluations = 1;
  let iterations = 0;
  if (f === 0) return { q, sse: 0, iterations, evaluations, stopReason: 'exact' };

  let mu = 1e-3;
  let nu = 2;
  let needJacobian = true;
  let stopReason: StopReason = 'maxEvaluations';

  while (evaluations < maxEvaluations) {
    if (needJacobian) {
      if (!problem.jacobian(q, J)) {
        stopReason = 'jacobianNotFinite';
        break;
      }
      iterations++;
      needJacobian = false;
      // gtol: the largest |cos| between r and a column of J (for a robust loss, in the metric of
      // its IRLS weights rho', where the gradient is sum rho' r J).
      if (loss) loss.weights(r, irls);
      let rnorm = 0;
      for (let i = 0; i < m; i++) rnorm += (loss ? irls[i] : 1) * r[i] * r[i];
      rnorm = Math.sqrt(rnorm);
      let gmax = 0;
      for (let j = 0; j < n; j++) {
        let dot = 0;
        let cn = 0;
        let weighted = 0;
        for (let i = 0; i < m; i++) {
          const w = loss ? irls[i] : 1;
          dot += w * J[i * n + j] * r[i];
          cn += J[i * n + j] * J[i * n + j];
          weighted += w * J[i * n + j] * J[i * n + j];
        }
        D[j] = Math.max(D[j], Math.sqrt(cn));
        if (weighted > 0) gmax = Math.max(gmax, Math.abs(dot) / (Math.sqrt(weighted) * rnorm));
      }
      if (loss) {
        rs.set(r);
        loss.rescale(rs, J, n);
      }
      for (let j = 0; j < n; j++) if (D[j] === 0) D[j] = 1;
      if (gmax <= gtol) {
        stopReason = 'gtol';
        break;
      }
    }
    // Step: least squares of [J; sqrt(mu) D] delta ~ [-r; 0].
    aug.set(J);
    aug.fill(0, m * n);
    const s = Math.sqrt(mu);
    for (let j = 0; j < n; j++) aug[(m + j) * n + j] = s * D[j];
    for (let i = 0; i < m; i++) rhs[i] = -rs[i];
    rhs.fill(0, m);
    const qr = householderQR(aug, m + n, n);
    const delta = solveLeastSquares(qr, rhs).x;
    // Predicted reduction ||r||^2 - ||r + J delta||^2 of the velocity alone (the linear model).
    let lin = 0;
    for (let i = 0; i < m; i++) {
      let v = rs[i];
      for (let j = 0; j < n; j++) v += J[i * n + j] * delta[j];
      lin += v * v;
    }
    const predicted = sumSquares(rs) - lin;
    if (accelerate && evaluations + 1 < maxEvaluations) {
      for (let j = 0; j < n; j++) qProbe[j] = q[j] + ACCELERATION_STEP * delta[j];
      const ok = problem.residuals(qProbe, rProbe);
      evaluations++;
      if (ok) {
        // r_vv ~ 2/h ((r(q + h v) - r(q)) / h - J v): the residuals' curvature along the step.
        for (let i = 0; i < m; i++) {
          let jv = 0;
          for (let j = 0; j < n; j++) jv += J[i * n + j] * delta[j];
          rhsAcc[i] = -(2 / ACCELERATION_STEP) * ((rProbe[i] - r[i]) / ACCELERATION_STEP - jv);
        }
        rhsAcc.fill(0, m);
        const acc = solveLeastSquares(qr, rhsAcc).x;
        let an = 0;
        let vn = 0;
        for (let j = 0; j < n; j++) {
          an += (D[j] * acc[j]) ** 2;
          vn += (D[j] * delta[j]) ** 2;
        }
        if (2 * Math.sqrt(an) <= ACCELERATION_RATIO * Math.sqrt(vn)) for (let j = 0; j < n; j++) delta[j] += 0.5 * acc[j];
      }
    }

    let dxNorm = 0;
    let xNorm = 0;
    for (let j = 0; j < n; j++) {
      dxNorm += (D[j] * delta[j]) ** 2;
      xNorm += (D[j] * q[j]) ** 2;
      qTrial[j] = q[j] + delta[j];
    }
    dxNorm = Math.sqrt(dxNorm);
    xNorm = Math.sqrt(xNorm);
    const finite = problem.residuals(qTrial, rTrial);
    evaluations++;
    const fTrial = finite ? cost(rTrial) : Infinity;
    const actual = f - fTrial;
    const rho = predicted > 0 ? actual / predicted : -1;

    if (fTrial < f) {
      q.set(qTrial);
      r.set(rTrial);
      const fOld = f;
      f = fTrial;
      needJacobian = true;
      mu *= Math.max(1 / 3, 1 - (2 * rho - 1) ** 3);
      nu = 2;
      if (f === 0) {
        stopReason = 'exact';
        break;
      }
      if (actual <= ftol * fOld && predicted <= ftol * fOld && rho <= 2) {
        stopReason = 'ftol';
        break;
      }
    } else {
      mu *= nu;
      nu *= 2;
    }
    if (dxNorm <= xtol * (xNorm + xtol)) {
      stopReason = 'xtol';
      break;
    }
    if (!Number.isFinite(mu) || mu > 1e300) {
      // No step, however short, lowers the sum: we are at a minimum to machine precision.
      stopReason = 'xtol';
      break;
    }
  }
  return { q, sse: f, iterations, evaluations, stopReason };
}
