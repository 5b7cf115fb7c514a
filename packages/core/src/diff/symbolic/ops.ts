// The operations of the formula language: one row per op with its arity, its numeric kernel
// (used by evaluation, constant folding and the compile interpreter) and its JavaScript template
// (used by toJavaScript and the compile code generator). Kernels and templates compute the same
// thing in the same order, so the two compile back ends agree bit for bit.

/** SELU constants (Klambauer et al. 2017), the same as TF.js and Keras. */
export const SELU_ALPHA = 1.6732632423543772;
export const SELU_SCALE = 1.0507009873554805;

/** The operation of a node in a symbolic formula's graph (what the formula language's operators and functions become). */
export type OpName =
  | 'add' | 'sub' | 'mul' | 'smul' | 'div' | 'neg' | 'pow'
  | 'exp' | 'log' | 'log1p' | 'sqrt' | 'abs' | 'sign'
  | 'sin' | 'cos' | 'tan' | 'atan' | 'asin' | 'acos' | 'tanh'
  | 'sigmoid' | 'softplus' | 'selu' | 'elu' | 'relu' | 'stopGradient'
  | 'min' | 'max' | 'clamp' | 'where'
  | 'lt' | 'le' | 'gt' | 'ge' | 'eq' | 'ne';

export interface OpSpec {
  readonly arity: number;
  /** The numeric value of the op on plain numbers. */
  readonly kernel: (a: number, b: number, c: number) => number;
  /** A JavaScript expression computing the op from argument expressions (identifiers or literals). */
  readonly js: (a: string, b: string, c: string) => string;
}

function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const t = Math.exp(x);
  return t / (1 + t);
}
// log(1 + e^x) without overflow, written exactly as the engine's primitive table does.
function softplus(x: number): number {
  return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
}

const unaryMath = (fn: (x: number) => number, name: string): OpSpec => ({
  arity: 1,
  kernel: fn,
  js: (a) => `Math.${name}(${a})`,
});
const compare = (kernel: (a: number, b: number) => boolean, op: string): OpSpec => ({
  arity: 2,
  kernel: (a, b) => (kernel(a, b) ? 1 : 0),
  js: (a, b) => `(${a} ${op} ${b} ? 1 : 0)`,
});

