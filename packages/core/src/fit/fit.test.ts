// Fits against the scipy reference optima of bench/reference-figures.md, "Reference figures" in BENCHMARKS.md (scipy 1.17 curve_fit, MINPACK LM,
// recomputed to full precision in float64), parameter recovery from noisy synthetic data, weights,
// bounds, stop reasons, multistart and model selection.
import { describe, expect, it } from 'vitest';
import { ARTICLE_SAMPLES } from './articleSamples';
import { FitDataError, FitOptionsError } from './errors';
import { fitCurve } from './fit';
import { createModelRegistry } from './registry';
import { defineModel, formulaModel } from './models/index';
import { add, div, mul, pow } from '../diff/ops';

/** SSE agreement with the quoted scipy optima (the bar). */
const SSE_REL = 1e-7;
/** Parameter agreement with scipy's optimum (both solvers stop near 1e-9 relative). */
const PARAM_REL = 1e-6;
/** Standard errors agree with scipy's pcov to this relative tolerance. */
const SE_REL = 1e-5;

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('scipy reference optima on the article samples, from the default start', () => {
  it('article: a=0.820915, b=4563.58, c=1.15400, SSE 76.18987', () => {
    const r = fitCurve(ARTICLE_SAMPLES, { model: 'article' });
    expect(rel(r.sse, 76.18987)).toBeLessThan(SSE_REL);
    expect(rel(r.sse, 76.18987397457677)).toBeLessThan(1e-10);
    expect(rel(r.params.a, 0.8209153263713)).toBeLessThan(PARAM_REL);
    expect(rel(r.params.b, 4563.582510275)).toBeLessThan(PARAM_REL);
    expect(rel(r.params.c, 1.153996977038)).toBeLessThan(PARAM_REL);
    expect(rel(r.stderr.a!, 0.012665469)).toBeLessThan(SE_REL);
    expect(rel(r.stderr.b!, 1408.10801)).toBeLessThan(SE_REL);
    expect(rel(r.stderr.c!, 0.0467413977)).toBeLessThan(SE_REL);
    expect(r.starts).toBe(1);
    expect(['ftol', 'xtol', 'gtol']).toContain(r.stopReason);
    expect(r.monotone).toBe(true);
    expect(r.rmse).toBeCloseTo(2.910, 3);
    expect(r.facts).toEqual({ monotone: 'increasing', asymptote: r.params.a * 500, y0: 0 });
  });

  it('ll3: b=1.15400, e=1482.46 +- 56, d=410.458, SSE 76.18987', () => {
    const r = fitCurve(ARTICLE_SAMPLES, { model: 'll3' });
    expect(rel(r.sse, 76.18987)).toBeLessThan(SSE_REL);
    expect(rel(r.params.b, 1.153996979536)).toBeLessThan(PARAM_REL);
    expect(rel(r.params.e, 1482.463339567)).toBeLessThan(PARAM_REL);
    expect(rel(r.params.d, 410.4576629846)).toBeLessThan(PARAM_REL);
    expect(rel(r.stderr.e!, 56.2261545)).toBeLessThan(SE_REL);
    expect(rel(r.stderr.d!, 6.33273497)).toBeLessThan(SE_REL);
    // 95% interval = e +- t(0.975, 6) * se, t = 2.446912.
    const [lo, hi] = r.intervals.e!;
    expect(rel(hi - lo, 2 * 2.446911851144969 * 56.2261545)).toBeLessThan(1e-5);
  });

  it('4pl: SSE 76.1611, a = -0.168, c = 1481.7', () => {
    const r = fitCurve(ARTICLE_SAMPLES, { model: '4pl' });
    expect(rel(r.sse, 76.16111649570463)).toBeLessThan(1e-9);
    expect(r.sse.toFixed(4)).toBe('76.1611');
    expect(r.params.a).toBeCloseTo(-0.168, 3);
    expect(r.params.c).toBeCloseTo(1481.7, 1);
  });

  it('5pl collapses to 4pl (g = 0.998), SSE 76.161', () => {
    const r = fitCurve(ARTICLE_SAMPLES, { model: '5pl' });
    expect(rel(r.sse, 76.16097089686481)).toBeLessThan(1e-8);
    expect(r.params.g).toBeCloseTo(0.998, 3);
  });

  it('rubberband: c = 0.257692, d = 434.024, SSE 222.03', () => {
    const r = fitCurve(ARTICLE_SAMPLES, { model: 'rubberband' });
    expect(rel(r.sse, 222.03054361237184)).toBeLessThan(1e-9);
    expect(rel(r.params.c, 0.2576917264378)).toBeLessThan(PARAM_REL);
    expect(rel(r.params.d, 434.0242670098)).toBeLessThan(PARAM_REL);
  });

  it('power and expsat reach scipy\'s optima', () => {
    expect(rel(fitCurve(ARTICLE_SAMPLES, { model: 'power' }).sse, 4663.989554603905)).toBeLessThan(1e-9);
    expect(rel(fitCurve(ARTICLE_SAMPLES, { model: 'expsat' }).sse, 410.73840620001243)).toBeLessThan(1e-9);
  });

  it('poly:N by QR matches numpy (SSE 139.548 for degree 5) and warns it is not monotone', () => {
    const r5 = fitCurve(ARTICLE_SAMPLES, { model: 'poly:5' });
    expect(rel(r5.sse, 139.54800471911213)).toBeLessThan(1e-9);
    expect(rel(r5.params.c5, 1.91541898e-17)).toBeLessThan(1e-7);
    expect(r5.stopReason).toBe('direct');
    expect(r5.monotone).toBe(false);
    expect(r5.warnings.join('\n')).toMatch(/not monotone/);
    expect(r5.stderr.c5).not.toBeNull();
    for (const [deg, sse] of [[2, 10381.523749517035], [3, 1689.7093595204806]] as const) {
      expect(rel(fitCurve(ARTICLE_SAMPLES, { model: `poly:${deg}` }).sse, sse)).toBeLessThan(1e-9);
    }
    const o = fitCurve(ARTICLE_SAMPLES, { model: 'poly:3', throughOrigin: true });
    expect(o.paramNames).toEqual(['c1', 'c2', 'c3']);
    expect(rel(o.sse, 2383.0547597995424)).toBeLessThan(1e-9);
    expect(o.curve.evaluate(0)).toBe(0);
  });
});

