// The damping curves: the article's numbers, the peers' formulas, and the guarantees every curve
// gets from resolveDamping (finite, monotone, bounded, 0 at 0), for built-ins, fitted Curves,
// TF.js-backed Curves and plain functions.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { Curve } from '../curve';
import { fitCurve, ARTICLE_SAMPLES } from '../fit/index';
import { androidStretch, articleDamping, invertDamping, resolveDamping, rubberBand } from './curves';
import { ElasticError } from './errors';
import type { DampingCurveName } from './types';

const SEED = 20261128;
/** Linear interpolation of a smooth curve over 10 px steps stays this close to it, px. */
const TABLE_PX = 0.05;
/** Rounding in a*s*c/(s + c*a) can flip the last bit between two close large inputs. */
const MONOTONE_ULPS = 8;
const NAMES: DampingCurveName[] = ['article', 'ios', 'use-gesture', 'antd', 'framework7', 'android', 'linear'];

function curveOf(name: string, f: (x: number) => number, batch = f): Curve {
  return {
    name,
    evaluate: f,
    evaluateBatch(xs, out = new Float64Array(xs.length)) {
      for (let i = 0; i < xs.length; i++) out[i] = batch(xs[i]);
      return out;
    },
  };
}

describe('reference values', () => {
  it("the article's curve shows 60 px after about 316 px of finger travel (max 500)", () => {
    expect(articleDamping(316)).toBeGreaterThan(59.9);
    expect(articleDamping(316)).toBeLessThan(60.05);
    expect(articleDamping(0)).toBe(0);
    expect(articleDamping(1e9)).toBeLessThan(0.82231 * 500);
  });

  it('the iOS rubber band (c = 0.55) shows 60 px after about 117 px in an 888 px container', () => {
    expect(rubberBand(117, 888)).toBeCloseTo(60, 1);
    // slope c at 0 and the container size as the limit
    expect(rubberBand(1e-6, 888) / 1e-6).toBeCloseTo(0.55, 6);
    expect(rubberBand(1e12, 888)).toBeCloseTo(888, 3);
  });

  it("use-gesture's rubberband(distance, dimension, 0.15) and antd-mobile's (5 x 40 px head, 0.5)", () => {
    const f = resolveDamping('use-gesture', 1e9);
    expect(f(100, 500)).toBeCloseTo((100 * 500 * 0.15) / (500 + 0.15 * 100), 12);
    const antd = resolveDamping('antd', 1e9);
    expect(antd(100, 12345)).toBeCloseTo((100 * 200 * 0.5) / (200 + 0.5 * 100), 12);
  });

  it("Framework7's power law is touchesDiff ** 0.85, capped at max", () => {
    const f = resolveDamping('framework7', 100);
    expect(f(50, 800)).toBeCloseTo(50 ** 0.85, 12);
    expect(f(1e6, 800)).toBe(100);
  });

  it('the Android-12-style stretch starts at slope 0.6 and tends to a quarter of the container', () => {
    expect(androidStretch(1e-6, 800) / 1e-6).toBeCloseTo(0.6, 5);
    expect(androidStretch(1e9, 800)).toBeCloseTo(200, 9);
  });

  it('linear is the identity up to max', () => {
    const f = resolveDamping('linear', 300);
    expect(f(123.5, 800)).toBe(123.5);
    expect(f(301, 800)).toBe(300);
  });
});

