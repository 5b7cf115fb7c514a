// Regressions of the attack review (issue 14) for the engine: two engines on one element, a hot
// module reload, engine methods called from a subscriber in every state, and spring parameters
// past what doubles hold. Fake host; each test names the finding it covers.
import { describe, expect, it, vi } from 'vitest';
import { createElastic } from './engine';
import { ElasticError } from './errors';
import { createFakeHost } from './host-fake';
import { flush, rig } from './test-support/rig';
import type { ElasticEngine, ElasticOptions, ElasticState } from './types';

/** A container with inline styles and attributes of its own, as a page would have them. */
function styledContainer() {
  const host = createFakeHost();
  const root = host.element({ scrollable: { y: true }, scroll: { maxTop: 2000, height: 800 } });
  const content = host.element({ parent: root });
  host.setStyle(root, 'touch-action', 'manipulation');
  host.setStyle(root, 'overscroll-behavior-y', 'auto');
  host.setAttribute(root, 'data-tensile-state', 'server-rendered');
  host.setStyle(content, 'transform', 'scale(1)');
  const found = () => ({ root: host.styles(root), rootAttributes: host.attributes(root), content: host.styles(content) });
  return { host, root, content, found, original: found() };
}

describe('two engines on one element (issue 14, finding 10)', () => {
  it('refuses a second engine with a typed error naming the first, and leaves the first working', () => {
    const { host, root, found, original } = styledContainer();
    const first = createElastic({ host, pullToRefresh: true });
    const second = createElastic({ host });
    first.attach(root);
    const attached = found();
    let error: unknown;
    try {
      second.attach(root);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ElasticError);
    expect(error).toMatchObject({ code: 'E_ELASTIC_ATTACHED', details: { where: 'attach(el)', first: expect.stringMatching(/^elastic engine #\d+$/) } });
    expect((error as Error).message).toMatch(/already driven by elastic engine #\d+; detach or destroy that engine first/);
    expect(found()).toEqual(attached);
    second.destroy();
    expect(found()).toEqual(attached);
    first.destroy();
    expect(found()).toEqual(original);
  });

  it('in any order of attach, detach and re-attach the element ends as it was found', () => {
    const orders: ((a: ElasticEngine, b: ElasticEngine, el: HTMLElement) => void)[] = [
      (a, b, el) => (a.attach(el), a.detach(), b.attach(el), b.detach()),
      (a, b, el) => (a.attach(el), a.destroy(), b.attach(el), b.destroy()),
      (a, b, el) => (a.attach(el), b.detach(), a.detach(), b.attach(el), a.detach(), b.destroy()),
      (a, b, el) => (a.attach(el), a.attach(el), a.detach(), a.attach(el), a.detach()),
    ];
    for (const order of orders) {
      const { host, root, found, original } = styledContainer();
      order(createElastic({ host, pullToRefresh: true }), createElastic({ host, axis: 'both' }), root);
      expect(found()).toEqual(original);
      expect(host.listenerCount()).toBe(0);
    }
  });

  it('moving an engine to another element frees the first for another engine', () => {
    const host = createFakeHost();
    const one = host.element({});
    const two = host.element({});
    const mover = createElastic({ host });
    mover.attach(one);
    mover.attach(two);
    const other = createElastic({ host });
    expect(() => other.attach(one)).not.toThrow();
    expect(() => other.attach(two)).toThrow(ElasticError);
  });

  it('a hot module reload (a second copy of the engine module) sees the first engine, and dispose-then-attach leaves the element as found', async () => {
    const { host, root, found, original } = styledContainer();
    const before = createElastic({ host, pullToRefresh: true });
    before.attach(root);
    vi.resetModules();
    const reloaded = (await import('./engine')) as typeof import('./engine');
    expect(reloaded.createElastic).not.toBe(createElastic);
    // Without dispose: refused, by name, from the other module copy.
    expect(() => reloaded.createElastic({ host }).attach(root)).toThrow(/already driven by elastic engine #\d+/);
    // With import.meta.hot.dispose(() => before.destroy()):
    before.destroy();
    const after = reloaded.createElastic({ host, pullToRefresh: true });
    after.attach(root);
    after.destroy();
    expect(found()).toEqual(original);
  });
});

/** Every engine method, called from a subscriber. */
const calls: Record<string, (engine: ElasticEngine, root: HTMLElement) => unknown> = {
  detach: (engine) => engine.detach(),
  destroy: (engine) => engine.destroy(),
  reattach: (engine, root) => (engine.detach(), engine.attach(root)),
  refresh: (engine) => engine.refresh().catch(() => {}),
  loadMore: (engine) => engine.loadMore(),
  setOptions: (engine) => engine.setOptions({ axis: 'both', curve: 'linear' }),
  disable: (engine) => engine.setOptions({ disabled: true }),
  getSnapshot: (engine) => engine.getSnapshot(),
};
const STATES: ElasticState[] = ['pulling', 'ready', 'refreshing', 'complete', 'error', 'cancelled', 'idle'];

describe('engine methods from a subscriber, in every state (issue 14, finding 12)', () => {
  for (const [method, call] of Object.entries(calls)) {
    it(`${method}() from a subscriber never throws out of an event handler, a frame, a timer or refresh(), and leaves no loop behind`, async () => {
      for (const state of STATES) {
        for (const trigger of ['touch', 'key', 'refresh()'] as const) {
          const failing = state === 'error';
          const options: ElasticOptions = {
            pullToRefresh: { threshold: 60, onRefresh: failing ? () => Promise.reject(new Error('offline')) : () => Promise.resolve() },
            loadMore: true,
          };
          const r = rig(options);
          let fired = false;
          r.engine.subscribe(() => {
            if (fired || r.snap().state !== state) return;
            fired = true;
            call(r.engine, r.root);
          });
          const where = `${method}() at '${state}' after ${trigger}`;
          let refreshed: Promise<unknown> | null = null;
          try {
            if (trigger === 'touch') {
              r.touch.dragY(100, 400, 12);
              r.touch.end();
            } else if (trigger === 'key') r.key('r');
            else refreshed = r.engine.refresh().catch((error: unknown) => error);
            for (let round = 0; round < 3; round++) {
              await flush();
              r.settle();
            }
          } catch (error) {
            expect.unreachable(`${where} threw ${String(error)}`);
          }
          // refresh() settles (resolved, or rejected with a typed error when detached before it began).
          if (refreshed) expect(await refreshed, where).not.toBeInstanceOf(TypeError);
          // Nothing keeps animating or waiting on a detached element.
          if (fired && (method === 'detach' || method === 'destroy')) {
            expect(r.host.pendingFrames(), where).toBe(0);
            expect(r.host.pendingTimers(), where).toBe(0);
            expect(r.host.styles(r.root), where).toEqual({});
            expect(r.host.attributes(r.root), where).toEqual({});
          } else expect(r.snap(), where).toMatchObject({ state: 'idle', offset: 0 });
        }
      }
    });
  }

  it('a frame loop of the old attachment never writes to the element after detach and re-attach', () => {
    const r = rig({ pullToRefresh: { threshold: 60 } });
    r.touch.dragY(100, 250, 10);
    r.touch.end();
    // Springing back now: detach and re-attach from a subscriber in the middle of it.
    let done = false;
    r.engine.subscribe(() => {
      if (done || r.snap().state !== 'cancelled') return;
      done = true;
      r.engine.detach();
      r.engine.attach(r.root);
    });
    r.host.advance(16);
    expect(done).toBe(true);
    const writes: string[] = [];
    const setStyle = r.host.setStyle;
    r.host.setStyle = (el, prop, value) => (writes.push(prop), setStyle(el, prop, value));
    r.host.advance(2000);
    expect(writes).toEqual([]);
    expect(r.host.pendingFrames()).toBe(0);
    expect(r.host.attributes(r.root)['data-tensile-state']).toBe('idle');
  });
});

describe('spring parameters past what doubles hold (issue 14, finding 13)', () => {
  it('refuses damping 1e300 with mass 1e-6 (it wrote NaNpx), naming the rule', () => {
    expect(() => createElastic({ spring: { damping: 1e300, mass: 1e-6 } })).toThrow(
      /spring\.damping \/ spring\.mass is 1\.0+2e\+306, expected at most 2000000 \(1\/s\)/,
    );
    expect(() => createElastic({ spring: { stiffness: 1e300, mass: 1e-6 } })).toThrow(/spring\.stiffness \/ spring\.mass is 1\.0+2e\+306, expected at most 1000000000000/);
    expect(() => createElastic({ spring: { stiffness: 1e12, mass: 1 } })).not.toThrow();
    expect(() => createElastic({ spring: { damping: 2e6, mass: 1 } })).not.toThrow();
  });

  it('springs at the largest allowed rates (and any mass within them) stay finite and come to rest', () => {
    for (const spring of [
      { stiffness: 1e12, damping: 1e-6, mass: 1 },
      { stiffness: 1e-6, damping: 2e6, mass: 1 },
      { stiffness: 1e12, damping: 2e6, mass: 1 },
      { stiffness: 1e6, damping: 2, mass: 1e-6 },
      { stiffness: 1e-6, damping: 1e-6, mass: 1e6 },
    ]) {
      const r = rig({ spring });
      const offsets: number[] = [];
      r.engine.subscribe(() => offsets.push(r.snap().offset));
      r.touch.dragY(100, 400, 10);
      r.touch.end();
      r.settle();
      expect(offsets.every(Number.isFinite)).toBe(true);
      expect(Object.values(r.host.styles(r.root)).some((value) => value.includes('NaN'))).toBe(false);
      expect(r.snap()).toMatchObject({ state: 'idle', offset: 0 });
    }
  });
});
