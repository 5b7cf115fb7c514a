// Samples whose squares underflow or overflow (issue 14, point 9): the article data scaled to
// 1e-300 gave stopReason "exact", R² 1 and AICc -Infinity for a flat curve. Refused, typed.
import { describe, expect, it } from 'vitest';
import { ARTICLE_SAMPLES } from './articleSamples';
import { FitDataError } from './errors';
import { fitCurve } from './fit';
import { SAMPLE_SCALE_MAX, SAMPLE_SCALE_MIN } from './sample-scale';

const scaled = (sx: number, sy: number) => ({ x: ARTICLE_SAMPLES.x.map((v) => v * sx), y: ARTICLE_SAMPLES.y.map((v) => v * sy) });

function refusal(run: () => unknown): FitDataError {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(FitDataError);
    expect((err as FitDataError).code).toBe('E_FIT_BAD_SCALE');
    return err as FitDataError;
  }
  throw new Error('expected a FitDataError');
}

describe('sample scale', () => {
  it.each(['article', 'll3', '4pl', 'poly:2', 'rubberband', 'formula:a*x/(b+x)'])('%s: y scaled to 1e-300 is refused naming the factor', (model) => {
    const error = refusal(() => fitCurve(scaled(1, 1e-300), { model }));
    expect(error.message).toMatch(/samples\.y: the largest \|y\| is 3\.775e-298, outside 1e-100\.\.1e\+100 .*multiply it by 1e\+297/);
  });

  it('y at 1e300, x at 1e-300 and weights at 1e-300 are refused too', () => {
    refusal(() => fitCurve(scaled(1, 1e300), { model: 'll3' }));
    refusal(() => fitCurve(scaled(1e-300, 1), { model: 'll3' }));
    refusal(() => fitCurve({ ...scaled(1, 1), weights: ARTICLE_SAMPLES.x.map(() => 1e-300) }, { model: 'll3' }));
  });

  it('the edges of the window are fitted normally (and give the scaled optimum)', () => {
    const base = fitCurve(scaled(1, 1), { model: 'll3' });
    const low = fitCurve(scaled(1, SAMPLE_SCALE_MIN / 377.5), { model: 'll3' });
    expect(low.stopReason).not.toBe('exact');
    expect(low.r2).toBeCloseTo(base.r2, 5);
    const high = fitCurve(scaled(1, SAMPLE_SCALE_MAX / 377.5), { model: 'll3' });
    expect(high.r2).toBeCloseTo(base.r2, 5);
  });

  it('all-zero y is not a scale problem (nothing to square)', () => {
    expect(() => fitCurve({ x: [...ARTICLE_SAMPLES.x], y: ARTICLE_SAMPLES.x.map(() => 0) }, { model: 'poly:1' })).not.toThrow(/E_FIT_BAD_SCALE|outside 1e-100/);
  });
});
