// Every documented failure gets a typed DiffError whose message names the op, the value and the
// expectation; nothing comes back as NaN.
import { describe, expect, it } from 'vitest';
import { add, div, log, mul, sqrt, sub, pow, exp } from './ops';
import { derivative, jvp } from './jvp';
import { grad, valueAndGrad, vjp } from './reverse';
import { hessian, jacobian } from './higher';
import { numericDerivative } from './numeric';
import { customGradient } from './custom';
import { DiffError } from './errors';
import type { Num } from './value';

function caught(fn: () => unknown): DiffError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DiffError);
    return e as DiffError;
  }
  throw new Error('expected a DiffError');
}

describe('typed errors', () => {
  it('grad of a non-scalar output', () => {
    const e = caught(() => grad((x: Num[]) => [x[0], x[1]] as unknown as Num)([1, 2]));
    expect(e.code).toBe('E_NOT_SCALAR');
    expect(e.message).toMatch(/array of length 2/);
  });

  it('NaN produced inside names the op and its operand values', () => {
    let e = caught(() => grad((x: Num) => log(sub(x, 2)))(1));
    expect(e.code).toBe('E_NAN');
    expect(e.message).toContain('log(-1)');
    e = caught(() => derivative((x: Num) => sqrt(x))(-4));
    expect(e.message).toContain('sqrt(-4)');
    e = caught(() => div(0, 0));
    expect(e.message).toContain('div(0, 0)');
    e = caught(() => grad((p: Num[]) => pow(p[0], p[1]))([-2, 3]));
    expect(e.message).toMatch(/derivative of pow with respect to argument 2 at pow\(-2, 3\)|log\(-2\)/);
  });

  it('an infinite value or gradient names the op that overflowed', () => {
    let e = caught(() => valueAndGrad((x: Num) => exp(mul(x, 1000)))(1));
    expect(e.code).toBe('E_NON_FINITE');
    expect(e.message).toContain('exp(1000) = Infinity');
    e = caught(() => grad((x: Num) => sqrt(x))(0));
    expect(e.code).toBe('E_NON_FINITE');
    expect(e.message).toMatch(/gradient at the input is Infinity/);
    e = caught(() => jvp((x: Num) => div(1, x), 0, 1));
    expect(e.message).toContain('div(1, 0) = Infinity');
  });

  it('inputs, tangents and cotangents of the wrong shape', () => {
    expect(caught(() => grad((x: Num) => x)('3' as unknown as number)).code).toBe('E_SHAPE');
    expect(caught(() => grad((x: Num) => x)(NaN)).code).toBe('E_NON_FINITE');
    expect(caught(() => grad((x: Num[]) => x[0])([1, Infinity])).message).toMatch(/grad input at \[1\]: expected a finite number, got Infinity/);
    expect(caught(() => grad((p: { a: Num }) => p.a)({ a: [1, Infinity] } as unknown as { a: number })).message).toMatch(/a\[1\]/);
    expect(caught(() => jvp((x: Num[]) => add(x[0], x[1]), [1, 2], [1])).message).toMatch(/expected length 2, got 1/);
    const r = vjp((p: { a: Num }) => ({ y: mul(p.a, 2) }), { a: 1 });
    expect(caught(() => r.vjp({ z: 1 } as unknown as { y: number })).message).toMatch(/expected keys \[y\]/);
    const deep: Record<string, unknown> = {};
    deep.self = deep;
    expect(caught(() => grad(() => 0)(deep as never)).message).toMatch(/deeper than/);
    expect(caught(() => numericDerivative((x) => Math.log(x), 0)).code).toBe('E_NON_FINITE');
  });

  it('mixing values of different tapes', () => {
    let leaked: Num = 0;
    grad((x: Num) => {
      leaked = mul(x, 2);
      return leaked;
    })(1);
    const e = caught(() => grad((y: Num) => add(y, leaked))(3));
    expect(e.code).toBe('E_STALE_VALUE');
    expect(caught(() => grad((_x: Num) => leaked)(3)).code).toBe('E_STALE_VALUE');
  });

  it('bad arguments', () => {
    expect(caught(() => grad(3 as unknown as () => Num)).code).toBe('E_ARGUMENT');
    expect(caught(() => jacobian((x: Num) => x, { mode: 'sideways' as 'auto' })).code).toBe('E_ARGUMENT');
    const bad = customGradient((a: Num, b: Num) => add(a, b), () => [1]);
    expect(caught(() => grad((p: Num[]) => bad(p[0], p[1]))([1, 2])).code).toBe('E_SHAPE');
    expect(caught(() => hessian((x: Num[]) => [x[0]] as unknown as Num)([1])).code).toBe('E_NOT_SCALAR');
  });
});
