// Symbolic differentiation on the DAG by reverse accumulation: each node's adjoint is built once
// and shared, so the derivative of an n-step program has O(n) nodes (no expression swell), and
// one pass gives the whole gradient. Every derivative rule is one entry of PARTIALS.
import { FormulaError } from './errors';
import { reachable, type Expr, type ExprPool } from './graph';
import { SELU_ALPHA, SELU_SCALE, isComparison, type OpName } from './ops';

/** d node / d node.args[i], built with the simplifying constructor of `p`. */
type Partial = (p: ExprPool, node: Expr, i: number) => Expr;

/** Highest derivative order accepted: far above any use, low enough that a typo (1e9) fails fast instead of hanging. */
export const MAX_DERIVATIVE_ORDER = 256;

const zero = (p: ExprPool) => p.constant(0);
const one = (p: ExprPool) => p.constant(1);
const m = (p: ExprPool, op: OpName, ...args: Expr[]) => p.make(op, args);
/** 1 where the predicate holds, else 0. */
const indicator = (p: ExprPool, cond: Expr) => m(p, 'where', cond, one(p), zero(p));

export const PARTIALS: Readonly<Record<OpName, Partial>> = {
  add: (p) => one(p),
  sub: (p, _n, i) => p.constant(i === 0 ? 1 : -1),
  mul: (_p, n, i) => n.args[1 - i],
  smul: (_p, n, i) => n.args[1 - i],
  div: (p, n, i) => {
    const [a, b] = n.args;
    return i === 0 ? m(p, 'div', one(p), b) : m(p, 'neg', m(p, 'div', a, m(p, 'pow', b, p.constant(2))));
  },
  neg: (p) => p.constant(-1),
  pow: (p, n, i) => {
    const [x, y] = n.args;
    if (i === 0) {
      const d = m(p, 'mul', y, m(p, 'pow', x, m(p, 'sub', y, one(p))));
      // y = 0 gives 0, not 0 * 0^-1 = NaN at x = 0 (a constant y = 0 has already folded x^0 to 1).
      return y.op === 'const' ? d : m(p, 'where', m(p, 'eq', y, zero(p)), zero(p), d);
    }
    // d/dy x^y = x^y log x, and 0 at x = 0 (the limit for y > 0), not 0 * log 0 = NaN.
    return m(p, 'where', m(p, 'eq', x, zero(p)), zero(p), m(p, 'mul', n, m(p, 'log', x)));
  },
  exp: (_p, n) => n,
  log: (p, n) => m(p, 'div', one(p), n.args[0]),
  log1p: (p, n) => m(p, 'div', one(p), m(p, 'add', n.args[0], one(p))),
  sqrt: (p, n) => m(p, 'div', p.constant(0.5), n),
  abs: (p, n) => m(p, 'sign', n.args[0]),
  sign: zero,
  sin: (p, n) => m(p, 'cos', n.args[0]),
  cos: (p, n) => m(p, 'neg', m(p, 'sin', n.args[0])),
  tan: (p, n) => m(p, 'add', one(p), m(p, 'pow', n, p.constant(2))),
  atan: (p, n) => m(p, 'div', one(p), m(p, 'add', one(p), m(p, 'pow', n.args[0], p.constant(2)))),
  asin: (p, n) => m(p, 'div', one(p), m(p, 'sqrt', m(p, 'sub', one(p), m(p, 'pow', n.args[0], p.constant(2))))),
  acos: (p, n) => m(p, 'neg', m(p, 'div', one(p), m(p, 'sqrt', m(p, 'sub', one(p), m(p, 'pow', n.args[0], p.constant(2)))))),
  tanh: (p, n) => m(p, 'sub', one(p), m(p, 'pow', n, p.constant(2))),
  sigmoid: (p, n) => m(p, 'mul', n, m(p, 'sub', one(p), n)),
  softplus: (p, n) => m(p, 'sigmoid', n.args[0]),
  selu: (p, n) => {
    const x = n.args[0];
    return m(p, 'where', m(p, 'gt', x, zero(p)), p.constant(SELU_SCALE), m(p, 'mul', p.constant(SELU_SCALE * SELU_ALPHA), m(p, 'exp', x)));
  },
  elu: (p, n) => m(p, 'where', m(p, 'gt', n.args[0], zero(p)), one(p), m(p, 'exp', n.args[0])),
  relu: (p, n) => indicator(p, m(p, 'gt', n.args[0], zero(p))),
  stopGradient: zero,
  // Ties go to the first argument, as the kernels pick it.
  min: (p, n, i) => {
    const first = m(p, 'le', n.args[0], n.args[1]);
    return i === 0 ? indicator(p, first) : m(p, 'where', first, zero(p), one(p));
  },
  max: (p, n, i) => {
    const first = m(p, 'ge', n.args[0], n.args[1]);
    return i === 0 ? indicator(p, first) : m(p, 'where', first, zero(p), one(p));
  },
  clamp: (p, n, i) => {
    const [x, lo, hi] = n.args;
    const below = m(p, 'lt', x, lo);
    const above = m(p, 'gt', x, hi);
    const pick = (ifBelow: number, ifAbove: number, inside: number) =>
      m(p, 'where', below, p.constant(ifBelow), m(p, 'where', above, p.constant(ifAbove), p.constant(inside)));
    return i === 0 ? pick(0, 0, 1) : i === 1 ? pick(1, 0, 0) : pick(0, 1, 0);
  },
  where: (p, n, i) => (i === 0 ? zero(p) : i === 1 ? indicator(p, n.args[0]) : m(p, 'where', n.args[0], zero(p), one(p))),
  lt: zero,
  le: zero,
  gt: zero,
  ge: zero,
  eq: zero,
  ne: zero,
};

