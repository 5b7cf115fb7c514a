// Forward, reverse and numeric modes on hand-picked functions: the article SSE (with x = 0),
// pytrees, nesting, hessians through the activations TF.js cannot differentiate twice.
import { describe, expect, it } from 'vitest';
import { add, div, exp, log, max, mul, pow, sigmoid, sub, tanh, sqrt, stopGradient, clamp, lt, where, sin } from './ops';
import { derivative, jvp } from './jvp';
import { grad, valueAndGrad, vjp } from './reverse';
import { hessian, jacobian } from './higher';
import { numericDerivative, numericGradient, numericHessian, numericJacobian } from './numeric';
import { customGradient } from './custom';
import type { Num } from './value';

/** Gradients by AD vs Richardson central differences: agreement relative to the scale. */
const NUMERIC_RTOL = 1e-6;
/** AD modes against each other: the same arithmetic in a different order. */
const AD_RTOL = 1e-12;
/** Hessians by AD vs second differences (eps^(1/2) accuracy at best). */
const HESSIAN_RTOL = 1e-4;

function close(a: ArrayLike<number>, b: ArrayLike<number>, rtol: number) {
  const scale = Math.max(1, ...Array.from(b, Math.abs));
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) expect(Math.abs(a[i] - b[i])).toBeLessThanOrEqual(rtol * scale);
}

const X = [0, 500, 1000, 1500, 2500, 6000, 8000, 10000, 12000];
const Y = [0, 90, 160, 210, 260, 347.5, 357.5, 367.5, 377.5];
const sse = (p: Num[]) => {
  let s: Num = 0;
  for (let i = 0; i < X.length; i++) {
    const r = sub(div(mul(p[0], 500), add(1, div(p[1], pow(X[i], p[2])))), Y[i]);
    s = add(s, mul(r, r));
  }
  return s;
};
const P0 = [0.82231, 4338.47, 1.14791];

describe('article SSE (x = 0 in the data)', () => {
  it('reverse, forward and numeric gradients agree and are finite', () => {
    const { value, grad: g } = valueAndGrad(sse)(P0);
    expect(value).toBeCloseTo(80.78, 1);
    const fwd = jacobian((p: Num[]) => sse(p), { mode: 'forward' })(P0)[0] as number[];
    close(g, fwd, AD_RTOL);
    close(g, numericGradient((p: number[]) => sse(p) as number, P0), NUMERIC_RTOL);
  });

  it('d/dc 0^c is 0, not NaN', () => {
    expect(grad((c: Num) => pow(0, c))(1.2)).toBe(0);
    expect(derivative((c: Num) => pow(0, c))(1.2)).toBe(0);
    expect(derivative((x: Num) => pow(x, 0))(0)).toBe(0);
  });

  it('hessian matches second differences', () => {
    const h = hessian(sse)(P0) as number[][];
    const n = numericJacobian((p: number[]) => grad(sse)(p), P0);
    for (let i = 0; i < 3; i++) close(h[i], n[i], HESSIAN_RTOL);
  });
});

describe('pytrees', () => {
  it('gradients come back in the shape of the parameters', () => {
    const params = { speed: 1.5, table: { news: 1.1, music: 0.9 }, w: new Float64Array([1, 2]), v: [3, [4]] as [number, number[]] };
    const f = (p: typeof params extends infer T ? import('./lifted').Lifted<T> : never) =>
      add(mul(p.speed, add(p.table.news, mul(2, p.table.music))), add(mul(p.w[0], p.w[1]), mul(p.v[0], (p.v[1] as Num[])[0])));
    const g = grad(f)(params);
    expect(g.speed).toBeCloseTo(1.1 + 1.8, 12);
    expect(g.table).toEqual({ music: 3, news: 1.5 });
    expect(g.w).toBeInstanceOf(Float64Array);
    expect(Array.from(g.w)).toEqual([2, 1]);
    expect(g.v).toEqual([4, [3]]);
  });

  it('vjp and jvp take and return trees', () => {
    const f = (p: { a: Num; b: Num }) => ({ s: add(p.a, p.b), p: mul(p.a, p.b) });
    const r = vjp(f, { a: 2, b: 3 });
    expect(r.value).toEqual({ p: 6, s: 5 });
    expect(r.vjp({ s: 1, p: 0 })).toEqual({ a: 1, b: 1 });
    expect(r.vjp({ s: 0, p: 1 })).toEqual({ a: 3, b: 2 });
    const t = jvp(f, { a: 2, b: 3 }, { a: 1, b: 0 });
    expect(t.tangent).toEqual({ p: 3, s: 1 });
  });

  it('jacobian picks forward or reverse and both agree with numeric', () => {
    const f = (x: Num[]) => [mul(x[0], x[1]), sin(x[0]), exp(x[1]), add(x[0], 1)];
    const x = [0.3, -0.4];
    const n = numericJacobian((v: number[]) => f(v) as number[], x);
    for (const mode of ['auto', 'forward', 'reverse'] as const) {
      const j = jacobian(f, { mode })(x) as number[][];
      j.forEach((row, i) => close(row, n[i], NUMERIC_RTOL));
    }
  });
});

