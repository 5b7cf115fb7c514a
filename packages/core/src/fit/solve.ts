// Running the solver on a fit problem: one bounded LM run from a start, and the restarts around it
// (from where a run stopped when it ran out of evaluations, from perturbed self-starts when it
// ended degenerate), so a fit does not give up where MINPACK succeeds and says when it needed help.
import { FitOptionsError } from './errors';
import { levenbergMarquardt } from './lm';
import type { SolverOptions, StopReason } from './lm';
import type { ModelDefinition } from './model';
import { buildProblem } from './problem';
import type { ModelEvaluator, ParameterPlan } from './problem';
import { householderQR, rDiagonalRatio } from './qr';
import type { Samples } from './samples';

export interface Attempt {
  params: Float64Array;
  /** The cost at params: the weighted SSE, or the robust loss's cost. */
  cost: number;
  iterations: number;
  evaluations: number;
  stopReason: StopReason;
}

export interface SolveSpec {
  model: ModelDefinition;
  evaluator: ModelEvaluator;
  /** The response the model predicts (transformed when the model says so). */
  y: Float64Array;
  weights?: Float64Array;
  plan: ParameterPlan;
  solver: SolverOptions;
}

/** One bounded LM run from `start` (external coordinates, full parameter vector). */
export function runAttempt(spec: SolveSpec, start: Float64Array): Attempt {
  const { problem, internal, external } = buildProblem(spec.evaluator, spec.y, spec.weights, spec.plan);
  const q0 = internal(start);
  const r0 = new Float64Array(problem.m);
  if (!problem.residuals(q0, r0)) {
    const values = new Float64Array(problem.m);
    spec.evaluator.values(external(q0), values);
    const row = Math.max(0, values.findIndex((v) => !Number.isFinite(v)));
    throw new FitOptionsError('E_FIT_BAD_START', `model "${spec.model.name}" is not finite at the start (${Array.from(external(q0)).join(', ')}) for row ${row + 1}`, {
      where: 'start',
      value: Array.from(external(q0)),
      row: row + 1,
    });
  }
  const r = levenbergMarquardt(problem, q0, spec.solver);
  return { params: external(r.q), cost: r.sse, iterations: r.iterations, evaluations: r.evaluations, stopReason: r.stopReason };
}

function spread(v: ArrayLike<number>): number {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < v.length; i++) {
    lo = Math.min(lo, v[i]);
    hi = Math.max(hi, v[i]);
  }
  return hi - lo;
}

/**
 * A degenerate end: the curve is (nearly) flat on the data while the data are not, it explains
 * less than a horizontal line would, or the Jacobian has lost rank (parameters the data no longer
 * see), as in the article form's c < 0 basin where the curve is identically 0.
 */
export function degenerate(spec: SolveSpec, a: Attempt): boolean {
  const { y, evaluator } = spec;
  const m = y.length;
  const f = new Float64Array(m);
  if (!evaluator.values(a.params, f)) return true;
  if (spread(y) > 0 && spread(f) <= 1e-3 * spread(y)) return true;
  let mean = 0;
  for (let i = 0; i < m; i++) mean += y[i] / m;
  let sst = 0;
  for (let i = 0; i < m; i++) sst += (y[i] - mean) ** 2;
  if (!spec.weights && !spec.solver.loss && sst > 0 && a.cost >= sst) return true;
  const free = spec.plan.fixed.map((v, j) => (v === undefined ? j : -1)).filter((j) => j >= 0);
  const total = spec.plan.fixed.length;
  const n = free.length;
  const J = new Float64Array(m * total);
  if (a.stopReason === 'jacobianNotFinite' || !evaluator.jacobian(a.params, J)) return true;
  const Jf = new Float64Array(m * n);
  free.forEach((j, k) => {
    let s = 0;
    for (let i = 0; i < m; i++) s += J[i * total + j] ** 2;
    const norm = Math.sqrt(s) || 1;
    for (let i = 0; i < m; i++) Jf[i * n + k] = J[i * total + j] / norm;
  });
  return m >= n && rDiagonalRatio(householderQR(Jf, m, n)) < 1e-10;
}

/** Deterministic alternative starts: the self-start, then each parameter scaled by 10^u, u in [-1, 1]. */
export function alternativeStarts(model: ModelDefinition, samples: Samples, count: number): Float64Array[] {
  const base = Float64Array.from(model.start(samples));
  const starts = [base];
  let seed = 0x2545f491;
  const rand = () => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
  for (let k = 1; k < count; k++) {
    starts.push(base.map((v) => (v === 0 ? rand() * 2 - 1 : v * Math.pow(10, 2 * rand() - 1))));
  }
  return starts;
}

/** Restarts from where a run stopped when it ran out of evaluations (each with a fresh budget). */
const CONTINUATIONS = 3;

export interface Solved {
  best: Attempt;
  /** Runs in total (1 when the first run was enough). */
  starts: number;
  /** Why restarts were needed, for the result's notes. */
  restarts: string[];
  /** Evaluations over all runs. */
  evaluations: number;
}

/**
 * Runs LM from `start`; continues from where it stopped when it ran out of evaluations, and
 * (with `multistart`) tries the self-start and perturbations of it when it ended degenerate.
 */
export function solveWithRestarts(spec: SolveSpec, samples: Samples, start: Float64Array, multistart: boolean, multistartCount: number): Solved {
  let best = runAttempt(spec, start);
  let evaluations = best.evaluations;
  let starts = 1;
  const restarts: string[] = [];
  for (let k = 0; k < CONTINUATIONS && best.stopReason === 'maxEvaluations'; k++) {
    const next = runAttempt(spec, best.params);
    starts++;
    evaluations += next.evaluations;
    restarts.push(`continued from where run ${starts - 1} stopped at maxEvaluations (cost ${best.cost.toPrecision(6)} -> ${next.cost.toPrecision(6)})`);
    if (next.cost <= best.cost) best = next;
    else break;
  }
  if (multistart && degenerate(spec, best)) {
    const before = best.cost;
    for (const s of alternativeStarts(spec.model, samples, multistartCount)) {
      spec.plan.fixed.forEach((v, j) => {
        if (v !== undefined) s[j] = v;
      });
      clampInto(s, spec.plan);
      let a: Attempt;
      try {
        a = runAttempt(spec, s);
      } catch (err) {
        if (err instanceof FitOptionsError && err.code === 'E_FIT_BAD_START') continue;
        throw err;
      }
      starts++;
      evaluations += a.evaluations;
      if (a.cost < best.cost) best = a;
    }
    restarts.push(`the first run ended degenerate (cost ${before.toPrecision(6)}); tried ${starts - 1} other starts, best cost ${best.cost.toPrecision(6)}`);
  }
  return { best, starts, restarts, evaluations };
}

/** Moves a generated start inside the bounds (a user's start outside them is an error instead). */
function clampInto(start: Float64Array, plan: ParameterPlan): void {
  plan.bounds.forEach(({ lower, upper }, j) => {
    if (start[j] < lower) start[j] = lower;
    if (start[j] > upper) start[j] = upper;
  });
}
