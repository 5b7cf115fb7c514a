// fitCurve's least-squares controls against scipy (test-fixtures/fit-oracles/scipy.json): robust
// losses as least_squares defines them, bounds active at the optimum (and never left mid-fit),
// fixed parameters; and the typed errors for unknown or inconsistent options.
import { describe, expect, it } from 'vitest';
import { loadNistSuite } from '../test-support/nist';
import { SCIPY_ORACLES } from '../test-support/oracles';
import { ARTICLE_SAMPLES, FitDataError, FitOptionsError, fitCurve, formulaModel } from './index';
import type { ModelDefinition } from './index';

/** Relative agreement with scipy's optimum (both solvers stop at 1e-15 tolerances or their own). */
const PARAM_RTOL = 1e-6;

const close = (actual: number, expected: number, rtol: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rtol * Math.abs(expected));

const misra = loadNistSuite().find((d) => d.name === 'Misra1a')!;
const outlier = SCIPY_ORACLES.misra1aOutlier;
const misraY = misra.data.y.map((v, i) => (i === outlier.row - 1 ? v + outlier.added : v));

describe('robust losses (scipy least_squares, f_scale 0.5, Misra1a with one outlier)', () => {
  for (const loss of ['linear', 'soft_l1', 'huber', 'cauchy', 'arctan'] as const) {
    it(`${loss} reaches scipy's optimum and cost`, () => {
      const r = fitCurve({ x: misra.data.x, y: misraY }, { model: formulaModel(misra.formula, { start: outlier.start }), loss, fScale: outlier.fScale });
      const expected = outlier.losses[loss];
      close(r.params.b1, expected.params[0], PARAM_RTOL);
      close(r.params.b2, expected.params[1], PARAM_RTOL);
      // Our cost is sum fScale^2 rho(z), twice scipy's `cost`.
      close(r.cost, 2 * expected.cost, 1e-9);
      expect(r.loss).toBe(loss);
    });
  }

  it('a robust loss discounts the outlier: soft_l1 lands near the clean fit, linear does not', () => {
    const clean = fitCurve({ x: misra.data.x, y: misra.data.y }, { model: formulaModel(misra.formula, { start: outlier.start }) });
    const soft = fitCurve({ x: misra.data.x, y: misraY }, { model: formulaModel(misra.formula, { start: outlier.start }), loss: 'soft_l1', fScale: 0.5 });
    const plain = fitCurve({ x: misra.data.x, y: misraY }, { model: formulaModel(misra.formula, { start: outlier.start }) });
    expect(Math.abs(soft.params.b1 - clean.params.b1)).toBeLessThan(Math.abs(plain.params.b1 - clean.params.b1) / 4);
  });
});

describe('bounds and fixed parameters (scipy least_squares)', () => {
  it('an upper bound active at the optimum: d <= 400 gives scipy trf optimum', () => {
    const r = fitCurve(ARTICLE_SAMPLES, { model: 'll3', upper: { d: 400 }, start: { b: 1.15, e: 1480, d: 390 } });
    const expected = SCIPY_ORACLES.ll3UpperD400;
    expect(r.params.d).toBeLessThanOrEqual(400);
    close(r.params.b, expected.params[0], 1e-5);
    close(r.params.e, expected.params[1], 1e-5);
    close(r.params.d, expected.params[2], 1e-7);
    close(r.sse, expected.sse, 1e-8);
  });

  it('every iterate stays inside the bounds (the model sees no parameter outside them)', () => {
    const seen: number[] = [];
    const base = formulaModel('d/(1 + (e/x)^b)', { domain: 'nonnegative' });
    const watched: ModelDefinition = {
      ...base,
      batch: undefined,
      formulaSource: undefined,
      evaluate: (x, p) => {
        seen.push(p[0]);
        return base.evaluate!(x, p);
      },
    };
    fitCurve(ARTICLE_SAMPLES, { model: watched, lower: { d: 380 }, upper: { d: 400 }, start: { b: 1.15, e: 1480, d: 390 } });
    expect(seen.length).toBeGreaterThan(50);
    expect(Math.min(...seen)).toBeGreaterThanOrEqual(380);
    expect(Math.max(...seen)).toBeLessThanOrEqual(400);
  });

  it('a fixed parameter keeps its value and the rest reach scipy optimum; it has no standard error', () => {
    const r = fitCurve(ARTICLE_SAMPLES, { model: 'll3', fix: { b: 1.2 } });
    const expected = SCIPY_ORACLES.ll3FixB12;
    expect(r.params.b).toBe(1.2);
    close(r.params.e, expected.params[1], PARAM_RTOL);
    close(r.params.d, expected.params[2], PARAM_RTOL);
    close(r.sse, expected.sse, 1e-9);
    expect(r.stderr.b).toBeNull();
    expect(r.stderr.e).toBeGreaterThan(0);
    expect(r.fixed).toEqual(['b']);
    // By name: fixed at its start value.
    const byName = fitCurve(ARTICLE_SAMPLES, { model: 'll3', fix: ['b'], start: { b: 1.2 } });
    expect(byName.params.b).toBe(1.2);
    close(byName.sse, expected.sse, 1e-9);
  });
});

