// Runs a formula through the differentiation engine's polymorphic ops, so the same formula can be
// differentiated in forward, reverse and numeric mode (and traced) and checked against the
// symbolic derivative. `c ? a : b` evaluates only the branch taken, as the engine's `where` does.
import { describeValue } from '../../errors';
import { mulStrongZero } from '../lifted';
import * as ops from '../ops';
import { isBoxed, type Num } from '../value';
import { FormulaError } from './errors';
import type { Formula } from './formula';
import type { Expr } from './graph';
import type { OpName } from './ops';

type Apply = (a: Num, b: Num, c: Num) => Num;

const truth = (b: boolean): number => (b ? 1 : 0);

/** The engine op for each formula op (where is handled lazily by the evaluator). */
const ENGINE: Readonly<Record<Exclude<OpName, 'where'>, Apply>> = {
  add: ops.add, sub: ops.sub, mul: ops.mul, smul: mulStrongZero, div: ops.div, pow: ops.pow, min: ops.min, max: ops.max,
  neg: ops.neg, exp: ops.exp, log: ops.log, log1p: ops.log1p, sqrt: ops.sqrt, abs: ops.abs,
  sin: ops.sin, cos: ops.cos, tan: ops.tan, atan: ops.atan, asin: ops.asin, acos: ops.acos, tanh: ops.tanh,
  sigmoid: ops.sigmoid, softplus: ops.softplus, selu: ops.selu, elu: ops.elu, relu: ops.relu, stopGradient: ops.stopGradient,
  clamp: ops.clamp,
  // sign and the comparisons are piecewise constant: plain numbers, no derivative to carry.
  sign: (x) => (ops.gt(x, 0) ? 1 : ops.lt(x, 0) ? -1 : 0),
  lt: (a, b) => truth(ops.lt(a, b)),
  le: (a, b) => truth(ops.le(a, b)),
  gt: (a, b) => truth(ops.gt(a, b)),
  ge: (a, b) => truth(ops.ge(a, b)),
  eq: (a, b) => truth(ops.eq(a, b)),
  ne: (a, b) => truth(!ops.eq(a, b)),
};

const isTrue = (c: Num): boolean => (typeof c === 'number' ? c !== 0 : !ops.eq(c, 0));

/**
 * `(values) => formula(values)` on engine values, with values[i] the value of `variables[i]`.
 * Pass it to grad, valueAndGrad, jvp, hessian, numericGradient or trace.
 */
export function engineFunction(formula: Formula, variables?: readonly string[]): (values: readonly Num[]) => Num {
  if (typeof formula !== 'object' || formula === null || !('root' in formula) || !Array.isArray((formula as { variables?: unknown }).variables)) {
    throw new FormulaError('E_BAD_ARGUMENT', `engineFunction: formula: expected a Formula (from parseFormula), got ${describeValue(formula)}`, { where: 'formula', value: formula });
  }
  if (variables === undefined) variables = formula.variables;
  else if (!Array.isArray(variables) || variables.some((v) => typeof v !== 'string')) {
    throw new FormulaError('E_BAD_ARGUMENT', `engineFunction: variables: expected an array of variable names, got ${describeValue(variables)}`, { where: 'variables', value: variables });
  }
  const names = variables;
  const index = new Map(variables.map((v, i) => [v, i]));
  const unknown = formula.variables.filter((v) => !index.has(v));
  if (unknown.length > 0) {
    throw new FormulaError('E_MISSING_VARIABLE', `engineFunction: variable${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => JSON.stringify(u)).join(', ')} not among the inputs (${variables.join(', ')})`, { where: 'variables', value: unknown });
  }
  const root = formula.root;
  return (values) => {
    if (!Array.isArray(values) || values.length !== variables.length) {
      throw new FormulaError('E_BAD_ARGUMENT', `engineFunction: expected an array of ${names.length} values (${names.join(', ')}), got ${describeValue(values)}`, { where: 'values', value: values });
    }
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (typeof v === 'number' ? !Number.isFinite(v) : !isBoxed(v)) {
        throw new FormulaError('E_NON_FINITE', `engineFunction: ${names[i]} (values[${i}]) must be a finite number, got ${describeValue(v)}`, { where: names[i], value: v });
      }
    }
    const memo = new Map<number, Num>();
    // Iterative post-order with an explicit stack: formulas may be deeper than the call stack.
    const stack: Expr[] = [root];
    while (stack.length > 0) {
      const node = stack[stack.length - 1];
      if (memo.has(node.id)) {
        stack.pop();
        continue;
      }
      if (node.op === 'const') memo.set(node.id, node.value);
      else if (node.op === 'var') memo.set(node.id, values[index.get(node.name) as number]);
      else if (node.op === 'where') {
        const cond = node.args[0];
        if (!memo.has(cond.id)) {
          stack.push(cond);
          continue;
        }
        const branch = isTrue(memo.get(cond.id) as Num) ? node.args[1] : node.args[2];
        if (!memo.has(branch.id)) {
          stack.push(branch);
          continue;
        }
        memo.set(node.id, memo.get(branch.id) as Num);
      } else {
        const pending = node.args.filter((a) => !memo.has(a.id));
        if (pending.length > 0) {
          for (const arg of pending) stack.push(arg);
          continue;
        }
        const [a, b, c] = node.args.map((x) => memo.get(x.id) as Num);
        memo.set(node.id, ENGINE[node.op](a, b, c));
      }
      stack.pop();
    }
    return memo.get(root.id) as Num;
  };
}
