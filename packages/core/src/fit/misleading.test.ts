// Fits that never mislead: monotone only when the curve does not decrease on the data range and
// 25% beyond (as the Curve evaluates it, y(0) = 0 included), a warning when a damping curve's
// forced y(0) = 0 hides a jump, throughOrigin, `auto` counting one curve once, a poor local
// minimum said out loud, and `e` in a fit formula as a parameter (printed formulas round-trip).
import { describe, expect, it } from 'vitest';
import { ARTICLE_SAMPLES, defaultModelRegistry, fitCurve, formulaModel } from './index';

const X = [...ARTICLE_SAMPLES.x];
/** The article's samples turned into a decreasing response (a wrong-way damping "curve"). */
const DECREASING = { x: X, y: ARTICLE_SAMPLES.y.map((v) => 406 - v) };

describe('monotone and y(0)', () => {
  it('a 4pl fit to decreasing data is not monotone and warns about its jump at 0', () => {
    const r = fitCurve(DECREASING, { model: '4pl' });
    expect(r.monotone).toBe(false);
    const jump = r.warnings.find((w) => /jumps by/.test(w));
    expect(jump).toMatch(/own value at x = 0 is 40\d\.\d+ px.*throughOrigin: true/);
    expect(r.warnings.join('\n')).toMatch(/not monotone: it decreases somewhere on \[0, 15000\] px \(the data range and 25% beyond\)/);
  });

  it('throughOrigin: 4pl holds a = y(0) at 0, a formula fits f(x) - f(0); no jump is left', () => {
    const fourPl = fitCurve(ARTICLE_SAMPLES, { model: '4pl', throughOrigin: true });
    expect(fourPl.params.a).toBe(0);
    expect(fourPl.fixed).toEqual(['a']);
    expect(fourPl.warnings.join('\n')).not.toMatch(/jumps by/);
    const shifted = fitCurve(ARTICLE_SAMPLES, { model: 'formula:d*(1 - exp(-x/k)) + c', settings: { domain: 'nonnegative' }, throughOrigin: true });
    expect(shifted.curve.evaluate(1e-9)).toBeCloseTo(0, 6);
    expect(shifted.warnings.join('\n')).not.toMatch(/jumps by/);
    const jumpy = fitCurve(ARTICLE_SAMPLES, { model: 'formula:d*(1 - exp(-x/k)) + c', settings: { domain: 'nonnegative' }, start: { d: 380, k: 3000, c: 20 } });
    expect(jumpy.warnings.join('\n')).toMatch(/jumps by/);
  });

  it('a curve that turns only beyond the data (within 25%) is not monotone', () => {
    // y = 18x - x^2 rises on [0, 8] and peaks at 9, inside 8 + 25%; on [0, 6] the peak is past 7.5.
    const through = (xs: number[]) => ({ x: xs, y: xs.map((v) => 18 * v - v * v) });
    const model = { model: 'formula:a*x + b*x^2', settings: { domain: 'nonnegative' } } as const;
    expect(fitCurve(through([0, 1, 2, 3, 4, 5, 6, 7, 8]), model).monotone).toBe(false);
    expect(fitCurve(through([0, 1, 2, 3, 4, 5, 6]), model).monotone).toBe(true);
  });

  it('monotone stays true for the damping families on the article data', () => {
    for (const model of ['article', 'll3', 'rubberband', 'expsat']) expect(fitCurve(ARTICLE_SAMPLES, { model }).monotone, model).toBe(true);
  });
});

describe('auto counts each distinct curve once', () => {
  it('article and ll3 are one curve: one carries duplicateOf, weights sum to 1 over the distinct ones', () => {
    const r = fitCurve(ARTICLE_SAMPLES, { model: 'auto' });
    const rows = r.selection!.filter((s) => !s.error);
    const article = rows.find((s) => s.model === 'article')!;
    const ll3 = rows.find((s) => s.model === 'll3')!;
    const [first, second] = rows.indexOf(article) < rows.indexOf(ll3) ? [article, ll3] : [ll3, article];
    expect(second.duplicateOf).toBe(first.model);
    expect(second.weight).toBe(0);
    expect(first.weight).toBeGreaterThan(0);
    expect(rows.reduce((s, row) => s + row.weight, 0)).toBeCloseTo(1, 12);
    expect(rows.filter((row) => row.duplicateOf).map((row) => row.model)).toEqual([second.model]);
  });
});

