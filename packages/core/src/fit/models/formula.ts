// Models from a formula string with named parameters, e.g. "d*(1 - exp(-x/k))": general
// regressions on any real predictors (x, or several named columns), optionally of a transformed
// response ("log(y) = b1 - b2*x1*exp(-b3*x2)"). Parsed by the formula language of core/diff,
// fitted through one compiled loop over the samples (batch.ts), run on the AD engine's ops where
// a single point is needed, exported as JavaScript through the formula's own code generator.
// Registered as the family "formula", so a curve's JSON rebuilds it.
//
// The rule for names: every free name in a fit formula is a predictor (x, or the names given in
// `predictors`) or a parameter, including `e` (ll3 prints its formula as d/(1 + (e/x)^b), and
// that text must fit the same model). Euler's number is written exp(1); `pi` stays the constant.
import * as ad from '../../diff/ops';
import type { Num } from '../../diff/index';
import { FORMULA_CONSTANTS, parseFormula, Formula } from '../../diff/symbolic/index';
import { tokenize } from '../../diff/symbolic/tokenizer';
import { compileBatch } from '../batch';
import { preciseEvaluator, preciseResiduals } from '../precise';
import type { Expr } from '../../diff/symbolic/graph';
import { describeValue, TensileError } from '../../errors';
import { FitOptionsError } from '../errors';
import type { ModelDefinition, ModelFamily } from '../model';
import type { Samples } from '../samples';
import type { ParamValues } from '../model';

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
function searchStart(s: Samples, n: number, f: (row: number, p: readonly number[]) => number, given: (number | undefined)[] | null): number[] {
  let seed = 0x9e3779b9;
  const rand = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  let best: number[] = Array.from({ length: n }, (_, j) => given?.[j] ?? 1);
  let bestSse = Infinity;
  for (let k = 0; k < START_CANDIDATES; k++) {
    const p = Array.from({ length: n }, (_, j) => given?.[j] ?? (k === 0 ? 1 : Math.pow(10, -3 + 7 * rand())));
    let sse = 0;
    for (let i = 0; i < s.y.length && sse < bestSse; i++) sse += (f(i, p) - s.y[i]) ** 2;
    if (sse < bestSse) {
      bestSse = sse;
      best = p;
    }
  }
  return best;
}

/**
 * Options of a model written as a formula (formulaModel, `model: "formula:..."`): parameters, predictors,
 * start values and bounds, and whether it is a damping curve.
 */
export interface FormulaModelOptions {
  /** Parameter names in order; default: every free name except the predictors, in order of appearance. */
  params?: readonly string[];
  /** Predictor names (columns of the samples); default ["x"]. */
  predictors?: readonly string[];
  /** Start values (array in parameter order or by name); missing ones come from a seeded search. */
  start?: readonly number[] | Record<string, number>;
  /** Lower bounds in parameter order (default: none). */
  lower?: readonly number[];
  /** Upper bounds in parameter order (default: none). */
  upper?: readonly number[];
  /**
   * Default "real": a general regression, evaluated as written at any real x. "nonnegative" makes
   * it a damping curve (fitted on x >= 0, mirrored, y(0) = 0), like the built-in families.
   */
  domain?: 'nonnegative' | 'real';
  /** Fit f(x) - f(0) instead of f(x), so the curve passes through the origin (one predictor only). */
  throughOrigin?: boolean;
  name?: string;
}

/** Splits "lhs = rhs" at a lone '=' (not ==, <=, >=, !=); no '=' means the response is y itself. */
function splitResponse(source: string): { lhs: string | null; rhs: string } {
  for (let i = 0; i < source.length; i++) {
    if (source[i] !== '=') continue;
    const before = source[i - 1];
    const after = source[i + 1];
    if (after === '=' || before === '=' || before === '<' || before === '>' || before === '!') {
      i++;
      continue;
    }
    return { lhs: source.slice(0, i), rhs: source.slice(i + 1) };
  }
  return { lhs: null, rhs: source };
}

/** Free names of a formula (identifiers not called as functions, except pi), in order of appearance. */
function freeNames(source: string): string[] {
  let tokens;
  try {
    tokens = tokenize(source);
  } catch {
    return []; // the parser reports the error with its column
  }
  const names: string[] = [];
  tokens.forEach((t, k) => {
    const called = tokens[k + 1]?.kind === 'op' && tokens[k + 1].text === '(';
    if (t.kind === 'ident' && !called && t.text !== 'pi' && !names.includes(t.text)) names.push(t.text);
  });
  return names;
}

