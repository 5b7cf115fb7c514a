// Native comparisons and Math functions on traced values (issue 14, point 8): they used to be
// silently wrong (x > 0 on a tape value is always false, so valueAndGrad(x => x > 0 ? x : 0)(2)
// gave 0 and 0, and compile kept the wrong branch). Every coercion now throws E_COERCION naming
// the differentiable op to use.
import { describe, expect, it } from 'vitest';
import { compile } from './compile/index';
import { DiffError } from './errors';
import { derivative, jvp } from './jvp';
import { hessian } from './higher';
import { gt, max, where } from './ops';
import { grad, valueAndGrad } from './reverse';
import { trace } from './trace';
import type { Num } from './value';

function coercion(run: () => unknown): DiffError {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(DiffError);
    expect((err as DiffError).code).toBe('E_COERCION');
    return err as DiffError;
  }
  throw new Error('expected a DiffError');
}

const branchy = (x: Num) => ((x as unknown as number) > 0 ? x : 0);
const mathMax = (x: Num) => Math.max(x as unknown as number, 0);

describe('coercion of traced values', () => {
  it.each([
    ['valueAndGrad', () => valueAndGrad(branchy)(2)],
    ['grad', () => grad(branchy)(2)],
    ['jvp', () => jvp(branchy, 2, 1)],
    ['derivative', () => derivative(branchy)(2)],
    ['hessian', () => hessian((v: Num[]) => branchy(v[0]))([2])],
    ['trace', () => trace(branchy, 2)],
    ['compile', () => compile(branchy, { example: 2 })(2)],
  ])('x > 0 under %s throws naming gt/lt/where', (_, run) => {
    const error = coercion(run);
    expect(error.message).toMatch(/converted to a primitive \(number\): a native comparison .* use gt, ge, lt, le, eq \(comparisons\) and where\(cond, a, b\)/);
  });

  it.each([
    ['valueAndGrad', () => valueAndGrad(mathMax)(2)],
    ['jvp', () => jvp(mathMax, 2, 1)],
    ['compile', () => compile(mathMax, { example: 2 })(2)],
  ])('Math.max(x, 0) under %s throws naming max', (_, run) => {
    const error = coercion(run);
    expect(error.message).toMatch(/Math\.max cannot see a traced value: use max\(a, b\) from @tensile\/core instead/);
    expect(error.details.where).toBe('Math.max');
  });

  it('other coercions: template strings, ==, unary plus, Number(), Math.min', () => {
    expect(coercion(() => grad((x: Num) => `${x as unknown as string}`.length)(1)).message).toMatch(/\(string\): to show it, read its number with valueOf\(x\)/);
    coercion(() => grad((x: Num) => ((x as unknown as number) == 1 ? x : 0))(1));
    coercion(() => grad((x: Num) => +(x as unknown as number))(1));
    coercion(() => grad((x: Num) => Number(x))(1));
    expect(coercion(() => grad((x: Num) => Math.min(x as unknown as number, 1))(1)).message).toMatch(/use min\(a, b\)/);
  });

  it('the suggested ops give the right answer where the native ones were silently wrong', () => {
    const relu = (x: Num) => where(gt(x, 0), x, 0);
    expect(valueAndGrad(relu)(2)).toEqual({ value: 2, grad: 1 });
    expect(valueAndGrad((x: Num) => max(x, 0))(2)).toEqual({ value: 2, grad: 1 });
    const compiled = compile(relu, { example: 1 });
    expect(compiled(-3).value).toBe(0);
    expect(compiled(3).value).toBe(3);
  });
});
