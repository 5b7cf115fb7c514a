// The public face of the formula language: parseFormula(source) gives a Formula that evaluates,
// differentiates (any variables, any order), simplifies, substitutes, and prints as a formula,
// as TeX and as JavaScript. A Formula and its derivatives share one hash-consed DAG.
import { describeValue } from '../../errors';
import { gradientNodes, derivativeNode, hessianNodes } from './differentiate';
import { FormulaError, readOwnProperties, thrownMessage } from './errors';
import { evaluateNodes, explainNaN, readValues, type VariableValues } from './evaluate';
import { ExprPool, reachable, rebuild, DEFAULT_MAX_NODES, type Expr } from './graph';
import { printJavaScript } from './javascript';
import { parseInto, type ParseOptions } from './parser';
import { printFormula, printTeX } from './print';

/** Options of parseFormula: the allowed variables and a cap on the formula's size. */
export interface FormulaOptions extends ParseOptions {
  /** Cap on the DAG's nodes (including all derivatives taken from it); default 2,000,000. */
  readonly maxNodes?: number;
}

function checkName(name: unknown, where: string): string {
  if (typeof name !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
    throw new FormulaError('E_BAD_VARIABLE', `${where}: expected a variable name (letters, digits, _), got ${describeValue(name)}`, { where, value: name });
  }
  return name;
}

function checkNames(names: unknown, where: string): string[] {
  if (!Array.isArray(names)) {
    throw new FormulaError('E_BAD_ARGUMENT', `${where}: expected an array of variable names, got ${describeValue(names)}`, { where, value: names });
  }
  return names.map((n, i) => checkName(n, `${where}[${i}]`));
}

/**
 * A parsed formula (from parseFormula): evaluate it, differentiate it symbolically, simplify and print
 * it as text, TeX or JavaScript. Shared subexpressions are stored once, so derivatives stay small.
 */
export class Formula {
  /** Use parseFormula; the constructor is for the compiler and tests. */
  constructor(
    readonly pool: ExprPool,
    readonly root: Expr,
  ) {}

  /** Variable names in order of first appearance. */
  get variables(): string[] {
    return reachable([this.root]).filter((n) => n.op === 'var').map((n) => n.name);
  }

  /** Distinct nodes of the DAG (shared subexpressions counted once). */
  get nodeCount(): number {
    return reachable([this.root]).length;
  }

  /** Nodes of the same expression written out as a tree (what a tree-based CAS would hold). */
  get treeSize(): number {
    const size = new Map<number, number>();
    for (const n of reachable([this.root])) size.set(n.id, n.args.reduce((s, a) => s + (size.get(a.id) as number), 1));
    return size.get(this.root.id) as number;
  }

  /** The value at `values` (a record or Map of variable -> number). Throws FormulaError on NaN. */
  evaluate(values: VariableValues = {}): number {
    const vals = evaluateNodes([this.root], readValues(values, 'evaluate'), 'evaluate');
    const v = vals.get(this.root.id) as number;
    if (Number.isNaN(v)) explainNaN(this.root, vals, `${this.describe()}`);
    return v;
  }

  /** The `order`-th derivative with respect to `wrt`, simplified. */
  derivative(wrt: string, order = 1): Formula {
    return new Formula(this.pool, derivativeNode(this.pool, this.root, checkName(wrt, 'derivative'), order));
  }

  /** First derivatives with respect to `wrt` (default: all variables), in that order. */
  gradient(wrt: readonly string[] = this.variables): Formula[] {
    const names = checkNames(wrt, 'gradient');
    return gradientNodes(this.pool, this.root, names).map((g) => new Formula(this.pool, g));
  }

  /** Second derivatives: hessian(wrt)[i][j] = d^2 f / d wrt[i] d wrt[j]. */
  hessian(wrt: readonly string[] = this.variables): Formula[][] {
    const names = checkNames(wrt, 'hessian');
    return hessianNodes(this.pool, this.root, names).map((row) => row.map((h) => new Formula(this.pool, h)));
  }

  /** Constant folding, x*1, x+0, x^1, x-x, double negation...; shared subexpressions stay shared. */
  simplify(): Formula {
    return new Formula(this.pool, rebuild(this.pool, [this.root], this.pool)[0]);
  }

