// Forward mode: dual numbers carrying k tangents at once (k = 1 for jvp/derivative, k = n for a
// forward jacobian or hessian row block). Tangents of plain numbers are combined in a tight loop;
// boxed ones (nesting) go through the polymorphic ops, so forward-over-anything works.
import { DiffError, argumentError, describeCall } from './errors';
import { mulStrongZero } from './lifted';
import type { Lifted } from './lifted';
import { add, apply1, apply2 } from './ops';
import type { Primitive } from './primitives';
import { assertSameShape, flatten, unflatten } from './pytree';
import { Boxed, nextLevel, primalNumber } from './value';
import type { CustomRule, Interpreter, Num } from './value';
import { callCustom } from './custom';

export class Dual extends Boxed {
  constructor(
    readonly owner: ForwardContext,
    readonly primal: Num,
    /** The k tangents when any is boxed (nesting); null when they live in `buf`. */
    readonly boxedTangent: Num[] | null,
    /** Plain tangents: `buf[off .. off + k)` of the context's arena. */
    readonly buf: Float64Array | null,
    readonly off: number,
  ) {
    super();
  }

  /** One tangent per seeded direction. */
  get tangent(): Num[] {
    if (this.boxedTangent !== null) return this.boxedTangent;
    const k = this.owner.k;
    const out = new Array<Num>(k);
    for (let j = 0; j < k; j++) out[j] = (this.buf as Float64Array)[this.off + j];
    return out;
  }
}

function addInto(out: Num[], p: Num, t: readonly Num[]): void {
  if (typeof p === 'number') {
    if (p === 0) return;
    for (let j = 0; j < out.length; j++) {
      const tj = t[j];
      const o = out[j];
      if (typeof tj === 'number' && typeof o === 'number') out[j] = tj === 0 ? o : o + p * tj;
      else out[j] = add(o, mulStrongZero(p, tj));
    }
    return;
  }
  for (let j = 0; j < out.length; j++) out[j] = add(out[j], mulStrongZero(p, t[j]));
}

/** Arena chunk size in doubles: plain tangents are bump-allocated, never one array per op. */
const CHUNK = 1024;
/** Released arenas, reused by the next forward pass (a jvp in a loop allocates nothing). */
const arenas: Float64Array[] = [];

export class ForwardContext implements Interpreter {
  readonly level = nextLevel();
  readonly label = 'jvp';
  active = true;
  /** The first op that turned finite operands into ±Infinity (for the error if that reaches an output). */
  firstOverflow: Overflow | undefined;
  private buf: Float64Array;
  private top = 0;

  constructor(readonly k: number) {
    this.buf = (k * 16 <= CHUNK && arenas.pop()) || new Float64Array(Math.max(CHUNK, k * 16));
  }

  /** Hands the arena back; call only after the outputs' tangents have been read. */
  release(): void {
    if (this.buf.length === CHUNK && arenas.length < 8) arenas.push(this.buf);
  }

  private alloc(): number {
    if (this.top + this.k > this.buf.length) {
      this.buf = new Float64Array(Math.max(CHUNK, this.k * 16));
      this.top = 0;
    }
    const off = this.top;
    this.top += this.k;
    return off;
  }

  /** A dual for an input leaf (plain tangents go to the arena). */
  seed(primal: Num, tangent: readonly Num[]): Dual {
    if (typeof primal === 'number' && tangent.every((t) => typeof t === 'number')) {
      const off = this.alloc();
      for (let j = 0; j < this.k; j++) this.buf[off + j] = tangent[j] as number;
      return new Dual(this, primal, null, this.buf, off);
    }
    return new Dual(this, primal, tangent.slice(), null, 0);
  }

  private note(y: Num, op: string, operands: Num[]): void {
    if (this.firstOverflow === undefined) this.firstOverflow = { op, operands, value: y as number };
  }

