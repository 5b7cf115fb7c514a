// The expression DAG: hash-consed nodes, so equal subexpressions are one node (common
// subexpression elimination by construction) and derivatives share structure instead of
// swelling. `make` simplifies as it builds (constant folding, x*1, x+0, x^1, ...); `raw` only
// hash-conses (the parser uses it, so a formula prints back as written).
import { FormulaError } from './errors';
import { OPS, type OpName } from './ops';

export type NodeOp = OpName | 'const' | 'var';

/** One node of the DAG. Arguments are always created before the node, so ids are a topological order. */
export class Expr {
  constructor(
    readonly id: number,
    readonly op: NodeOp,
    readonly args: readonly Expr[],
    /** The value of a 'const' node (NaN otherwise). */
    readonly value: number,
    /** The name of a 'var' node ('' otherwise). */
    readonly name: string,
  ) {}
}

/** Default cap on the nodes of one pool: derivatives of high order stop with a typed error, not an OOM. */
export const DEFAULT_MAX_NODES = 2_000_000;

const isConst = (e: Expr, v?: number): boolean => e.op === 'const' && (v === undefined || e.value === v);

function constKey(v: number): string {
  return Object.is(v, -0) ? '-0' : String(v);
}

/** Owns the nodes of related expressions (a formula, its derivatives, their compiled programs). */
export class ExprPool {
  private readonly table = new Map<string, Expr>();
  private nextId = 0;

  constructor(readonly maxNodes: number = DEFAULT_MAX_NODES) {}

  get size(): number {
    return this.nextId;
  }

  private intern(key: string, op: NodeOp, args: readonly Expr[], value: number, name: string): Expr {
    const found = this.table.get(key);
    if (found) return found;
    if (this.nextId >= this.maxNodes) {
      throw new FormulaError('E_TOO_LARGE', `expression graph exceeds ${this.maxNodes} nodes (a derivative of too high an order?)`, {
        where: 'expression graph',
        value: this.nextId,
      });
    }
    const node = new Expr(this.nextId++, op, args, value, name);
    this.table.set(key, node);
    return node;
  }

  constant(v: number): Expr {
    return this.intern(`c:${constKey(v)}`, 'const', [], v, '');
  }

  variable(name: string): Expr {
    return this.intern(`v:${name}`, 'var', [], NaN, name);
  }

  /** Hash-conses `op(args)` without simplifying. */
  raw(op: OpName, args: readonly Expr[]): Expr {
    let key = op;
    for (const a of args) key += `:${a.id}`;
    return this.intern(key, op, args, NaN, '');
  }

  /** Builds `op(args)`, simplified: folds constants, drops neutral elements, orders commutative args. */
  make(op: OpName, args: readonly Expr[]): Expr {
    if (args.every((a) => a.op === 'const')) {
      const v = OPS[op].kernel(args[0]?.value, args[1]?.value, args[2]?.value);
      // Non-finite results stay symbolic: 1/0 prints as 1/0, never as a literal the parser cannot read.
      // -0 folds to 0: a symbolic result should print as 0, not -0.
      if (Number.isFinite(v)) return this.constant(v === 0 ? 0 : v);
    }
    const simpler = this.rewrite(op, args);
    if (simpler) return simpler;
    if ((op === 'add' || op === 'mul' || op === 'smul') && order(args[1], args[0], op === 'add' ? 'add' : 'mul')) return this.raw(op, [args[1], args[0]]);
    return this.raw(op, args);
  }

