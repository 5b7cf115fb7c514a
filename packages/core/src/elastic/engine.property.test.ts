// Property tests of the gesture state machine over random event sequences (touch, second finger,
// pointer, wheel, cancel, blur, hidden tab, programmatic and keyboard refresh, refresh resolving,
// rejecting and timing out, load more at the bottom by pull, nearEnd scroll and loadMore(), its
// loads resolving, rejecting and timing out, hasMore toggling, option changes, destroy
// mid-gesture), on a list or on the whole page. Fixed seed, printed on failure.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createElastic } from './engine';
import { createFakeHost } from './host-fake';
import type { ElasticState } from './types';

const SEED = 0x7e751e;
const RUNS = 10_000;
const MAX = 300; // px: the bound every offset must respect
const TIMEOUT_MS = 2500;
const BUSY: ElasticState[] = ['refreshing', 'complete', 'error'];

type Action =
  | { a: 'touchstart'; x: number; y: number; target: number }
  | { a: 'touchmove'; dx: number; dy: number; cancelable: boolean }
  | { a: 'touchend' }
  | { a: 'touchcancel' }
  | { a: 'finger2' }
  | { a: 'pointerdown'; kind: 'mouse' | 'pen'; x: number; y: number }
  | { a: 'pointermove'; dx: number; dy: number }
  | { a: 'pointerup' }
  | { a: 'pointercancel' }
  | { a: 'wheel'; dx: number; dy: number }
  | { a: 'blur' }
  | { a: 'hide' }
  | { a: 'advance'; ms: number }
  | { a: 'scroll'; top: number }
  | { a: 'refresh' }
  | { a: 'key' }
  | { a: 'resolve' }
  | { a: 'reject' }
  | { a: 'curve'; curve: 'article' | 'ios' | 'linear' | 'framework7' }
  | { a: 'disable'; on: boolean }
  | { a: 'resolveLoad' }
  | { a: 'rejectLoad' }
  | { a: 'loadMore' }
  | { a: 'scrollEvent' }
  | { a: 'hasMore'; on: boolean }
  | { a: 'destroy' };

const coord = fc.integer({ min: -50, max: 900 });
const step = fc.integer({ min: -120, max: 120 });
const action: fc.Arbitrary<Action> = fc.oneof(
  { arbitrary: fc.record({ a: fc.constant('touchstart' as const), x: coord, y: coord, target: fc.integer({ min: 0, max: 3 }) }), weight: 3 },
  { arbitrary: fc.record({ a: fc.constant('touchmove' as const), dx: step, dy: step, cancelable: fc.boolean() }), weight: 10 },
  { arbitrary: fc.constant({ a: 'touchend' as const }), weight: 3 },
  { arbitrary: fc.constant({ a: 'touchcancel' as const }), weight: 1 },
  { arbitrary: fc.constant({ a: 'finger2' as const }), weight: 1 },
  { arbitrary: fc.record({ a: fc.constant('pointerdown' as const), kind: fc.constantFrom('mouse' as const, 'pen' as const), x: coord, y: coord }), weight: 2 },
  { arbitrary: fc.record({ a: fc.constant('pointermove' as const), dx: step, dy: step }), weight: 5 },
  { arbitrary: fc.constant({ a: 'pointerup' as const }), weight: 2 },
  { arbitrary: fc.constant({ a: 'pointercancel' as const }), weight: 1 },
  { arbitrary: fc.record({ a: fc.constant('wheel' as const), dx: fc.integer({ min: -30, max: 30 }), dy: fc.integer({ min: -150, max: 150 }) }), weight: 5 },
  { arbitrary: fc.constant({ a: 'blur' as const }), weight: 1 },
  { arbitrary: fc.constant({ a: 'hide' as const }), weight: 1 },
  { arbitrary: fc.record({ a: fc.constant('advance' as const), ms: fc.integer({ min: 1, max: 1500 }) }), weight: 4 },
  { arbitrary: fc.record({ a: fc.constant('scroll' as const), top: fc.constantFrom(0, 0, 250, 850, 1000, 1000) }), weight: 2 },
  { arbitrary: fc.constant({ a: 'refresh' as const }), weight: 1 },
  { arbitrary: fc.constant({ a: 'key' as const }), weight: 1 },
  { arbitrary: fc.constant({ a: 'resolve' as const }), weight: 2 },
  { arbitrary: fc.constant({ a: 'reject' as const }), weight: 1 },
  { arbitrary: fc.record({ a: fc.constant('curve' as const), curve: fc.constantFrom('article' as const, 'ios' as const, 'linear' as const, 'framework7' as const) }), weight: 1 },
  { arbitrary: fc.record({ a: fc.constant('disable' as const), on: fc.boolean() }), weight: 1 },
  { arbitrary: fc.constant({ a: 'resolveLoad' as const }), weight: 2 },
  { arbitrary: fc.constant({ a: 'rejectLoad' as const }), weight: 1 },
  { arbitrary: fc.constant({ a: 'loadMore' as const }), weight: 1 },
  { arbitrary: fc.constant({ a: 'scrollEvent' as const }), weight: 2 },
  { arbitrary: fc.record({ a: fc.constant('hasMore' as const), on: fc.boolean() }), weight: 1 },
  { arbitrary: fc.constant({ a: 'destroy' as const }), weight: 1 },
);