function badModel(message: string, where: string, value: unknown): FitOptionsError {
  return new FitOptionsError('E_FIT_BAD_MODEL', message, { where, value });
}

function parseOrThrow(text: string, variables: readonly string[], what: string): Formula {
  try {
    return parseFormula(text, { variables });
  } catch (err) {
    if (!(err instanceof TensileError)) throw err;
    throw badModel(`the model ${what} does not parse: ${err.message}`, 'formula', text);
  }
}

/** The response transform of "lhs = rhs": lhs must be an expression in y alone. */
function responseOf(lhs: string, source: string): { text: string; transform(y: number): number } {
  const formula = parseOrThrow(lhs, ['y'], 'response (left of =)');
  if (!formula.variables.includes('y')) throw badModel(`the left side of ${describeValue(source)} must be an expression in y, e.g. log(y)`, 'formula', lhs);
  return {
    text: lhs.trim(),
    transform: (y) => {
      try {
        return formula.evaluate({ y });
      } catch (err) {
        if (err instanceof TensileError) return NaN;
        throw err;
      }
    },
  };
}

/** "(f) - (f at predictor = 0)": the same model moved to pass through the origin. */
function shiftedToOrigin(rhs: string, predictors: readonly string[], params: readonly string[] | undefined): string {
  if (predictors.length !== 1) throw badModel(`throughOrigin needs a model of one predictor, got ${predictors.join(', ')}`, 'throughOrigin', predictors);
  const formula = parseOrThrow(rhs, [...new Set([...predictors, ...(params ?? freeNames(rhs))])], 'formula');
  const atZero = formula.substitute({ [predictors[0]]: 0 }).toString();
  return `(${rhs.trim()}) - (${atZero})`;
}