describe('guarantees of every curve', () => {
  it('raw curves are sign-symmetric', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e5, max: 1e5, noNaN: true }), fc.double({ min: 10, max: 5000, noNaN: true }), (x, size) => {
        expect(articleDamping(-x)).toBe(-articleDamping(x));
        expect(rubberBand(-x, size)).toBe(-rubberBand(x, size));
        expect(androidStretch(-x, size)).toBe(-androidStretch(x, size));
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it('resolved built-ins are finite, 0 at 0, monotone, sign-symmetric and within [-max, max] for any size and max', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...NAMES),
        fc.double({ min: 1, max: 5000, noNaN: true }),
        fc.double({ min: 1, max: 5000, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        (name, size, max, a, b) => {
          const f = resolveDamping(name, max);
          const [lo, hi] = a < b ? [a, b] : [b, a];
          const ylo = f(lo, size);
          const yhi = f(hi, size);
          expect(Number.isFinite(ylo) && Number.isFinite(yhi)).toBe(true);
          expect(f(0, size)).toBe(0);
          expect(ylo).toBeGreaterThanOrEqual(0);
          expect(yhi).toBeLessThanOrEqual(max);
          expect(yhi).toBeGreaterThanOrEqual(ylo - MONOTONE_ULPS * Number.EPSILON * ylo);
          expect(f(-hi, size) === -yhi).toBe(true);
        },
      ),
      { seed: SEED, numRuns: 5000 },
    );
  });

  it('invertDamping finds the finger distance that shows an offset', () => {
    fc.assert(
      fc.property(fc.constantFrom(...NAMES), fc.double({ min: 0.5, max: 150, noNaN: true }), (name, offset) => {
        const f = resolveDamping(name, 500);
        const d = invertDamping(f, offset, 800);
        expect(f(d, 800)).toBeCloseTo(offset, 6);
      }),
      { seed: SEED, numRuns: 1000 },
    );
  });
});

