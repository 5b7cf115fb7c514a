// Ridders' numerical derivative with an error estimate: exact-to-rounding on smooth functions,
// adaptive where a fixed step fails (sin(1e6 x), 1/x near 0), flagged unreliable where no step
// resolves the function, and numericDerivative refusing the cases it used to answer wrongly.
import { describe, expect, it } from 'vitest';
import { DiffError } from './errors';
import { numericDerivative, numericDerivativeWithError } from './numeric';

describe('numericDerivativeWithError (Ridders)', () => {
  const smooth: [string, (x: number) => number, number, number][] = [
    ['sin at 1', Math.sin, 1, Math.cos(1)],
    ['exp(100 x) at 0', (x) => Math.exp(100 * x), 0, 100],
    ['x^3 at 1e5', (x) => x ** 3, 1e5, 3e10],
    ['1/x at 1e-3 (first step crosses the pole; retried smaller)', (x) => 1 / x, 1e-3, -1e6],
    ['sin(1e6 x) at 0 (62,463 from the fixed step before)', (x) => Math.sin(1e6 * x), 0, 1e6],
  ];
  for (const [name, f, x, exact] of smooth) {
    it(`${name}: value within its own error estimate, reliable`, () => {
      const r = numericDerivativeWithError(f, x);
      expect(r.reliable).toBe(true);
      expect(Math.abs(r.value - exact)).toBeLessThanOrEqual(Math.max(10 * r.error, 1e-12 * Math.abs(exact)));
      expect(Math.abs(r.value - exact)).toBeLessThanOrEqual(1e-8 * Math.abs(exact));
    });
  }

  it('a function no step resolves is flagged unreliable with a large error, not answered confidently', () => {
    const r = numericDerivativeWithError((x) => Math.sin(1e12 * x), 0);
    expect(r.reliable).toBe(false);
    expect(r.error).toBeGreaterThan(1e-6 * Math.abs(r.value));
    const noisy = numericDerivativeWithError((x) => x + 1e-3 * Math.sin(1e15 * x), 0.5);
    expect(noisy.reliable).toBe(false);
  });

  it('bad arguments are DiffErrors naming them', () => {
    expect(() => numericDerivativeWithError(1 as never, 0)).toThrow(/numericDerivativeWithError: f: expected a function/);
    expect(() => numericDerivativeWithError(Math.sin, NaN)).toThrow(/x: expected a finite number, got NaN/);
    expect(() => numericDerivativeWithError(Math.sin, 0, { step: 2 })).toThrow(/options\.step: expected a number in \(0, 1\]/);
    expect(() => numericDerivativeWithError(Math.sin, 0, { tolerance: -1 })).toThrow(/options\.tolerance: expected a positive finite number/);
    expect(() => numericDerivativeWithError(() => NaN, 0)).toThrow(DiffError);
  });
});

describe('numericDerivative refuses what it cannot resolve', () => {
  it('sin(1e6 x) at 0 is E_UNRELIABLE, not 62,463', () => {
    let thrown: unknown;
    try {
      numericDerivative((x) => Math.sin(1e6 * x), 0);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(DiffError);
    expect((thrown as DiffError).code).toBe('E_UNRELIABLE');
    expect((thrown as Error).message).toMatch(/at x = 0 the estimates at steps .* disagree.*numericDerivativeWithError/);
  });

  it('smooth functions keep their answer', () => {
    expect(numericDerivative(Math.sin, 1)).toBeCloseTo(Math.cos(1), 9);
  });
});