  private rewrite(op: OpName, args: readonly Expr[]): Expr | undefined {
    const [a, b, c] = args;
    switch (op) {
      case 'add':
        if (isConst(a, 0)) return b;
        if (isConst(b, 0)) return a;
        if (b.op === 'neg') return this.make('sub', [a, b.args[0]]);
        if (a.op === 'neg') return this.make('sub', [b, a.args[0]]);
        if (a === b) return this.make('mul', [this.constant(2), a]);
        return this.sameBranches('add', a, b);
      case 'sub':
        if (isConst(b, 0)) return a;
        if (isConst(a, 0)) return this.make('neg', [b]);
        if (a === b) return this.constant(0);
        if (b.op === 'neg') return this.make('add', [a, b.args[0]]);
        if (b.op === 'const' && b.value < 0) return this.make('add', [a, this.constant(-b.value)]);
        return this.sameBranches('sub', a, b);
      case 'mul':
        if (isConst(a, 0) || isConst(b, 0)) return this.constant(0);
        if (isConst(a, 1)) return b;
        if (isConst(b, 1)) return a;
        if (isConst(a, -1)) return this.make('neg', [b]);
        if (isConst(b, -1)) return this.make('neg', [a]);
        if (a.op === 'neg') return this.make('neg', [this.make('mul', [a.args[0], b])]);
        if (b.op === 'neg') return this.make('neg', [this.make('mul', [a, b.args[0]])]);
        if (a.op === 'const' && b.op === 'mul' && b.args[0].op === 'const') {
          return this.make('mul', [this.constant(a.value * b.args[0].value), b.args[1]]);
        }
        if (b.op === 'const' && a.op === 'mul' && a.args[0].op === 'const') {
          return this.make('mul', [this.constant(b.value * a.args[0].value), a.args[1]]);
        }
        if (a === b) return this.make('pow', [a, this.constant(2)]);
        // a * (1 / b) is a / b (the form derivatives of quotients and logs produce).
        if (b.op === 'div' && isConst(b.args[0], 1)) return this.make('div', [a, b.args[1]]);
        if (a.op === 'div' && isConst(a.args[0], 1)) return this.make('div', [b, a.args[1]]);
        return this.mask(a, b) ?? this.mask(b, a);
      case 'smul':
        // With a constant factor (finite: folded constants are) the strong zero changes nothing.
        if (a.op === 'const' || b.op === 'const') return this.make('mul', [a, b]);
        if (a.op === 'neg') return this.make('neg', [this.make('smul', [a.args[0], b])]);
        if (b.op === 'neg') return this.make('neg', [this.make('smul', [a, b.args[0]])]);
        if (a === b) return this.make('pow', [a, this.constant(2)]);
        return this.mask(a, b, 'smul') ?? this.mask(b, a, 'smul');
      case 'div':
        if (isConst(a, 0)) return this.constant(0);
        if (isConst(b, 1)) return a;
        if (isConst(b, -1)) return this.make('neg', [a]);
        if (a.op === 'neg') return this.make('neg', [this.make('div', [a.args[0], b])]);
        if (b.op === 'neg') return this.make('neg', [this.make('div', [a, b.args[0]])]);
        if (a === b) return this.constant(1);
        return this.mask(b, a, 'div');
      case 'neg':
        if (a.op === 'neg') return a.args[0];
        if (a.op === 'sub') return this.make('sub', [a.args[1], a.args[0]]);
        if (a.op === 'where') return this.make('where', [a.args[0], this.make('neg', [a.args[1]]), this.make('neg', [a.args[2]])]);
        return undefined;
      case 'pow':
        if (isConst(b, 1)) return a;
        if (isConst(b, 0) || isConst(a, 1)) return this.constant(1);
        // (x^2)^3 = x^6 holds for every x when both exponents are integers.
        if (a.op === 'pow' && Number.isInteger(a.args[1].value) && Number.isInteger(b.value)) {
          return this.make('pow', [a.args[0], this.constant(a.args[1].value * b.value)]);
        }
        return undefined;
      case 'where':
        if (a.op === 'const') return a.value !== 0 ? b : c;
        if (b === c) return b;
        return undefined;
      case 'min':
      case 'max':
        return a === b ? a : undefined;
      default:
        return undefined;
    }
  }

  /**
   * x * where(c, a, 0) is where(c, x * a, 0) (likewise with constant branches): the product moves
   * into the branch, so a branch not taken contributes an exact 0, never 0 * Infinity = NaN from
   * a partial that is infinite there (d/dx log x at x = 0 under `x > 0 ? ... : 0`).
   */
  private mask(x: Expr, w: Expr, op: 'mul' | 'smul' | 'div' = 'mul'): Expr | undefined {
    if (w.op !== 'where') return undefined;
    const [cond, t, f] = w.args;
    if (!isConst(t, 0) && !isConst(f, 0) && (t.op !== 'const' || f.op !== 'const')) return undefined;
    const apply = (branch: Expr) => (op === 'div' ? this.make('div', [branch, x]) : this.make(op, [x, branch]));
    return this.make('where', [cond, apply(t), apply(f)]);
  }

  /** where(c, a, b) +- where(c, d, e) is where(c, a +- d, b +- e): one branch per condition. */
  private sameBranches(op: 'add' | 'sub', x: Expr, y: Expr): Expr | undefined {
    if (x.op !== 'where' || y.op !== 'where' || x.args[0] !== y.args[0]) return undefined;
    return this.make('where', [x.args[0], this.make(op, [x.args[1], y.args[1]]), this.make(op, [x.args[2], y.args[2]])]);
  }
}

/**
 * Canonical order of commutative arguments (so x*y and y*x are one node): older nodes first, and
 * constants first in products (2*x) but last in sums (x + 1), as people write them.
 */
function order(first: Expr, second: Expr, op: 'add' | 'mul'): boolean {
  if (first.op === 'const' !== (second.op === 'const')) return (first.op === 'const') === (op === 'mul');
  return first.id < second.id;
}

/** All nodes reachable from `roots`, in topological (id) order. Iterative: DAGs may be very deep. */
export function reachable(roots: readonly Expr[]): Expr[] {
  const seen = new Set<number>();
  const out: Expr[] = [];
  const stack: Expr[] = [];
  for (const r of roots) {
    if (!seen.has(r.id)) {
      seen.add(r.id);
      stack.push(r);
    }
  }
  while (stack.length > 0) {
    const node = stack.pop() as Expr;
    out.push(node);
    for (const a of node.args) {
      if (!seen.has(a.id)) {
        seen.add(a.id);
        stack.push(a);
      }
    }
  }
  return out.sort((x, y) => x.id - y.id);
}

/** Rebuilds `roots` bottom-up with the simplifying constructor (and `replace` for chosen nodes). */
export function rebuild(
  pool: ExprPool,
  roots: readonly Expr[],
  from: ExprPool | null,
  replace: (node: Expr) => Expr | undefined = () => undefined,
  simplify = true,
): Expr[] {
  const map = new Map<number, Expr>();
  for (const node of reachable(roots)) {
    const swapped = replace(node);
    let out: Expr;
    if (swapped) out = swapped;
    else if (node.op === 'const') out = pool.constant(node.value);
    else if (node.op === 'var') out = pool.variable(node.name);
    else {
      const args = node.args.map((a) => map.get(a.id) as Expr);
      const unchanged = from === pool && args.every((a, i) => a === node.args[i]);
      out = unchanged && !simplify ? node : simplify ? pool.make(node.op, args) : pool.raw(node.op, args);
    }
    map.set(node.id, out);
  }
  return roots.map((r) => map.get(r.id) as Expr);
}
