// Option resolution: the documented defaults, and a typed error naming the option, the value and
// what was expected for every malformed, non-finite or hostile input.
import { describe, expect, it } from 'vitest';
import { createElastic } from './engine';
import { ElasticError } from './errors';
import { ELASTIC_DEFAULTS, resolveOptions } from './options';
import type { ElasticOptions } from './types';

describe('resolveOptions', () => {
  it('resolves the defaults', () => {
    const o = resolveOptions({});
    expect(o.axis).toBe('y');
    expect(o.edges).toEqual({ top: true, bottom: true, left: false, right: false });
    expect(o.max).toBe(500);
    expect(o.size).toBe('auto');
    expect(o.ptr).toBe(null);
    expect(o.input).toEqual(ELASTIC_DEFAULTS.input);
    expect(o.spring).toEqual(ELASTIC_DEFAULTS.spring);
    expect(o.moveTarget).toBe('content');
    expect(o.reducedMotion).toBe('auto');
    expect(o.announce).toEqual(ELASTIC_DEFAULTS.announce);
    expect(o.disabled).toBe(false);
    // The iOS rubber band: on a 844 px phone, 100 px of finger travel shows 52 px.
    expect(o.damp(100, 844)).toBeCloseTo((100 * 844 * 0.55) / (844 + 0.55 * 100), 9);
    expect(o.damp(100, 844)).toBeGreaterThan(35);
  });

  it('arms a refresh after 120 px of finger travel by default, whatever the curve and container', () => {
    const ptr = resolveOptions({ pullToRefresh: { onRefresh: () => {} } }).ptr!;
    expect([ptr.threshold, ptr.thresholdIn]).toEqual([120, 'finger']);
    // Between iOS (about 117 px), Android (64 dp at drag rate 0.5: 128 dp) and Ionic on iOS (16% of a 750 px scroller).
    expect(ptr.threshold).toBeGreaterThanOrEqual(100);
    expect(ptr.threshold).toBeLessThanOrEqual(140);
  });

  it("keeps the article's curve by name", () => {
    expect(resolveOptions({ curve: 'article' }).damp(316, 800)).toBeCloseTo(60, 0);
  });

  it('pullToRefresh: true takes every refresh default', () => {
    const { onRefresh: _none, ...rest } = resolveOptions({ pullToRefresh: true }).ptr!;
    expect(rest).toEqual({ ...ELASTIC_DEFAULTS.pullToRefresh });
  });

  it('edges follow the axis and can be switched off one by one', () => {
    expect(resolveOptions({ axis: 'x' }).edges).toEqual({ top: false, bottom: false, left: true, right: true });
    expect(resolveOptions({ axis: 'both', edges: { left: false } }).edges).toEqual({ top: true, bottom: true, left: false, right: true });
    expect(resolveOptions({ axis: 'y', edges: { left: true } }).edges.left).toBe(false);
  });

  const bad: [string, ElasticOptions | unknown, RegExp][] = [
    ['options itself', 'fast', /options is "fast", expected an object/],
    ['axis', { axis: 'z' }, /axis is "z", expected one of y, x, both/],
    ['edges', { edges: 3 }, /edges is 3, expected an object/],
    ['edges.top', { edges: { top: 'yes' } }, /edges.top is "yes", expected one of true, false/],
    ['max NaN', { max: NaN }, /max is NaN, expected a finite number >= 1/],
    ['max Infinity', { max: Infinity }, /max is Infinity/],
    ['max 0', { max: 0 }, /max is 0/],
    ['size', { size: -5 }, /size is -5/],
    ['curve', { curve: 'springy' }, /curve is "springy"/],
    ['curve object', { curve: { evaluate: 1 } }, /curve is an object/],
    ['pullToRefresh', { pullToRefresh: 'on' }, /pullToRefresh is "on", expected an object/],
    ['threshold', { pullToRefresh: { threshold: 0 } }, /pullToRefresh.threshold is 0, expected a finite number >= 1/],
    ['thresholdIn', { pullToRefresh: { thresholdIn: 'px' } }, /pullToRefresh.thresholdIn is "px", expected one of finger, displayed/],
    ['velocity', { pullToRefresh: { velocity: -1 } }, /pullToRefresh.velocity is -1/],
    ['timeout', { pullToRefresh: { timeout: NaN } }, /pullToRefresh.timeout is NaN/],
    ['minVisibleMs', { pullToRefresh: { minVisibleMs: '400' } }, /pullToRefresh.minVisibleMs is "400"/],
    ['resultMs', { pullToRefresh: { resultMs: -1 } }, /pullToRefresh.resultMs is -1/],
    ['holdOffset', { pullToRefresh: { holdOffset: -3 } }, /pullToRefresh.holdOffset is -3/],
    ['onRefresh', { pullToRefresh: { onRefresh: 'reload' } }, /pullToRefresh.onRefresh is "reload", expected a function/],
    ['ptr edge off-axis', { pullToRefresh: { edge: 'left' } }, /pullToRefresh.edge is "left", expected one of top, bottom/],
    ['ptr edge disabled', { edges: { top: false }, pullToRefresh: true }, /pullToRefresh.edge is "top", expected an edge enabled in edges/],
    ['input', { input: [] }, /input/],
    ['input.mouse', { input: { mouse: 1 } }, /input.mouse is 1/],
    ['input.keyboard', { input: { keyboard: '' } }, /input.keyboard is "", expected a KeyboardEvent.key value or false/],
    ['spring.stiffness', { spring: { stiffness: 0 } }, /spring.stiffness is 0/],
    ['spring.damping', { spring: { damping: Infinity } }, /spring.damping is Infinity/],
    ['spring.mass', { spring: { mass: -1 } }, /spring.mass is -1/],
    ['moveTarget', { moveTarget: 'page' }, /moveTarget is "page", expected one of content, indicator/],
    ['reducedMotion', { reducedMotion: 'never' }, /reducedMotion is "never"/],
    ['announce', { announce: 'yes' }, /announce is "yes", expected an object/],
    ['host', { host: {} }, /host is an object \(Object\), expected a Host/],
    ['disabled', { disabled: 'no' }, /disabled is "no"/],
  ];

  it.each(bad)('rejects a bad %s with a typed error', (_name, options, message) => {
    try {
      resolveOptions(options as ElasticOptions);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ElasticError);
      expect((error as ElasticError).code).toBe('E_ELASTIC_OPTION');
      expect((error as Error).message).toMatch(message);
    }
  });

  it('createElastic validates up front (before anything is attached)', () => {
    expect(() => createElastic({ max: -1 })).toThrow(ElasticError);
  });

  it('reads inherited fields like own ones; a throwing getter surfaces as itself', () => {
    const hostile = Object.create({ axis: 'x' }) as ElasticOptions;
    expect(resolveOptions(hostile).axis).toBe('x');
    const trap = { get max(): number { throw new Error('trap'); } };
    expect(() => resolveOptions(trap)).toThrow('trap');
  });
});

describe('ELASTIC_DEFAULTS', () => {
  it('is frozen all the way down, so no engine can be changed through it', () => {
    expect(Object.isFrozen(ELASTIC_DEFAULTS)).toBe(true);
    for (const value of Object.values(ELASTIC_DEFAULTS)) if (typeof value === 'object') expect(Object.isFrozen(value)).toBe(true);
    expect(() => ((ELASTIC_DEFAULTS as { max: number }).max = 1)).toThrow(TypeError);
  });
});