/** A model from a formula string in predictors (default x) and named parameters. */
export function formulaModel(source: string, opts: FormulaModelOptions = {}): ModelDefinition {
  if (typeof source !== 'string' || source.trim() === '') {
    throw badModel(`a formula model needs a non-empty formula string, got ${describeValue(source)}`, 'formula', source);
  }
  if (opts === null || typeof opts !== 'object') throw badModel(`formulaModel options must be an object, got ${describeValue(opts)}`, 'options', opts);
  const { lhs, rhs: written } = splitResponse(source);
  const response = lhs === null ? undefined : responseOf(lhs, source);
  const predictors = opts.predictors ? [...opts.predictors] : ['x'];
  if (predictors.length === 0 || predictors.some((v) => typeof v !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(v)) || new Set(predictors).size !== predictors.length) {
    throw badModel(`predictors must be distinct names, got ${describeValue(opts.predictors)}`, 'predictors', opts.predictors);
  }
  const constant = opts.params?.find((p) => p === 'pi');
  if (constant !== undefined) {
    throw badModel(`parameter name "${constant}" is a constant of the formula language (${FORMULA_CONSTANTS.get(constant)}); rename the parameter`, 'params', constant);
  }
  const rhs = opts.throughOrigin ? shiftedToOrigin(written, predictors, opts.params) : written;
  const names = freeNames(rhs);
  const formula = parseOrThrow(rhs, opts.params ? [...predictors, ...opts.params] : [...new Set([...predictors, ...names])], 'formula');
  const variables = formula.variables;
  const params = opts.params ? [...opts.params] : variables.filter((v) => !predictors.includes(v));
  if (params.length === 0) throw badModel(`formula ${describeValue(source)} has no parameters besides ${predictors.join(', ')}`, 'formula', source);
  if (params.includes('__proto__')) {
    // Fit results and curve JSON are records keyed by parameter name; "__proto__" would vanish from them.
    throw badModel(`formula parameter name "__proto__" is reserved; rename it`, 'params', '__proto__');
  }
  if (params.some((p) => predictors.includes(p)) || new Set(params).size !== params.length) {
    throw badModel(`formula parameters must be distinct names other than the predictors (${predictors.join(', ')}), got ${params.join(', ')}`, 'params', params);
  }
  const nodes = topological(formula.root);
  const slot = new Map<string, number>([...predictors.map((v, i) => [v, i] as const), ...params.map((v, j) => [v, predictors.length + j] as const)]);
  const k = predictors.length;
  const run = (row: ArrayLike<number>, p: readonly Num[]): Num => {
    const values = new Map<number, Num>();
    for (const node of nodes) {
      let v: Num;
      if (node.op === 'const') v = node.value;
      else if (node.op === 'var') {
        const at = slot.get(node.name)!;
        v = at < k ? row[at] : p[at - k];
      } else v = OP_TABLE[node.op](node.args.map((a) => values.get(a.id)!));
      values.set(node.id, v);
    }
    return values.get(formula.root.id)!;
  };
  const start = opts.start;
  if (start && !Array.isArray(start)) {
    const extra = Object.keys(start).filter((key) => !params.includes(key));
    if (extra.length) {
      throw new FitOptionsError('E_FIT_BAD_START', `start names ${extra.join(', ')}, which ${extra.length === 1 ? 'is not a parameter' : 'are not parameters'} of the formula (${params.join(', ')})`, {
        where: 'start',
        value: extra,
      });
    }
  }
  const given = Array.isArray(start) ? [...start] : start ? params.map((key) => (start as Record<string, number>)[key]) : null;
  const evaluateRow = (row: ArrayLike<number>, p: ParamValues): number => {
    try {
      return ad.valueOf(run(row, Array.from(p)));
    } catch (err) {
      if (err instanceof TensileError) return NaN;
      throw err;
    }
  };
  const one = [0];
  const domain = opts.domain ?? 'real';
  const single = k === 1;
  return {
    name: opts.name ?? 'formula',
    // The source as written (not re-printed): it is what round-trips through `formula:`.
    formula: opts.throughOrigin ? `${lhs === null ? '' : `${lhs.trim()} = `}${rhs}` : source.trim(),
    formulaSource: single && !response && predictors[0] === 'x' ? { text: rhs, params } : undefined,
    params,
    predictors,
    response,
    lower: opts.lower,
    upper: opts.upper,
    domain,
    settings: {
      formula: source,
      params: params.join(','),
      domain,
      ...(single && predictors[0] === 'x' ? {} : { predictors: predictors.join(',') }),
      ...(opts.throughOrigin ? { throughOrigin: true } : {}),
    },
    expr: <N>(x: number, p: readonly N[]) => {
      one[0] = x;
      return run(one, p as unknown as Num[]) as unknown as N;
    },
    evaluate: (x, p) => {
      one[0] = x;
      return ad.valueOf(run(one, Array.from(p)));
    },
    evaluateRow,
    batch: (columns) => compileBatch(formula, predictors, params, columns),
    precise: (columns) => {
      const value = preciseEvaluator(formula.root, slot, k);
      return value ? (p, y, out) => preciseResiduals(value, columns, y, p, out) : null;
    },
    start: (samples) => {
      if (given && given.every((v) => v !== undefined)) return given as number[];
      const columns = predictors.map((name) => samples.predictors?.[name] ?? samples.x);
      const row = new Float64Array(k);
      const at = (i: number, p: readonly number[]) => {
        for (let c = 0; c < k; c++) row[c] = columns[c][i];
        return evaluateRow(row, p);
      };
      const target = response ? { ...samples, y: samples.y.map(response.transform) } : samples;
      return searchStart(target, params.length, at, given);
    },
    toJSExpression: single
      ? (literals) => {
          const bound = Object.fromEntries(params.map((key, i) => [key, Number(literals[i].replace(/^\((.*)\)$/, '$1'))]));
          const fn = formula.substitute(bound).toJavaScript([predictors[0]]);
          return `(${fn.replace(/\n\s*/g, ' ')})([x])`;
        }
      : undefined,
  };
}

export const formulaFamily: ModelFamily = {
  family: 'formula',
  summary: 'formula:<expression in x (or named predictors) and parameters>, e.g. formula:d*(1-exp(-x/k)) or formula:log(y) = b1 - b2*x1*exp(-b3*x2)',
  monotone: false,
  create(arg, settings) {
    const source = arg ?? settings.formula;
    if (typeof source !== 'string') {
      throw new FitOptionsError('E_FIT_UNKNOWN_MODEL', `model "formula" needs an expression: "formula:<expression>"`, { where: 'model', value: arg });
    }
    const list = (v: unknown) => (typeof v === 'string' && v !== '' ? v.split(',') : undefined);
    // A curve JSON written before formulas became general regressions has no domain: it was a damping curve.
    const domain = settings.domain === 'real' || settings.domain === 'nonnegative' ? settings.domain : arg === undefined ? 'nonnegative' : 'real';
    return formulaModel(source, { params: list(settings.params), predictors: list(settings.predictors), domain, throughOrigin: settings.throughOrigin === true });
  },
};
