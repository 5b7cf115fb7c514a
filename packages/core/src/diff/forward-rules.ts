// Hand-written forward rules for the five ops the article's models are made of, called by ops.ts
// before the table dispatch. Each one is the table's rule (primitives.ts) on plain numbers, in the
// same floating-point order, so values, tangents and the recorded first overflow are bit-identical
// to ForwardContext.apply2 (forward.test.ts checks that on random operands). They return null
// whenever the table path must decide: an operand that is not a Dual4 of an active context (stale
// values throw there), two contexts, or a NaN value or partial (the E_NAN errors live there).
// Each has the three cases (dual, number), (number, dual), (dual, dual) written out, so one call
// does one or two class checks and no dispatch.
// The duals they build and their context live in forward.ts.
import { Dual4, lin1, lin2 } from './forward';
import type { Num } from './value';

/** x is neither NaN nor ±Infinity. */
const ok = (x: number): boolean => x - x === 0;

export function dualAdd(a: Num, b: Num): Dual4 | null {
  if (typeof a === 'number') {
    if (!(b instanceof Dual4)) return null;
    const ctx = b.owner;
    if (!ctx.active) return null;
    const y = a + b.primal;
    if (y !== y) return null;
    if (!ok(y)) ctx.overflow(y, 'add', a, b.primal);
    return lin1(ctx, y, 1, b);
  }
  if (!(a instanceof Dual4)) return null;
  const ctx = a.owner;
  if (!ctx.active) return null;
  if (typeof b === 'number') {
    const y = a.primal + b;
    if (y !== y) return null;
    if (!ok(y)) ctx.overflow(y, 'add', a.primal, b);
    return lin1(ctx, y, 1, a);
  }
  if (!(b instanceof Dual4) || b.owner !== ctx) return null;
  const y = a.primal + b.primal;
  if (y !== y) return null;
  if (!ok(y)) ctx.overflow(y, 'add', a.primal, b.primal);
  return lin2(ctx, y, 1, a, 1, b);
}

export function dualSub(a: Num, b: Num): Dual4 | null {
  if (typeof a === 'number') {
    if (!(b instanceof Dual4)) return null;
    const ctx = b.owner;
    if (!ctx.active) return null;
    const y = a - b.primal;
    if (y !== y) return null;
    if (!ok(y)) ctx.overflow(y, 'sub', a, b.primal);
    return lin1(ctx, y, -1, b);
  }
  if (!(a instanceof Dual4)) return null;
  const ctx = a.owner;
  if (!ctx.active) return null;
  if (typeof b === 'number') {
    const y = a.primal - b;
    if (y !== y) return null;
    if (!ok(y)) ctx.overflow(y, 'sub', a.primal, b);
    return lin1(ctx, y, 1, a);
  }
  if (!(b instanceof Dual4) || b.owner !== ctx) return null;
  const y = a.primal - b.primal;
  if (y !== y) return null;
  if (!ok(y)) ctx.overflow(y, 'sub', a.primal, b.primal);
  return lin2(ctx, y, 1, a, -1, b);
}

export function dualMul(a: Num, b: Num): Dual4 | null {
  if (typeof a === 'number') {
    if (!(b instanceof Dual4)) return null;
    const ctx = b.owner;
    if (!ctx.active) return null;
    const y = a * b.primal;
    if (y !== y) return null;
    if (!ok(y)) ctx.overflow(y, 'mul', a, b.primal);
    return lin1(ctx, y, a, b);
  }
  if (!(a instanceof Dual4)) return null;
  const ctx = a.owner;
  if (!ctx.active) return null;
  const av = a.primal;
  if (typeof b === 'number') {
    const y = av * b;
    if (y !== y) return null;
    if (!ok(y)) ctx.overflow(y, 'mul', av, b);
    return lin1(ctx, y, b, a);
  }
  if (!(b instanceof Dual4) || b.owner !== ctx) return null;
  const bv = b.primal;
  const y = av * bv;
  if (y !== y) return null;
  if (!ok(y)) ctx.overflow(y, 'mul', av, bv);
  return lin2(ctx, y, bv, a, av, b);
}

export function dualDiv(a: Num, b: Num): Dual4 | null {
  if (typeof a === 'number') {
    if (!(b instanceof Dual4)) return null;
    const ctx = b.owner;
    if (!ctx.active) return null;
    const bv = b.primal;
    const y = a / bv;
    const pb = -(y / bv);
    if (y !== y || pb !== pb) return null;
    if (!ok(y)) ctx.overflow(y, 'div', a, bv);
    return lin1(ctx, y, pb, b);
  }
  if (!(a instanceof Dual4)) return null;
  const ctx = a.owner;
  if (!ctx.active) return null;
  if (typeof b === 'number') {
    const y = a.primal / b;
    const pa = 1 / b;
    if (y !== y || pa !== pa) return null;
    if (!ok(y)) ctx.overflow(y, 'div', a.primal, b);
    return lin1(ctx, y, pa, a);
  }
  if (!(b instanceof Dual4) || b.owner !== ctx) return null;
  const bv = b.primal;
  const y = a.primal / bv;
  const pa = 1 / bv;
  const pb = -(y / bv);
  if (y !== y || pa !== pa || pb !== pb) return null;
  if (!ok(y)) ctx.overflow(y, 'div', a.primal, bv);
  return lin2(ctx, y, pa, a, pb, b);
}

/**
 * a^b: one Math.pow for the value, plus a second only when the base is a dual and one Math.log
 * only when the exponent is. The partials' zero cases (b = 0, a = 0) are the table's.
 */
export function dualPow(a: Num, b: Num): Dual4 | null {
  if (typeof a === 'number') {
    if (!(b instanceof Dual4)) return null;
    const ctx = b.owner;
    if (!ctx.active) return null;
    const y = Math.pow(a, b.primal);
    const pb = a === 0 ? 0 : y * Math.log(a);
    if (y !== y || pb !== pb) return null;
    if (!ok(y)) ctx.overflow(y, 'pow', a, b.primal);
    return lin1(ctx, y, pb, b);
  }
  if (!(a instanceof Dual4)) return null;
  const ctx = a.owner;
  if (!ctx.active) return null;
  const av = a.primal;
  if (typeof b === 'number') {
    const y = Math.pow(av, b);
    const pa = b === 0 ? 0 : b * Math.pow(av, b - 1);
    if (y !== y || pa !== pa) return null;
    if (!ok(y)) ctx.overflow(y, 'pow', av, b);
    return lin1(ctx, y, pa, a);
  }
  if (!(b instanceof Dual4) || b.owner !== ctx) return null;
  const bv = b.primal;
  const y = Math.pow(av, bv);
  const pa = bv === 0 ? 0 : bv * Math.pow(av, bv - 1);
  const pb = av === 0 ? 0 : y * Math.log(av);
  if (y !== y || pa !== pa || pb !== pb) return null;
  if (!ok(y)) ctx.overflow(y, 'pow', av, bv);
  return lin2(ctx, y, pa, a, pb, b);
}
