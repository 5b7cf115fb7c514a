// The mlp model of core/fit: fitMlp on the article samples, the exported code and JSON reproduce
// the net, the ModelOps form (for Jacobians) agrees with the net, and bad names get typed errors.
import { describe, expect, it } from 'vitest';
import { ARTICLE_SAMPLES } from '../articleSamples';
import { curveFromJSON } from '../curve';
import { fitCurve } from '../fit';
import { FitDataError, FitOptionsError } from '../errors';
import { numberOps } from '../model';
import { defaultModelRegistry } from '../registry';
import { DENSE_ACTIVATIONS } from '../../nn/dense-net';
import { createMlpModel, parseMlpName } from './mlp';
import { fitMlp } from './mlp-fit';

/** The emitted JavaScript runs the same float64 arithmetic in a different order. */
const CODE_RTOL = 1e-12;
/** Linear extrapolation in the emitted code uses a central difference for the edge slope. */
const SLOPE_RTOL = 1e-6;
const GRID = [0, 1, 250, 500, 777, 1500, 4000, 9000, 12000, 15000, 40000];

function runCode(code: string): (x: number) => number {
  return new Function(`${code.replace(/^export /gm, '')}\nreturn damping;`)() as (x: number) => number;
}

describe('fitMlp', () => {
  it('fits the article samples with the article net and reports like fitCurve', () => {
    const r = fitMlp(ARTICLE_SAMPLES, { seed: 2, targetLoss: 0.337, epochs: 4000 });
    expect(r.model).toBe('mlp:10x10:selu');
    expect(r.paramCount).toBe(1021);
    expect(r.paramNames.length).toBe(1021);
    expect(r.architecture).toBe('1 -> ' + Array(10).fill('10 selu').join(' -> ') + ' -> 1 linear');
    expect(r.sse / 9).toBeLessThanOrEqual(0.337);
    expect(r.trainStopReason).toBe('targetLoss');
    expect(r.iterations).toBe(r.lossHistory.length);
    expect(r.stopReason).toBe('custom');
    expect(r.aicc).toBe(Infinity);
    expect(Object.values(r.stderr).every((v) => v === null)).toBe(true);
    expect(r.r2).toBeGreaterThan(0.9999);
    for (let i = 0; i < 9; i++) expect(r.residuals[i]).toBeCloseTo(ARTICLE_SAMPLES.y[i] - r.curve.evaluate(ARTICLE_SAMPLES.x[i]), 12);
    // The default rule: flat beyond the training range.
    expect(r.curve.evaluate(40000)).toBe(r.curve.evaluate(12000));
    expect(r.curve.evaluate(-700)).toBe(-r.curve.evaluate(700));
  });

  it('round-trips through toJSON / curveFromJSON exactly and toJS reproduces the curve', () => {
    for (const extrapolation of ['clamp', 'none', 'linear'] as const) {
      const r = fitMlp(ARTICLE_SAMPLES, { model: 'mlp:3x6:tanh', seed: 4, epochs: 150, zeroAtOrigin: extrapolation === 'none', extrapolation });
      const back = curveFromJSON(JSON.stringify(r.curve.toJSON()));
      const code = runCode(r.curve.toJS());
      for (const x of GRID) {
        expect(back.evaluate(x)).toBe(r.curve.evaluate(x));
        const tol = (extrapolation === 'linear' && x > 12000 ? SLOPE_RTOL : CODE_RTOL) * Math.max(1, Math.abs(r.curve.evaluate(x)));
        expect(Math.abs(code(x) - r.curve.evaluate(x)), `${extrapolation} x=${x}`).toBeLessThanOrEqual(tol);
        expect(code(-x) === -code(x)).toBe(true);
      }
    }
  });

  it('--monotone: flagged monotone by construction', () => {
    const r = fitMlp(ARTICLE_SAMPLES, { model: 'mlp:4x8:tanh', monotone: true, zeroAtOrigin: true, seed: 1, epochs: 300 });
    expect(r.facts?.monotone).toBe('increasing');
    expect(r.monotone).toBe(true);
    expect(r.curve.evaluate(1e-9)).toBeLessThan(1e-6);
    expect(r.warnings).toEqual([]);
  });

  it('rejects negative x and bad names with typed errors', () => {
    expect(() => fitMlp({ x: [0, -1, 2], y: [0, 1, 2] }, { epochs: 1 })).toThrow(FitDataError);
    expect(() => fitMlp(ARTICLE_SAMPLES, { model: 'mlp:10x0' })).toThrow(/UNITS must be in 1\.\.1024, got 0/);
    expect(() => fitMlp(ARTICLE_SAMPLES, { model: 'mlp:2x3:gelu' })).toThrow(/unknown activation "gelu"/);
    expect(() => fitMlp(ARTICLE_SAMPLES, { model: 'mlp:big' })).toThrow(FitOptionsError);
    expect(() => fitMlp(ARTICLE_SAMPLES, { epochs: -1 })).toThrow(/epochs must be an integer/);
  });
});

describe('the mlp model definition', () => {
  it('resolves through the default registry with one parameter per weight and bias', () => {
    const trained = { xMean: 0, xStd: 1, yMean: 0, yStd: 1 };
    expect(defaultModelRegistry.resolve('mlp', trained).params.length).toBe(1021);
    expect(defaultModelRegistry.resolve('mlp:4x8:tanh', trained).params.length).toBe(1 * 8 + 8 + 3 * (8 * 8 + 8) + 8 + 1);
    // fitCurve cannot train a net: a clear error instead of "too few points" over 1021 names.
    expect(() => fitCurve(ARTICLE_SAMPLES, { model: 'mlp' })).toThrow(/is a neural net: train it with fitMlp/);
    expect(parseMlpName('mlp:2x5')).toEqual({ layers: 2, units: 5, activation: 'selu' });
  });

  for (const activation of DENSE_ACTIVATIONS) {
    it(`its ModelOps form (used for Jacobians) equals the net (${activation})`, () => {
      const settings = { xMean: 6000, xStd: 4000, yMean: 200, yStd: 150, domainMin: 0, domainMax: 12000, extrapolation: 'clamp', zeroAtOrigin: activation === 'tanh' };
      const m = createMlpModel({ layers: 2, units: 5, activation }, settings);
      let seed = 11;
      const p = Float64Array.from(m.params, () => ((seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5) * 2);
      for (const x of [0.5, 500, 2500, 11999]) {
        const a = m.expr(x, Array.from(p), numberOps);
        expect(Math.abs(a - m.evaluate!(x, p))).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(a)));
      }
    });
  }
});