/**
 * d root / d v for each variable name in `wrt`, as nodes of `pool`. Nodes that do not depend on
 * any of `wrt` get no adjoint at all, so constants and data never enter the derivative.
 */
export function gradientNodes(pool: ExprPool, root: Expr, wrt: readonly string[]): Expr[] {
  const order = reachable([root]);
  const targets = new Set(wrt);
  const depends = new Set<number>();
  for (const node of order) {
    if (node.op === 'var' ? targets.has(node.name) : !isComparison(node.op) && node.args.some((a) => depends.has(a.id))) {
      depends.add(node.id);
    }
  }
  const adjoint = new Map<number, Expr>();
  if (depends.has(root.id)) adjoint.set(root.id, pool.constant(1));
  for (let k = order.length - 1; k >= 0; k--) {
    const node = order[k];
    const adj = adjoint.get(node.id);
    if (adj === undefined || node.op === 'var' || node.op === 'const') continue;
    const rule = PARTIALS[node.op];
    node.args.forEach((arg, i) => {
      if (!depends.has(arg.id)) return;
      const contribution = pool.make('smul', [adj, rule(pool, node, i)]);
      const before = adjoint.get(arg.id);
      adjoint.set(arg.id, before === undefined ? contribution : pool.make('add', [before, contribution]));
    });
  }
  const byName = new Map<string, Expr>();
  for (const node of order) if (node.op === 'var') byName.set(node.name, node);
  return wrt.map((name) => {
    const v = byName.get(name);
    return (v && adjoint.get(v.id)) ?? pool.constant(0);
  });
}

/** The `order`-th derivative of `root` with respect to one variable. */
export function derivativeNode(pool: ExprPool, root: Expr, wrt: string, order: number): Expr {
  if (!Number.isInteger(order) || order < 0 || order > MAX_DERIVATIVE_ORDER) {
    throw new FormulaError('E_BAD_ORDER', `derivative order must be a non-negative integer of at most ${MAX_DERIVATIVE_ORDER}, got ${String(order)}`, { where: 'order', value: order });
  }
  let out = root;
  for (let k = 0; k < order; k++) {
    // Once the derivative is the constant 0 every further one is too: stop instead of looping.
    if (out.op === 'const' && out.value === 0) break;
    out = gradientNodes(pool, out, [wrt])[0];
  }
  return out;
}

/** The hessian as rows of nodes: H[i][j] = d^2 root / d wrt[i] d wrt[j]. */
export function hessianNodes(pool: ExprPool, root: Expr, wrt: readonly string[]): Expr[][] {
  return gradientNodes(pool, root, wrt).map((g) => gradientNodes(pool, g, wrt));
}
