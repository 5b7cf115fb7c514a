// Forward mode: dual numbers carrying k tangents at once (k = 1 for jvp/derivative, k = n for a
// forward jacobian or hessian row block). Up to four plain tangents ride in fields of a Dual4 (one
// small object per op; hand-written rules for + - * / pow in forward-rules.ts); more go to an arena and are
// combined in a loop; boxed ones (nesting) go through the polymorphic ops, so forward-over-anything
// works.
import { limits, tooLarge } from './limits';
import { mulStrongZero } from './lifted';
import { add, apply1, apply2 } from './ops';
import type { Primitive } from './primitives';
import { Boxed, nextLevel } from './value';
import type { CustomRule, Interpreter, Num } from './value';
import { callCustom } from './custom';
import { checkedPartial } from './finite-checks';
import type { Overflow } from './finite-checks';

/** The forward arena may hold limits.maxTapeNodes times this many tangent floats (the tape's bytes per node / 8). */
const TANGENTS_PER_NODE = 4;

/** Up to this many tangents ride in fields of the dual itself (no arena, no loop). */
export const INLINE_TANGENTS = 4;

/**
 * A dual with a plain primal and at most four plain tangents held in fields (unused ones are 0):
 * the common case (jvp, derivative, small jacobians) and the one the hand-written rules serve.
 * Its shape never changes, so property loads on it stay monomorphic. (Parameter properties, i.e.
 * emitted class fields, measured faster here than `declare` fields under tsx/esbuild's keepNames.)
 */
export class Dual4 extends Boxed {
  constructor(
    readonly owner: ForwardContext,
    readonly primal: number,
    readonly t0: number,
    readonly t1: number,
    readonly t2: number,
    readonly t3: number,
  ) {
    super();
  }

  /** One tangent per seeded direction. */
  get tangent(): Num[] {
    switch (this.owner.k) {
      case 1:
        return [this.t0];
      case 2:
        return [this.t0, this.t1];
      case 3:
        return [this.t0, this.t1, this.t2];
      default:
        return [this.t0, this.t1, this.t2, this.t3];
    }
  }
}

/** Any other dual: more than four plain tangents (in the context's arena) or boxed ones (nesting). */
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

/** p * t where 0 * Infinity is 0: a structurally zero contribution stays zero. */
function scaled(p: number, t: number): number {
  const c = p * t;
  return c === c ? c : 0;
}

/** pa * ta + pb * tb with the same rule for each product (see strongZeroSum). */
function combined(pa: number, ta: number, pb: number, tb: number): number {
  const c = pa * ta + pb * tb;
  return c === c ? c : strongZeroSum(pa, ta, pb, tb);
}

/** The dual y with tangents p * tangents(x). */
export function lin1(o: ForwardContext, y: number, p: number, x: Dual4): Dual4 {
  return new Dual4(o, y, scaled(p, x.t0), scaled(p, x.t1), scaled(p, x.t2), scaled(p, x.t3));
}

