// The polymorphic free functions: one user function written with these runs on plain numbers,
// forward duals, reverse tape values and trace values. On two plain numbers each op is plain
// arithmetic plus a NaN check; otherwise it goes to the innermost transformation (see value.ts).
//
// NaN on plain numbers: an op whose operands are all non-NaN and whose result is NaN (log(-1),
// sqrt(-2), 0 / 0, Infinity - Infinity) throws E_NAN naming the op. An op that is *given* a NaN
// operand returns NaN, the documented IEEE result (add(NaN, 2) is NaN), so plain-number code
// costs one comparison per op. Inside grad, valueAndGrad, vjp, jvp, derivative, jacobian, hessian
// and trace a NaN never gets that far: their inputs must be finite (E_NON_FINITE naming the input
// path, e.g. "grad input at params.b"), so every NaN there is produced by an op and is E_NAN.
//
// Operands that are not numbers or values of a transformation (a string, null, an object) are an
// E_ARGUMENT error naming the op and the operand; that check runs only after the number, dual and
// tape fast paths have failed, so valid code pays nothing for it.
import { describeValue } from '../errors';
import { DiffError, describeCall } from './errors';
import { dualAdd, dualDiv, dualMul, dualPow, dualSub } from './forward-rules';
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

/** Why the slow path of an op could not dispatch: an operand that is not a Num, or a stale value. */
function dispatchError(op: string, names: readonly string[], operands: readonly unknown[], owner: Interpreter | undefined): DiffError {
  for (let i = 0; i < operands.length; i++) {
    const o = operands[i];
    if (typeof o !== 'number' && !(o instanceof Boxed)) {
      return new DiffError(
        'E_ARGUMENT',
        `${op}(${names.join(', ')}): ${names[i]}: expected a number or a value of grad/jvp/trace, got ${describeValue(o)}`,
        { where: `${op} ${names[i]}`, value: o },
      );
    }
  }
  // Every operand is a Num, so the owner exists; a fake Boxed without one lands here too.
  return owner === undefined || owner === null || typeof owner !== 'object'
    ? new DiffError('E_ARGUMENT', `${op}: an operand is not a value of grad/jvp/trace`, { where: op })
    : staleError(owner);
}

// Out of line, so apply1/apply2 stay small enough to inline into every op.
function dispatchError1(rule: Primitive, x: unknown, owner: Interpreter | undefined): DiffError {
  return dispatchError(rule.name, UNARY, [x], owner);
}
function dispatchError2(rule: Primitive, a: unknown, b: unknown, owner: Interpreter | undefined): DiffError {
  return dispatchError(rule.name, BINARY, [a, b], owner);
}

const UNARY = ['x'];
const BINARY = ['a', 'b'];

const isNum = (x: unknown): boolean => typeof x === 'number' || x instanceof Boxed;

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
  const owner = (x as Boxed | null)?.owner ?? undefined;
  if (owner === undefined || !owner.active) throw dispatchError1(rule, x, owner);
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
  if (owner === undefined || !owner.active) throw dispatchError2(rule, a, b, owner);
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
/** a + b on any Num (a plain number or a value inside grad, jvp, trace...), differentiable in every mode. On plain numbers a NaN result from non-NaN operands throws DiffError `E_NAN`; an operand that is not a number or a value of grad/jvp/trace throws `E_ARGUMENT`. */
export const add = (a: Num, b: Num): Num =>
  typeof a === 'number' && typeof b === 'number' ? checked(a + b, 'add', a, b) : (dualAdd(a, b) ?? apply2(P().add, a, b));
/** a - b on any Num, differentiable in every mode. On plain numbers a NaN result from non-NaN operands throws DiffError `E_NAN`; an operand that is not a number or a value of grad/jvp/trace throws `E_ARGUMENT`. */
export const sub = (a: Num, b: Num): Num =>
  typeof a === 'number' && typeof b === 'number' ? checked(a - b, 'sub', a, b) : (dualSub(a, b) ?? apply2(P().sub, a, b));
/** a * b on any Num, differentiable in every mode. On plain numbers a NaN result from non-NaN operands throws DiffError `E_NAN`; an operand that is not a number or a value of grad/jvp/trace throws `E_ARGUMENT`. */
export const mul = (a: Num, b: Num): Num =>
  typeof a === 'number' && typeof b === 'number' ? checked(a * b, 'mul', a, b) : (dualMul(a, b) ?? apply2(P().mul, a, b));