  /** Replaces variables by numbers or other formulas (kept shared: substituting l_n into l_n+1 stays linear). */
  substitute(bindings: ReadonlyMap<string, Formula | number> | Readonly<Record<string, Formula | number>>): Formula {
    if (bindings === null || typeof bindings !== 'object') {
      throw new FormulaError('E_BAD_ARGUMENT', `substitute: expected a record or Map of bindings, got ${describeValue(bindings)}`, { where: 'substitute', value: bindings });
    }
    const entries = bindings instanceof Map ? [...bindings.entries()] : Object.keys(bindings).map((k) => [k, (bindings as Record<string, Formula | number>)[k]] as const);
    const map = new Map<string, Expr>();
    for (const [name, value] of entries) {
      checkName(name, 'substitute');
      if (typeof value === 'number') {
        if (!Number.isFinite(value)) throw new FormulaError('E_NON_FINITE', `substitute: ${JSON.stringify(name)} must be finite, got ${describeValue(value)}`, { where: name, value });
        map.set(name, this.pool.constant(value));
      } else if (value instanceof Formula) {
        map.set(name, rebuild(this.pool, [value.root], value.pool, undefined, false)[0]);
      } else {
        throw new FormulaError('E_BAD_ARGUMENT', `substitute: ${JSON.stringify(name)} must be a number or a Formula, got ${describeValue(value)}`, { where: name, value });
      }
    }
    const replace = (n: Expr) => (n.op === 'var' ? map.get(n.name) : undefined);
    return new Formula(this.pool, rebuild(this.pool, [this.root], this.pool, replace, false)[0]);
  }

  /**
   * Source text that parseFormula reads back (throws E_TOO_LARGE if the expanded tree is huge).
   * A derivative's strong-zero products (0 * Infinity = 0) print as plain '*'.
   */
  toString(): string {
    return printFormula(this.root);
  }

  /** The formula as TeX (for KaTeX or MathJax): `a*120/(1 + b/x^c)` gives `\frac{a \cdot 120}{1 + \frac{b}{{x}^{c}}}`. */
  toTeX(): string {
    return printTeX(this.root);
  }

  /** `function (x) {...}` computing the formula from x[i] = value of variables[i]. */
  toJavaScript(variables: readonly string[] = this.variables): string {
    return printJavaScript(this.root, checkNames(variables, 'toJavaScript'));
  }

  private describe(): string {
    try {
      const text = this.toString();
      return text.length > 60 ? `formula ${JSON.stringify(text.slice(0, 57) + '...')}` : `formula ${JSON.stringify(text)}`;
    } catch {
      return 'formula';
    }
  }
}

/** Parses `source` into a Formula. Throws ParseError (with column and caret line) and nothing else. */
export function parseFormula(source: string, options: FormulaOptions = {}): Formula {
  if (options === null || typeof options !== 'object') {
    throw new FormulaError('E_BAD_ARGUMENT', `parseFormula: options must be an object, got ${describeValue(options)}`, { where: 'options', value: options });
  }
  options = readOwnProperties(options, (key, err) => {
    throw new FormulaError('E_BAD_ARGUMENT', `parseFormula: reading options.${key} threw: ${thrownMessage(err)}`, { where: `options.${key}` });
  });
  const maxNodes = options.maxNodes ?? DEFAULT_MAX_NODES;
  if (!Number.isInteger(maxNodes) || maxNodes < 1) {
    throw new FormulaError('E_BAD_ARGUMENT', `parseFormula: options.maxNodes must be a positive integer, got ${describeValue(maxNodes)}`, { where: 'options.maxNodes', value: maxNodes });
  }
  const variables = options.variables === undefined ? undefined : checkNames(options.variables, 'parseFormula: options.variables');
  const pool = new ExprPool(maxNodes);
  return new Formula(pool, parseInto(pool, source, { variables }));
}

/** The simplified `order`-th derivative of a formula (source or Formula) with respect to `wrt`. */
export function differentiate(formula: string | Formula, wrt: string, order = 1): Formula {
  return (typeof formula === 'string' ? parseFormula(formula) : formula).derivative(wrt, order);
}
