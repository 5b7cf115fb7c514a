// The curve contract (issue 11): a fitted curve, however it travels (the Curve object, its JSON read
// back, the code `toJS`/`toTS` emit), passed unchanged as the engine's `curve` shows the fitted
// values in any container; only a curve that says `scalesWithContainer` gets the container's size;
// a curve that returns NaN, a negative offset or decreases is refused when resolved, with a typed error.
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ARTICLE_SAMPLES, curveFromJSON, fitCurve } from '../fit/index';
import { createElastic } from './engine';
import { createFakeHost } from './host-fake';
import { androidStretch, resolveDamping, rubberBand } from './curves';
import { ElasticError } from './errors';
import type { DampingFunction } from './types';

/** What "shows exactly the fitted curve" allows: half a CSS pixel (the table interpolates over 10 px). */
const CONTRACT_PX = 0.5;
const SIZES = [120, 390, 844, 2000, 6000];
const DISTANCES = Array.from({ length: 121 }, (_, i) => i * 12.5);

/** The emitted JavaScript as a function, the way a page that pastes it gets it. */
const loadJS = (code: string, name = 'damping'): DampingFunction => new Function(`${code.replace(/^export /gm, '')}\nreturn ${name};`)() as DampingFunction;
/** The emitted TypeScript, compiled as a user's bundler would. */
const loadTS = (code: string): DampingFunction =>
  loadJS(ts.transpileModule(code, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext } }).outputText);

