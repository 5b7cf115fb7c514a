// setOptions at the cost of a re-render: equal options (fresh objects, the same Curve and callbacks)
// do no work and notify nobody, while every real change, including an edit made in place, still
// lands. The property test checks the skip against resolving the naively merged options.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { Curve } from '../curve';
import { createElastic, mergeOptions } from './engine';
import { ElasticError } from './errors';
import { createFakeHost } from './host-fake';
import { resolveOptions } from './options';
import { rig } from './test-support/rig';
import type { ElasticOptions } from './types';

const SEED = 0x5e7097;

/** A Curve that counts its tabulations (one evaluateBatch call each). */
function countingCurve() {
  const curve = {
    tabulations: 0,
    name: 'half',
    evaluate: (x: number) => x / 2,
    evaluateBatch(xs: ArrayLike<number>, out = new Float64Array(xs.length)) {
      curve.tabulations++;
      for (let i = 0; i < xs.length; i++) out[i] = xs[i] / 2;
      return out;
    },
  };
  return curve;
}

describe('setOptions with equal options', () => {
  it('keeps the snapshot object, notifies nobody, tabulates nothing and re-wires nothing, even mid-drag', () => {
    const curve = countingCurve();
    const onRefresh = () => new Promise(() => {});
    const options = (): ElasticOptions => ({ curve, max: 300, pullToRefresh: { onRefresh, threshold: 60 }, input: { mouse: true }, spring: { stiffness: 200 } });
    const r = rig(options());
    expect(curve.tabulations).toBe(1);
    r.touch.dragY(100, 300);
    const snapshot = r.snap();
    expect(snapshot.state).toBe('ready');
    const listener = vi.fn();
    r.engine.subscribe(listener);
    const listens = vi.spyOn(r.host, 'listen');
    for (let i = 0; i < 5; i++) r.engine.setOptions(options());
    r.engine.setOptions({});
    r.engine.setOptions({ pullToRefresh: { threshold: 60 } }); // a subset of a group: merged, so equal
    expect(r.snap()).toBe(snapshot);
    expect(listener).not.toHaveBeenCalled();
    expect(listens).not.toHaveBeenCalled();
    expect(curve.tabulations).toBe(1);
    // The gesture was never disturbed: the release still refreshes.
    r.touch.end();
    expect(r.snap().state).toBe('refreshing');
  });

  it('the same Curve in a second engine, or with another max, is not tabulated again', () => {
    const curve = countingCurve();
    const host = createFakeHost();
    const a = createElastic({ host, curve });
    a.setOptions({ max: 200 });
    createElastic({ host, curve, max: 100 });
    expect(curve.tabulations).toBe(1);
    a.setOptions({ curve: countingCurve() });
    expect(curve.tabulations).toBe(1);
  });
});

describe('setOptions with changed options', () => {
  it('applies a real change (a new threshold) without re-attaching', () => {
    const r = rig({ pullToRefresh: { threshold: 60 } });
    const listeners = r.host.listenerCount();
    r.engine.setOptions({ pullToRefresh: { threshold: 20 } });
    expect(r.host.listenerCount()).toBe(listeners);
    r.touch.dragY(100, 260); // 160 px of finger shows ~30 px of the article curve (60 px needs ~316)
    expect(r.snap().state).toBe('ready');
  });

  it('sees an edit made in place to a nested group passed before, and to the top-level object', () => {
    const options = { pullToRefresh: { threshold: 60 }, max: 500 };
    const r = rig({ curve: 'linear' });
    r.engine.setOptions(options);
    options.pullToRefresh.threshold = 20;
    r.engine.setOptions(options);
    r.touch.dragY(100, 140); // 40 px: ready only at the new threshold
    expect(r.snap().state).toBe('ready');
    r.touch.end();
    r.settle();
    options.max = 10;
    r.engine.setOptions(options);
    r.touch.dragY(100, 700);
    expect(r.snap().offset).toBe(10);
  });

  it('sees an edit made in place to the options given to createElastic', () => {
    const host = createFakeHost();
    const root = host.element({ scrollable: { y: true }, scroll: { maxTop: 2000 } });
    host.element({ parent: root });
    const options = { host, curve: 'linear' as const, max: 500, input: { mouse: false } };
    const engine = createElastic(options);
    engine.attach(root);
    options.input.mouse = true;
    options.max = 40;
    engine.setOptions(options);
    host.dispatch(root, 'pointerdown', { pointerId: 1, pointerType: 'mouse', button: 0, clientX: 0, clientY: 0 });
    host.advance(16);
    host.dispatch('window', 'pointermove', { pointerId: 1, clientX: 0, clientY: 200 });
    expect(engine.getSnapshot().offset).toBe(40);
  });

  it('turning a group on from undefined or false counts, even as {}', () => {
    const r = rig({ pullToRefresh: false });
    r.engine.setOptions({ pullToRefresh: {} });
    r.touch.dragY(100, 600);
    expect(r.snap().state).toBe('ready');
  });

  it('still rejects malformed options, and a rejected call changes nothing', () => {
    const r = rig({ curve: 'linear' });
    for (const bad of [null, 42, 'max', [], { edges: [true] }, { pullToRefresh: [1] }, { max: Number.NaN }]) {
      const call = () => r.engine.setOptions(bad as never);
      expect(call).toThrow(ElasticError);
      try {
        call();
      } catch (error) {
        expect((error as ElasticError).code).toBe('E_ELASTIC_OPTION');
        expect((error as Error).message).toMatch(/setOptions\(options\)|edges|pullToRefresh|max/);
      }
    }
    r.touch.dragY(100, 200);
    expect(r.snap().offset).toBe(100);
  });
});