describe('options that are mistakes are typed errors naming them', () => {
  const cases: [string, () => unknown, RegExp, string][] = [
    ['unknown option', () => fitCurve(ARTICLE_SAMPLES, { lowr: [0, 0, 0] } as never), /unknown option lowr/, 'E_FIT_UNKNOWN_OPTION'],
    ['scipy spelling', () => fitCurve(ARTICLE_SAMPLES, { f_scale: 2 } as never), /f_scale is spelled fScale/, 'E_FIT_UNKNOWN_OPTION'],
    ['lower > upper', () => fitCurve(ARTICLE_SAMPLES, { model: 'll3', lower: { d: 500 }, upper: { d: 400 } }), /bounds of d: lower 500 must be below upper 400/, 'E_FIT_BAD_BOUNDS'],
    ['start outside bounds', () => fitCurve(ARTICLE_SAMPLES, { model: 'll3', start: { d: 450 }, upper: { d: 400 } }), /start\.d = 450 is outside its bounds \[-Infinity, 400\]/, 'E_FIT_BAD_START'],
    ['fixed parameter not in the model', () => fitCurve(ARTICLE_SAMPLES, { model: 'll3', fix: { k: 1 } }), /fix: model "ll3" has no parameter "k" \(it has b, e, d\)/, 'E_FIT_BAD_OPTION'],
    ['every parameter fixed', () => fitCurve(ARTICLE_SAMPLES, { model: 'll3', fix: ['b', 'e', 'd'] }), /nothing is left to fit/, 'E_FIT_BAD_OPTION'],
    ['unknown loss', () => fitCurve(ARTICLE_SAMPLES, { loss: 'l1' as never }), /loss must be one of linear, soft_l1, huber, cauchy, arctan, got "l1"/, 'E_FIT_BAD_OPTION'],
    ['bad fScale', () => fitCurve(ARTICLE_SAMPLES, { loss: 'huber', fScale: -1 }), /fScale must be a positive finite number, got -1/, 'E_FIT_BAD_OPTION'],
    ['NaN bound', () => fitCurve(ARTICLE_SAMPLES, { model: 'll3', lower: [NaN, 0, 0] }), /lower\.b must be a number, got NaN/, 'E_FIT_BAD_OPTION'],
    ['bounds of the wrong length', () => fitCurve(ARTICLE_SAMPLES, { model: 'll3', upper: [1, 2] }), /upper has 2 values but model "ll3" has 3 parameters/, 'E_FIT_BAD_OPTION'],
    ['bound for a parameter the model lacks', () => fitCurve(ARTICLE_SAMPLES, { model: 'll3', lower: { zz: 1 } }), /lower: model "ll3" has no parameter zz/, 'E_FIT_BAD_OPTION'],
    ['options a self-solving model refuses', () => fitCurve(ARTICLE_SAMPLES, { model: 'poly:2', loss: 'huber' }), /loss is not supported by model "poly:2"/, 'E_FIT_BAD_OPTION'],
    ['throughOrigin not a boolean', () => fitCurve(ARTICLE_SAMPLES, { model: 'formula:a + b*x', throughOrigin: 'yes' as never }), /throughOrigin must be true or false, got "yes"/, 'E_FIT_BAD_OPTION'],
  ];
  for (const [name, run, message, code] of cases) {
    it(name, () => {
      let thrown: unknown;
      try {
        run();
      } catch (err) {
        thrown = err;
      }
      expect(thrown).toBeInstanceOf(FitOptionsError);
      expect((thrown as FitOptionsError).code).toBe(code);
      expect((thrown as Error).message).toMatch(message);
    });
  }

  it('a predictor column missing from the data and a formula reading a predictor the data lack', () => {
    expect(() => fitCurve({ y: [1, 2, 3, 4], x1: [1, 2, 3, 4] }, { model: formulaModel('b1 - b2*x1*exp(-b3*x2)', { predictors: ['x1', 'x2'] }) })).toThrow(
      expect.objectContaining({ code: 'E_FIT_MISSING_PREDICTOR', message: expect.stringMatching(/reads the predictor x2, which the samples lack \(they have x1, y\)/) }),
    );
    expect(() => fitCurve({ y: [1, 2, 3, 4, 5], x1: [1, 2, 3, 4, 5] }, { model: 'formula:b1 + b2*x2' })).toThrow(FitDataError);
    expect(() => fitCurve({ y: [1, 2, 3, 4], x1: [1, 2, 3, 4], x2: [1, 2] }, { model: 'formula:b1 + b2*x1*x2' })).toThrow(/samples\.x2 has 2 values but samples\.y has 4/);
  });

  it('a non-identifiable model names the parameters the data cannot separate', () => {
    const r = fitCurve({ x: [1, 2, 3, 4, 5], y: [2, 4.1, 5.9, 8.2, 9.9] }, { model: 'formula:a*b*x' });
    expect(r.warnings.join('\n')).toMatch(/not identifiable.*\ba\b.*\bb\b/);
  });
});
