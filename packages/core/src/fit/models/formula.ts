// Models from a formula string with named parameters, e.g. "d*(1 - exp(-x/k))": parsed by the
// formula language of core/diff, run on the AD engine's ops (so Jacobians stay exact), exported as
// JavaScript through the formula's own code generator. Registered as the family "formula", so a
// curve's JSON ({ model: "formula", settings: { formula, params } }) rebuilds it.
import * as ad from '../../diff/ops';
import type { Num } from '../../diff/index';
import { FORMULA_CONSTANTS, parseFormula, Formula } from '../../diff/symbolic/index';
import type { Expr } from '../../diff/symbolic/graph';
import { describeValue, TensileError } from '../../errors';
import { FitOptionsError } from '../errors';
import type { ModelDefinition, ModelFamily } from '../model';
import type { Samples } from '../samples';

type Op = (args: Num[]) => Num;
const bool = (b: boolean): Num => (b ? 1 : 0);

// One entry per op of the formula language, on the engine's polymorphic ops.
const OP_TABLE: Record<string, Op> = {
  add: ([a, b]) => ad.add(a, b),
  sub: ([a, b]) => ad.sub(a, b),
  mul: ([a, b]) => ad.mul(a, b),
  div: ([a, b]) => ad.div(a, b),
  neg: ([a]) => ad.neg(a),
  pow: ([a, b]) => ad.pow(a, b),
  exp: ([a]) => ad.exp(a),
  log: ([a]) => ad.log(a),
  log1p: ([a]) => ad.log1p(a),
  sqrt: ([a]) => ad.sqrt(a),
  abs: ([a]) => ad.abs(a),
  // sign is piecewise constant: derivative 0 everywhere it is defined.
  sign: ([a]) => Math.sign(ad.valueOf(a)),
  sin: ([a]) => ad.sin(a),
  cos: ([a]) => ad.cos(a),
  tan: ([a]) => ad.tan(a),
  atan: ([a]) => ad.atan(a),
  asin: ([a]) => ad.asin(a),
  acos: ([a]) => ad.acos(a),
  tanh: ([a]) => ad.tanh(a),
  sigmoid: ([a]) => ad.sigmoid(a),
  softplus: ([a]) => ad.softplus(a),
  selu: ([a]) => ad.selu(a),
  elu: ([a]) => ad.elu(a),
  relu: ([a]) => ad.relu(a),
  stopGradient: ([a]) => ad.stopGradient(a),
  min: ([a, b]) => ad.min(a, b),
  max: ([a, b]) => ad.max(a, b),
  clamp: ([a, lo, hi]) => ad.clamp(a, lo, hi),
  where: ([c, a, b]) => (ad.valueOf(c) !== 0 ? a : b),
  lt: ([a, b]) => bool(ad.lt(a, b)),
  le: ([a, b]) => bool(ad.le(a, b)),
  gt: ([a, b]) => bool(ad.gt(a, b)),
  ge: ([a, b]) => bool(ad.ge(a, b)),
  eq: ([a, b]) => bool(ad.eq(a, b)),
  ne: ([a, b]) => bool(!ad.eq(a, b)),
};

/** Nodes reachable from root, arguments first. */
function topological(root: Expr): Expr[] {
  const seen = new Set<number>();
  const order: Expr[] = [];
  const stack: [Expr, boolean][] = [[root, false]];
  while (stack.length) {
    const [node, expanded] = stack.pop()!;
    if (expanded) {
      order.push(node);
      continue;
    }
    if (seen.has(node.id)) continue;
    seen.add(node.id);
    stack.push([node, true]);
    for (let i = node.args.length - 1; i >= 0; i--) if (!seen.has(node.args[i].id)) stack.push([node.args[i], false]);
  }
  return order;
}

/** Candidates the generic self-start tries. */
const START_CANDIDATES = 256;

/**
 * A start for a formula nobody wrote a self-starter for: the best (smallest SSE) of a fixed,
 * seeded set of positive candidates spread log-uniformly over 1e-3..1e4 per parameter (damping
 * data are in px, so parameters are slopes, exponents or distances), keeping any values given.
 */
function searchStart(s: Samples, n: number, f: (x: number, p: readonly number[]) => number, given: (number | undefined)[] | null): number[] {
  let seed = 0x9e3779b9;
  const rand = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  let best: number[] = Array.from({ length: n }, (_, j) => given?.[j] ?? 1);
  let bestSse = Infinity;
  for (let k = 0; k < START_CANDIDATES; k++) {
    const p = Array.from({ length: n }, (_, j) => given?.[j] ?? (k === 0 ? 1 : Math.pow(10, -3 + 7 * rand())));
    let sse = 0;
    for (let i = 0; i < s.x.length && sse < bestSse; i++) sse += (f(s.x[i], p) - s.y[i]) ** 2;
    if (sse < bestSse) {
      bestSse = sse;
      best = p;
    }
  }
  return best;
}

export interface FormulaModelOptions {
  /** Parameter names in order; default: every variable except `x`, in order of appearance. */
  params?: readonly string[];
  /** Start values (array in parameter order or by name); missing ones come from a seeded search. */
  start?: readonly number[] | Record<string, number>;
  lower?: readonly number[];
  upper?: readonly number[];
  /** Default "nonnegative" (damping curves are fitted on x >= 0 and mirrored). */
  domain?: 'nonnegative' | 'real';
  name?: string;
}

