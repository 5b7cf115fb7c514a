// THE table of differentiable primitives: one entry per op, holding its value on plain numbers and
// its partial derivatives. Every mode (forward, reverse, trace, tensors) reads its rules from here;
// everything else (clamp, where, square, mse, ...) is composed from these ops.
//
// Partials are written with the polymorphic ops, so a derivative is itself differentiable: that is
// what makes hessians and derivative(derivative(f)) work through tanh, exp, sigmoid, log and pow.
import { add, div, exp, gt, lt, log, mul, neg, pow, sigmoid, sqrt, sub, cos, sin, ge, le } from './ops';
import { primalNumber } from './value';
import type { Num } from './value';

/** The name of every one-argument primitive (the keys of PRIMITIVES that take x only). */
export type UnaryOp =
  | 'neg' | 'exp' | 'log' | 'log1p' | 'sqrt' | 'abs' | 'sin' | 'cos' | 'tan' | 'atan' | 'asin' | 'acos'
  | 'tanh' | 'sigmoid' | 'softplus' | 'selu' | 'elu' | 'relu' | 'stopGradient';
/** The name of every two-argument primitive (the keys of PRIMITIVES that take a and b). */
export type BinaryOp = 'add' | 'sub' | 'mul' | 'div' | 'pow' | 'min' | 'max';
/** The key of every primitive (and the `op` of every trace node that is not an input or constant). */
export type PrimitiveOp = UnaryOp | BinaryOp;

/** One derivative rule: d op / d (argument i), given the arguments and the op's value `y`. */
export type PartialRule = (a: Num, b: Num, y: Num) => Num;

/**
 * One differentiable primitive: its value on plain numbers and one derivative rule per argument.
 * Every differentiation mode reads these rules; you only need this type to inspect the table.
 */
export interface Primitive {
  /** The op's key in PRIMITIVES, e.g. "tanh". */
  readonly name: PrimitiveOp;
  /** How many arguments the op takes. */
  readonly arity: 1 | 2;
  /** The value on plain numbers (unary ops ignore `b`). */
  readonly f: (a: number, b: number) => number;
  /** Partial derivatives, one per argument, written with the polymorphic ops. */
  readonly d: readonly PartialRule[];
}

/** SELU constants (Klambauer et al. 2017), the same as TF.js and Keras. */
export const SELU_ALPHA = 1.6732632423543772;
/** The SELU scale λ (Klambauer et al. 2017), the same as TF.js and Keras. */
export const SELU_SCALE = 1.0507009873554805;

const isZero = (x: Num): boolean => primalNumber(x) === 0;

function sigmoidNumber(x: number): number {
  // Two branches so exp never overflows (exp(-x) for large negative x would be Infinity).
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/**
 * The table of differentiable primitives, keyed by op name: each entry's `f` is the value on plain
 * numbers and `d` its partial derivatives (see Primitive). Read-only: it documents which ops every
 * mode (forward, reverse, trace, tensors) differentiates; composite ops are built from these.
 */
export const PRIMITIVES: { readonly [K in PrimitiveOp]: Primitive & { readonly name: K } } = {
  add: { name: 'add', arity: 2, f: (a, b) => a + b, d: [() => 1, () => 1] },
  sub: { name: 'sub', arity: 2, f: (a, b) => a - b, d: [() => 1, () => -1] },
  mul: { name: 'mul', arity: 2, f: (a, b) => a * b, d: [(_a, b) => b, (a) => a] },
  div: { name: 'div', arity: 2, f: (a, b) => a / b, d: [(_a, b) => div(1, b), (_a, b, y) => neg(div(y, b))] },
  // d/da a^b = b a^(b-1), with b = 0 giving 0 (not 0 * 0^-1 = NaN at a = 0);
  // d/db a^b = a^b log a, with a = 0 giving 0 (0^b is constant 0 for b > 0: the article's x = 0).
  pow: {
    name: 'pow', arity: 2, f: Math.pow,
    d: [(a, b) => (isZero(b) ? 0 : mul(b, pow(a, sub(b, 1)))), (a, _b, y) => (isZero(a) ? 0 : mul(y, log(a)))],
  },
  // Ties go to the first argument, so exactly one side receives the gradient.
  min: { name: 'min', arity: 2, f: Math.min, d: [(a, b) => (le(a, b) ? 1 : 0), (a, b) => (le(a, b) ? 0 : 1)] },
  max: { name: 'max', arity: 2, f: Math.max, d: [(a, b) => (ge(a, b) ? 1 : 0), (a, b) => (ge(a, b) ? 0 : 1)] },
  neg: { name: 'neg', arity: 1, f: (x) => -x, d: [() => -1] },
  exp: { name: 'exp', arity: 1, f: Math.exp, d: [(_x, _b, y) => y] },
  log: { name: 'log', arity: 1, f: Math.log, d: [(x) => div(1, x)] },
  log1p: { name: 'log1p', arity: 1, f: Math.log1p, d: [(x) => div(1, add(1, x))] },
  sqrt: { name: 'sqrt', arity: 1, f: Math.sqrt, d: [(_x, _b, y) => div(0.5, y)] },
  abs: { name: 'abs', arity: 1, f: Math.abs, d: [(x) => (gt(x, 0) ? 1 : lt(x, 0) ? -1 : 0)] },
  sin: { name: 'sin', arity: 1, f: Math.sin, d: [(x) => cos(x)] },
  cos: { name: 'cos', arity: 1, f: Math.cos, d: [(x) => neg(sin(x))] },
  tan: { name: 'tan', arity: 1, f: Math.tan, d: [(_x, _b, y) => add(1, mul(y, y))] },
  atan: { name: 'atan', arity: 1, f: Math.atan, d: [(x) => div(1, add(1, mul(x, x)))] },
  asin: { name: 'asin', arity: 1, f: Math.asin, d: [(x) => div(1, sqrt(sub(1, mul(x, x))))] },
  acos: { name: 'acos', arity: 1, f: Math.acos, d: [(x) => neg(div(1, sqrt(sub(1, mul(x, x)))))] },
  tanh: { name: 'tanh', arity: 1, f: Math.tanh, d: [(_x, _b, y) => sub(1, mul(y, y))] },
  sigmoid: { name: 'sigmoid', arity: 1, f: sigmoidNumber, d: [(_x, _b, y) => mul(y, sub(1, y))] },
  // log(1 + e^x) without overflow: max(x, 0) + log1p(e^-|x|).
  softplus: { name: 'softplus', arity: 1, f: (x) => Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))), d: [(x) => sigmoid(x)] },
  selu: {
    name: 'selu', arity: 1,
    f: (x) => (x > 0 ? SELU_SCALE * x : SELU_SCALE * SELU_ALPHA * Math.expm1(x)),
    d: [(x) => (gt(x, 0) ? SELU_SCALE : mul(SELU_SCALE * SELU_ALPHA, exp(x)))],
  },
  elu: { name: 'elu', arity: 1, f: (x) => (x > 0 ? x : Math.expm1(x)), d: [(x) => (gt(x, 0) ? 1 : exp(x))] },
  relu: { name: 'relu', arity: 1, f: (x) => (x > 0 ? x : 0), d: [(x) => (gt(x, 0) ? 1 : 0)] },
  // The identity whose derivative is 0: cuts a value out of differentiation.
  stopGradient: { name: 'stopGradient', arity: 1, f: (x) => x, d: [() => 0] },
};

/** All primitive names, in table order. */
export const PRIMITIVE_OPS = Object.keys(PRIMITIVES) as PrimitiveOp[];