export const OPS: Readonly<Record<OpName, OpSpec>> = {
  add: { arity: 2, kernel: (a, b) => a + b, js: (a, b) => `${a} + ${b}` },
  sub: { arity: 2, kernel: (a, b) => a - b, js: (a, b) => `${a} - ${b}` },
  mul: { arity: 2, kernel: (a, b) => a * b, js: (a, b) => `${a} * ${b}` },
  // The product of an adjoint and a partial, where an exact 0 wins over Infinity (as in the
  // engine's mulStrongZero): the article's b / x^c is Infinity at x = 0, its adjoint is 0 there,
  // and the contribution is 0, not NaN. Derivatives print it as '*'.
  smul: { arity: 2, kernel: (a, b) => (a === 0 || b === 0 ? 0 : a * b), js: (a, b) => `(${a} === 0 || ${b} === 0 ? 0 : ${a} * ${b})` },
  div: { arity: 2, kernel: (a, b) => a / b, js: (a, b) => `${a} / ${b}` },
  neg: { arity: 1, kernel: (a) => -a, js: (a) => `-${a}` },
  pow: { arity: 2, kernel: Math.pow, js: (a, b) => `Math.pow(${a}, ${b})` },
  exp: unaryMath(Math.exp, 'exp'),
  log: unaryMath(Math.log, 'log'),
  log1p: unaryMath(Math.log1p, 'log1p'),
  sqrt: unaryMath(Math.sqrt, 'sqrt'),
  abs: unaryMath(Math.abs, 'abs'),
  sign: unaryMath(Math.sign, 'sign'),
  sin: unaryMath(Math.sin, 'sin'),
  cos: unaryMath(Math.cos, 'cos'),
  tan: unaryMath(Math.tan, 'tan'),
  atan: unaryMath(Math.atan, 'atan'),
  asin: unaryMath(Math.asin, 'asin'),
  acos: unaryMath(Math.acos, 'acos'),
  tanh: unaryMath(Math.tanh, 'tanh'),
  sigmoid: {
    arity: 1,
    kernel: sigmoid,
    js: (a) => `(${a} >= 0 ? 1 / (1 + Math.exp(-${a})) : Math.exp(${a}) / (1 + Math.exp(${a})))`,
  },
  softplus: {
    arity: 1,
    kernel: softplus,
    js: (a) => `(Math.max(${a}, 0) + Math.log1p(Math.exp(-Math.abs(${a}))))`,
  },
  selu: {
    arity: 1,
    // Written as the engine's primitive table writes it ((scale * alpha) * expm1), so values match bit for bit.
    kernel: (x) => (x > 0 ? SELU_SCALE * x : SELU_SCALE * SELU_ALPHA * Math.expm1(x)),
    js: (a) => `(${a} > 0 ? ${SELU_SCALE} * ${a} : ${SELU_SCALE} * ${SELU_ALPHA} * Math.expm1(${a}))`,
  },
  elu: { arity: 1, kernel: (x) => (x > 0 ? x : Math.expm1(x)), js: (a) => `(${a} > 0 ? ${a} : Math.expm1(${a}))` },
  relu: { arity: 1, kernel: (x) => (x > 0 ? x : 0), js: (a) => `(${a} > 0 ? ${a} : 0)` },
  // The identity with derivative 0 (cuts a value out of differentiation).
  stopGradient: { arity: 1, kernel: (x) => x, js: (a) => a },
  min: { arity: 2, kernel: (a, b) => (a <= b ? a : b), js: (a, b) => `(${a} <= ${b} ? ${a} : ${b})` },
  max: { arity: 2, kernel: (a, b) => (a >= b ? a : b), js: (a, b) => `(${a} >= ${b} ? ${a} : ${b})` },
  clamp: {
    arity: 3,
    kernel: (x, lo, hi) => (x < lo ? lo : x > hi ? hi : x),
    js: (a, b, c) => `(${a} < ${b} ? ${b} : ${a} > ${c} ? ${c} : ${a})`,
  },
  where: { arity: 3, kernel: (c, a, b) => (c !== 0 ? a : b), js: (a, b, c) => `(${a} !== 0 ? ${b} : ${c})` },
  lt: compare((a, b) => a < b, '<'),
  le: compare((a, b) => a <= b, '<='),
  gt: compare((a, b) => a > b, '>'),
  ge: compare((a, b) => a >= b, '>='),
  eq: compare((a, b) => a === b, '==='),
  ne: compare((a, b) => a !== b, '!=='),
};

/** Functions callable by name in a formula (every engine primitive plus pow, min, max, clamp, where). */
export const FORMULA_FUNCTIONS: readonly OpName[] = [
  'exp', 'log', 'log1p', 'sqrt', 'abs', 'sign', 'sin', 'cos', 'tan', 'atan', 'asin', 'acos', 'tanh',
  'sigmoid', 'softplus', 'selu', 'elu', 'relu', 'stopGradient', 'pow', 'min', 'max', 'clamp', 'where',
];

/** Named constants of the formula language. */
export const FORMULA_CONSTANTS: ReadonlyMap<string, number> = new Map([
  ['pi', Math.PI],
  ['e', Math.E],
]);

const functionSet: ReadonlyMap<string, OpName> = new Map(FORMULA_FUNCTIONS.map((name) => [name, name]));

/** The op a function name calls, or undefined (a Map, so `constructor` or `__proto__` are not found). */
export function functionOp(name: string): OpName | undefined {
  return functionSet.get(name);
}

/** True for the ops that give 0 or 1 and have a zero derivative everywhere they have one. */
export function isComparison(op: string): boolean {
  return op === 'lt' || op === 'le' || op === 'gt' || op === 'ge' || op === 'eq' || op === 'ne';
}