/** How often the interesting paths ran, so a generator that never reaches them fails the test. */
const seen = {
  refreshes: 0,
  armedReleases: 0,
  errors: 0,
  timeouts: 0,
  destroyedMidGesture: 0,
  wheelPulls: 0,
  loads: 0,
  armedLoadReleases: 0,
  nearEndLoads: 0,
  loadErrors: 0,
  loadTimeouts: 0,
  refreshWhileLoading: 0,
  pageRuns: 0,
};

/** A whole drag: start, several moves the same way, then lift, cancel or nothing (a lost end); some from the end of the list, upwards. */
const swipe: fc.Arbitrary<Action[]> = fc
  .record({
    touch: fc.boolean(),
    kind: fc.constantFrom('mouse' as const, 'pen' as const),
    x: fc.integer({ min: 0, max: 400 }),
    y: fc.integer({ min: 0, max: 300 }),
    dx: fc.integer({ min: -15, max: 15 }),
    dy: fc.integer({ min: -60, max: 90 }),
    steps: fc.integer({ min: 1, max: 14 }),
    target: fc.integer({ min: 0, max: 3 }),
    finish: fc.constantFrom('end', 'end', 'end', 'cancel', 'none'),
    atEnd: fc.boolean(),
  })
  .map(({ touch, kind, x, y, dx, dy, steps, target, finish, atEnd }) => {
    const out: Action[] = atEnd ? [{ a: 'scroll', top: 1000 }] : [];
    // From the end the pull goes up, into the bottom edge.
    const stepY = atEnd ? -Math.abs(dy) - 10 : dy;
    out.push(touch ? { a: 'touchstart', x, y: y + 400, target: atEnd ? 0 : target } : { a: 'pointerdown', kind, x, y: y + 400 });
    for (let i = 0; i < steps; i++) out.push(touch ? { a: 'touchmove', dx, dy: stepY, cancelable: true } : { a: 'pointermove', dx, dy: stepY });
    if (finish === 'end') out.push(touch ? { a: 'touchend' } : { a: 'pointerup' });
    if (finish === 'cancel') out.push(touch ? { a: 'touchcancel' } : { a: 'pointercancel' });
    return out;
  });

const sequence = fc
  .array(fc.oneof({ arbitrary: action.map((a) => [a]), weight: 6 }, { arbitrary: swipe, weight: 1 }), { minLength: 1, maxLength: 30 })
  .map((parts) => parts.flat());

const ticks = async () => {
  for (let i = 0; i < 6; i++) await Promise.resolve();
};

