// The exported forms of a fit: the Curve (sign-symmetric, batch = scalar), the emitted
// JavaScript (evaluated, it reproduces the curve bit for bit), and JSON that round-trips exactly.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ARTICLE_SAMPLES } from './articleSamples';
import { curveFromJSON, FittedCurve } from './curve';
import { FitOptionsError } from './errors';
import { fitCurve } from './fit';
import { formulaModel } from './models/index';
import { createModelRegistry } from './registry';
import { isCurve } from '../curve';

const SEED = 20261128;
const MODELS = ['article', 'll3', '4pl', '5pl', 'rubberband', 'power', 'expsat', 'poly:5', 'poly:3'];

/** Loads emitted code the way a user pasting it would: a fresh function scope, no eval of ours. */
function load(code: string, name = 'damping'): (x: number, max?: number) => number {
  return new Function(`${code.replace(/^export /gm, '')}\nreturn ${name};`)() as (x: number, max?: number) => number;
}

const xs = [0, -0, 1e-9, 0.5, 1, 250, 500, 1234.5, 3000, 12000, 20000, 1e6, 1e12, 1e300, -1, -500, -12000, -1e300];

describe('FittedCurve', () => {
  for (const model of MODELS) {
    it(`${model}: evaluating the emitted damping(x, max) reproduces the curve exactly`, () => {
      const { curve } = fitCurve(ARTICLE_SAMPLES, { model });
      expect(isCurve(curve)).toBe(true);
      const damping = load(curve.toJS());
      for (const x of xs) expect(damping(x), `x = ${x}`).toBe(curve.evaluate(x));
      const ts = curve.toTS({ name: 'offsetFor' });
      expect(ts).toMatch(/^export function offsetFor\(x: number, max\?: number\): number \{$/m);
    });
  }

  it('is sign-symmetric, 0 at 0, and batch equals scalar (property, fixed seed)', () => {
    const curves = MODELS.map((model) => fitCurve(ARTICLE_SAMPLES, { model }).curve);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: curves.length - 1 }), fc.double({ min: -1e7, max: 1e7, noNaN: true }), (i, x) => {
        const c = curves[i];
        const y = c.evaluate(x);
        expect(Number.isNaN(y)).toBe(false);
        // === (not Object.is): the contract is evaluate(-x) === -evaluate(x), so 0 and -0 agree.
        expect(c.evaluate(-x) === -y).toBe(true);
        const batch = c.evaluateBatch([x, -x]);
        expect(batch[0] === y && batch[1] === -y).toBe(true);
      }),
      { seed: SEED, numRuns: 500, verbose: true },
    );
    for (const c of curves) expect(c.evaluate(0)).toBe(0);
  });

  it('the article export has the article signature; max rescales, defaulting to the fitted max', () => {
    const { curve, params } = fitCurve(ARTICLE_SAMPLES, { model: 'article' });
    const code = curve.toJS();
    expect(code).toMatch(/^export function damping\(x, max\) \{$/m);
    const damping = load(code);
    expect(damping(1000)).toBe(damping(1000, 500));
    expect(damping(1000, 1000) / damping(1000, 500)).toBeCloseTo(2, 12);
    expect(damping(1000)).toBeCloseTo((params.a * 500) / (1 + params.b / Math.pow(1000, params.c)), 12);
  });

  it('round: parameters to N significant digits', () => {
    const { curve } = fitCurve(ARTICLE_SAMPLES, { model: 'article' });
    const code = curve.toJS({ round: 6 });
    expect(code).toContain('0.820915 * max / (1 + 4563.58 / Math.pow(x, 1.154))');
    const rounded = load(code);
    expect(Math.abs(rounded(5000) - curve.evaluate(5000))).toBeLessThan(0.01);
    expect(() => curve.toJS({ round: 0 })).toThrow(/round must be an integer/);
    expect(() => curve.toJS({ name: 'not valid' })).toThrow(/name must be a JavaScript identifier/);
  });

  it('toJSON / curveFromJSON round-trip exactly (through JSON text), for every model', () => {
    for (const model of [...MODELS, 'formula']) {
      const curve =
        model === 'formula'
          ? fitCurve(ARTICLE_SAMPLES, { model: formulaModel('d*(1 - exp(-x/k))', { start: [400, 2000] }) }).curve
          : fitCurve(ARTICLE_SAMPLES, { model, max: 640 }).curve;
      const json = curve.toJSON();
      const back = curveFromJSON(JSON.stringify(json));
      expect(FittedCurve.fromJSON(json).toJSON()).toEqual(json);
      expect(back.toJSON()).toEqual(json);
      for (const x of xs) expect(back.evaluate(x)).toBe(curve.evaluate(x));
      expect(back.toJS()).toBe(curve.toJS());
    }
  });

  it('the JSON format is documented plain data', () => {
    const { curve } = fitCurve(ARTICLE_SAMPLES, { model: 'poly:2', throughOrigin: true });
    expect(curve.toJSON()).toEqual({
      format: 'tensile-curve',
      version: 1,
      model: 'poly:2',
      settings: { degree: 2, throughOrigin: true },
      params: { c1: curve.params.c1, c2: curve.params.c2 },
    });
  });

  it('bad JSON is a typed error naming the field', () => {
    const good = fitCurve(ARTICLE_SAMPLES, { model: 'll3' }).curve.toJSON();
    const cases: [unknown, RegExp][] = [
      ['{', /does not parse/],
      [[], /must be an object/],
      [{ ...good, format: 'x' }, /format must be "tensile-curve"/],
      [{ ...good, version: 2 }, /version 2 is not supported/],
      [{ ...good, model: 'nope' }, /unknown model "nope"/],
      [{ ...good, params: { ...good.params, e: 'big' } }, /params.e must be a finite number, got "big"/],
      [{ ...good, params: { b: 1, e: 2 } }, /params.d must be a finite number, got undefined/],
      [{ ...good, params: { ...good.params, z: 1 } }, /no parameter "z"/],
      [{ ...good, settings: { max: {} } }, /settings.max must be a number/],
    ];
    for (const [json, re] of cases) {
      expect(() => curveFromJSON(json)).toThrow(FitOptionsError);
      expect(() => curveFromJSON(json)).toThrow(re);
    }
  });

  it('a curve of a registry family loads through that registry', () => {
    const registry = createModelRegistry();
    const json = fitCurve(ARTICLE_SAMPLES, { model: 'expsat', registry }).curve.toJSON();
    expect(curveFromJSON(json, { registry }).params).toEqual(json.params);
  });

  it('evaluate throws a typed error instead of returning NaN; batch checks its output length', () => {
    const { curve } = fitCurve(ARTICLE_SAMPLES, { model: 'll3' });
    expect(() => curve.evaluate(NaN)).toThrow(/is NaN/);
    expect(() => curve.evaluateBatch([1, 2], new Float64Array(3))).toThrow(/out has length 3 but xs has 2/);
    const out = new Float64Array(2);
    expect(curve.evaluateBatch([1, 2], out)).toBe(out);
    expect(() => new FittedCurve(curve.model, [1, 2])).toThrow(/has 3 parameters, got 2 values/);
  });
});
