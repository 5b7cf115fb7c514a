// Bad input at the public entry points of the differentiation engine (grad, valueAndGrad, vjp, jvp,
// derivative, jacobian, hessian, the numeric oracles, pytrees, trace, tensors, scalar ops): one row
// per entry point x kind, each a DiffError with its code and a message naming the argument or value.
import { describe, expect, it } from 'vitest';
import { DiffError } from './errors';
import {
  Tensor,
  activate,
  add,
  ge,
  lt,
  pow,
  setDiffLimits,
  unflatten,
  valueOf,
  where,
  customGradient,
  derivative,
  evaluateTrace,
  flatten,
  grad,
  hessian,
  jacobian,
  jvp,
  log,
  matmul,
  mse,
  mul,
  numericDerivative,
  numericGradient,
  numericHessian,
  numericJacobian,
  sqrt,
  exp,
  tensorScale,
  tensorSum,
  tensorValueAndGrad,
  trace,
  valueAndGrad,
  vjp,
} from './index';
import type { Num } from './value';
import { itRejectsEach, type BadInputRow } from '../test-support/bad-input';

const cyclic: Record<string, unknown> = { a: 1 };
cyclic.self = cyclic;
const square = (p: { x: Num }) => mul(p.x, p.x);
// Inputs whose reading throws: a getter, an index getter, a revoked proxy.
const throwing = { a: 1, get b(): number { throw new Error('boom'); } };
const throwingIndex = Object.defineProperty([1, 2], 1, { get() { throw new Error('index boom'); } }) as number[];
const revoked = Proxy.revocable({}, {});
revoked.revoke();
const wide: unknown[] = [];
wide.push(wide, wide); // a cycle that branches: must fail at depth 64, not walk 2^64 paths
/** A DAG (no cycle) of 2^40 leaf visits: must hit the leaf limit, not run for hours. */
let dag: unknown = 1;
for (let i = 0; i < 40; i++) dag = [dag, dag];
const withLimits = <T,>(l: Parameters<typeof setDiffLimits>[0], run: () => T): T => {
  setDiffLimits(l);
  try {
    return run();
  } finally {
    setDiffLimits(null);
  }
};
const longSum = (x: Num): Num => {
  let s = x;
  for (let i = 0; i < 5000; i++) s = add(s, x);
  return s;
};
const sq = (x: Num) => mul(x, x);