describe('mergeOptions', () => {
  const curve: Curve = countingCurve();
  const fn = (d: number) => d / 3;
  const onA = () => undefined;
  const onB = () => undefined;
  const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
  /** A group with any subset of `fields` set, often none ({} and undefined differ for pullToRefresh). */
  const group = <T>(fields: { [K in keyof T]: fc.Arbitrary<T[K]> }) =>
    fc.oneof(fc.record(fields, { requiredKeys: [] }), fc.constant(0).map(() => ({}) as Partial<T>));
  const options: fc.Arbitrary<Record<string, unknown>> = fc.record(
    {
      axis: maybe(fc.constantFrom('y', 'both')),
      max: maybe(fc.constantFrom(300, 500)),
      curve: maybe(fc.constantFrom<ElasticOptions['curve']>('ios', curve, fn)),
      pullToRefresh: maybe(
        fc.oneof(
          fc.boolean(),
          group({ threshold: fc.constantFrom(30, 60), onRefresh: fc.constantFrom(onA, onB), velocity: fc.constantFrom(0, 1) }),
        ),
      ),
      input: maybe(group({ mouse: fc.boolean(), wheel: fc.boolean(), keyboard: fc.constantFrom<string | false>('r', false) })),
      edges: maybe(group({ top: fc.boolean(), bottom: fc.boolean() })),
      spring: maybe(group({ stiffness: fc.constantFrom(200, 280) })),
      announce: maybe(fc.oneof(fc.constant(false), group({ ready: fc.constantFrom('a', 'b') }))),
      disabled: maybe(fc.boolean()),
    },
    { requiredKeys: [] },
  );

  /** setOptions' merge as it was before the skip: spread, and groups spread when both are objects. */
  const naive = (raw: Record<string, unknown>, partial: Record<string, unknown>) => {
    const out: Record<string, unknown> = { ...raw, ...partial };
    for (const key of ['edges', 'pullToRefresh', 'input', 'spring', 'announce']) {
      const [a, b] = [raw[key], partial[key]];
      if (a && b && typeof a === 'object' && typeof b === 'object') out[key] = { ...a, ...b };
    }
    return out;
  };

  /** What an engine runs on: resolved options, with the damping function sampled. */
  const behaviour = (raw: Record<string, unknown>) => {
    const { damp, ...rest } = resolveOptions(raw as ElasticOptions);
    return { ...rest, samples: [0, 40, 300, 2000].map((d) => damp(d, 800)) };
  };

  it(`skips only when the naively merged options resolve the same, and otherwise merges as before (seed ${SEED})`, () => {
    fc.assert(
      fc.property(options, fc.array(options, { minLength: 1, maxLength: 6 }), (first, partials) => {
        try {
          resolveOptions(first as ElasticOptions);
        } catch {
          return; // an invalid start is createElastic's to reject
        }
        let applied = mergeOptions({}, first) || {};
        let reference = first;
        for (const partial of partials) {
          const merged = mergeOptions(applied, partial);
          const expected = naive(reference, partial);
          let resolved: ReturnType<typeof behaviour> | null = null;
          try {
            resolved = behaviour(expected);
          } catch (error) {
            // Invalid (e.g. no edge left for the refresh): that cannot be "unchanged" from a valid state.
            expect(error).toBeInstanceOf(ElasticError);
          }
          if (merged === false) {
            expect(resolved).toEqual(behaviour(applied));
            continue;
          }
          expect(merged).toEqual(expected);
          if (!resolved) continue;
          applied = merged;
          reference = expected;
        }
      }),
      { seed: SEED, numRuns: 3000 },
    );
  });
});