  // Fast paths: plain primals, plain tangents, finite value and partials. Kept small so the JIT
  // can inline them into each op (where the rule is a constant and its calls monomorphic);
  // everything else (nesting, overflow, errors) goes to the general path.
  apply1(rule: Primitive, x: Num): Num {
    const d = x as Dual;
    const src = d.buf;
    if (src !== null) {
      const xp = d.primal as number;
      const y = rule.f(xp, 0);
      const p = rule.d[0](xp, 0, y);
      if (y - y === 0 && typeof p === 'number' && p - p === 0) {
        const k = this.k;
        if (this.top + k > this.buf.length) this.newChunk();
        const buf = this.buf;
        const off = this.top;
        this.top = off + k;
        const so = d.off;
        for (let j = 0; j < k; j++) {
          const c = p * src[so + j];
          buf[off + j] = c === c ? c : 0; // 0 * Infinity: a structurally zero contribution
        }
        return new Dual(this, y, null, buf, off);
      }
    }
    return this.general1(rule, x);
  }

  apply2(rule: Primitive, a: Num, b: Num): Num {
    const A = typeof a === 'number' || a.owner !== this ? null : (a as Dual);
    const B = typeof b === 'number' || b.owner !== this ? null : (b as Dual);
    const ba = A === null ? null : A.buf;
    const bb = B === null ? null : B.buf;
    if ((ba !== null || typeof a === 'number') && (bb !== null || typeof b === 'number')) {
      const av = A === null ? (a as number) : (A.primal as number);
      const bv = B === null ? (b as number) : (B.primal as number);
      const y = rule.f(av, bv);
      const pa = ba === null ? 0 : rule.d[0](av, bv, y);
      const pb = bb === null ? 0 : rule.d[1](av, bv, y);
      if (y - y === 0 && typeof pa === 'number' && pa - pa === 0 && typeof pb === 'number' && pb - pb === 0) {
        const k = this.k;
        if (this.top + k > this.buf.length) this.newChunk();
        const buf = this.buf;
        const off = this.top;
        this.top = off + k;
        if (ba !== null && bb !== null) {
          const oa = (A as Dual).off;
          const ob = (B as Dual).off;
          for (let j = 0; j < k; j++) {
            const c = pa * ba[oa + j] + pb * bb[ob + j];
            buf[off + j] = c === c ? c : strongZeroSum(pa, ba[oa + j], pb, bb[ob + j]);
          }
        } else if (ba !== null) {
          const oa = (A as Dual).off;
          for (let j = 0; j < k; j++) {
            const c = pa * ba[oa + j];
            buf[off + j] = c === c ? c : 0;
          }
        } else {
          const ob = (B as Dual).off;
          for (let j = 0; j < k; j++) {
            const c = pb * (bb as Float64Array)[ob + j];
            buf[off + j] = c === c ? c : 0;
          }
        }
        return new Dual(this, y, null, buf, off);
      }
    }
    return this.general2(rule, a, b);
  }

  private newChunk(): void {
    this.buf = new Float64Array(Math.max(CHUNK, this.k * 16));
    this.top = 0;
  }

  private general1(rule: Primitive, x: Num): Num {
    const d = x as Dual;
    const xp = d.primal;
    const y = typeof xp === 'number' ? rule.f(xp, 0) : apply1(rule, xp);
    if (typeof y === 'number' && y - y !== 0) {
      if (y !== y) apply1(rule, xp); // throws the E_NAN error naming the op
      this.note(y, rule.name, [xp]);
    }
    const p = rule.d[0](xp, 0, y);
    if (p !== p) checkedPartial(p, rule.name, 1, xp);
    const src = d.buf;
    if (src !== null && typeof p === 'number' && typeof y === 'number') {
      const off = this.alloc();
      const buf = this.buf;
      const so = d.off;
      for (let j = 0; j < this.k; j++) {
        const c = p * src[so + j];
        buf[off + j] = c === c ? c : 0; // 0 * Infinity: a structurally zero contribution
      }
      return new Dual(this, y, null, buf, off);
    }
    const out = new Array<Num>(this.k).fill(0);
    addInto(out, p, d.tangent);
    return new Dual(this, y, out, null, 0);
  }

