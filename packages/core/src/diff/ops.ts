// The polymorphic free functions: one user function written with these runs on plain numbers,
// forward duals, reverse tape values and trace values. On two plain numbers each op is plain
// arithmetic plus a NaN check; otherwise it goes to the innermost transformation (see value.ts).
import { DiffError, describeCall } from './errors';
import { dualAdd, dualDiv, dualMul, dualPow, dualSub } from './forward';
import { PRIMITIVES } from './primitives';
import type { Primitive } from './primitives';
import { Boxed, ownerOf2, primalNumber } from './value';
import type { ComparisonOp, Interpreter, Num } from './value';

export type { Num } from './value';

function staleError(owner: Interpreter): DiffError {
  return new DiffError(
    'E_STALE_VALUE',
    `a value of a ${owner.label} that has already returned was used (a tape value leaked out of ` +
      `grad/jvp/trace, or values of unrelated tapes were mixed); differentiate inside the function instead`,
    { where: owner.label },
  );
}

export function nanError(op: string, operands: readonly Num[]): DiffError {
  const shown = operands.map(primalNumber);
  return new DiffError('E_NAN', `${describeCall(op, shown)} is NaN`, { where: op, value: shown });
}

/** Applies a unary primitive to any Num (used by every interpreter for its primal values). */
export function apply1(rule: Primitive, x: Num): Num {
  if (typeof x === 'number') {
    const y = rule.f(x, 0);
    if (y !== y && x === x) throw nanError(rule.name, [x]);
    return y;
  }
  const owner = x.owner;
  if (!owner.active) throw staleError(owner);
  return owner.apply1(rule, x);
}

/** Applies a binary primitive to any Nums. */
export function apply2(rule: Primitive, a: Num, b: Num): Num {
  if (typeof a === 'number' && typeof b === 'number') {
    const y = rule.f(a, b);
    if (y !== y && a === a && b === b) throw nanError(rule.name, [a, b]);
    return y;
  }
  const owner = ownerOf2(a, b);
  if (!owner.active) throw staleError(owner);
  return owner.apply2(rule, a, b);
}

// On plain numbers the common ops skip the table lookup (the value, not the derivative, is
// repeated here) so derivative rules that call them inline into straight arithmetic.
const P = () => PRIMITIVES;
function checked(y: number, op: string, a: number, b?: number): number {
  if (y !== y && a === a && (b === undefined || b === b)) throw nanError(op, b === undefined ? [a] : [a, b]);
  return y;
}

// Forward duals with few tangents (jvp, small jacobians) take the hand-written rules of forward.ts
// next; they return null for anything else (reverse, trace, nesting, overflow) and the table decides.
export const add = (a: Num, b: Num): Num =>
  typeof a === 'number' && typeof b === 'number' ? checked(a + b, 'add', a, b) : (dualAdd(a, b) ?? apply2(P().add, a, b));
export const sub = (a: Num, b: Num): Num =>
  typeof a === 'number' && typeof b === 'number' ? checked(a - b, 'sub', a, b) : (dualSub(a, b) ?? apply2(P().sub, a, b));
export const mul = (a: Num, b: Num): Num =>
  typeof a === 'number' && typeof b === 'number' ? checked(a * b, 'mul', a, b) : (dualMul(a, b) ?? apply2(P().mul, a, b));
/** a / b; b = 0 gives ±Infinity as in IEEE arithmetic (0 / 0 is an E_NAN error). */
export const div = (a: Num, b: Num): Num =>
  typeof a === 'number' && typeof b === 'number' ? checked(a / b, 'div', a, b) : (dualDiv(a, b) ?? apply2(P().div, a, b));
/** a^b; the derivative with respect to b at a = 0 is 0, not NaN. */
export const pow = (a: Num, b: Num): Num =>
  typeof a === 'number' && typeof b === 'number' ? checked(Math.pow(a, b), 'pow', a, b) : (dualPow(a, b) ?? apply2(P().pow, a, b));