/** The dual y with tangents pa * tangents(a) + pb * tangents(b). */
export function lin2(o: ForwardContext, y: number, pa: number, a: Dual4, pb: number, b: Dual4): Dual4 {
  return new Dual4(o, y, combined(pa, a.t0, pb, b.t0), combined(pa, a.t1, pb, b.t1), combined(pa, a.t2, pb, b.t2), combined(pa, a.t3, pb, b.t3));
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

/** Arena chunk size in doubles: plain tangents (k > 4) are bump-allocated, never one array per op. */
const CHUNK = 1024;
/** Released arenas, reused by the next forward pass (a jvp in a loop allocates nothing). */
const arenas: Float64Array[] = [];
const NO_ARENA = new Float64Array(0);

/** True for a dual of `ctx` whose tangents are plain numbers (a Dual4 or an arena dual). */
function plainOwn(ctx: ForwardContext, x: Num): x is Dual4 | Dual {
  return x instanceof Dual4 ? x.owner === ctx : x instanceof Dual && x.owner === ctx && x.buf !== null;
}

export class ForwardContext implements Interpreter {
  readonly level = nextLevel();
  readonly label = 'jvp';
  active = true;
  /** The first op that turned finite operands into ±Infinity (for the error if that reaches an output). */
  firstOverflow: Overflow | undefined = undefined;
  /** Plain tangents live in Dual4 fields (k <= 4) or in this arena (k > 4). */
  readonly inline: boolean;
  private buf: Float64Array;
  private top = 0;
  /** Floats of arena allocated by this context beyond its first chunk. */
  private allocated = 0;

  constructor(readonly k: number) {
    this.inline = k <= INLINE_TANGENTS;
    if (!this.inline && k * 16 > limits.maxTapeNodes * TANGENTS_PER_NODE) {
      throw tooLarge(`forward mode with ${k} tangents`, k * 16, limits.maxTapeNodes * TANGENTS_PER_NODE, 'tangent values', 'maxTapeNodes');
    }
    this.buf = this.inline ? NO_ARENA : (k * 16 <= CHUNK && arenas.pop()) || new Float64Array(Math.max(CHUNK, k * 16));
  }

  /** Hands the arena back; call only after the outputs' tangents have been read. */
  release(): void {
    if (this.buf.length === CHUNK && arenas.length < 8) arenas.push(this.buf);
    this.buf = NO_ARENA;
  }

  private alloc(): number {
    if (this.top + this.k > this.buf.length) this.newChunk();
    const off = this.top;
    this.top += this.k;
    return off;
  }

  private newChunk(): void {
    const size = Math.max(CHUNK, this.k * 16);
    // Checked per chunk, not per op: n-tangent duals (a forward jacobian or hessian of n inputs)
    // need n floats per op, so a large n runs out of memory long before any tape limit.
    this.allocated += size;
    if (this.allocated > limits.maxTapeNodes * TANGENTS_PER_NODE) {
      throw tooLarge(`forward mode with ${this.k} tangents`, this.allocated, limits.maxTapeNodes * TANGENTS_PER_NODE, 'tangent values', 'maxTapeNodes');
    }
    this.buf = new Float64Array(size);
    this.top = 0;
  }

  /** The dual of a plain primal with plain tangents, in this context's representation. */
  private plain(y: number, t: ArrayLike<number>): Dual4 | Dual {
    if (this.inline) {
      const k = this.k;
      return new Dual4(this, y, t[0], k > 1 ? t[1] : 0, k > 2 ? t[2] : 0, k > 3 ? t[3] : 0);
    }
    const off = this.alloc();
    for (let j = 0; j < this.k; j++) this.buf[off + j] = t[j];
    return new Dual(this, y, null, this.buf, off);
  }

  /** A dual for an input leaf. */
  seed(primal: Num, tangent: readonly Num[]): Dual4 | Dual {
    let plain = typeof primal === 'number';
    for (let j = 0; j < tangent.length && plain; j++) plain = typeof tangent[j] === 'number';
    if (plain) return this.plain(primal as number, tangent as number[]);
    return new Dual(this, primal, tangent.slice(), null, 0);
  }

  /** A dual for input leaf i of k whose tangent is the i-th unit vector (jacobian and hessian passes). */
  seedUnit(primal: Num, i: number): Dual4 | Dual {
    if (this.inline && typeof primal === 'number') return new Dual4(this, primal, i === 0 ? 1 : 0, i === 1 ? 1 : 0, i === 2 ? 1 : 0, i === 3 ? 1 : 0);
    const t = new Array<Num>(this.k).fill(0);
    t[i] = 1;
    return this.seed(primal, t);
  }

  private note(y: Num, op: string, operands: Num[]): void {
    if (this.firstOverflow === undefined) this.firstOverflow = { op, operands, value: y as number };
  }

  /** Records a binary op that gave ±Infinity (the fast rules' version of `note`). */
  overflow(y: number, op: string, a: number, b: number): void {
    if (this.firstOverflow === undefined) this.firstOverflow = { op, operands: [a, b], value: y };
  }

  // Fast paths: plain primals, plain tangents, finite value and partials, rules read from the
  // table (ops.ts has hand-written ones for + - * / pow, checked against these by tests).
  // Everything else (nesting, overflow, errors) goes to the general path.
  apply1(rule: Primitive, x: Num): Num {
    if (x instanceof Dual4) {
      const xp = x.primal;
      const y = rule.f(xp, 0);
      const p = rule.d[0](xp, 0, y);
      if (y - y === 0 && typeof p === 'number' && p - p === 0) return lin1(this, y, p, x);
      return this.general1(rule, x);
    }
    const d = x as Dual;
    const src = d.buf;
    if (src !== null) {
      const xp = d.primal as number;
      const y = rule.f(xp, 0);
      const p = rule.d[0](xp, 0, y);
      if (y - y === 0 && typeof p === 'number' && p - p === 0) {
        const off = this.alloc();
        const buf = this.buf;
        const so = d.off;
        for (let j = 0; j < this.k; j++) buf[off + j] = scaled(p, src[so + j]);
        return new Dual(this, y, null, buf, off);
      }
    }
    return this.general1(rule, x);
  }

  apply2(rule: Primitive, a: Num, b: Num): Num {
    if (this.inline) {
      const A = a instanceof Dual4 && a.owner === this ? a : null;
      const B = b instanceof Dual4 && b.owner === this ? b : null;
      if ((A !== null || typeof a === 'number') && (B !== null || typeof b === 'number')) {
        const av = A === null ? (a as number) : A.primal;
        const bv = B === null ? (b as number) : B.primal;
        const y = rule.f(av, bv);
        const pa = A === null ? 0 : rule.d[0](av, bv, y);
        const pb = B === null ? 0 : rule.d[1](av, bv, y);
        if (y - y === 0 && typeof pa === 'number' && pa - pa === 0 && typeof pb === 'number' && pb - pb === 0) {
          if (A !== null && B !== null) return lin2(this, y, pa, A, pb, B);
          return A !== null ? lin1(this, y, pa, A) : lin1(this, y, pb, B as Dual4);
        }
      }
      return this.general2(rule, a, b);
    }
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
        const off = this.alloc();
        const buf = this.buf;
        const k = this.k;
        if (ba !== null && bb !== null) {
          const oa = (A as Dual).off;
          const ob = (B as Dual).off;
          for (let j = 0; j < k; j++) buf[off + j] = combined(pa, ba[oa + j], pb, bb[ob + j]);
        } else if (ba !== null) {
          const oa = (A as Dual).off;
          for (let j = 0; j < k; j++) buf[off + j] = scaled(pa, ba[oa + j]);
        } else {
          const ob = (B as Dual).off;
          for (let j = 0; j < k; j++) buf[off + j] = scaled(pb, (bb as Float64Array)[ob + j]);
        }
        return new Dual(this, y, null, buf, off);
      }
    }
    return this.general2(rule, a, b);
  }

  /**
   * The dual y with tangents pa * tangents(a) + pb * tangents(b) for any representation (null
   * operands contribute nothing): plain lanes with the strong-zero rule when everything is a
   * plain number, else the polymorphic ops (nesting).
   */
  private combine(y: Num, pa: Num, a: Dual4 | Dual | null, pb: Num, b: Dual4 | Dual | null): Dual4 | Dual {
    const k = this.k;
    if (typeof y === 'number' && typeof pa === 'number' && typeof pb === 'number') {
      // Inline tangents (overflowed values and partials land here): the same lanes, no arrays.
      if (a instanceof Dual4 || b instanceof Dual4) {
        if (a instanceof Dual4 && b instanceof Dual4) return lin2(this, y, pa, a, pb, b);
        if (a instanceof Dual4 && b === null) return lin1(this, y, pa, a);
        if (b instanceof Dual4 && a === null) return lin1(this, y, pb, b);
      }
    }
    if (typeof y === 'number' && typeof pa === 'number' && typeof pb === 'number' && (a === null || plainOwn(this, a)) && (b === null || plainOwn(this, b))) {
      const ta = a === null ? null : a.tangent;
      const tb = b === null ? null : b.tangent;
      const out = new Array<number>(k);
      for (let j = 0; j < k; j++) {
        if (ta !== null && tb !== null) out[j] = combined(pa, ta[j] as number, pb, tb[j] as number);
        else if (ta !== null) out[j] = scaled(pa, ta[j] as number);
        else out[j] = scaled(pb, (tb as Num[])[j] as number);
      }
      return this.plain(y, out);
    }
    const out = new Array<Num>(k).fill(0);
    if (a !== null) addInto(out, pa, a.tangent);
    if (b !== null) addInto(out, pb, b.tangent);
    return new Dual(this, y, out, null, 0);
  }

  private general1(rule: Primitive, x: Num): Num {
    const d = x as Dual4 | Dual;
    const xp = d.primal;
    const y = typeof xp === 'number' ? rule.f(xp, 0) : apply1(rule, xp);
    if (typeof y === 'number' && y - y !== 0) {
      if (y !== y) apply1(rule, xp); // throws the E_NAN error naming the op
      this.note(y, rule.name, [xp]);
    }
    const p = rule.d[0](xp, 0, y);
    if (p !== p) checkedPartial(p, rule.name, 1, xp);
    return this.combine(y, p, d, 0, null);
  }

  private general2(rule: Primitive, a: Num, b: Num): Num {
    const A = typeof a !== 'number' && a.owner === this ? (a as Dual4 | Dual) : null;
    const B = typeof b !== 'number' && b.owner === this ? (b as Dual4 | Dual) : null;
    const av = A !== null ? A.primal : a;
    const bv = B !== null ? B.primal : b;
    const y = typeof av === 'number' && typeof bv === 'number' ? rule.f(av, bv) : apply2(rule, av, bv);
    if (typeof y === 'number' && y - y !== 0) {
      if (y !== y) apply2(rule, av, bv); // throws the E_NAN error naming the op
      this.note(y, rule.name, [av, bv]);
    }
    const pa = A !== null ? rule.d[0](av, bv, y) : 0;
    if (pa !== pa) checkedPartial(pa, rule.name, 1, av, bv);
    const pb = B !== null ? rule.d[1](av, bv, y) : 0;
    if (pb !== pb) checkedPartial(pb, rule.name, 2, av, bv);
    return this.combine(y, pa, A, pb, B);
  }

  applyCustom(custom: CustomRule, args: readonly Num[]): Num {
    const primals = args.map((x) => (typeof x !== 'number' && x.owner === this ? x.primal : x));
    const y = callCustom(custom, primals);
    const partials = custom.partials(primals, y);
    const out = new Array<Num>(this.k).fill(0);
    args.forEach((x, i) => {
      // eslint-disable-next-line no-restricted-syntax -- a custom op's arguments: its arity, fixed where it is defined
      if (typeof x !== 'number' && x.owner === this) addInto(out, checkedPartial(partials[i], custom.name, i + 1, ...primals), (x as Dual4 | Dual).tangent);
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