  private general2(rule: Primitive, a: Num, b: Num): Num {
    const ownA = typeof a !== 'number' && a.owner === this;
    const ownB = typeof b !== 'number' && b.owner === this;
    const av = ownA ? (a as Dual).primal : a;
    const bv = ownB ? (b as Dual).primal : b;
    const y = typeof av === 'number' && typeof bv === 'number' ? rule.f(av, bv) : apply2(rule, av, bv);
    if (typeof y === 'number' && y - y !== 0) {
      if (y !== y) apply2(rule, av, bv); // throws the E_NAN error naming the op
      this.note(y, rule.name, [av, bv]);
    }
    const pa = ownA ? rule.d[0](av, bv, y) : 0;
    if (pa !== pa) checkedPartial(pa, rule.name, 1, av, bv);
    const pb = ownB ? rule.d[1](av, bv, y) : 0;
    if (pb !== pb) checkedPartial(pb, rule.name, 2, av, bv);
    const ba = ownA ? (a as Dual).buf : null;
    const bb = ownB ? (b as Dual).buf : null;
    if (typeof y === 'number' && typeof pa === 'number' && typeof pb === 'number' && (ba !== null || !ownA) && (bb !== null || !ownB)) {
      const off = this.alloc();
      const buf = this.buf;
      const k = this.k;
      if (ba !== null && bb !== null) {
        const oa = (a as Dual).off;
        const ob = (b as Dual).off;
        for (let j = 0; j < k; j++) {
          const c = pa * ba[oa + j] + pb * bb[ob + j];
          buf[off + j] = c === c ? c : strongZeroSum(pa, ba[oa + j], pb, bb[ob + j]);
        }
      } else {
        const src = (ba ?? bb) as Float64Array;
        const so = ba !== null ? (a as Dual).off : (b as Dual).off;
        const p = ba !== null ? pa : pb;
        for (let j = 0; j < k; j++) {
          const c = p * src[so + j];
          buf[off + j] = c === c ? c : 0;
        }
      }
      return new Dual(this, y, null, buf, off);
    }
    const out = new Array<Num>(this.k).fill(0);
    if (ownA) addInto(out, pa, (a as Dual).tangent);
    if (ownB) addInto(out, pb, (b as Dual).tangent);
    return new Dual(this, y, out, null, 0);
  }

  applyCustom(custom: CustomRule, args: readonly Num[]): Num {
    const primals = args.map((x) => (typeof x !== 'number' && x.owner === this ? (x as Dual).primal : x));
    const y = callCustom(custom, primals);
    const partials = custom.partials(primals, y);
    const out = new Array<Num>(this.k).fill(0);
    args.forEach((x, i) => {
      if (typeof x !== 'number' && x.owner === this) addInto(out, checkedPartial(partials[i], custom.name, i + 1, ...primals), (x as Dual).tangent);
    });
    return this.seed(y, out);
  }
}

/** pa * ta + pb * tb where a zero factor makes its product zero (0 * Infinity = 0). */
function strongZeroSum(pa: number, ta: number, pb: number, tb: number): number {
  const x = pa * ta;
  const z = pb * tb;
  return (x === x ? x : 0) + (z === z ? z : 0);
}

/** Throws E_NAN when a derivative rule gives NaN (e.g. d/db a^b at a < 0). */
export function checkedPartial(p: Num, op: string, argument: number, ...operands: Num[]): Num {
  if (p !== p) {
    const shown = operands.map(primalNumber);
    throw new DiffError('E_NAN', `the derivative of ${op} with respect to argument ${argument} at ${describeCall(op, shown)} is NaN`, {
      where: op,
      value: shown,
    });
  }
  return p;
}