export const min = (a: Num, b: Num): Num => apply2(PRIMITIVES.min, a, b);
export const max = (a: Num, b: Num): Num => apply2(PRIMITIVES.max, a, b);
export const neg = (x: Num): Num => (typeof x === 'number' ? -x : apply1(P().neg, x));
export const exp = (x: Num): Num => (typeof x === 'number' ? Math.exp(x) : apply1(P().exp, x));
export const log = (x: Num): Num => (typeof x === 'number' ? checked(Math.log(x), 'log', x) : apply1(P().log, x));
export const log1p = (x: Num): Num => apply1(PRIMITIVES.log1p, x);
export const sqrt = (x: Num): Num => (typeof x === 'number' ? checked(Math.sqrt(x), 'sqrt', x) : apply1(P().sqrt, x));
export const abs = (x: Num): Num => apply1(PRIMITIVES.abs, x);
export const sin = (x: Num): Num => apply1(PRIMITIVES.sin, x);
export const cos = (x: Num): Num => apply1(PRIMITIVES.cos, x);
export const tan = (x: Num): Num => apply1(PRIMITIVES.tan, x);
export const atan = (x: Num): Num => apply1(PRIMITIVES.atan, x);
export const asin = (x: Num): Num => apply1(PRIMITIVES.asin, x);
export const acos = (x: Num): Num => apply1(PRIMITIVES.acos, x);
export const tanh = (x: Num): Num => apply1(PRIMITIVES.tanh, x);
export const sigmoid = (x: Num): Num => apply1(PRIMITIVES.sigmoid, x);
export const softplus = (x: Num): Num => apply1(PRIMITIVES.softplus, x);
export const selu = (x: Num): Num => apply1(PRIMITIVES.selu, x);
export const elu = (x: Num): Num => apply1(PRIMITIVES.elu, x);
export const relu = (x: Num): Num => apply1(PRIMITIVES.relu, x);
/** The identity with derivative 0 in every mode. */
export const stopGradient = (x: Num): Num => apply1(PRIMITIVES.stopGradient, x);

/** x * x (composite). */
export const square = (x: Num): Num => mul(x, x);
/** min(max(x, lo), hi) (composite); the gradient flows to whichever bound is active. */
export const clamp = (x: Num, lo: Num, hi: Num): Num => min(max(x, lo), hi);
/** `cond ? a : b` as a function, for code that reads like the tensor libraries' select. */
export const where = (cond: boolean, a: Num, b: Num): Num => (cond ? a : b);

function compare(op: ComparisonOp, a: Num, b: Num, outcome: boolean): boolean {
  // Tell every transformation under either operand (only the tracer listens: it records a guard).
  for (let v: Num = a; typeof v !== 'number'; v = v.primal) v.owner.onCompare?.(op, a, b, outcome);
  for (let v: Num = b; typeof v !== 'number'; v = v.primal) v.owner.onCompare?.(op, a, b, outcome);
  return outcome;
}

// Comparisons look at the plain numbers underneath; a trace records each one as a guard.
export const lt = (a: Num, b: Num): boolean =>
  typeof a === 'number' && typeof b === 'number' ? a < b : compare('lt', a, b, primalNumber(a) < primalNumber(b));
export const le = (a: Num, b: Num): boolean =>
  typeof a === 'number' && typeof b === 'number' ? a <= b : compare('le', a, b, primalNumber(a) <= primalNumber(b));
export const gt = (a: Num, b: Num): boolean =>
  typeof a === 'number' && typeof b === 'number' ? a > b : compare('gt', a, b, primalNumber(a) > primalNumber(b));
export const ge = (a: Num, b: Num): boolean =>
  typeof a === 'number' && typeof b === 'number' ? a >= b : compare('ge', a, b, primalNumber(a) >= primalNumber(b));
export const eq = (a: Num, b: Num): boolean =>
  typeof a === 'number' && typeof b === 'number' ? a === b : compare('eq', a, b, primalNumber(a) === primalNumber(b));

/** The plain number under a Num (for printing or for code that must leave differentiation). */
export const valueOf = (x: Num): number => primalNumber(x);
export { Boxed };
