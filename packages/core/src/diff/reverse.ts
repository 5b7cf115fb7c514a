// Reverse mode: a tape of at most two-argument nodes in flat typed arrays (argument indices and
// local partials), swept backwards once per output. Plain-number tapes never allocate more than
// one small object per op and reuse pooled storage across calls; a tape whose partials are boxed
// (reverse-over-anything, forward-over-reverse for hessians) switches to arrays of Num and sweeps
// with the polymorphic ops, so its gradient is itself differentiable.
import { DiffError, argumentError } from './errors';
import { assertFiniteResult, checkedPartial } from './finite-checks';
import type { Overflow } from './finite-checks';
import { limits, tooLarge } from './limits';
import { mulStrongZero } from './lifted';
import type { Lifted, ParamsOf } from './lifted';
import { add, apply1, apply2 } from './ops';
import type { Primitive } from './primitives';
import { assertSameShape, flatten, rebuild } from './pytree';
import type { Flat } from './pytree';
import { Boxed, nextLevel } from './value';
import type { CustomRule, Interpreter, Num } from './value';
import { callCustom } from './custom';

export class Var extends Boxed {
  constructor(
    readonly owner: Tape,
    readonly index: number,
    readonly primal: Num,
  ) {
    super();
  }
}

/** Node storage, pooled between tapes so a gradient in a loop does not reallocate. */
class Storage {
  a0: Int32Array;
  a1: Int32Array;
  p0: Float64Array;
  p1: Float64Array;
  adj: Float64Array;
  constructor(readonly capacity: number) {
    this.a0 = new Int32Array(capacity);
    this.a1 = new Int32Array(capacity);
    this.p0 = new Float64Array(capacity);
    this.p1 = new Float64Array(capacity);
    this.adj = new Float64Array(capacity);
  }
}

const pool: Storage[] = [];
const POOL_MAX = 8;
/**
 * Largest storage kept for reuse (nodes; 36 bytes each, so 1.2 MB): a tape grown to millions of
 * nodes by one big gradient is dropped, not held for the life of the process. Loops of small
 * gradients, what the pool is for, never grow past it.
 */
export const POOLED_TAPE_NODES_MAX = 1 << 15;

export class Tape implements Interpreter {
  readonly level = nextLevel();
  readonly label = 'grad';
  active = true;
  n = 0;
  private s: Storage;
  /** Boxed partials (nesting): once set, every partial lives here and the sweep is polymorphic. */
  private g0: Num[] | null = null;
  private g1: Num[] | null = null;
  firstOverflow: Overflow | undefined;

  constructor() {
    this.s = pool.pop() ?? new Storage(256);
  }

  /** Returns the storage to the pool; the tape's values must not be swept afterwards. */
  release(): void {
    if (pool.length < POOL_MAX && this.s.capacity <= POOLED_TAPE_NODES_MAX) pool.push(this.s);
  }

  input(x: Num): Var {
    return this.push(-1, 0, -1, 0, x);
  }

  private grow(): void {
    const old = this.s;
    // Only here (once per doubling) is the tape size checked: the per-op path stays untouched.
    if (old.capacity >= limits.maxTapeNodes) throw tooLarge(this.label, old.capacity + 1, limits.maxTapeNodes, 'tape nodes', 'maxTapeNodes');
    const s = new Storage(Math.min(old.capacity * 2, limits.maxTapeNodes));
    s.a0.set(old.a0);
    s.a1.set(old.a1);
    s.p0.set(old.p0);
    s.p1.set(old.p1);
    this.s = s;
  }

  private toGeneric(): void {
    this.g0 = Array.from(this.s.p0.subarray(0, this.n));
    this.g1 = Array.from(this.s.p1.subarray(0, this.n));
  }

  private push(i0: number, p0: Num, i1: number, p1: Num, y: Num): Var {
    const n = this.n;
    if (n === this.s.capacity) this.grow();
    const s = this.s;
    s.a0[n] = i0;
    s.a1[n] = i1;
    if (this.g0 === null && typeof p0 === 'number' && typeof p1 === 'number') {
      s.p0[n] = p0;
      s.p1[n] = p1;
    } else {
      if (this.g0 === null) this.toGeneric();
      (this.g0 as Num[])[n] = p0;
      (this.g1 as Num[])[n] = p1;
    }
    this.n = n + 1;
    return new Var(this, n, y);
  }

  private note(y: number, op: string, operands: Num[]): void {
    if (this.firstOverflow === undefined) this.firstOverflow = { op, operands, value: y };
  }

  apply1(rule: Primitive, x: Num): Num {
    const v = x as Var;
    const xp = v.primal;
    const y = typeof xp === 'number' ? rule.f(xp, 0) : apply1(rule, xp);
    if (typeof y === 'number' && y - y !== 0) {
      if (y !== y) apply1(rule, xp); // throws the E_NAN error naming the op
      this.note(y, rule.name, [xp]);
    }
    const p = rule.d[0](xp, 0, y);
    if (p !== p) checkedPartial(p, rule.name, 1, xp);
    return this.push(v.index, p, -1, 0, y);
  }

