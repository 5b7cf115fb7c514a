// The fit's uncertainty against scipy/numpy (test-fixtures/fit-oracles/scipy.json): the full
// covariance (curve_fit's pcov), confidence and prediction bands by the delta method, and the
// inverse prediction with its interval (drc's ED()).
import { describe, expect, it } from 'vitest';
import { SCIPY_ORACLES } from '../test-support/oracles';
import { ARTICLE_SAMPLES, FitOptionsError, fitCurve } from './index';

const oracle = SCIPY_ORACLES.ll3Article;
/** The t quantile is Hill's approximation (within 1e-5 of scipy); everything else agrees to the optimum's digits. */
const BAND_RTOL = 2e-5;
const COV_RTOL = 1e-6;

const fit = fitCurve(ARTICLE_SAMPLES, { model: 'll3' });
const close = (actual: number, expected: number, rtol: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rtol * Math.abs(expected));

describe('covariance, bands and inverse prediction (ll3 on the article samples)', () => {
  it('the covariance matrix is scipy curve_fit pcov', () => {
    expect(fit.covariance).not.toBeNull();
    oracle.covariance.forEach((row, a) => row.forEach((v, b) => close(fit.covariance![a][b], v, COV_RTOL)));
  });

  it('confidence and prediction bands are the delta method on pcov with the t quantile', () => {
    const band = fit.band(oracle.bandX);
    oracle.bandX.forEach((_, i) => {
      close(band.fit[i], oracle.fit[i], 1e-8);
      close(band.lower[i], oracle.confidenceLower[i], BAND_RTOL);
      close(band.upper[i], oracle.confidenceUpper[i], BAND_RTOL);
      close(band.predictionLower[i], oracle.predictionLower[i], BAND_RTOL);
      close(band.predictionUpper[i], oracle.predictionUpper[i], BAND_RTOL);
    });
    // The prediction band is wider than the confidence band everywhere.
    band.x.forEach((_, i) => expect(band.predictionUpper[i] - band.predictionLower[i]).toBeGreaterThan(band.upper[i] - band.lower[i]));
  });

  it('the damping curve is odd: the band mirrors and is pinned at y(0) = 0', () => {
    const band = fit.band([-1000, 0, 1000]);
    expect(band.fit[0]).toBe(-band.fit[2]);
    expect(band.lower[0]).toBe(-band.upper[2]);
    expect([band.fit[1], band.lower[1], band.upper[1]]).toEqual([0, 0, 0]);
  });

  it('inverse prediction: the drag distance for a 200 px offset and its interval', () => {
    const inv = fit.inverse(oracle.inverse.y);
    close(inv.x, oracle.inverse.x, 1e-9);
    close(inv.stderr, oracle.inverse.stderr, 1e-6);
    close(inv.interval[0], oracle.inverse.interval[0], BAND_RTOL);
    close(inv.interval[1], oracle.inverse.interval[1], BAND_RTOL);
    expect(fit.curve.evaluate(inv.x)).toBeCloseTo(200, 9);
  });

  it('a wider level gives a wider band; bad requests are typed errors naming them', () => {
    const b90 = fit.band([1000], { confidence: 0.9 });
    const b99 = fit.band([1000], { confidence: 0.99 });
    expect(b99.upper[0] - b99.lower[0]).toBeGreaterThan(b90.upper[0] - b90.lower[0]);
    const cases: [() => unknown, RegExp][] = [
      [() => fit.band([]), /band: x is empty/],
      [() => fit.band([1, NaN]), /band: x\[1\] must be a finite number, got NaN/],
      [() => fit.band('12' as never), /band: x must be an array of numbers, got "12"/],
      [() => fit.band([1], { confidence: 1.5 }), /confidence must be in \(0, 1\), got 1\.5/],
      [() => fit.band(new Float64Array(1_000_001)), /more than 1,000,000/],
      [() => fit.inverse(5000), /does not reach y = 5000/],
      [() => fit.inverse(Infinity), /y must be a finite number, got Infinity/],
    ];
    for (const [run, message] of cases) expect(run).toThrow(expect.objectContaining({ constructor: FitOptionsError, message: expect.stringMatching(message) }));
  });

  it('a fit with no spare degrees of freedom has no covariance and says so', () => {
    const exact = fitCurve({ x: [1, 2, 3], y: [1, 3, 2] }, { model: 'poly:2' });
    expect(exact.covariance).toBeNull();
    expect(() => exact.band([1])).toThrow(/no parameter covariance/);
  });
});
