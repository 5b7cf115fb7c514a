// Bad input at the public entry points of the differentiation engine (grad, valueAndGrad, vjp, jvp,
// derivative, jacobian, hessian, the numeric oracles, pytrees, trace, tensors, scalar ops): one row
// per entry point x kind, each a DiffError with its code and a message naming the argument or value.
import { describe, expect, it } from 'vitest';
import { DiffError } from './errors';
import {
  Tensor,
  activate,
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

type Kind = 'empty' | 'malformed' | 'non-finite' | 'oversized' | 'hostile' | 'wrong type';
interface Row {
  entry: string;
  kind: Kind;
  run: () => unknown;
  code: DiffError['code'];
  names: RegExp;
}

const cyclic: Record<string, unknown> = { a: 1 };
cyclic.self = cyclic;
const square = (p: { x: Num }) => mul(p.x, p.x);
const sq = (x: Num) => mul(x, x);

const rows: Row[] = [
  { entry: 'grad', kind: 'empty', run: () => grad((p: Record<string, Num>) => p.x)({}), code: 'E_NOT_SCALAR', names: /must return one number .*got undefined/ },
  { entry: 'grad', kind: 'malformed', run: () => grad(((p: number[]) => p) as never)([1, 2] as never), code: 'E_NOT_SCALAR', names: /got an array of length 2/ },
  { entry: 'grad', kind: 'non-finite', run: () => grad(square)({ x: NaN }), code: 'E_NON_FINITE', names: /input at x: expected a finite number, got NaN/ },
  { entry: 'grad', kind: 'non-finite', run: () => grad((p: { x: Num }) => sqrt(p.x))({ x: -1 }), code: 'E_NAN', names: /sqrt\(-1\) is NaN/ },
  { entry: 'grad', kind: 'oversized', run: () => grad((p: { x: Num }) => exp(p.x))({ x: 1000 }), code: 'E_NON_FINITE', names: /exp\(1000\) = Infinity/ },
  { entry: 'grad', kind: 'wrong type', run: () => grad(square)({ x: '2' } as never), code: 'E_SHAPE', names: /input at x: expected a number.*got "2"/ },
  { entry: 'grad', kind: 'wrong type', run: () => grad(5 as never), code: 'E_ARGUMENT', names: /f: expected a function, got 5/ },
  { entry: 'grad', kind: 'hostile', run: () => grad(((p: { a: Num }) => p.a) as never)(cyclic as never), code: 'E_SHAPE', names: /nested deeper than 64 levels at self\.self/ },
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
  { entry: 'hessian', kind: 'wrong type', run: () => hessian((x: Num[]) => mul(x[0], x[0]))(['1'] as never), code: 'E_SHAPE', names: /hessian input at \[0\]: .*got "1"/ },
  { entry: 'numericDerivative', kind: 'non-finite', run: () => numericDerivative((x) => x * x, NaN), code: 'E_ARGUMENT', names: /numericDerivative: x: expected a finite number, got NaN/ },
  { entry: 'numericDerivative', kind: 'non-finite', run: () => numericDerivative(Math.sqrt, -1), code: 'E_NON_FINITE', names: /returned NaN at -0\.99/ },
  { entry: 'numericDerivative', kind: 'wrong type', run: () => numericDerivative(5 as never, 1), code: 'E_ARGUMENT', names: /f: expected a function, got 5/ },
  { entry: 'numericGradient', kind: 'non-finite', run: () => numericGradient((x: { a: number }) => x.a, { a: NaN }), code: 'E_NON_FINITE', names: /numericGradient input at a: .*got NaN/ },
  { entry: 'numericGradient', kind: 'malformed', run: () => numericGradient((x: number[]) => x[0], [1], { step: NaN } as never), code: 'E_ARGUMENT', names: /options\.step: .*got NaN/ },
  { entry: 'numericGradient', kind: 'hostile', run: () => numericGradient(((x: { a: number }) => x.a) as never, cyclic), code: 'E_SHAPE', names: /numericGradient input: nested deeper than 64 levels/ },
  { entry: 'numericJacobian', kind: 'non-finite', run: () => numericJacobian((x: number[]) => x, [NaN]), code: 'E_NON_FINITE', names: /numericJacobian input at \[0\]: .*got NaN/ },
  { entry: 'numericHessian', kind: 'non-finite', run: () => numericHessian((x: number[]) => x[0] ** 2, [Infinity]), code: 'E_NON_FINITE', names: /numericHessian input at \[0\]: .*got Infinity/ },
  { entry: 'numericHessian', kind: 'wrong type', run: () => numericHessian(5 as never, [1]), code: 'E_ARGUMENT', names: /numericHessian: f: expected a function, got 5/ },
  { entry: 'flatten', kind: 'non-finite', run: () => flatten({ a: NaN }, 'params'), code: 'E_NON_FINITE', names: /params at a: .*got NaN/ },
  { entry: 'flatten', kind: 'wrong type', run: () => flatten({ a: 'x' }, 'params'), code: 'E_SHAPE', names: /params at a: expected a number.*got "x"/ },
  { entry: 'flatten', kind: 'hostile', run: () => flatten(cyclic, 'params'), code: 'E_SHAPE', names: /params: nested deeper than 64 levels/ },
  { entry: 'trace', kind: 'wrong type', run: () => trace(5 as never, 1), code: 'E_ARGUMENT', names: /trace: f: expected a function, got 5/ },
  { entry: 'trace', kind: 'non-finite', run: () => trace(((x: Num) => x) as never, NaN), code: 'E_NON_FINITE', names: /trace input: .*got NaN/ },
  { entry: 'trace', kind: 'hostile', run: () => trace(((x: { a: Num }) => x.a) as never, cyclic), code: 'E_SHAPE', names: /trace input: nested deeper than 64 levels/ },
  { entry: 'evaluateTrace', kind: 'empty', run: () => evaluateTrace(trace(((x: Num) => mul(x, 2)) as never, 1), []), code: 'E_SHAPE', names: /expected 1 inputs, got 0/ },
  { entry: 'evaluateTrace', kind: 'malformed', run: () => evaluateTrace(trace(((x: Num) => mul(x, 2)) as never, 1), [1, 2]), code: 'E_SHAPE', names: /expected 1 inputs, got 2/ },
  { entry: 'log', kind: 'non-finite', run: () => log(-1), code: 'E_NAN', names: /log\(-1\) is NaN/ },
  { entry: 'customGradient', kind: 'wrong type', run: () => customGradient(5 as never, 5 as never), code: 'E_ARGUMENT', names: /customGradient: f: expected a function, got 5/ },
  { entry: 'Tensor.from', kind: 'empty', run: () => Tensor.from(0, 0, []), code: 'E_SHAPE', names: /got 0 x 0/ },
  { entry: 'Tensor.from', kind: 'malformed', run: () => Tensor.from(2, 2, [1, 2, 3]), code: 'E_SHAPE', names: /expected 4 values for 2 x 2, got 3/ },
  { entry: 'Tensor.from', kind: 'non-finite', run: () => Tensor.from(1, 2, [1, Infinity]), code: 'E_NON_FINITE', names: /element 1: .*got Infinity/ },
  { entry: 'Tensor.from', kind: 'oversized', run: () => Tensor.from(1e6, 1e6, []), code: 'E_SHAPE', names: /at most 16777216 elements, got 1000000 x 1000000/ },
  { entry: 'Tensor.from', kind: 'wrong type', run: () => Tensor.from('1' as never, 1, [1]), code: 'E_SHAPE', names: /got "1" x 1/ },
  { entry: 'matmul', kind: 'malformed', run: () => matmul(Tensor.zeros(2, 3), Tensor.zeros(2, 3)), code: 'E_SHAPE', names: /a is 2 x 3 and b is 2 x 3/ },
  { entry: 'matmul', kind: 'wrong type', run: () => matmul([1] as never, [2] as never), code: 'E_SHAPE', names: /matmul a: expected a Tensor or TensorVar/ },
  { entry: 'mse', kind: 'malformed', run: () => mse(Tensor.zeros(1, 2), Tensor.zeros(2, 1)), code: 'E_SHAPE', names: /b is 2 x 1, expected 1 x 2/ },
  { entry: 'activate', kind: 'hostile', run: () => activate(Tensor.zeros(1, 1), '__proto__' as never), code: 'E_ARGUMENT', names: /unknown elementwise op __proto__/ },
  { entry: 'tensorScale', kind: 'non-finite', run: () => tensorScale(Tensor.zeros(1, 1), NaN), code: 'E_NON_FINITE', names: /expected a finite factor, got NaN/ },
  { entry: 'tensorValueAndGrad', kind: 'empty', run: () => tensorValueAndGrad(() => Tensor.zeros(1, 1), {}), code: 'E_NOT_SCALAR', names: /does not depend on the params/ },
  { entry: 'tensorValueAndGrad', kind: 'wrong type', run: () => tensorValueAndGrad(5 as never, {}), code: 'E_ARGUMENT', names: /f: expected a function, got 5/ },
  { entry: 'tensorValueAndGrad', kind: 'hostile', run: () => tensorValueAndGrad(((p: { a: never }) => tensorSum(p.a)) as never, cyclic as never), code: 'E_SHAPE', names: /params at a must be Tensors/ },
];

describe('core/diff: bad input is a typed DiffError naming what was wrong', () => {
  it.each(rows.map((r) => [`${r.entry} / ${r.kind}: ${r.names.source.slice(0, 40)}`, r] as const))('%s', (_label, row) => {
    let thrown: unknown;
    try {
      row.run();
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(DiffError);
    expect((thrown as DiffError).code).toBe(row.code);
    expect((thrown as Error).message).toMatch(row.names);
  });

  it('a parameter named constructor is differentiated like any other', () => {
    expect(valueAndGrad((p: { constructor: Num }) => mul(p.constructor, p.constructor))(JSON.parse('{"constructor": 3}'))).toEqual({ value: 9, grad: { constructor: 6 } });
  });
});