  apply2(rule: Primitive, a: Num, b: Num): Num {
    let ia = -1;
    let ib = -1;
    let av = a;
    let bv = b;
    if (typeof a !== 'number' && a.owner === this) {
      ia = (a as Var).index;
      av = a.primal;
    }
    if (typeof b !== 'number' && b.owner === this) {
      ib = (b as Var).index;
      bv = b.primal;
    }
    const y = typeof av === 'number' && typeof bv === 'number' ? rule.f(av, bv) : apply2(rule, av, bv);
    if (typeof y === 'number' && y - y !== 0) {
      if (y !== y) apply2(rule, av, bv); // throws the E_NAN error naming the op
      this.note(y, rule.name, [av, bv]);
    }
    const pa = ia >= 0 ? rule.d[0](av, bv, y) : 0;
    if (pa !== pa) checkedPartial(pa, rule.name, 1, av, bv);
    const pb = ib >= 0 ? rule.d[1](av, bv, y) : 0;
    if (pb !== pb) checkedPartial(pb, rule.name, 2, av, bv);
    return this.push(ia, pa, ib, pb, y);
  }

  applyCustom(custom: CustomRule, args: readonly Num[]): Num {
    const primals = args.map((x) => (typeof x !== 'number' && x.owner === this ? x.primal : x));
    const y = callCustom(custom, primals);
    const partials = custom.partials(primals, y);
    // An n-ary node as a chain of two-argument nodes: each link passes its adjoint on with partial 1.
    let acc: Var | null = null;
    args.forEach((x, i) => {
      if (typeof x !== 'number' && x.owner === this) {
        // eslint-disable-next-line no-restricted-syntax -- a custom op's arguments: its arity, fixed where it is defined
      const p = checkedPartial(partials[i], custom.name, i + 1, ...primals);
        acc = acc === null ? this.push((x as Var).index, p, -1, 0, y) : this.push(acc.index, 1, (x as Var).index, p, y);
      }
    });
    return acc ?? y;
  }

  /**
   * Sweeps backwards from the seeded nodes and returns the adjoint of every node. `seeds` holds
   * [node index, cotangent] pairs. Plain sweeps return a view of pooled storage: read it before
   * the next tape starts.
   */
  backward(seeds: readonly (readonly [number, Num])[]): ArrayLike<Num> {
    const n = this.n;
    const { a0, a1 } = this.s;
    const plain = this.g0 === null && seeds.every(([, c]) => typeof c === 'number');
    if (plain) {
      const { p0, p1 } = this.s;
      const adj = this.s.adj;
      adj.fill(0, 0, n);
      for (const [i, c] of seeds) adj[i] += c as number;
      for (let i = n - 1; i >= 0; i--) {
        const g = adj[i];
        if (g === 0) continue;
        const j0 = a0[i];
        if (j0 >= 0) {
          const c = p0[i] * g;
          adj[j0] += c === c ? c : 0; // 0 * Infinity: a structurally zero contribution
          const j1 = a1[i];
          if (j1 >= 0) {
            const d = p1[i] * g;
            adj[j1] += d === d ? d : 0;
          }
        } else if (a1[i] >= 0) {
          const d = p1[i] * g;
          adj[a1[i]] += d === d ? d : 0;
        }
      }
      return adj;
    }
    if (this.g0 === null) this.toGeneric();
    const g0 = this.g0 as Num[];
    const g1 = this.g1 as Num[];
    const adj = new Array<Num>(n).fill(0);
    for (const [i, c] of seeds) adj[i] = add(adj[i], c);
    for (let i = n - 1; i >= 0; i--) {
      const g = adj[i];
      if (g === 0) continue;
      if (a0[i] >= 0) adj[a0[i]] = add(adj[a0[i]], mulStrongZero(g0[i], g));
      if (a1[i] >= 0) adj[a1[i]] = add(adj[a1[i]], mulStrongZero(g1[i], g));
    }
    return adj;
  }
}

/** The node index of an output leaf on `tape`, or -1 if it does not depend on the inputs. */
function indexOn(tape: Tape, x: Num, what: string): number {
  if (typeof x === 'number') return -1;
  if (x.owner === tape) return (x as Var).index;
  if (x.owner.level > tape.level || !x.owner.active) {
    throw new DiffError('E_STALE_VALUE', `${what} holds a value of a ${x.owner.label} that has already returned (values of different tapes were mixed)`, {
      where: what,
    });
  }
  return -1; // a value of an enclosing transformation: a constant here
}

function primalOn(tape: Tape, x: Num): Num {
  return typeof x !== 'number' && x.owner === tape ? x.primal : x;
}

function runOnTape(f: (x: never) => unknown, xs: Flat): { tape: Tape; out: unknown; inputs: Var[] } {
  const tape = new Tape();
  try {
    const inputs = xs.leaves.map((x) => tape.input(x));
    const out = (f as (x: unknown) => unknown)(rebuild(xs.def, inputs, false));
    return { tape, out, inputs };
  } catch (e) {
    tape.release();
    throw e;
  } finally {
    tape.active = false;
  }
}