describe('one curve contract from fit to engine', () => {
  for (const model of ['article', 'll3', '4pl', 'rubberband', 'expsat', 'power']) {
    it(`${model}: the Curve, its JSON and its emitted JS/TS show the fitted values in any container`, () => {
      const fit = fitCurve(ARTICLE_SAMPLES, { model });
      const forms = {
        curve: fit.curve,
        json: curveFromJSON(JSON.stringify(fit.curve.toJSON())),
        js: loadJS(fit.curve.toJS()),
        ts: loadTS(fit.curve.toTS()),
      };
      for (const [form, option] of Object.entries(forms)) {
        const damping = resolveDamping(option, 500);
        let worst = 0;
        for (const size of SIZES) for (const d of DISTANCES) worst = Math.max(worst, Math.abs(damping(d, size) - fit.curve.evaluate(d)));
        expect(worst, `${model} as ${form}`).toBeLessThan(CONTRACT_PX);
      }
    });
  }

  it("the article fit's emitted code no longer takes the container size as its max (89.7 px where the fit says 56.1)", () => {
    const fit = fitCurve(ARTICLE_SAMPLES, { model: 'article' });
    const damping = resolveDamping(loadJS(fit.curve.toJS()), 500);
    expect(fit.curve.evaluate(300)).toBeCloseTo(56.1, 0);
    expect(damping(300, 800)).toBeCloseTo(fit.curve.evaluate(300), 1);
    expect(damping(300, 800)).toBe(damping(300, 300));
  });

  it('the engine shows the emitted curve: a fake-host pull of d px displays y(d) in a 300 px and an 844 px container', () => {
    const fit = fitCurve(ARTICLE_SAMPLES, { model: 'll3' });
    for (const height of [300, 844]) {
      const host = createFakeHost();
      const list = host.element({ scrollable: { y: true }, scroll: { maxTop: 2000, height, width: 390 } });
      const content = host.element({ parent: list });
      const engine = createElastic({ host, curve: loadJS(fit.curve.toJS()) });
      engine.attach(list);
      const touches = (y: number) => ({ touches: [{ identifier: 0, clientX: 100, clientY: y }], cancelable: true });
      host.dispatch(content, 'touchstart', touches(10));
      for (const d of [20, 80, 150, 300, 500]) {
        host.advance(16);
        host.dispatch(content, 'touchmove', touches(10 + d));
        expect(engine.getSnapshot().distance).toBe(d);
        expect(Math.abs(engine.getSnapshot().offset - fit.curve.evaluate(d))).toBeLessThan(CONTRACT_PX);
        // What is written on the content layer, not only the snapshot.
        const shown = Number(/translate3d\(0,(-?[\d.e-]+)px/.exec(host.getStyle(content, 'transform'))?.[1]);
        expect(Math.abs(shown - fit.curve.evaluate(d))).toBeLessThan(CONTRACT_PX);
      }
      engine.destroy();
    }
  });
});

describe('curves that scale with the container say so', () => {
  it('rubberBand and androidStretch carry scalesWithContainer and get the size', () => {
    expect(rubberBand.scalesWithContainer).toBe(true);
    expect(androidStretch.scalesWithContainer).toBe(true);
    const band = resolveDamping(rubberBand, 1e9);
    expect(band(100, 844)).toBeCloseTo(rubberBand(100, 844), 9);
    expect(band(100, 300)).toBeCloseTo(rubberBand(100, 300), 9);
    expect(band(100, 300)).toBeLessThan(band(100, 844));
    // The built-in 'ios' is the same definition.
    expect(resolveDamping('ios', 1e9)(100, 300)).toBe(band(100, 300));
  });

  it('a function that says nothing is called with the distance only', () => {
    const calls: number[] = [];
    const f = resolveDamping((...args: number[]) => (calls.push(args.length), args[0] / 2), 500);
    calls.length = 0;
    expect(f(100, 844)).toBe(50);
    expect(calls).toEqual([1]);
  });

  it('a function that uses the size without saying so is refused at resolution, with the fix in the message', () => {
    const unmarked: DampingFunction = (d, size) => (d * size) / (size + d);
    expect(() => resolveDamping(unmarked, 500)).toThrow(ElasticError);
    expect(() => resolveDamping(unmarked, 500)).toThrow(/^createElastic: curve function returned NaN at 0 px, expected a finite offset; to get the size set scalesWithContainer$/);
    expect(() => createElastic({ curve: unmarked })).toThrow(/curve function/);
  });

  it('a container-scaled function is checked at several sizes: one that misbehaves in a small container is refused', () => {
    const smallBad = Object.assign((d: number, size: number) => (size < 200 ? -d : d / 2), { scalesWithContainer: true as const });
    expect(() => resolveDamping(smallBad, 500)).toThrow(/returned -10 at 10 px in a 100 px container, expected an offset >= 0$/);
  });
});

describe('bad curves are refused with a typed error, never a jump on screen', () => {
  const cases: [string, DampingFunction, RegExp][] = [
    ['NaN', (d) => (d > 300 ? NaN : d / 2), /^createElastic: curve function returned NaN at 310 px, expected a finite offset$/],
    ['Infinity', (d) => (d > 0 ? Infinity : 0), /returned Infinity at 10 px/],
    ['negative', (d) => d / 2 - 40, /returned -40 at 0 px, expected an offset >= 0$/],
    ['decreasing', (d) => (d < 500 ? d / 2 : 500 - d / 4), /returned 372.5 at 510 px, expected >= 375 \(a monotone curve\)$/],
    ['a string', (() => '12') as unknown as DampingFunction, /returned 12|finite/],
    ['undefined', (() => undefined) as unknown as DampingFunction, /returned undefined at 0 px/],
  ];
  it.each(cases)('%s', (_name, curve, message) => {
    try {
      createElastic({ curve });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ElasticError);
      expect((error as ElasticError).code).toBe('E_ELASTIC_CURVE');
      expect((error as Error).message).toMatch(message);
    }
  });

  it('a curve that throws surfaces its own error at resolution', () => {
    expect(() => createElastic({ curve: () => { throw new RangeError('curve broke'); } })).toThrow('curve broke');
  });

  it('setOptions with a bad curve throws and keeps the engine on its previous curve', () => {
    const engine = createElastic({ curve: 'linear' });
    expect(() => engine.setOptions({ curve: (d) => -d })).toThrow(ElasticError);
    expect(() => engine.setOptions({ curve: 'ios' })).not.toThrow();
    engine.destroy();
  });
});