describe('Curves and functions', () => {
  it('a fitted Curve (core/fit ll3 on the article samples) is tabulated once and followed closely', () => {
    const fit = fitCurve(ARTICLE_SAMPLES, { model: 'll3' });
    const batch = vi.spyOn(fit.curve, 'evaluateBatch');
    const f = resolveDamping(fit.curve, 500);
    expect(batch).toHaveBeenCalledTimes(1);
    for (let x = 0; x <= 3000; x += 37) expect(Math.abs(f(x, 800) - Math.min(500, Math.max(0, fit.curve.evaluate(x))))).toBeLessThan(TABLE_PX);
    expect(f(316, 800)).toBeCloseTo(60, -1);
  });

  it('a TF.js-backed Curve pays for one batched predict, not one per move event', async () => {
    const tf = await import('@tensorflow/tfjs');
    await tf.setBackend('cpu');
    // y = 400 * sigmoid((x - 1500) / 400) - 400 * sigmoid(-1500/400): monotone, 0 at 0.
    const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1], activation: 'sigmoid', weights: [tf.tensor2d([[1 / 400]]), tf.tensor1d([-1500 / 400])] })] });
    const base = 1 / (1 + Math.exp(1500 / 400));
    const predict = vi.fn((xs: ArrayLike<number>) =>
      tf.tidy(() => Array.from((model.predict(tf.tensor2d(Array.from(xs), [xs.length, 1])) as import('@tensorflow/tfjs').Tensor).dataSync()).map((s) => 400 * (s - base))),
    );
    const curve: Curve = {
      name: 'tfjs-sigmoid',
      evaluate: (x) => Math.sign(x) * predict([Math.abs(x)])[0],
      evaluateBatch(xs, out = new Float64Array(xs.length)) {
        out.set(predict(xs));
        return out;
      },
    };
    const f = resolveDamping(curve, 500);
    for (let x = 0; x < 4000; x += 1) f(x, 800);
    expect(predict).toHaveBeenCalledTimes(1);
    // float32 inside TF.js: compare with a float32-sized tolerance
    expect(f(1500, 800)).toBeCloseTo(200 - 400 * base, 2);
    model.dispose();
  });

  it('the same Curve object is tabulated once whatever max and size; a new object is tabulated again', () => {
    const half = curveOf('half', (x) => x / 2);
    const batch = vi.spyOn(half, 'evaluateBatch');
    const a = resolveDamping(half, 500);
    const b = resolveDamping(half, 120);
    expect(batch).toHaveBeenCalledTimes(1);
    // Each resolution keeps its own max, over one shared table.
    expect(a(400, 800)).toBeCloseTo(200, 9);
    expect(b(400, 300)).toBe(120);
    const other = curveOf('half', (x) => x / 2);
    const otherBatch = vi.spyOn(other, 'evaluateBatch');
    resolveDamping(other, 500);
    expect(otherBatch).toHaveBeenCalledTimes(1);
    expect(batch).toHaveBeenCalledTimes(1);
  });

  it('a plain function is checked once per object; a rejected one is checked (and rejected) again', () => {
    const f = vi.fn((d: number) => d / 2);
    resolveDamping(f, 500);
    const checks = f.mock.calls.length;
    expect(checks).toBeGreaterThan(100); // the whole grid
    expect(resolveDamping(f, 100)(50, 800)).toBe(25);
    expect(f.mock.calls.length).toBe(checks + 1); // the call just made, no new check
    const bad = curveOf('bad-again', (x) => (x > 2000 ? NaN : x));
    expect(() => resolveDamping(bad, 500)).toThrow(/returned NaN/);
    expect(() => resolveDamping(bad, 500)).toThrow(/returned NaN/);
  });

  it('a Curve that starts below 0 (a 4PL with a < 0) is clamped to 0, never pulling the wrong way', () => {
    const fourPl = curveOf('4pl', (x) => 410.5 + (-0.168 - 410.5) / (1 + (Math.abs(x) / 1481.7) ** 1.15319));
    const f = resolveDamping(fourPl, 500);
    expect(f(0, 800)).toBe(0);
    expect(f(1e-3, 800)).toBe(0);
    expect(f(500, 800)).toBeGreaterThan(0);
  });

  it('rejects a Curve that returns NaN, with the sample named', () => {
    const bad = curveOf('bad', (x) => (x > 2000 ? NaN : x));
    expect(() => resolveDamping(bad, 500)).toThrow(ElasticError);
    expect(() => resolveDamping(bad, 500)).toThrow(/curve "bad" returned NaN at 2010 px, expected a finite offset$/);
  });

  it('rejects a non-monotone Curve (a degree-5 polynomial), naming where it decreases', () => {
    const poly = curveOf('poly:5', (x) => 0.2 * x - 1e-4 * x * x);
    try {
      resolveDamping(poly, 500);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ElasticError);
      expect((error as ElasticError).code).toBe('E_ELASTIC_CURVE');
      expect((error as Error).message).toMatch(/returned [\d.]+ at \d+ px, expected >= [\d.]+ \(a monotone curve\)$/);
    }
  });

  it('a plain function is checked once and clamped on every call', () => {
    const f = resolveDamping(Object.assign((d: number, size: number) => (d * size) / 1000, { scalesWithContainer: true }), 100);
    expect(f(50, 800)).toBe(40);
    expect(f(1e6, 800)).toBe(100);
    expect(() => resolveDamping(() => Infinity, 100)).toThrow(/curve function returned Infinity/);
    expect(() => resolveDamping((d) => -d, 100)).toThrow(/returned -10 at 10 px, expected an offset >= 0$/);
    expect(() => resolveDamping((d) => 100 - d / 100, 100)).toThrow(/returned 99.9 at 10 px, expected >= 100 \(a monotone curve\)$/);
  });

  it('a function that misbehaves at a size never checked holds still instead of returning NaN', () => {
    const f = resolveDamping(Object.assign((d: number, size: number) => (size > 5000 ? NaN : d), { scalesWithContainer: true }), 100);
    expect(f(10, 9000)).toBe(0);
  });

  it('rejects unknown names and non-curves', () => {
    expect(() => resolveDamping('bouncy' as never, 100)).toThrow(/curve is "bouncy", expected one of article, ios/);
    expect(() => resolveDamping(42 as never, 100)).toThrow(ElasticError);
  });
});