/** a / b; b = 0 gives ±Infinity as in IEEE arithmetic (0 / 0 is an E_NAN error). */
export const div = (a: Num, b: Num): Num =>
  typeof a === 'number' && typeof b === 'number' ? checked(a / b, 'div', a, b) : (dualDiv(a, b) ?? apply2(P().div, a, b));
/** a^b; the derivative with respect to b at a = 0 is 0, not NaN. */
export const pow = (a: Num, b: Num): Num =>
  typeof a === 'number' && typeof b === 'number' ? checked(Math.pow(a, b), 'pow', a, b) : (dualPow(a, b) ?? apply2(P().pow, a, b));
/** The smaller of a and b; on a tie the gradient goes to `a` only. Throws DiffError `E_ARGUMENT` for an operand that is not a Num. */
export const min = (a: Num, b: Num): Num => apply2(PRIMITIVES.min, a, b);
/** The larger of a and b; on a tie the gradient goes to `a` only. Throws DiffError `E_ARGUMENT` for an operand that is not a Num. */
export const max = (a: Num, b: Num): Num => apply2(PRIMITIVES.max, a, b);
/** -x on any Num, differentiable in every mode. */
export const neg = (x: Num): Num => (typeof x === 'number' ? -x : apply1(P().neg, x));
/** e^x on any Num; overflows to Infinity past x ≈ 709, as Math.exp does. */
export const exp = (x: Num): Num => (typeof x === 'number' ? Math.exp(x) : apply1(P().exp, x));
/** The natural logarithm of x. log(0) is -Infinity; a negative x throws DiffError `E_NAN` on plain numbers. */
export const log = (x: Num): Num => (typeof x === 'number' ? checked(Math.log(x), 'log', x) : apply1(P().log, x));
/** log(1 + x), accurate for x near 0 (use it for small increments). x < -1 throws DiffError `E_NAN`. */
export const log1p = (x: Num): Num => apply1(PRIMITIVES.log1p, x);
/** The square root of x; a negative x throws DiffError `E_NAN` on plain numbers. Its derivative at 0 is Infinity. */
export const sqrt = (x: Num): Num => (typeof x === 'number' ? checked(Math.sqrt(x), 'sqrt', x) : apply1(P().sqrt, x));
/** |x|; its derivative at 0 is taken as 0. */
export const abs = (x: Num): Num => apply1(PRIMITIVES.abs, x);
/** The sine of x (radians). */
export const sin = (x: Num): Num => apply1(PRIMITIVES.sin, x);
/** The cosine of x (radians). */
export const cos = (x: Num): Num => apply1(PRIMITIVES.cos, x);
/** The tangent of x (radians). */
export const tan = (x: Num): Num => apply1(PRIMITIVES.tan, x);
/** The arctangent of x, in radians in (-π/2, π/2). */
export const atan = (x: Num): Num => apply1(PRIMITIVES.atan, x);
/** The arcsine of x, in radians; x outside [-1, 1] throws DiffError `E_NAN`. */
export const asin = (x: Num): Num => apply1(PRIMITIVES.asin, x);
/** The arccosine of x, in radians; x outside [-1, 1] throws DiffError `E_NAN`. */
export const acos = (x: Num): Num => apply1(PRIMITIVES.acos, x);
/** The hyperbolic tangent of x, in (-1, 1): a common activation of small nets. */
export const tanh = (x: Num): Num => apply1(PRIMITIVES.tanh, x);
/** The logistic function 1 / (1 + e^-x), in (0, 1), computed without overflow for large |x|. */
export const sigmoid = (x: Num): Num => apply1(PRIMITIVES.sigmoid, x);
/** log(1 + e^x), a smooth positive ramp, computed without overflow; its derivative is sigmoid(x). */
export const softplus = (x: Num): Num => apply1(PRIMITIVES.softplus, x);
/** The SELU activation (scale · x for x > 0, scale · α · (e^x - 1) otherwise), with the constants of TF.js and Keras (SELU_SCALE, SELU_ALPHA): the article's net uses it. */
export const selu = (x: Num): Num => apply1(PRIMITIVES.selu, x);
/** The ELU activation: x for x > 0, e^x - 1 otherwise. */
export const elu = (x: Num): Num => apply1(PRIMITIVES.elu, x);
/** The ReLU activation max(x, 0); its derivative at 0 is taken as 0. */
export const relu = (x: Num): Num => apply1(PRIMITIVES.relu, x);
/** The identity with derivative 0 in every mode. */
export const stopGradient = (x: Num): Num => apply1(PRIMITIVES.stopGradient, x);