describe('higher order', () => {
  it('nests derivative, grad and hessian through tanh, exp, sigmoid, log, pow', () => {
    const d2 = derivative(derivative((x: Num) => tanh(x)));
    const t = Math.tanh(0.7);
    expect(d2(0.7)).toBeCloseTo(-2 * t * (1 - t * t), 12);
    expect(grad((x: Num) => grad((y: Num) => mul(y, mul(y, y)))(x) as Num)(2)).toBeCloseTo(12, 12);
    const f = (q: Num[]) => add(mul(tanh(q[0]), exp(q[1])), log(add(sigmoid(q[0]), pow(q[1], 2.5))));
    const x = [0.3, 0.7];
    const h = hessian(f)(x) as number[][];
    const n = numericHessian((q: number[]) => f(q) as number, x);
    h.forEach((row, i) => close(row, n[i], HESSIAN_RTOL));
    // third derivative by nesting forward three times
    const d3 = derivative(derivative(derivative((x: Num) => exp(mul(2, x)))));
    expect(d3(0.1)).toBeCloseTo(8 * Math.exp(0.2), 10);
  });

  it('does not confuse perturbations of nested derivatives', () => {
    // d/dx [ x * d/dy (x + y) ] = 1 (a confused implementation gives 2)
    const r = derivative((x: Num) => mul(x, derivative((y: Num) => add(x, y))(3)))(5);
    expect(r).toBe(1);
  });
});

describe('customGradient and stopGradient', () => {
  it('uses the rule in every mode', () => {
    const softsqrt = customGradient((x: Num) => sqrt(x), ([x]) => [div(0.5, sqrt(max(x, 1e-12)))]);
    expect(grad(softsqrt)(4)).toBeCloseTo(0.25, 12);
    expect(derivative(softsqrt)(4)).toBeCloseTo(0.25, 12);
    const twice = customGradient((a: Num, b: Num) => mul(a, b), ([a, b]) => [mul(2, b), mul(2, a)]);
    expect(grad((p: Num[]) => twice(p[0], p[1]))([3, 5])).toEqual([10, 6]);
    expect(derivative(derivative((x: Num) => twice(x, x)))(1)).toBe(4);
  });

  it('stopGradient cuts the derivative', () => {
    expect(grad((x: Num) => mul(x, stopGradient(x)))(3)).toBe(3);
    expect(derivative((x: Num) => mul(x, stopGradient(x)))(3)).toBe(3);
  });

  it('branches, clamp and where differentiate the taken side', () => {
    const f = (x: Num) => where(lt(x, 0), mul(-2, x), clamp(mul(x, x), 0, 4));
    expect(grad(f)(-1)).toBe(-2);
    expect(grad(f)(1)).toBe(2);
    expect(grad(f)(3)).toBe(0);
  });
});

describe('numeric', () => {
  it('is accurate to about 1e-9 relative on smooth functions', () => {
    expect(numericDerivative(Math.exp, 1)).toBeCloseTo(Math.E, 9);
    expect(numericDerivative((x) => x ** 3, 1e4)).toBeCloseTo(3e8, 0);
    expect(numericGradient((p: { a: number }) => p.a ** 2, { a: 3 }).a).toBeCloseTo(6, 8);
  });
});