function gradientLeaves(tape: Tape, adj: ArrayLike<Num>, inputs: Var[], xs: Flat, what: string): Num[] {
  const out = new Array<Num>(inputs.length);
  for (let i = 0; i < inputs.length; i++) {
    const g = adj[inputs[i].index];
    if (typeof g === 'number' && !Number.isFinite(g)) {
      assertFiniteResult(g, `${what} at ${xs.paths[i] || 'the input'}`, tape.firstOverflow);
    }
    out[i] = g;
  }
  return out;
}

function scalarOutput(out: unknown, what: string): Num {
  if (typeof out === 'number' || out instanceof Boxed) return out;
  throw new DiffError('E_NOT_SCALAR', `${what}: the function must return one number (a scalar loss), got ${describeValueShort(out)}; use vjp or jacobian for other outputs`, {
    where: what,
  });
}

function describeValueShort(x: unknown): string {
  if (Array.isArray(x)) return `an array of length ${x.length}`;
  if (x === null || x === undefined) return String(x);
  return typeof x === 'object' ? 'an object' : `${typeof x} ${String(x)}`;
}

/**
 * Value and gradient of a scalar function of a parameter tree (number, number[], Float64Array or
 * nested records of those). The gradient comes back in the shape of the parameters (typed arrays
 * as Float64Array). Inside another transformation (nesting, hessian) value and gradient entries
 * are that transformation's Num values rather than plain numbers.
 *
 * @example
 * const { value, grad } = valueAndGrad((p) => mul(p.a, exp(p.b)))({ a: 2, b: 0 }); // grad = { a: 1, b: 2 }
 */
export function valueAndGrad<L>(f: (params: L) => Num): <P extends ParamsOf<L>>(params: P) => { value: number; grad: P } {
  if (typeof f !== 'function') throw argumentError('valueAndGrad: f', f, 'a function');
  return <P extends ParamsOf<L>>(params: P) => {
    const xs = flatten(params, 'grad input');
    const { tape, out, inputs } = runOnTape(f, xs);
    try {
      const y = scalarOutput(out, 'grad');
      const index = indexOn(tape, y, 'grad output');
      const value = primalOn(tape, y);
      assertFiniteResult(value, 'the value of the function', tape.firstOverflow);
      let leaves: Num[];
      if (index < 0) leaves = new Array<Num>(inputs.length).fill(0);
      else leaves = gradientLeaves(tape, tape.backward([[index, 1]]), inputs, xs, 'the gradient');
      return { value: value as number, grad: rebuild(xs.def, leaves, true) as P };
    } finally {
      tape.release();
    }
  };
}

/** The gradient of a scalar function, shaped like its parameters. */
export function grad<L>(f: (params: L) => Num): <P extends ParamsOf<L>>(params: P) => P {
  const vg = valueAndGrad(f);
  return <P extends ParamsOf<L>>(params: P) => vg(params).grad;
}

/**
 * Records `f` at `x` once and returns its output together with a function that maps a cotangent
 * (shaped like the output) to the vector-Jacobian product (shaped like `x`). The pullback may be
 * called any number of times.
 */
export function vjp<P, O>(
  f: (x: Lifted<P>) => O,
  x: P,
): {
  /** f(x), with plain numbers in place of traced values. */
  value: O;
  /** The pullback: maps a cotangent shaped like the output to the vector-Jacobian product shaped like `x`. */
  vjp: (cotangent: O) => P;
} {
  if (typeof f !== 'function') throw argumentError('vjp: f', f, 'a function');
  const xs = flatten(x, 'vjp input');
  const { tape, out, inputs } = runOnTape(f, xs);
  const flat = flatten(out, 'vjp output', false);
  const indices = flat.leaves.map((leaf) => indexOn(tape, leaf, 'vjp output'));
  const values = flat.leaves.map((leaf, i) => {
    const v = primalOn(tape, leaf);
    assertFiniteResult(v, () => `vjp output${flat.paths[i] ? ' ' + flat.paths[i] : ''}`, tape.firstOverflow);
    return v;
  });
  // The tape outlives this call (the pullback sweeps it later), so its storage is not pooled.
  return {
    value: rebuild(flat.def, values, true) as O,
    vjp: (cotangent: O) => {
      const ct = flatten(cotangent, 'vjp cotangent');
      assertSameShape(flat.def, ct.def, 'vjp cotangent');
      const seeds: [number, Num][] = [];
      indices.forEach((index, i) => {
        if (index >= 0) seeds.push([index, ct.leaves[i]]);
      });
      const adj = seeds.length ? tape.backward(seeds) : null;
      const leaves = adj ? gradientLeaves(tape, adj, inputs, xs, 'the vector-Jacobian product') : new Array<Num>(inputs.length).fill(0);
      return rebuild(xs.def, leaves, true) as P;
    },
  };
}