/** x * x (composite). */
export const square = (x: Num): Num => mul(x, x);
/** min(max(x, lo), hi) (composite); the gradient flows to whichever bound is active. */
export const clamp = (x: Num, lo: Num, hi: Num): Num => min(max(x, lo), hi);
/**
 * `cond ? a : b` as a function, for code that reads like the tensor libraries' select. `cond`
 * must be a boolean (from lt, gt, ... or a comparison of your own): a truthy string or number is
 * an E_ARGUMENT error rather than a silent pick.
 */
export const where = (cond: boolean, a: Num, b: Num): Num => {
  if (cond === true) return a;
  if (cond === false) return b;
  throw new DiffError('E_ARGUMENT', `where(cond, a, b): cond: expected a boolean (from lt, gt, ...), got ${describeValue(cond)}`, { where: 'where cond', value: cond });
};

function compare(op: ComparisonOp, a: Num, b: Num, outcome: boolean): boolean {
  // Tell every transformation under either operand (only the tracer listens: it records a guard).
  for (let v: Num = a; typeof v !== 'number'; v = v.primal) v.owner.onCompare?.(op, a, b, outcome);
  for (let v: Num = b; typeof v !== 'number'; v = v.primal) v.owner.onCompare?.(op, a, b, outcome);
  return outcome;
}

// Comparisons look at the plain numbers underneath; a trace records each one as a guard. Off the
// number fast path the operands are type-checked first (a non-Num is E_ARGUMENT naming it; an
// object with a self-referencing `primal` would otherwise loop in primalNumber).
function checkCompared(op: ComparisonOp, a: Num, b: Num): void {
  if (!isNum(a) || !isNum(b)) throw dispatchError(op, BINARY, [a, b], undefined);
}
function ltSlow(a: Num, b: Num): boolean {
  checkCompared('lt', a, b);
  return compare('lt', a, b, primalNumber(a) < primalNumber(b));
}
function leSlow(a: Num, b: Num): boolean {
  checkCompared('le', a, b);
  return compare('le', a, b, primalNumber(a) <= primalNumber(b));
}
function gtSlow(a: Num, b: Num): boolean {
  checkCompared('gt', a, b);
  return compare('gt', a, b, primalNumber(a) > primalNumber(b));
}
function geSlow(a: Num, b: Num): boolean {
  checkCompared('ge', a, b);
  return compare('ge', a, b, primalNumber(a) >= primalNumber(b));
}
function eqSlow(a: Num, b: Num): boolean {
  checkCompared('eq', a, b);
  return compare('eq', a, b, primalNumber(a) === primalNumber(b));
}
/** a < b on the plain numbers underneath; inside trace() the outcome is recorded as a guard. Throws DiffError `E_ARGUMENT` for an operand that is not a Num. */
export const lt = (a: Num, b: Num): boolean => (typeof a === 'number' && typeof b === 'number' ? a < b : ltSlow(a, b));
/** a <= b on the plain numbers underneath; inside trace() the outcome is recorded as a guard. Throws DiffError `E_ARGUMENT` for an operand that is not a Num. */
export const le = (a: Num, b: Num): boolean => (typeof a === 'number' && typeof b === 'number' ? a <= b : leSlow(a, b));
/** a > b on the plain numbers underneath; inside trace() the outcome is recorded as a guard. Throws DiffError `E_ARGUMENT` for an operand that is not a Num. */
export const gt = (a: Num, b: Num): boolean => (typeof a === 'number' && typeof b === 'number' ? a > b : gtSlow(a, b));
/** a >= b on the plain numbers underneath; inside trace() the outcome is recorded as a guard. Throws DiffError `E_ARGUMENT` for an operand that is not a Num. */
export const ge = (a: Num, b: Num): boolean => (typeof a === 'number' && typeof b === 'number' ? a >= b : geSlow(a, b));
/** a === b on the plain numbers underneath; inside trace() the outcome is recorded as a guard. Throws DiffError `E_ARGUMENT` for an operand that is not a Num. */
export const eq = (a: Num, b: Num): boolean => (typeof a === 'number' && typeof b === 'number' ? a === b : eqSlow(a, b));

/** The plain number under a Num (for printing or for code that must leave differentiation). */
export const valueOf = (x: Num): number => {
  if (typeof x === 'number') return x;
  if (!isNum(x)) throw dispatchError('valueOf', UNARY, [x], undefined);
  return primalNumber(x);
};
export { Boxed };