/** A model from a formula string in `x` and named parameters. */
export function formulaModel(source: string, opts: FormulaModelOptions = {}): ModelDefinition {
  if (typeof source !== 'string' || source.trim() === '') {
    throw new FitOptionsError('E_FIT_BAD_MODEL', `a formula model needs a non-empty formula string, got ${describeValue(source)}`, { where: 'formula', value: source });
  }
  const constant = opts.params?.find((p) => FORMULA_CONSTANTS.has(p));
  if (constant !== undefined) {
    throw new FitOptionsError('E_FIT_BAD_MODEL', `parameter name "${constant}" is a constant of the formula language (${FORMULA_CONSTANTS.get(constant)}); rename the parameter`, {
      where: 'params',
      value: constant,
    });
  }
  let formula: Formula;
  try {
    formula = parseFormula(source, opts.params ? { variables: ['x', ...opts.params] } : {});
  } catch (err) {
    if (!(err instanceof TensileError)) throw err;
    throw new FitOptionsError('E_FIT_BAD_MODEL', `the model formula does not parse: ${err.message}`, { where: 'formula', value: source });
  }
  const variables = formula.variables;
  const params = opts.params ? [...opts.params] : variables.filter((v) => v !== 'x');
  if (params.length === 0) throw new FitOptionsError('E_FIT_BAD_MODEL', `formula ${describeValue(source)} has no parameters besides x`, { where: 'formula', value: source });
  const unknown = variables.filter((v) => v !== 'x' && !params.includes(v));
  if (unknown.length) {
    throw new FitOptionsError('E_FIT_BAD_MODEL', `formula uses ${unknown.join(', ')}, which are neither x nor parameters (${params.join(', ')})`, { where: 'formula', value: unknown });
  }
  if (params.includes('__proto__')) {
    // Fit results and curve JSON are records keyed by parameter name; "__proto__" would vanish from them.
    throw new FitOptionsError('E_FIT_BAD_MODEL', `formula parameter name "__proto__" is reserved; rename it`, { where: 'params', value: '__proto__' });
  }
  if (params.includes('x') || new Set(params).size !== params.length) {
    throw new FitOptionsError('E_FIT_BAD_MODEL', `formula parameters must be distinct names other than x, got ${params.join(', ')}`, { where: 'params', value: params });
  }
  const nodes = topological(formula.root);
  const paramIndex = new Map(params.map((p, i) => [p, i]));
  const run = (x: number, p: readonly Num[]): Num => {
    const values = new Map<number, Num>();
    for (const node of nodes) {
      let v: Num;
      if (node.op === 'const') v = node.value;
      else if (node.op === 'var') v = node.name === 'x' ? x : p[paramIndex.get(node.name)!];
      else v = OP_TABLE[node.op](node.args.map((a) => values.get(a.id)!));
      values.set(node.id, v);
    }
    return values.get(formula.root.id)!;
  };
  const start = opts.start;
  if (start && !Array.isArray(start)) {
    const extra = Object.keys(start).filter((k) => !params.includes(k));
    if (extra.length) {
      throw new FitOptionsError('E_FIT_BAD_START', `start names ${extra.join(', ')}, which ${extra.length === 1 ? 'is not a parameter' : 'are not parameters'} of the formula (${params.join(', ')})`, {
        where: 'start',
        value: extra,
      });
    }
  }
  const given = Array.isArray(start) ? [...start] : start ? params.map((k) => (start as Record<string, number>)[k]) : null;
  const evaluate = (x: number, p: readonly number[]): number => {
    try {
      return ad.valueOf(run(x, p));
    } catch (err) {
      if (err instanceof TensileError) return NaN;
      throw err;
    }
  };
  const paramList = params.join(',');
  return {
    name: opts.name ?? 'formula',
    formula: formula.toString(),
    formulaSource: { text: source, params },
    params,
    lower: opts.lower,
    upper: opts.upper,
    domain: opts.domain ?? 'nonnegative',
    settings: { formula: source, params: paramList, ...(opts.domain === 'real' ? { domain: 'real' } : {}) },
    expr: <N>(x: number, p: readonly N[]) => run(x, p as unknown as Num[]) as unknown as N,
    evaluate: (x, p) => ad.valueOf(run(x, Array.from(p))),
    start: (samples) => (given && given.every((v) => v !== undefined) ? (given as number[]) : searchStart(samples, params.length, evaluate, given)),
    toJSExpression: (literals) => {
      const bound = Object.fromEntries(params.map((k, i) => [k, Number(literals[i].replace(/^\((.*)\)$/, '$1'))]));
      const fn = formula.substitute(bound).toJavaScript(['x']);
      return `(${fn.replace(/\n\s*/g, ' ')})([x])`;
    },
  };
}

export const formulaFamily: ModelFamily = {
  family: 'formula',
  summary: 'formula:<expression in x and named parameters>, e.g. formula:d*(1-exp(-x/k))',
  monotone: false,
  create(arg, settings) {
    const source = arg ?? settings.formula;
    if (typeof source !== 'string') {
      throw new FitOptionsError('E_FIT_UNKNOWN_MODEL', `model "formula" needs an expression: "formula:<expression>"`, { where: 'model', value: arg });
    }
    const params = typeof settings.params === 'string' && settings.params !== '' ? settings.params.split(',') : undefined;
    return formulaModel(source, { params, domain: settings.domain === 'real' ? 'real' : 'nonnegative' });
  },
};
