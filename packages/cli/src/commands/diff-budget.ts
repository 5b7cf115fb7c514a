// What `tensile diff` may produce and spend, decided before any derivative is taken: the hessian
// has (variables)^2 entries, and forward, numeric and symbolic modes go over the formula once or
// more per variable, so a small command line could ask for gigabytes or hours. Both caps are
// options of the command, and the refusal says which one to raise and how to need less.
import { TensileError } from '@tensile/core';

/** Most hessian entries printed (500 variables). */
export const DEFAULT_MAX_HESSIAN_ENTRIES = 250_000;
/** Most formula-node evaluations one command may spend (a few seconds). */
export const DEFAULT_MAX_STEPS = 100_000_000;

export class DiffBudgetError extends TensileError {
  override readonly name = 'DiffBudgetError';
}

export interface DiffBudget {
  maxHessianEntries: number;
  maxSteps: number;
}

function positiveCount(raw: string | undefined, fallback: number, flag: string): number {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < 1 || !Number.isSafeInteger(Number(raw))) {
    throw new DiffBudgetError('E_DIFF_BAD_OPTION', `${flag} must be a positive whole number, got ${JSON.stringify(raw)}`, { where: flag, value: raw });
  }
  return Number(raw);
}

export function readDiffBudget(opts: { maxHessianEntries?: string; maxSteps?: string }): DiffBudget {
  return {
    maxHessianEntries: positiveCount(opts.maxHessianEntries, DEFAULT_MAX_HESSIAN_ENTRIES, '--max-hessian-entries'),
    maxSteps: positiveCount(opts.maxSteps, DEFAULT_MAX_STEPS, '--max-steps'),
  };
}

/**
 * Passes over the formula each mode makes for `wrt` variables (of `variables` in all): reverse
 * sweeps once for a gradient and once per variable for a hessian; forward and numeric go once
 * (numeric: four evaluations) per variable, twice nested for a hessian; symbolic builds one
 * derivative per variable or pair; compiled code holds a reverse sweep per variable.
 */
function passes(mode: string, order: 1 | 2, wrt: number): number {
  switch (mode) {
    case 'reverse':
      return order === 1 ? 3 : 6 * wrt;
    case 'forward':
      return order === 1 ? 2 * wrt : 4 * wrt * wrt;
    case 'numeric':
      return order === 1 ? 4 * wrt : 2 * wrt * (wrt + 1);
    case 'symbolic':
      return order === 1 ? 2 * wrt : 2 * wrt * wrt;
    default:
      return order === 1 ? 3 : 6 * wrt;
  }
}

const count = (n: number) => n.toLocaleString('en-US');

/** Throws DiffBudgetError when the request is over a cap, naming the cap, its option and a cheaper request. */
export function checkDiffBudget(budget: DiffBudget, request: { mode: string; order: 1 | 2; wrt: number; variables: number; formulaNodes: number }): void {
  const { mode, order, wrt, variables, formulaNodes } = request;
  if (order === 2 && wrt * wrt > budget.maxHessianEntries) {
    throw new DiffBudgetError(
      'E_DIFF_TOO_LARGE',
      `--order 2 over ${count(wrt)} variables makes a hessian of ${count(wrt * wrt)} entries, over the cap of ${count(budget.maxHessianEntries)}: ` +
        `name fewer variables with --wrt, or raise the cap with --max-hessian-entries ${wrt * wrt}`,
      { where: '--max-hessian-entries', value: wrt * wrt },
    );
  }
  // Each pass also rebuilds the argument list, so it costs the formula plus the variables.
  const steps = passes(mode, order, wrt) * (formulaNodes + variables);
  if (steps > budget.maxSteps) {
    const cheaper = mode === 'reverse' ? 'name fewer variables with --wrt' : `use --mode reverse, or name fewer variables with --wrt`;
    throw new DiffBudgetError(
      'E_DIFF_TOO_LARGE',
      `--mode ${mode}${order === 2 ? ' --order 2' : ''} over ${count(wrt)} variables of a ${count(formulaNodes)}-node formula takes about ${count(steps)} steps, over the cap of ${count(budget.maxSteps)}: ` +
        `${cheaper}, or raise the cap with --max-steps ${steps}`,
      { where: '--max-steps', value: steps },
    );
  }
}
