// The floor of operator-style dual numbers on V8, for the forward-mode row of the diff suite: the
// least a forward mode with four tangent lanes can do when user code calls one function per op,
// as code written against @tensile/core's `add`, `mul`, ... does. No stale-value checks, no NaN
// errors, no overflow bookkeeping, no nesting, no tangent count other than 3: only the arithmetic,
// the (number | dual) dispatch and one object per op. Not part of the library; if this floor is
// above a target, no dual-number implementation reaches that target on this engine.
import { X, Y } from './article';

class D {
  constructor(
    readonly p: number,
    readonly a: number,
    readonly b: number,
    readonly c: number,
  ) {}
}
type N = number | D;

const lin1 = (y: number, k: number, x: D) => new D(y, k * x.a, k * x.b, k * x.c);
/** The strong-zero sum (0 * Infinity = 0) is kept: the x = 0 sample needs it for a finite gradient. */
const sum = (pa: number, ta: number, pb: number, tb: number) => {
  const c = pa * ta + pb * tb;
  if (c === c) return c;
  const u = pa * ta;
  const v = pb * tb;
  return (u === u ? u : 0) + (v === v ? v : 0);
};
const lin2 = (y: number, ka: number, x: D, kb: number, z: D) => new D(y, sum(ka, x.a, kb, z.a), sum(ka, x.b, kb, z.b), sum(ka, x.c, kb, z.c));

const mulND = (a: number, b: D) => lin1(a * b.p, a, b);
const mul = (a: N, b: N): N =>
  typeof a === 'number' ? (typeof b === 'number' ? a * b : mulND(a, b)) : typeof b === 'number' ? mulND(b, a) : lin2(a.p * b.p, b.p, a, a.p, b);
const addND = (a: number, b: D) => lin1(a + b.p, 1, b);
const add = (a: N, b: N): N =>
  typeof a === 'number' ? (typeof b === 'number' ? a + b : addND(a, b)) : typeof b === 'number' ? addND(b, a) : lin2(a.p + b.p, 1, a, 1, b);
const sub = (a: N, b: number): N => (typeof a === 'number' ? a - b : addND(-b, a));
function divND(a: number, b: D): D {
  const y = a / b.p;
  return lin1(y, -(y / b.p), b);
}
function divDD(a: D, b: D): D {
  const y = a.p / b.p;
  return lin2(y, 1 / b.p, a, -(y / b.p), b);
}
const div = (a: N, b: N): N =>
  typeof a === 'number' ? (typeof b === 'number' ? a / b : divND(a, b)) : typeof b === 'number' ? mulND(1 / b, a) : divDD(a, b);
function pow(a: number, b: D): D {
  const y = Math.pow(a, b.p);
  return lin1(y, a === 0 ? 0 : y * Math.log(a), b);
}

/** The article SSE written against these ops exactly as bench/article.ts writes it against ours. */
function sse(p: D[]): N {
  let s: N = 0;
  for (let i = 0; i < 9; i++) {
    const r = sub(div(mul(p[0], 500), add(1, div(p[1], pow(X[i], p[2])))), Y[i]);
    s = add(s, mul(r, r));
  }
  return s;
}

/** Value and gradient of the SSE at p through the minimal duals. */
export function sseFloorDuals(p: readonly number[]): number[] {
  const out = sse([new D(p[0], 1, 0, 0), new D(p[1], 0, 1, 0), new D(p[2], 0, 0, 1)]);
  return typeof out === 'number' ? [out, 0, 0, 0] : [out.p, out.a, out.b, out.c];
}