/** A deterministic normal generator (Box-Muller on a fixed LCG) for synthetic noise. */
function noise(seed: number): () => number {
  let s = seed >>> 0;
  const u = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) + 1) / 2 ** 32;
  return () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
}

describe('recovers known parameters from noisy synthetic data', () => {
  const xs = Array.from({ length: 60 }, (_, i) => i * 200);
  const cases: [string, Record<string, number>, (x: number, p: Record<string, number>) => number][] = [
    ['ll3', { b: 1.3, e: 900, d: 380 }, (x, p) => (x === 0 ? 0 : p.d / (1 + Math.pow(p.e / x, p.b)))],
    ['article', { a: 0.75, b: 3000, c: 1.1 }, (x, p) => (x === 0 ? 0 : (p.a * 500) / (1 + p.b / Math.pow(x, p.c)))],
    ['rubberband', { c: 0.55, d: 300 }, (x, p) => (x * p.d * p.c) / (p.d + p.c * x)],
    ['expsat', { d: 250, k: 1500 }, (x, p) => p.d * (1 - Math.exp(-x / p.k))],
    ['4pl', { a: 5, b: 1.8, c: 2500, d: 420 }, (x, p) => p.d + (p.a - p.d) / (1 + Math.pow(x / p.c, p.b))],
  ];
  for (const [model, truth, f] of cases) {
    it(`${model}: every true parameter inside its 99.9% interval`, () => {
      const rnd = noise(42);
      const sigma = 1.5; // px
      const y = xs.map((x) => f(x, truth) + sigma * rnd());
      const r = fitCurve({ x: xs, y }, { model, confidence: 0.999 });
      for (const [k, v] of Object.entries(truth)) {
        const [lo, hi] = r.intervals[k]!;
        expect(v, `${model}.${k} in [${lo}, ${hi}]`).toBeGreaterThanOrEqual(lo);
        expect(v, `${model}.${k} in [${lo}, ${hi}]`).toBeLessThanOrEqual(hi);
      }
      expect(r.rmse).toBeGreaterThan(0.7 * sigma);
      expect(r.rmse).toBeLessThan(1.3 * sigma);
    });
  }
});