interface Variant {
  velocity: number;
  /** Load more at the bottom: off, on by pull only, or also within 200 px of the end. */
  loadMore: 'off' | 'pull' | 'nearEnd';
  axis: 'y' | 'both';
  thresholdIn: 'finger' | 'displayed';
  reducedMotion: boolean;
  moveTarget: 'content' | 'indicator';
  /** Page mode: the container is the page's scroller, attached through its body (the moved layer). */
  page: boolean;
}

const variant: fc.Arbitrary<Variant> = fc.record({
  velocity: fc.constantFrom(0, 0, 0.8),
  loadMore: fc.constantFrom('off' as const, 'pull' as const, 'nearEnd' as const),
  axis: fc.constantFrom('y' as const, 'y' as const, 'both' as const),
  thresholdIn: fc.constantFrom('finger' as const, 'displayed' as const),
  reducedMotion: fc.boolean(),
  moveTarget: fc.constantFrom('content' as const, 'indicator' as const),
  page: fc.boolean(),
});

async function run(actions: Action[], v: Variant) {
  const { velocity } = v;
  const host = createFakeHost();
  const root = host.element({ page: v.page, scrollable: { y: true, x: v.axis === 'both' }, scroll: { maxTop: 1000, maxLeft: v.axis === 'both' ? 500 : 0, height: 700 } });
  const indicator = host.element({});
  const content = host.element({ parent: root, tagName: v.page ? 'BODY' : 'DIV' });
  const inner = host.element({ parent: content, scrollable: { y: true }, scroll: { maxTop: 300, top: 0, height: 200 } });
  const carousel = host.element({ parent: content, scrollable: { x: true }, scroll: { maxLeft: 800, width: 400 } });
  const targets = [content, inner, carousel, root];
  const pending: { resolve: () => void; reject: (e: unknown) => void }[] = [];
  const pendingLoads: { resolve: () => void; reject: (e: unknown) => void }[] = [];
  let calls = 0;
  let loadCalls = 0;
  let cycleOpen = false;
  let loadOpen = false;
  const NEAR_END = 200;
  const engine = createElastic({
    host,
    max: MAX,
    axis: v.axis,
    reducedMotion: v.reducedMotion,
    moveTarget: v.moveTarget,
    indicator,
    input: { mouse: true },
    pullToRefresh: {
      timeout: TIMEOUT_MS,
      velocity,
      thresholdIn: v.thresholdIn,
      threshold: v.thresholdIn === 'finger' ? 200 : 60,
      onRefresh: () => {
        // never while refreshing: the previous cycle must be back at rest
        expect(cycleOpen).toBe(false);
        expect(engine.getSnapshot().state).toBe('refreshing');
        cycleOpen = true;
        calls++;
        return new Promise<void>((resolve, reject) => pending.push({ resolve, reject }));
      },
    },
    loadMore:
      v.loadMore === 'off'
        ? false
        : {
            timeout: TIMEOUT_MS,
            thresholdIn: v.thresholdIn,
            threshold: v.thresholdIn === 'finger' ? 200 : 60,
            nearEnd: v.loadMore === 'nearEnd' ? NEAR_END : false,
            onLoadMore: () => {
              // never two loads at once on the bottom edge, and never on the refresh's edge
              expect(loadOpen).toBe(false);
              expect(engine.getSnapshot().loadMore).toBe('loading');
              if (BUSY.includes(engine.getSnapshot().state)) seen.refreshWhileLoading++;
              loadOpen = true;
              loadCalls++;
              return new Promise<void>((resolve, reject) => pendingLoads.push({ resolve, reject }));
            },
          },
  });
  engine.subscribe(() => {
    const s = engine.getSnapshot();
    expect(Number.isFinite(s.offset) && s.offset >= 0 && s.offset <= MAX).toBe(true);
    expect(Number.isFinite(s.distance) && s.distance >= 0).toBe(true);
    expect(s.progress >= 0 && s.progress <= 1).toBe(true);
    if (!BUSY.includes(s.state)) cycleOpen = false;
    if (s.loadMore !== 'loading') loadOpen = false;
    // A refresh holds only its own edge.
    if (BUSY.includes(s.state)) expect(s.edge).toBe('top');
    if (s.loadMore === 'error') seen.loadErrors++;
    if (s.loadMore === 'error' && (s.loadMoreError as { code?: string }).code === 'E_ELASTIC_TIMEOUT') seen.loadTimeouts++;
    if (s.state === 'error') seen.errors++;
    if (s.state === 'error' && (s.error as { code?: string }).code === 'E_ELASTIC_TIMEOUT') seen.timeouts++;
  });
  // On the page, attach(body) means the page's scroller (root): everything is written there.
  engine.attach(v.page ? content : root);
  if (v.page) seen.pageRuns++;

  let fingers: { identifier: number; clientX: number; clientY: number }[] = [];
  let touchTarget = content;
  let pointer = { x: 0, y: 0, id: 1 };
  /** Which input produced the current pull (so we know which release should refresh). */
  let holder: 'touch' | 'pointer' | 'wheel' | null = null;
  let destroyed = false;

  for (const act of actions) {
    const snapBefore = engine.getSnapshot();
    const before = snapBefore.state;
    const callsBefore = calls;
    const loadsBefore = loadCalls;
    let armedRelease = false;
    // The load edge's release arms only while no load runs (and there is more to load).
    const loadArmed = () => before === 'ready' && snapBefore.edge === 'bottom' && snapBefore.loadMore !== 'loading' && snapBefore.loadMore !== 'done';
    let armedLoad = false;
    let programmatic = false;
    switch (act.a) {
      case 'touchstart':
        touchTarget = targets[act.target];
        fingers = [{ identifier: 0, clientX: act.x, clientY: act.y }];
        host.dispatch(touchTarget, 'touchstart', { touches: fingers });
        break;
      case 'touchmove':
        if (!fingers.length) break;
        host.advance(16);
        fingers = fingers.map((f, i) => (i === 0 ? { ...f, clientX: f.clientX + act.dx, clientY: f.clientY + act.dy } : f));
        host.dispatch(touchTarget, 'touchmove', { touches: fingers, cancelable: act.cancelable });
        break;
      case 'touchend':
        armedRelease = holder === 'touch' && before === 'ready' && fingers.length === 1 && snapBefore.edge === 'top';
        armedLoad = holder === 'touch' && loadArmed() && fingers.length === 1;
        fingers = fingers.slice(1);
        host.dispatch(touchTarget, 'touchend', { touches: fingers });
        break;
      case 'touchcancel':
        fingers = [];
        host.dispatch(touchTarget, 'touchcancel', { touches: [], cancelable: false });
        break;
      case 'finger2':
        fingers = [...fingers, { identifier: 1, clientX: 10, clientY: 10 }];
        host.dispatch(touchTarget, 'touchstart', { touches: fingers });
        break;
      case 'pointerdown':
        pointer = { x: act.x, y: act.y, id: pointer.id + 1 };
        host.dispatch(content, 'pointerdown', { pointerId: pointer.id, pointerType: act.kind, button: 0, clientX: act.x, clientY: act.y });
        break;
      case 'pointermove':
        host.advance(16);
        pointer = { ...pointer, x: pointer.x + act.dx, y: pointer.y + act.dy };
        host.dispatch('window', 'pointermove', { pointerId: pointer.id, clientX: pointer.x, clientY: pointer.y });
        break;
      case 'pointerup':
        armedRelease = holder === 'pointer' && before === 'ready' && snapBefore.edge === 'top';
        armedLoad = holder === 'pointer' && loadArmed();
        host.dispatch('window', 'pointerup', { pointerId: pointer.id });
        break;
      case 'pointercancel':
        host.dispatch('window', 'pointercancel', { pointerId: pointer.id });
        break;
      case 'wheel':
        host.advance(16);
        host.dispatch(content, 'wheel', { deltaX: act.dx, deltaY: act.dy, deltaMode: 0 });
        break;
      case 'blur':
        host.dispatch('window', 'blur');
        break;
      case 'hide':
        host.pageHidden = true;
        host.dispatch('document', 'visibilitychange');
        host.pageHidden = false;
        break;
      case 'advance':
        host.advance(act.ms);
        break;
      case 'scroll':
        host.setScroll(root, { top: act.top });
        break;
      case 'refresh':
        programmatic = true;
        void engine.refresh().catch(() => {});
        break;
      case 'key':
        programmatic = true;
        host.dispatch(root, 'keydown', { key: 'r' });
        break;
      case 'resolve':
        pending.shift()?.resolve();
        await ticks();
        break;
      case 'reject':
        pending.shift()?.reject(new Error('offline'));
        await ticks();
        break;
      case 'curve':
        engine.setOptions({ curve: act.curve });
        break;
      case 'disable':
        engine.setOptions({ disabled: act.on });
        break;
      case 'resolveLoad':
        pendingLoads.shift()?.resolve();
        await ticks();
        break;
      case 'rejectLoad':
        pendingLoads.shift()?.reject(new Error('offline'));
        await ticks();
        break;
      case 'loadMore':
        // Never rejects, whatever the state.
        void engine.loadMore().catch(() => expect.unreachable('loadMore() rejected'));
        break;
      case 'scrollEvent':
        host.dispatch(root, 'scroll');
        break;
      case 'hasMore':
        if (v.loadMore !== 'off') engine.setOptions({ loadMore: { hasMore: act.on } });
        break;
      case 'destroy':
        if (engine.getSnapshot().state === 'pulling' || engine.getSnapshot().state === 'ready') seen.destroyedMidGesture++;
        engine.destroy();
        destroyed = true;
        break;
    }
    if (destroyed) break;
    const after = engine.getSnapshot();
    if (after !== snapBefore && after.edge && (after.state === 'pulling' || after.state === 'ready')) {
      if (act.a === 'touchmove' || act.a === 'touchstart' || act.a === 'finger2') holder = 'touch';
      if (act.a === 'pointermove' || act.a === 'pointerdown') holder = 'pointer';
      if (act.a === 'wheel') holder = 'wheel';
    }
    const loadsAdded = loadCalls - loadsBefore;
    expect(loadsAdded).toBeLessThanOrEqual(1);
    if (armedLoad) {
      expect(loadsAdded).toBe(1);
      seen.armedLoadReleases++;
    }
    seen.loads += loadsAdded;
    if (loadsAdded === 1) {
      // Near the end without a pull: scroll events, option changes and timers (a completed load re-checks).
      const nearEndCause = v.loadMore === 'nearEnd' && ['scrollEvent', 'hasMore', 'curve', 'disable', 'advance', 'resolveLoad', 'touchmove', 'pointermove', 'wheel', 'touchend', 'pointerup'].includes(act.a);
      if (nearEndCause && !armedLoad && act.a !== 'loadMore') seen.nearEndLoads++;
      const explained =
        armedLoad ||
        act.a === 'loadMore' ||
        nearEndCause ||
        (holder === 'wheel' && before === 'ready' && snapBefore.edge === 'bottom' && (act.a === 'wheel' || act.a === 'advance'));
      expect(explained).toBe(true);
    }
    if (snapBefore.loadMore === 'loading') expect(loadsAdded).toBe(0);
    const added = calls - callsBefore;
    // At most one onRefresh per action, and only for an armed release, a velocity flick, the
    // wheel's release (inside a wheel event or its timer) or a programmatic/keyboard refresh.
    expect(added).toBeLessThanOrEqual(1);
    if (armedRelease) {
      expect(added).toBe(1);
      seen.armedReleases++;
    }
    seen.refreshes += added;
    if (act.a === 'wheel' && after.edge && after !== snapBefore) seen.wheelPulls++;
    if (added === 1) {
      const explained =
        armedRelease ||
        (programmatic && !BUSY.includes(before)) ||
        (holder === 'wheel' && (before === 'ready' || velocity > 0) && (act.a === 'wheel' || act.a === 'advance')) ||
        (velocity > 0 && (before === 'pulling' || before === 'ready'));
      expect(explained).toBe(true);
    }
    if (BUSY.includes(before) && !programmatic) expect(added).toBe(0);
  }

  if (!destroyed) {
    // Let everything finish: lift every finger and pointer, settle refreshes, run the clock.
    host.dispatch(touchTarget, 'touchend', { touches: [] });
    host.dispatch('window', 'pointerup', { pointerId: pointer.id });
    for (const p of pending.splice(0)) p.resolve();
    for (const p of pendingLoads.splice(0)) p.resolve();
    await ticks();
    host.advance(TIMEOUT_MS + 20_000);
    await ticks();
    host.advance(20_000);
    const rest = engine.getSnapshot();
    expect(rest).toMatchObject({ state: 'idle', edge: null, offset: 0, distance: 0, progress: 0 });
    expect(host.pendingFrames()).toBe(0);
    expect(host.attributes(root)['data-tensile-state']).toBe('idle');
    expect(['idle', 'done']).toContain(rest.loadMore);
    if (v.loadMore !== 'off') expect(host.attributes(root)['data-tensile-load-more']).toBe(rest.loadMore);
    expect(host.styles(content).transform).toBeUndefined();
    expect(host.styles(indicator).transform).toBeUndefined();
    // The layer promotion of a gesture never outlives it.
    expect(host.styles(content)['will-change']).toBeUndefined();
    expect(host.styles(indicator)['will-change']).toBeUndefined();
    engine.destroy();
  }
  expect(host.listenerCount()).toBe(0);
  expect(host.pendingFrames()).toBe(0);
  expect(host.pendingTimers()).toBe(0);
  expect(host.statusCount()).toBe(0);
  expect(host.attributes(root)).toEqual({});
  expect(host.styles(root)).toEqual({});
  // Nothing left on the moved layer either (on the page: body's overscroll-behavior given back).
  expect(host.styles(content)).toEqual({});
  expect(host.styles(content)['will-change']).toBeUndefined();
  expect(host.styles(indicator)['will-change']).toBeUndefined();
  expect(host.passiveViolations).toBe(0);
}