/** Splits an output leaf of a forward run into its value and its k tangents. */
export function splitDual(ctx: ForwardContext, x: Num): { value: Num; tangent: Num[] } {
  if (typeof x !== 'number' && x.owner === ctx) return { value: x.primal, tangent: (x as Dual).tangent };
  if (typeof x !== 'number' && x.owner.level > ctx.level) {
    throw new DiffError('E_STALE_VALUE', `jvp: the output holds a value of an inner ${x.owner.label} that has already returned`, { where: 'jvp output' });
  }
  return { value: x, tangent: new Array<Num>(ctx.k).fill(0) };
}

/** The first op of a run that turned finite operands into ±Infinity, kept for error messages. */
export interface Overflow {
  readonly op: string;
  readonly operands: readonly Num[];
  readonly value: number;
}

/** `what` may be a function so the message (and any leaf path) is only built on failure. */
export function assertFiniteResult(x: Num, whatArg: string | (() => string), overflow: Overflow | undefined): void {
  if (typeof x === 'number' && x - x !== 0) {
    const what = typeof whatArg === 'string' ? whatArg : whatArg();
    throw new DiffError(
      x !== x ? 'E_NAN' : 'E_NON_FINITE',
      `${what} is ${x}` + (overflow ? `; the first non-finite value was ${describeCall(overflow.op, overflow.operands.map(primalNumber))} = ${overflow.value}` : ''),
      { where: what, value: x },
    );
  }
}

/**
 * Jacobian-vector product: runs `f` once with `primals` carrying `tangents` (trees of the same
 * shape) and returns the output and its directional derivative, both shaped like f's output.
 */
export function jvp<P, O>(f: (x: Lifted<P>) => O, primals: P, tangents: P): { value: O; tangent: O } {
  if (typeof f !== 'function') throw argumentError('jvp: f', f, 'a function');
  const xs = flatten(primals, 'jvp primals');
  const ts = flatten(tangents, 'jvp tangents');
  assertSameShape(xs.def, ts.def, 'jvp tangents');
  const ctx = new ForwardContext(1);
  let out: unknown;
  try {
    const duals = xs.leaves.map((x, i) => ctx.seed(x, [ts.leaves[i]]));
    out = (f as (x: unknown) => unknown)(unflatten(xs.def, duals, false));
  } finally {
    ctx.active = false;
  }
  const flat = flatten(out, 'jvp output', false);
  const values: Num[] = [];
  const tans: Num[] = [];
  flat.leaves.forEach((leaf, i) => {
    const { value, tangent } = splitDual(ctx, leaf);
    assertFiniteResult(value, () => `jvp output${flat.paths[i] ? ' ' + flat.paths[i] : ''}`, ctx.firstOverflow);
    assertFiniteResult(tangent[0], () => `the tangent of jvp output${flat.paths[i] ? ' ' + flat.paths[i] : ''}`, ctx.firstOverflow);
    values.push(value);
    tans.push(tangent[0]);
  });
  ctx.release();
  return { value: unflatten(flat.def, values, true) as O, tangent: unflatten(flat.def, tans, true) as O };
}

/** d f / d x of a scalar function, itself a function (nest it for higher derivatives). */
export function derivative(f: (x: Num) => Num): (x: Num) => Num {
  if (typeof f !== 'function') throw argumentError('derivative: f', f, 'a function');
  return (x: Num) => {
    if (typeof x !== 'number' && !(x instanceof Boxed)) throw argumentError('derivative: x', x, 'a number');
    const r = jvp<Num, Num>(f as (x: Num) => Num, x, 1);
    if (typeof r.tangent !== 'number' && !(r.tangent instanceof Boxed)) {
      throw new DiffError('E_NOT_SCALAR', 'derivative: f must return one number; use jvp or jacobian for other outputs', { where: 'derivative' });
    }
    return r.tangent;
  };
}