describe('solver behaviour', () => {
  it('weights match scipy curve_fit(sigma = 1/sqrt(w))', () => {
    const w = [1, 2, 1, 3, 1, 1, 0.5, 1, 2];
    const r = fitCurve({ ...ARTICLE_SAMPLES, weights: w }, { model: 'll3' });
    expect(rel(r.sse, 90.16655544155614)).toBeLessThan(1e-9);
    expect(rel(r.params.e, 1455.79551)).toBeLessThan(1e-6);
    expect(rel(r.stderr.e!, 44.2186273)).toBeLessThan(SE_REL);
  });

  it('weights of 0 drop a sample from the fit', () => {
    const x = [...ARTICLE_SAMPLES.x, 3000];
    const y = [...ARTICLE_SAMPLES.y, 10000];
    const r = fitCurve({ x, y, weights: [...x.map(() => 1).slice(1), 0] }, { model: 'll3' });
    expect(rel(r.sse, 76.18987397457677)).toBeLessThan(1e-9);
    expect(r.n).toBe(9);
  });

  it('is never worse than the start and reports maxEvaluations when cut short', () => {
    const start = [0.5, 100, 0.5];
    const startSse = fitCurve(ARTICLE_SAMPLES, { model: 'article', start, maxEvaluations: 1, multistart: false }).sse;
    for (const maxEvaluations of [2, 3, 5, 8]) {
      const r = fitCurve(ARTICLE_SAMPLES, { model: 'article', start, maxEvaluations, multistart: false });
      expect(r.sse).toBeLessThanOrEqual(startSse);
      expect(r.stopReason).toBe('maxEvaluations');
      expect(r.warnings.join()).toMatch(/maxEvaluations/);
    }
  });

  it('each tolerance can be the reason for stopping', () => {
    const loose = fitCurve(ARTICLE_SAMPLES, { model: 'll3', ftol: 1e-3, xtol: 1e-15, gtol: 1e-15 });
    expect(loose.stopReason).toBe('ftol');
    const byX = fitCurve(ARTICLE_SAMPLES, { model: 'll3', ftol: 1e-15, xtol: 1e-2, gtol: 1e-15 });
    expect(byX.stopReason).toBe('xtol');
    const byG = fitCurve(ARTICLE_SAMPLES, { model: 'll3', ftol: 1e-15, xtol: 1e-15, gtol: 1e-2 });
    expect(byG.stopReason).toBe('gtol');
    expect(fitCurve({ x: [1, 2, 3, 4], y: [2, 4, 6, 8] }, { model: 'power' }).stopReason).toBe('exact');
  });

  it('bounds keep the article form out of its c < 0 basin (a start with c = -1 still converges)', () => {
    const r = fitCurve(ARTICLE_SAMPLES, { model: 'article', start: { a: 0.8, b: 1e9, c: -1 }, multistart: false });
    expect(rel(r.sse, 76.18987397457677)).toBeLessThan(1e-9);
    expect(r.params.c).toBeGreaterThan(0);
  });

  it('a start in the degenerate basin (curve identically 0, SSE = sum y^2) triggers the multistart', () => {
    const sumY2 = ARTICLE_SAMPLES.y.reduce((s, v) => s + v * v, 0);
    const start = { a: 0.8, b: 1e30, c: 1 };
    const stuck = fitCurve(ARTICLE_SAMPLES, { model: 'article', start, multistart: false });
    expect(rel(stuck.sse, sumY2)).toBeLessThan(1e-3);
    const r = fitCurve(ARTICLE_SAMPLES, { model: 'article', start });
    expect(r.starts).toBeGreaterThan(1);
    expect(rel(r.sse, 76.18987397457677)).toBeLessThan(1e-9);
    // A good start needs no second one.
    expect(fitCurve(ARTICLE_SAMPLES, { model: 'article' }).starts).toBe(1);
  });

  it('start as a record fills the rest from the self-start; bad starts are typed errors', () => {
    expect(rel(fitCurve(ARTICLE_SAMPLES, { model: 'll3', start: { e: 2000 } }).sse, 76.18987397457677)).toBeLessThan(1e-9);
    expect(() => fitCurve(ARTICLE_SAMPLES, { model: 'll3', start: [1, 2] })).toThrow(/start has 2 values but model "ll3" has 3/);
    expect(() => fitCurve(ARTICLE_SAMPLES, { model: 'll3', start: { q: 1 } })).toThrow(/no parameter q/);
    expect(() => fitCurve(ARTICLE_SAMPLES, { model: 'll3', start: [1, NaN, 3] })).toThrow(/start.e must be a finite number, got NaN/);
  });

  it('rejects bad options with typed errors', () => {
    const bad = (opts: object, re: RegExp) => {
      try {
        fitCurve(ARTICLE_SAMPLES, opts);
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(FitOptionsError);
        expect((e as Error).message).toMatch(re);
      }
    };
    bad({ model: 'sigmoid9' }, /unknown model "sigmoid9"; known: ll3, article/);
    bad({ model: 'poly:0' }, /degree N in 1\.\.12/);
    bad({ model: 'poly:x' }, /degree N/);
    bad({ model: 'll3:2' }, /takes no ":2"/);
    bad({ max: -5 }, /max must be a positive finite number/);
    bad({ ftol: 0 }, /ftol must be a positive/);
    bad({ maxEvaluations: 2.5 }, /maxEvaluations must be a positive finite integer/);
    bad({ confidence: 1.5 }, /confidence must be in \(0, 1\)/);
    bad({ model: 'auto', start: [1] }, /start cannot be given with model "auto"/);
    expect(() => fitCurve(ARTICLE_SAMPLES, null as never)).toThrow(FitOptionsError);
  });

  it('article max scales a but not the curve', () => {
    const r = fitCurve(ARTICLE_SAMPLES, { model: 'article', max: 1000 });
    expect(rel(r.sse, 76.18987397457677)).toBeLessThan(1e-9);
    expect(rel(r.params.a, 0.8209153263713 / 2)).toBeLessThan(PARAM_REL);
  });
});

