// The model table: each model's plain `evaluate` and its ModelOps `expr` agree, the engine's
// Jacobian matches central differences, self-starts land near the optimum, and the registry is
// read-only by default but open through createModelRegistry.
import { describe, expect, it } from 'vitest';
import { ARTICLE_SAMPLES } from './articleSamples';
import { fitCurve } from './fit';
import { compiledGradient, forwardJacobian, modelJacobian } from './jacobian';
import { numberOps } from './model';
import { createModelRegistry, defaultModelRegistry } from './registry';
import { toSamples } from './samples';
import { householderQR, inverseGram, solveLeastSquares } from './qr';
import { normalQuantile, studentTCritical } from './quantiles';
import { externalSlope, toExternal, toInternal } from './bounds';

/** evaluate and expr may differ by the rounding of their differently-ordered arithmetic. */
const FORM_REL = 1e-12;
/** Central differences with h ~ eps^(1/3) agree with exact derivatives to ~1e-7 relative. */
const FD_REL = 1e-5;

const NAMES = ['article', 'll3', '4pl', '5pl', 'rubberband', 'power', 'expsat', 'poly:4', 'formula:d*(1-exp(-x/k))'];
const samples = toSamples(ARTICLE_SAMPLES);

describe('built-in models', () => {
  for (const name of NAMES) {
    const model = defaultModelRegistry.resolve(name);
    const p = Float64Array.from(fitCurve(samples, { model: name, ...(name.startsWith('formula') ? { start: [400, 2000] } : {}) }).curve.paramArray());

    it(`${name}: evaluate and expr agree on and beyond the data`, () => {
      for (const x of [0, 1, 100, 500, 1000, 2500, 12000, 1e5]) {
        const a = model.evaluate!(x, p);
        const b = model.expr(x, Array.from(p), numberOps);
        expect(Math.abs(a - b)).toBeLessThanOrEqual(FORM_REL * Math.max(1, Math.abs(a)));
      }
    });

    if (model.formulaSource) {
      it(`${name}: the compiled symbolic Jacobian equals forward mode, x = 0 included`, () => {
        expect(compiledGradient(model)).not.toBeNull();
        const xs = Float64Array.of(0, 1, 250, 500, 3000, 12000, 1e5);
        const n = model.params.length;
        const a = new Float64Array(xs.length * n);
        const b = new Float64Array(xs.length * n);
        modelJacobian(model, xs)(p, a);
        forwardJacobian(model, xs)(p, b);
        a.forEach((v, k) => expect(Math.abs(v - b[k])).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(b[k]))));
      });
    }

    it(`${name}: the AD Jacobian matches central differences`, () => {
      const xs = Float64Array.of(0, 250, 500, 3000, 12000);
      const n = model.params.length;
      const J = new Float64Array(xs.length * n);
      modelJacobian(model, xs)(p, J);
      for (let j = 0; j < n; j++) {
        const h = Math.cbrt(Number.EPSILON) * Math.max(1, Math.abs(p[j]));
        const up = Float64Array.from(p);
        const down = Float64Array.from(p);
        up[j] += h;
        down[j] -= h;
        xs.forEach((x, i) => {
          const fd = (model.evaluate!(x, up) - model.evaluate!(x, down)) / (2 * h);
          const scale = Math.max(1e-8, Math.abs(fd), Math.abs(J[i * n + j]));
          expect(Math.abs(J[i * n + j] - fd) / scale, `d/d${model.params[j]} at x = ${x}`).toBeLessThan(FD_REL);
        });
      }
    });
  }

  it('self-starts land in the right basin (drc style): SSE at the start under 5% of sum y^2', () => {
    for (const name of ['article', 'll3', '4pl', 'rubberband', 'power', 'expsat']) {
      const model = defaultModelRegistry.resolve(name);
      const start = model.start(samples);
      let sse = 0;
      for (let i = 0; i < samples.x.length; i++) sse += (model.evaluate!(samples.x[i], start) - samples.y[i]) ** 2;
      // Starts are not optima, but far below the flat curve's sum y^2 = 671525.
      expect(sse, name).toBeLessThan(0.05 * 671525);
    }
  });

  it('facts: monotone direction, asymptote, y(0)', () => {
    const r = fitCurve(samples, { model: 'll3' });
    expect(r.facts).toEqual({ monotone: 'increasing', asymptote: r.params.d, y0: 0 });
    const q = fitCurve(samples, { model: '4pl' });
    expect(q.facts!.y0).toBe(q.params.a);
    expect(fitCurve(samples, { model: 'power' }).facts!.asymptote).toBeNull();
  });
});