describe('engine properties', () => {
  it(`over ${RUNS} random event sequences and option sets (seed ${SEED}): bounded finite offsets, back to rest, one onRefresh / onLoadMore per armed release, never two jobs on one edge, nothing left after destroy`, async () => {
    await fc.assert(
      fc.asyncProperty(sequence, variant, (actions, v) => run(actions, v)),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    console.log(`engine properties (seed ${SEED}): ${JSON.stringify(seen)}`);
    // Each path ran often enough to mean something (counts over all runs).
    expect(seen.armedReleases).toBeGreaterThan(100);
    expect(seen.refreshes).toBeGreaterThan(1000);
    expect(seen.errors).toBeGreaterThan(100);
    expect(seen.timeouts).toBeGreaterThan(20);
    expect(seen.destroyedMidGesture).toBeGreaterThan(20);
    expect(seen.wheelPulls).toBeGreaterThan(100);
    expect(seen.loads).toBeGreaterThan(500);
    expect(seen.armedLoadReleases).toBeGreaterThan(50);
    expect(seen.nearEndLoads).toBeGreaterThan(30);
    expect(seen.loadErrors).toBeGreaterThan(50);
    expect(seen.loadTimeouts).toBeGreaterThan(10);
    expect(seen.refreshWhileLoading).toBeGreaterThan(10);
    expect(seen.pageRuns).toBeGreaterThan(3000);
  }, 900_000);
});