describe('a poor local minimum says so', () => {
  it('the article form from (100, 1, 1) ends at SSE 82,912 and warns, naming the self-start optimum', () => {
    const r = fitCurve(ARTICLE_SAMPLES, { model: 'article', start: [100, 1, 1] });
    expect(r.sse).toBeGreaterThan(80000);
    expect(r.warnings.join('\n')).toMatch(/ended at SSE 82912\.\d \(R² 0\.441\), a poor local minimum: from the model's self-start it reaches SSE 76\.1899/);
  });

  it('a good fit from a good start gets no such warning', () => {
    expect(fitCurve(ARTICLE_SAMPLES, { model: 'll3', start: [1.15, 1480, 410] }).warnings).toEqual([]);
  });
});

describe('e in fit formulas, and printed formulas that round-trip', () => {
  it("ll3's printed formula d/(1 + (e/x)^b) refits as the same three-parameter model", () => {
    const ll3 = fitCurve(ARTICLE_SAMPLES, { model: 'll3' });
    expect(ll3.formula).toBe('d/(1 + (e/x)^b)');
    const again = fitCurve(ARTICLE_SAMPLES, { model: `formula:${ll3.formula}`, settings: { domain: 'nonnegative' } });
    expect([...again.paramNames].sort()).toEqual(['b', 'd', 'e']);
    expect(again.sse).toBeCloseTo(ll3.sse, 6);
  });

  it("exp(1) is Euler's number; pi stays the constant", () => {
    const m = formulaModel('a*exp(1)*x + pi');
    expect(m.params).toEqual(['a']);
    expect(m.evaluate!(1, [1])).toBeCloseTo(Math.E + Math.PI, 14);
  });

  it('every built-in family prints a formula that `formula:` reads back as the same curve', () => {
    for (const family of defaultModelRegistry.families()) {
      if (family.family === 'formula' || family.family === 'mlp') continue;
      const name = family.family === 'poly' ? 'poly:3' : family.family;
      const r = fitCurve(ARTICLE_SAMPLES, { model: name });
      const again = fitCurve(ARTICLE_SAMPLES, { model: `formula:${r.formula}`, settings: { domain: 'nonnegative' }, start: r.params });
      expect([...again.paramNames].sort(), name).toEqual([...r.paramNames].sort());
      expect(Math.abs(again.sse - r.sse), name).toBeLessThanOrEqual(1e-6 * r.sse);
    }
  });
});

describe('general regressions', () => {
  it('a formula fits negative x as written (no mirroring, no y(0) = 0)', () => {
    const x = [-3, -2, -1, 0, 1, 2, 3];
    const y = x.map((v) => 2 + 0.5 * v + 0.25 * v * v);
    const r = fitCurve({ x, y }, { model: 'formula:a + b*x + c*x^2' });
    expect(r.params.a).toBeCloseTo(2, 9);
    expect(r.curve.evaluate(-2)).toBeCloseTo(2 - 1 + 1, 9);
    expect(r.curve.evaluate(0)).toBeCloseTo(2, 9);
    expect(r.curve.toJS()).not.toMatch(/Math\.abs/);
  });

  it('several predictors by name, and the response transform log(y) = ...', () => {
    const x1 = [1, 2, 3, 4, 5, 6, 1, 2, 3, 4, 5, 6];
    const x2 = [1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2];
    const y = x1.map((v, i) => Math.exp(2.5 - 0.3 * v * Math.exp(-0.4 * x2[i])));
    const r = fitCurve({ y, x1, x2 }, { model: 'formula:log(y) = b1 - b2*x1*exp(-b3*x2)', start: { b1: 2, b2: 0.2, b3: 0.3 } });
    expect(r.params.b1).toBeCloseTo(2.5, 9);
    expect(r.params.b2).toBeCloseTo(0.3, 9);
    expect(r.params.b3).toBeCloseTo(0.4, 9);
    expect(r.curve.evaluateRow([2, 1])).toBeCloseTo(2.5 - 0.6 * Math.exp(-0.4), 9);
    expect(() => r.curve.evaluate(2)).toThrow(/reads 2 predictors \(x1, x2\); evaluate it with evaluateRow/);
    expect(() => fitCurve({ y: y.map((v, i) => (i === 3 ? -1 : v)), x1, x2 }, { model: 'formula:log(y) = b1 - b2*x1*exp(-b3*x2)' })).toThrow(/row 4: the response log\(y\) is NaN at y = -1/);
  });

  it('a curve JSON written before formulas became regressions still rebuilds as a damping curve', async () => {
    const { curveFromJSON } = await import('./index');
    const old = curveFromJSON({ format: 'tensile-curve', version: 1, model: 'formula', settings: { formula: 'd*(1-exp(-x/k))', params: 'd,k' }, params: { d: 400, k: 3000 } });
    expect(old.evaluate(-1000)).toBeCloseTo(-old.evaluate(1000), 12);
    const fresh = fitCurve({ x: [1, 2, 3, 4], y: [1, 2, 2.5, 2.8] }, { model: 'formula:d*(1-exp(-x/k))', start: { d: 3, k: 2 } });
    const json = fresh.curve.toJSON();
    expect(json.settings.domain).toBe('real');
    expect(curveFromJSON(json).evaluate(-1)).toBeCloseTo(fresh.curve.evaluate(-1), 12);
  });
});
