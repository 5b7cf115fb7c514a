import { describe, expect, it } from 'vitest';
import { DEFAULT_LAB_TEXT, fitRows, parsePoints, pointsToText, residualSeries, runLabFit, selectionRows } from './lab';

// scipy's optimum for ll3 on the article samples (bench/reference-figures.md, "Reference figures" in BENCHMARKS.md).
const LL3_SSE = 76.18987;
const SSE_TOLERANCE = 1e-5; // relative

describe('the lab', () => {
  it('round-trips its default text and fits ll3 to scipy’s optimum', () => {
    const points = parsePoints(DEFAULT_LAB_TEXT);
    expect(points).toHaveLength(9);
    expect(pointsToText(points)).toBe(DEFAULT_LAB_TEXT);
    const fit = runLabFit(points, 'll3');
    expect(Math.abs(fit.result.sse - LL3_SSE) / LL3_SSE).toBeLessThan(SSE_TOLERANCE);
    expect(fit.code).toMatch(/function damping\(x, max\)/);
    expect(fitRows(fit).map(([name]) => name)).toEqual(['b', 'e', 'd', 'SSE', 'RMSE (px)', 'R²', 'AICc', 'monotone', 'iterations', 'time']);
    expect(residualSeries(points, fit)[1].y).toHaveLength(9);
    expect(selectionRows(fit)).toEqual([]);
  });

  it('ranks the auto candidates', () => {
    const fit = runLabFit(parsePoints(DEFAULT_LAB_TEXT), 'auto');
    const rows = selectionRows(fit);
    expect(rows.length).toBeGreaterThan(2);
    expect(rows[0][2]).toBe('0.00');
  });

  it('passes core’s typed errors through for bad text', () => {
    expect(() => parsePoints('x,y\n1,abc')).toThrow(/abc|row|line/i);
    expect(() => runLabFit([[0, 0]], 'll3')).toThrow();
  });
});