const rows: BadInputRow[] = [
  { entry: 'grad', kind: 'empty', run: () => grad((p: Record<string, Num>) => p.x)({}), code: 'E_NOT_SCALAR', names: /must return one number .*got undefined/ },
  { entry: 'grad', kind: 'malformed', run: () => grad(((p: number[]) => p) as never)([1, 2] as never), code: 'E_NOT_SCALAR', names: /got an array of length 2/ },
  { entry: 'grad', kind: 'non-finite', run: () => grad(square)({ x: NaN }), code: 'E_NON_FINITE', names: /input at x: expected a finite number, got NaN/ },
  { entry: 'grad', kind: 'non-finite', run: () => grad((p: { x: Num }) => sqrt(p.x))({ x: -1 }), code: 'E_NAN', names: /sqrt\(-1\) is NaN/ },
  { entry: 'grad', kind: 'oversized', run: () => grad((p: { x: Num }) => exp(p.x))({ x: 1000 }), code: 'E_NON_FINITE', names: /exp\(1000\) = Infinity/ },
  { entry: 'grad', kind: 'wrong type', run: () => grad(square)({ x: '2' } as never), code: 'E_SHAPE', names: /input at x: expected a number.*got "2"/ },
  { entry: 'grad', kind: 'wrong type', run: () => grad(5 as never), code: 'E_ARGUMENT', names: /f: expected a function, got 5/ },
  { entry: 'grad', kind: 'hostile', run: () => grad(((p: { a: Num }) => p.a) as never)(cyclic as never), code: 'E_SHAPE', names: /nested deeper than 64 levels at self\.self/ },
  { entry: 'grad', kind: 'hostile', run: () => grad(((p: { a: Num }) => p.a) as never)(throwing as never), code: 'E_ARGUMENT', names: /grad input at b: reading it threw: boom/ },
  { entry: 'grad', kind: 'hostile', run: () => grad(((p: { w: { a: Num } }) => p.w.a) as never)({ params: throwing } as never), code: 'E_ARGUMENT', names: /grad input at params\.b: reading it threw: boom/ },
  { entry: 'grad', kind: 'hostile', run: () => grad(((p: Num[]) => p[0]) as never)(throwingIndex as never), code: 'E_ARGUMENT', names: /grad input at \[1\]: reading it threw: index boom/ },
  { entry: 'grad', kind: 'hostile', run: () => grad(((p: Num[]) => p[0]) as never)(wide as never), code: 'E_SHAPE', names: /grad input: nested deeper than 64 levels at \[0\]\[0\]/ },
  { entry: 'grad', kind: 'oversized', run: () => grad((p: Num[]) => p[0])(new Array<number>(5e7)), code: 'E_TOO_LARGE', names: /grad input: 50000001 leaves and containers exceed the limit of 10000000 .*maxLeaves/ },
  { entry: 'grad', kind: 'oversized', run: () => withLimits({ maxLeaves: 1000 }, () => grad((() => 1) as never)(dag as never)), code: 'E_TOO_LARGE', names: /grad input at .*: 100\d leaves and containers exceed the limit of 1000/ },
  { entry: 'grad', kind: 'oversized', run: () => withLimits({ maxTapeNodes: 1000 }, () => grad(longSum)(1)), code: 'E_TOO_LARGE', names: /grad: 1001 tape nodes exceed the limit of 1000 .*maxTapeNodes/ },
  { entry: 'grad', kind: 'wrong type', run: () => grad((p: { x: Num }) => add(p.x, '1' as never))({ x: 1 }), code: 'E_ARGUMENT', names: /add\(a, b\): b: expected a number .*got "1"/ },
  { entry: 'jvp', kind: 'hostile', run: () => jvp(((x: { a: Num }) => x.a) as never, throwing, throwing), code: 'E_ARGUMENT', names: /jvp primals at b: reading it threw: boom/ },
  { entry: 'setDiffLimits', kind: 'malformed', run: () => setDiffLimits({ maxLeaves: 0 }), code: 'E_ARGUMENT', names: /limits\.maxLeaves: expected an integer from 1 to 2147483647, got 0/ },
  { entry: 'setDiffLimits', kind: 'wrong type', run: () => setDiffLimits('big' as never), code: 'E_ARGUMENT', names: /setDiffLimits: limits: expected an object .*got "big"/ },
  { entry: 'valueAndGrad', kind: 'non-finite', run: () => valueAndGrad(square)({ x: Infinity }), code: 'E_NON_FINITE', names: /input at x: .*got Infinity/ },
  { entry: 'vjp', kind: 'wrong type', run: () => vjp(5 as never, 1), code: 'E_ARGUMENT', names: /vjp: f: expected a function, got 5/ },
  { entry: 'vjp', kind: 'non-finite', run: () => vjp(sq as never, NaN), code: 'E_NON_FINITE', names: /vjp input: expected a finite number, got NaN/ },
  { entry: 'vjp', kind: 'non-finite', run: () => vjp(sq as never, 1).vjp(NaN as never), code: 'E_NON_FINITE', names: /vjp cotangent: .*got NaN/ },
  { entry: 'vjp', kind: 'malformed', run: () => vjp(((x: Num) => [mul(x, 2)]) as never, 1).vjp([1, 2] as never), code: 'E_SHAPE', names: /vjp cotangent: expected length 1, got 2/ },
  { entry: 'jvp', kind: 'wrong type', run: () => jvp(5 as never, 1, 1), code: 'E_ARGUMENT', names: /jvp: f: expected a function, got 5/ },
  { entry: 'jvp', kind: 'non-finite', run: () => jvp(sq as never, NaN, 1), code: 'E_NON_FINITE', names: /jvp primals: .*got NaN/ },
  { entry: 'jvp', kind: 'malformed', run: () => jvp(((x: { a: Num }) => x.a) as never, { a: 1 }, { b: 1 } as never), code: 'E_SHAPE', names: /jvp tangents: expected keys \[a\], got \[b\]/ },
  { entry: 'jvp', kind: 'hostile', run: () => jvp(((x: { a: Num }) => x.a) as never, cyclic, cyclic), code: 'E_SHAPE', names: /jvp primals: nested deeper than 64 levels/ },
  { entry: 'derivative', kind: 'non-finite', run: () => derivative(sq)(NaN), code: 'E_NON_FINITE', names: /got NaN/ },
  { entry: 'derivative', kind: 'wrong type', run: () => derivative(sq)('3' as never), code: 'E_ARGUMENT', names: /derivative: x: expected a number, got "3"/ },
  { entry: 'jacobian', kind: 'non-finite', run: () => jacobian((x: Num[]) => x)([NaN]), code: 'E_NON_FINITE', names: /jacobian input at \[0\]: .*got NaN/ },
  { entry: 'jacobian', kind: 'wrong type', run: () => jacobian(5 as never), code: 'E_ARGUMENT', names: /jacobian: f: expected a function, got 5/ },
  { entry: 'hessian', kind: 'non-finite', run: () => hessian((x: Num[]) => mul(x[0], x[0]))([Infinity]), code: 'E_NON_FINITE', names: /hessian input at \[0\]: .*got Infinity/ },
  { entry: 'jacobian', kind: 'oversized', run: () => jacobian((x: Num[]) => x.map((v) => mul(v, 2)), { mode: 'forward' })(new Array<number>(200_000).fill(1)), code: 'E_TOO_LARGE', names: /forward mode with 200000 tangents: \d+ tangent values exceed the limit of 40000000/ },
  { entry: 'hessian', kind: 'oversized', run: () => withLimits({ maxTapeNodes: 1000 }, () => hessian((x: Num[]) => mul(x[0], x[99]))(new Array<number>(100).fill(1))), code: 'E_TOO_LARGE', names: /forward mode with 100 tangents: 4800 tangent values exceed the limit of 4000/ },
  { entry: 'jacobian', kind: 'hostile', run: () => jacobian((x: Num[]) => x, { get mode(): 'auto' { throw new Error('boom'); } })([1]), code: 'E_ARGUMENT', names: /jacobian: reading options\.mode threw: boom/ },
  { entry: 'jacobian', kind: 'wrong type', run: () => jacobian((x: Num[]) => x, null as never)([1]), code: 'E_ARGUMENT', names: /jacobian: options: expected an object or undefined, got null/ },
  { entry: 'jacobian', kind: 'oversized', run: () => withLimits({ maxLeaves: 1000 }, () => jacobian((x: Num[]) => x.slice(0, 20), { mode: 'reverse' })(new Array<number>(100).fill(1))), code: 'E_TOO_LARGE', names: /jacobian \(20 x 100\): 2000 entries exceed the limit of 1000/ },
  { entry: 'hessian', kind: 'oversized', run: () => withLimits({ maxLeaves: 1000 }, () => hessian((x: Num[]) => x[0])(new Array<number>(100).fill(1))), code: 'E_TOO_LARGE', names: /hessian \(100 x 100\): 10000 entries exceed the limit of 1000/ },
  { entry: 'hessian', kind: 'wrong type', run: () => hessian((x: Num[]) => mul(x[0], x[0]))(['1'] as never), code: 'E_SHAPE', names: /hessian input at \[0\]: .*got "1"/ },
  { entry: 'numericDerivative', kind: 'non-finite', run: () => numericDerivative((x) => x * x, NaN), code: 'E_ARGUMENT', names: /numericDerivative: x: expected a finite number, got NaN/ },
  { entry: 'numericDerivative', kind: 'non-finite', run: () => numericDerivative(Math.sqrt, -1), code: 'E_NON_FINITE', names: /returned NaN at -0\.99/ },
  { entry: 'numericDerivative', kind: 'wrong type', run: () => numericDerivative(5 as never, 1), code: 'E_ARGUMENT', names: /f: expected a function, got 5/ },
  { entry: 'numericGradient', kind: 'non-finite', run: () => numericGradient((x: { a: number }) => x.a, { a: NaN }), code: 'E_NON_FINITE', names: /numericGradient input at a: .*got NaN/ },
  { entry: 'numericGradient', kind: 'malformed', run: () => numericGradient((x: number[]) => x[0], [1], { step: NaN } as never), code: 'E_ARGUMENT', names: /options\.step: .*got NaN/ },
  { entry: 'numericGradient', kind: 'hostile', run: () => numericGradient(((x: { a: number }) => x.a) as never, cyclic), code: 'E_SHAPE', names: /numericGradient input: nested deeper than 64 levels/ },
  { entry: 'numericGradient', kind: 'hostile', run: () => numericGradient((x: number[]) => x[0], [1], { get step(): number { throw new Error('boom'); } }), code: 'E_ARGUMENT', names: /numericGradient: reading options\.step threw: boom/ },
  { entry: 'numericGradient', kind: 'wrong type', run: () => numericGradient((x: number[]) => x[0], [1], { step: '0.1' } as never), code: 'E_ARGUMENT', names: /numericGradient: options\.step: expected a number in \(0, 1\), got "0\.1"/ },
  { entry: 'numericHessian', kind: 'oversized', run: () => withLimits({ maxLeaves: 1000 }, () => numericHessian((x: number[]) => x[0], new Array<number>(100).fill(1))), code: 'E_TOO_LARGE', names: /numericHessian \(100 x 100\): 10000 entries exceed the limit of 1000/ },
  { entry: 'numericJacobian', kind: 'non-finite', run: () => numericJacobian((x: number[]) => x, [NaN]), code: 'E_NON_FINITE', names: /numericJacobian input at \[0\]: .*got NaN/ },
  { entry: 'numericHessian', kind: 'non-finite', run: () => numericHessian((x: number[]) => x[0] ** 2, [Infinity]), code: 'E_NON_FINITE', names: /numericHessian input at \[0\]: .*got Infinity/ },
  { entry: 'numericHessian', kind: 'wrong type', run: () => numericHessian(5 as never, [1]), code: 'E_ARGUMENT', names: /numericHessian: f: expected a function, got 5/ },
  { entry: 'flatten', kind: 'non-finite', run: () => flatten({ a: NaN }, 'params'), code: 'E_NON_FINITE', names: /params at a: .*got NaN/ },
  { entry: 'flatten', kind: 'wrong type', run: () => flatten({ a: 'x' }, 'params'), code: 'E_SHAPE', names: /params at a: expected a number.*got "x"/ },
  { entry: 'flatten', kind: 'hostile', run: () => flatten(cyclic, 'params'), code: 'E_SHAPE', names: /params: nested deeper than 64 levels/ },
  { entry: 'trace', kind: 'wrong type', run: () => trace(5 as never, 1), code: 'E_ARGUMENT', names: /trace: f: expected a function, got 5/ },
  { entry: 'trace', kind: 'non-finite', run: () => trace(((x: Num) => x) as never, NaN), code: 'E_NON_FINITE', names: /trace input: .*got NaN/ },
  { entry: 'trace', kind: 'hostile', run: () => trace(((x: { a: Num }) => x.a) as never, cyclic), code: 'E_SHAPE', names: /trace input: nested deeper than 64 levels/ },
  { entry: 'flatten', kind: 'hostile', run: () => flatten(throwing, 'params'), code: 'E_ARGUMENT', names: /params at b: reading it threw: boom/ },
  { entry: 'flatten', kind: 'hostile', run: () => flatten({ w: revoked.proxy }, 'params'), code: 'E_ARGUMENT', names: /params at w: reading it threw: .*revoked/ },
  { entry: 'unflatten', kind: 'malformed', run: () => unflatten({ kind: 'bogus' } as never, [1], false), code: 'E_ARGUMENT', names: /unflatten: def\.kind: expected 'leaf', 'typed', 'array' or 'record', got "bogus"/ },
  { entry: 'unflatten', kind: 'malformed', run: () => unflatten({ kind: 'array', items: [{ kind: 'leaf' }] }, [1, 2], false), code: 'E_SHAPE', names: /def has 1 leaves, got 2 values/ },
  { entry: 'unflatten', kind: 'wrong type', run: () => unflatten({ kind: 'leaf' }, ['1'] as never, false), code: 'E_ARGUMENT', names: /unflatten: leaves\[0\]: expected a number, got "1"/ },
  { entry: 'unflatten', kind: 'hostile', run: () => unflatten({ kind: 'record', keys: ['a'], items: [null] } as never, [1], false), code: 'E_ARGUMENT', names: /unflatten: def\.a: expected a TreeDef/ },
  { entry: 'trace', kind: 'hostile', run: () => trace(((x: { a: Num }) => x.a) as never, throwing), code: 'E_ARGUMENT', names: /trace input at b: reading it threw: boom/ },
  { entry: 'trace', kind: 'oversized', run: () => withLimits({ maxTapeNodes: 1000 }, () => trace(longSum as never, 1)), code: 'E_TOO_LARGE', names: /trace: 1001 nodes exceed the limit of 1000/ },
  { entry: 'evaluateTrace', kind: 'non-finite', run: () => evaluateTrace(trace(((x: Num) => mul(x, 2)) as never, 1), [NaN]), code: 'E_NON_FINITE', names: /inputs\[0\]: expected a finite number, got NaN/ },
  { entry: 'evaluateTrace', kind: 'non-finite', run: () => evaluateTrace(trace(((p: { r: Num }) => log(p.r)) as never, { r: 1 }), [-1]), code: 'E_NAN', names: /log\(-1\) is NaN/ },
  { entry: 'evaluateTrace', kind: 'wrong type', run: () => evaluateTrace(trace(((x: Num) => mul(x, 2)) as never, 1), ['2'] as never), code: 'E_ARGUMENT', names: /inputs\[0\]: expected a finite number, got "2"/ },
  { entry: 'evaluateTrace', kind: 'malformed', run: () => evaluateTrace({} as never, [1]), code: 'E_ARGUMENT', names: /trace\.nodes: expected an array of trace nodes, got undefined/ },
  { entry: 'evaluateTrace', kind: 'hostile', run: () => evaluateTrace({ nodes: [{ id: 0, op: '__proto__', args: [] }], inputs: [], outputs: [0], guards: [] } as never, []), code: 'E_ARGUMENT', names: /trace\.nodes\[0\]\.op: expected a primitive op, 'input' or 'const', got "__proto__"/ },
  { entry: 'evaluateTrace', kind: 'hostile', run: () => evaluateTrace({ nodes: [{ id: 0, op: 'exp', args: [0] }], inputs: [], outputs: [0], guards: [] } as never, []), code: 'E_ARGUMENT', names: /trace\.nodes\[0\]\.args: expected 1 id\(s\) of earlier nodes for exp/ },
  { entry: 'evaluateTrace', kind: 'hostile', run: () => evaluateTrace(trace(((x: Num) => x) as never, 1), Object.defineProperty([1], 0, { get() { throw new Error('boom'); } }) as number[]), code: 'E_ARGUMENT', names: /evaluateTrace: reading inputs threw: boom/ },
  { entry: 'evaluateTrace', kind: 'hostile', run: () => evaluateTrace({ nodes: [{ get op(): string { throw new Error('boom'); } }], inputs: [], outputs: [], guards: [] } as never, []), code: 'E_ARGUMENT', names: /evaluateTrace: reading the trace threw: boom/ },
  { entry: 'evaluateTrace', kind: 'empty', run: () => evaluateTrace(trace(((x: Num) => mul(x, 2)) as never, 1), []), code: 'E_SHAPE', names: /expected 1 inputs, got 0/ },
  { entry: 'evaluateTrace', kind: 'malformed', run: () => evaluateTrace(trace(((x: Num) => mul(x, 2)) as never, 1), [1, 2]), code: 'E_SHAPE', names: /expected 1 inputs, got 2/ },
  { entry: 'log', kind: 'non-finite', run: () => log(-1), code: 'E_NAN', names: /log\(-1\) is NaN/ },
  { entry: 'add', kind: 'wrong type', run: () => add('1' as never, 2), code: 'E_ARGUMENT', names: /add\(a, b\): a: expected a number or a value of grad\/jvp\/trace, got "1"/ },
  { entry: 'pow', kind: 'wrong type', run: () => pow({} as never, 2), code: 'E_ARGUMENT', names: /pow\(a, b\): a: .*got an object/ },
  { entry: 'exp', kind: 'wrong type', run: () => exp(null as never), code: 'E_ARGUMENT', names: /exp\(x\): x: .*got null/ },
  { entry: 'where', kind: 'wrong type', run: () => where('a' as never, 1, 2), code: 'E_ARGUMENT', names: /where\(cond, a, b\): cond: expected a boolean .*got "a"/ },
  { entry: 'ge', kind: 'wrong type', run: () => grad((p: { x: Num }) => (ge(p.x, {} as never) ? p.x : 0))({ x: 1 }), code: 'E_ARGUMENT', names: /ge\(a, b\): b: .*got an object/ },
  { entry: 'lt', kind: 'wrong type', run: () => lt('a' as never, 1), code: 'E_ARGUMENT', names: /lt\(a, b\): a: .*got "a"/ },
  { entry: 'valueOf', kind: 'wrong type', run: () => valueOf({} as never), code: 'E_ARGUMENT', names: /valueOf\(x\): x: .*got an object/ },
  { entry: 'customGradient', kind: 'non-finite', run: () => customGradient((x: Num) => x, (_x, g) => [g])(NaN), code: 'E_NON_FINITE', names: /customGradient: argument 1 is NaN/ },
  { entry: 'customGradient', kind: 'non-finite', run: () => customGradient((x: Num) => Math.sqrt(x as number), () => [0], 'mySqrt')(-1), code: 'E_NAN', names: /mySqrt\(-1\) is NaN/ },
  { entry: 'customGradient', kind: 'wrong type', run: () => customGradient((x: Num) => x, () => [0], 'id')('1' as never), code: 'E_ARGUMENT', names: /id: argument 1: expected a number .*got "1"/ },
  { entry: 'customGradient', kind: 'wrong type', run: () => customGradient((() => 'y') as never, () => [0], 'bad')(1 as never), code: 'E_ARGUMENT', names: /bad: the value function's result: expected a number, got "y"/ },
  { entry: 'customGradient', kind: 'wrong type', run: () => customGradient(5 as never, 5 as never), code: 'E_ARGUMENT', names: /customGradient: f: expected a function, got 5/ },
  { entry: 'Tensor.from', kind: 'empty', run: () => Tensor.from(0, 0, []), code: 'E_SHAPE', names: /got 0 x 0/ },
  { entry: 'Tensor.from', kind: 'malformed', run: () => Tensor.from(2, 2, [1, 2, 3]), code: 'E_SHAPE', names: /expected 4 values for 2 x 2, got 3/ },
  { entry: 'Tensor.from', kind: 'non-finite', run: () => Tensor.from(1, 2, [1, Infinity]), code: 'E_NON_FINITE', names: /element 1: .*got Infinity/ },
  { entry: 'Tensor.from', kind: 'oversized', run: () => Tensor.from(1e6, 1e6, []), code: 'E_SHAPE', names: /at most 16777216 elements, got 1000000 x 1000000/ },
  { entry: 'Tensor.from', kind: 'hostile', run: () => Tensor.from(1, 2, Object.defineProperty([1, 2], 1, { get() { throw new Error('boom'); } }) as number[]), code: 'E_ARGUMENT', names: /Tensor\.from: reading the data threw: boom/ },
  { entry: 'Tensor.from', kind: 'wrong type', run: () => Tensor.from(1, 1, null as never), code: 'E_SHAPE', names: /Tensor\.from: data: expected an array or Float64Array of numbers, got null/ },
  { entry: 'Tensor.column', kind: 'hostile', run: () => Tensor.column(new Proxy([1], { get() { throw new Error('trap'); } })), code: 'E_ARGUMENT', names: /Tensor\.column: reading the data threw: trap/ },
  { entry: 'Tensor.from', kind: 'wrong type', run: () => Tensor.from('1' as never, 1, [1]), code: 'E_SHAPE', names: /got "1" x 1/ },
  { entry: 'matmul', kind: 'malformed', run: () => matmul(Tensor.zeros(2, 3), Tensor.zeros(2, 3)), code: 'E_SHAPE', names: /a is 2 x 3 and b is 2 x 3/ },
  { entry: 'matmul', kind: 'wrong type', run: () => matmul([1] as never, [2] as never), code: 'E_SHAPE', names: /matmul a: expected a Tensor or TensorVar/ },
  { entry: 'mse', kind: 'malformed', run: () => mse(Tensor.zeros(1, 2), Tensor.zeros(2, 1)), code: 'E_SHAPE', names: /b is 2 x 1, expected 1 x 2/ },
  { entry: 'activate', kind: 'hostile', run: () => activate(Tensor.zeros(1, 1), '__proto__' as never), code: 'E_ARGUMENT', names: /unknown elementwise op __proto__/ },
  { entry: 'tensorScale', kind: 'non-finite', run: () => tensorScale(Tensor.zeros(1, 1), NaN), code: 'E_NON_FINITE', names: /expected a finite factor, got NaN/ },
  { entry: 'tensorValueAndGrad', kind: 'empty', run: () => tensorValueAndGrad(() => Tensor.zeros(1, 1), {}), code: 'E_NOT_SCALAR', names: /does not depend on the params/ },
  { entry: 'tensorValueAndGrad', kind: 'wrong type', run: () => tensorValueAndGrad(5 as never, {}), code: 'E_ARGUMENT', names: /f: expected a function, got 5/ },
  { entry: 'tensorValueAndGrad', kind: 'hostile', run: () => tensorValueAndGrad(((p: { a: never }) => tensorSum(p.a)) as never, cyclic as never), code: 'E_SHAPE', names: /params at a must be Tensors/ },
  { entry: 'tensorValueAndGrad', kind: 'oversized', run: () => withLimits({ maxTapeNodes: 100 }, () => tensorValueAndGrad(((p: { a: never }) => tensorSum(tensorScale(p.a, 2))) as never, { a: Tensor.zeros(20, 20) } as never)), code: 'E_TOO_LARGE', names: /tensorValueAndGrad tape: 800 recorded tensor elements exceed the limit of 400/ },
  { entry: 'tensorValueAndGrad', kind: 'hostile', run: () => tensorValueAndGrad(((p: { a: never }) => tensorSum(p.a)) as never, { a: Tensor.zeros(1, 1), get b(): never { throw new Error('boom'); } } as never), code: 'E_ARGUMENT', names: /params at b: reading it threw: boom/ },
];

describe('core/diff: bad input is a typed DiffError naming what was wrong', () => {
  itRejectsEach(rows, DiffError);

  it('an own "__proto__" key (JSON.parse) is carried: its gradient is an own property of the result', () => {
    const params = JSON.parse('{"__proto__": 1, "x": 2}') as { x: number };
    const g = grad((p: { x: Num }) => mul(p.x, 1))(params);
    expect(Object.getOwnPropertyNames(g)).toEqual(['__proto__', 'x']);
    expect(Object.getPrototypeOf(g)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(g, '__proto__')?.value).toBe(0);
    expect(g.x).toBe(1);
    const seen = valueAndGrad((p: Record<string, Num>) => mul(Object.getOwnPropertyDescriptor(p, '__proto__')?.value as Num, 3))(params as never);
    expect(seen.value).toBe(3);
    expect(Object.getOwnPropertyDescriptor(seen.grad, '__proto__')?.value).toBe(3);
  });

  it('plain-number ops given a NaN return NaN (the documented IEEE result); inside grad/jvp the NaN input is a typed error', () => {
    expect(add(NaN, 2)).toBeNaN();
    expect(() => grad((p: { w: { b: Num } }) => add(p.w.b, 2))({ w: { b: NaN } })).toThrow(/grad input at w\.b: expected a finite number, got NaN/);
    expect(() => jvp((x: Num) => add(x, 2), NaN, 1)).toThrow(/jvp primals: expected a finite number, got NaN/);
  });

  it('the limits are restored by setDiffLimits(null) and a large but allowed tape still works', () => {
    expect(setDiffLimits(null)).toEqual({ maxLeaves: 10_000_000, maxTapeNodes: 10_000_000 });
    expect(grad(longSum)(1)).toBe(5001);
  });

  it('tensorValueAndGrad carries an own "__proto__" key and reads each param once', () => {
    let reads = 0;
    const params = { get w() { reads++; return Tensor.from(1, 1, [3]); } };
    const r = tensorValueAndGrad((p: { w: never }) => tensorSum(tensorScale(p.w, 2)) as never, params as never);
    expect(reads).toBe(1);
    expect(Array.from((r.grad as unknown as { w: Tensor }).w.data)).toEqual([2]);
    const withProto = JSON.parse('{"__proto__": 0}', (k, v) => (k === '__proto__' ? Tensor.from(1, 1, [1]) : v)) as Record<string, Tensor>;
    const g = tensorValueAndGrad((p: Record<string, never>) => tensorSum(Object.getOwnPropertyDescriptor(p, '__proto__')?.value as never) as never, withProto as never).grad;
    expect(Object.getOwnPropertyNames(g)).toEqual(['__proto__']);
  });

  it('a parameter named constructor is differentiated like any other', () => {
    expect(valueAndGrad((p: { constructor: Num }) => mul(p.constructor, p.constructor))(JSON.parse('{"constructor": 3}'))).toEqual({ value: 9, grad: { constructor: 6 } });
  });
});