describe('model "auto"', () => {
  it('fits the monotone candidates, ranks by AICc and picks ll3 (ties with article go to ll3)', () => {
    const r = fitCurve(ARTICLE_SAMPLES, { model: 'auto' });
    expect(r.model).toBe('ll3');
    const names = r.selection!.map((s) => s.model);
    expect(names.slice(0, 3)).toEqual(['ll3', 'article', 'rubberband']);
    expect(names).not.toContain('poly');
    expect(r.selection![0].deltaAicc).toBe(0);
    const total = r.selection!.reduce((s, row) => s + row.weight, 0);
    expect(total).toBeCloseTo(1, 12);
    for (let i = 1; i < r.selection!.length; i++) expect(r.selection![i].aicc).toBeGreaterThanOrEqual(r.selection![i - 1].aicc - 1e-9);
  });

  it('lists candidates that cannot be fitted with their error', () => {
    const r = fitCurve({ x: [0, 1000, 4000], y: [0, 150, 330] }, { model: 'auto' });
    const failed = r.selection!.filter((s) => s.error);
    expect(failed.map((s) => s.model).sort()).toEqual(['4pl', '5pl']);
    expect(failed[0].error).toMatch(/parameters/);
  });
});

describe('user models', () => {
  it('a TypeScript function written with the engine ops fits like the built-in', () => {
    const model = defineModel({
      name: 'my-article',
      params: ['a', 'b', 'c'],
      fn: (x, p) => mul(mul(p.a, 500), div(pow(x, p.c), add(pow(x, p.c), p.b))),
      start: [0.8, 4000, 1.1],
      lower: [-Infinity, 0, 0],
      upper: [Infinity, Infinity, Infinity],
    });
    const r = fitCurve(ARTICLE_SAMPLES, { model });
    expect(rel(r.sse, 76.18987397457677)).toBeLessThan(1e-9);
    expect(r.model).toBe('my-article');
    expect(() => r.curve.toJS()).toThrow(/has no JavaScript form/);
  });

  it('a formula string with named parameters fits, exports and round-trips', () => {
    const model = formulaModel('d/(1 + (h/x)^b)', { start: { b: 1, h: 1000, d: 400 } });
    expect(model.params).toEqual(['d', 'h', 'b']);
    const r = fitCurve(ARTICLE_SAMPLES, { model });
    expect(rel(r.sse, 76.18987397457677)).toBeLessThan(1e-9);
    const byName = fitCurve(ARTICLE_SAMPLES, { model: 'formula:d/(1 + (h/x)^b)', start: [400, 1000, 1] });
    expect(rel(byName.sse, 76.18987397457677)).toBeLessThan(1e-9);
    // Without a start, a seeded search over positive magnitudes finds the basin (what the CLI relies on).
    expect(rel(fitCurve(ARTICLE_SAMPLES, { model: 'formula:d*(1-exp(-x/k))' }).sse, 410.73840620001243)).toBeLessThan(1e-9);
    expect(rel(fitCurve(ARTICLE_SAMPLES, { model: 'formula:a*500/(1+b/x^c)' }).sse, 76.18987397457677)).toBeLessThan(1e-9);
    const partial = fitCurve(ARTICLE_SAMPLES, { model: formulaModel('x*d*c/(d+c*x)', { start: { d: 400 } }) });
    expect(rel(partial.sse, 222.03054361237184)).toBeLessThan(1e-9);
  });

  it('a user model that goes NaN on a trial step only rejects that step; NaN at the start is a typed error', () => {
    // log(x/h) is NaN for h < 0: LM steps there are rejected, not fatal.
    const model = formulaModel('d*log(1 + x/h)', { start: { d: 100, h: 500 }, lower: [-Infinity, -Infinity] });
    const r = fitCurve(ARTICLE_SAMPLES, { model });
    expect(Number.isFinite(r.sse)).toBe(true);
    expect(() => fitCurve(ARTICLE_SAMPLES, { model: formulaModel('d*log(1 + x/h)', { start: { d: 100, h: -1 } }) })).toThrow(/not finite at the start/);
  });

  it('bad user models are typed errors', () => {
    expect(() => formulaModel('d*pi*x', { params: ['d', 'pi'] })).toThrow(/"pi" is a constant/);
    expect(() => formulaModel('d*(1-exp(-x/k', {})).toThrow(FitOptionsError);
    expect(() => formulaModel('2*x')).toThrow(/no parameters besides x/);
    expect(() => formulaModel('a*x', { start: { a: 1, zz: 2 } })).toThrow(/zz/);
    expect(() => defineModel({ params: [], fn: (x) => x, start: [] })).toThrow(/params must be a non-empty/);
    expect(() => fitCurve(ARTICLE_SAMPLES, { model: { name: 'x' } as never })).toThrow(/model definition/);
  });

  it('a custom family with its own solver plugs in through a registry (how an mlp model registers)', () => {
    const registry = createModelRegistry().register({
      family: 'constant',
      summary: 'y = k (mean)',
      monotone: false,
      create: () => ({
        name: 'constant',
        formula: 'k',
        params: ['k'],
        domain: 'real',
        settings: {},
        expr: (_x, [k]) => k,
        start: () => [0],
        solve: (s) => ({ params: Float64Array.of(s.y.reduce((a, b) => a + b, 0) / s.y.length), iterations: 1, stopReason: 'custom' }),
        toJSExpression: ([k]) => k,
      }),
    });
    const r = fitCurve(ARTICLE_SAMPLES, { model: 'constant', registry });
    expect(r.params.k).toBeCloseTo(2170 / 9, 10);
    expect(r.stopReason).toBe('custom');
    expect(() => fitCurve(ARTICLE_SAMPLES, { model: 'constant' })).toThrow(/unknown model/);
  });
});

it('FitDataError is raised before any solving for model-specific data problems', () => {
  expect(() => fitCurve({ x: [0, 1], y: [0, 1] }, { model: 'll3' })).toThrow(FitDataError);
});