describe('registry', () => {
  it('the default registry is read-only; a created one accepts families', () => {
    const family = { family: 'lin', summary: 'k*x', monotone: true, create: () => defaultModelRegistry.resolve('power') };
    expect(() => defaultModelRegistry.register(family)).toThrow(/read-only/);
    const reg = createModelRegistry().register(family);
    expect(reg.family('lin')).toBe(family);
    expect(reg.families().map((f) => f.family)).toContain('ll3');
    expect(() => reg.register({ family: 'bad name' } as never)).toThrow(/letters, digits/);
    expect(() => defaultModelRegistry.resolve('')).toThrow(/non-empty name/);
  });
});

describe('numerics', () => {
  it('QR least squares solves an ill-scaled Vandermonde system that the normal equations cannot', () => {
    const x = Array.from({ length: 12 }, (_, i) => i / 11);
    const truth = [1, -2, 3, -4, 5, -6, 7];
    const n = truth.length;
    const A = new Float64Array(x.length * n);
    const b = new Float64Array(x.length);
    x.forEach((t, i) => {
      for (let j = 0; j < n; j++) A[i * n + j] = t ** j;
      b[i] = truth.reduce((s, c, j) => s + c * t ** j, 0);
    });
    const qr = householderQR(A, x.length, n);
    const { x: sol, residualNorm } = solveLeastSquares(qr, b);
    sol.forEach((v, j) => expect(v).toBeCloseTo(truth[j], 6));
    expect(residualNorm).toBeLessThan(1e-10);
    expect(inverseGram(householderQR(Float64Array.of(1, 2, 2, 4, 3, 6), 3, 2))).toBeNull();
  });

  it('t and normal quantiles agree with scipy', () => {
    // scipy.stats.t.ppf(0.975, dof) and norm.ppf(0.975)
    const ref: [number, number][] = [[1, 12.706204736174696], [2, 4.302652729749464], [3, 3.182446305284263], [6, 2.446911851144969], [20, 2.085963447265837], [100, 1.983971518523552]];
    for (const [dof, t] of ref) expect(Math.abs(studentTCritical(0.05, dof) - t) / t).toBeLessThan(1e-5);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 8);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306167813, 8);
  });

  it('bound transforms map back and forth and stay inside the box', () => {
    const boxes = [{ lower: 0, upper: Infinity }, { lower: -Infinity, upper: 5 }, { lower: -1, upper: 3 }, { lower: -Infinity, upper: Infinity }];
    for (const box of boxes) {
      for (const p of [-0.5, 0.25, 1, 2.5]) {
        if (p <= box.lower || p >= box.upper) continue;
        const q = toInternal(p, box);
        expect(toExternal(q, box)).toBeCloseTo(p, 9);
        expect(Number.isFinite(externalSlope(q, box))).toBe(true);
      }
      for (const q of [-100, -1, 0, 1, 100]) {
        const p = toExternal(q, box);
        expect(p).toBeGreaterThanOrEqual(box.lower);
        expect(p).toBeLessThanOrEqual(box.upper);
      }
    }
    // A start on the bound is moved inside (slope 0 there would freeze LM).
    expect(externalSlope(toInternal(0, { lower: 0, upper: Infinity }), { lower: 0, upper: Infinity })).not.toBe(0);
  });
});
