// Property tests of the gesture state machine over random event sequences (touch, second finger,
// pointer, wheel, cancel, blur, hidden tab, programmatic and keyboard refresh, refresh resolving,
// rejecting and timing out, option changes, destroy mid-gesture). Fixed seed, printed on failure.
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
  { arbitrary: fc.record({ a: fc.constant('scroll' as const), top: fc.constantFrom(0, 0, 250, 1000) }), weight: 1 },
  { arbitrary: fc.constant({ a: 'refresh' as const }), weight: 1 },
  { arbitrary: fc.constant({ a: 'key' as const }), weight: 1 },
  { arbitrary: fc.constant({ a: 'resolve' as const }), weight: 2 },
  { arbitrary: fc.constant({ a: 'reject' as const }), weight: 1 },
  { arbitrary: fc.record({ a: fc.constant('curve' as const), curve: fc.constantFrom('article' as const, 'ios' as const, 'linear' as const, 'framework7' as const) }), weight: 1 },
  { arbitrary: fc.record({ a: fc.constant('disable' as const), on: fc.boolean() }), weight: 1 },
  { arbitrary: fc.constant({ a: 'destroy' as const }), weight: 1 },
);

/** How often the interesting paths ran, so a generator that never reaches them fails the test. */
const seen = { refreshes: 0, armedReleases: 0, errors: 0, timeouts: 0, destroyedMidGesture: 0, wheelPulls: 0 };

/** A whole drag: start, several moves the same way, then lift, cancel or nothing (a lost end). */
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
  })
  .map(({ touch, kind, x, y, dx, dy, steps, target, finish }) => {
    const out: Action[] = [touch ? { a: 'touchstart', x, y, target } : { a: 'pointerdown', kind, x, y }];
    for (let i = 0; i < steps; i++) out.push(touch ? { a: 'touchmove', dx, dy, cancelable: true } : { a: 'pointermove', dx, dy });
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
  axis: 'y' | 'both';
  thresholdIn: 'finger' | 'displayed';
  reducedMotion: boolean;
  moveTarget: 'content' | 'indicator';
}

const variant: fc.Arbitrary<Variant> = fc.record({
  velocity: fc.constantFrom(0, 0, 0.8),
  axis: fc.constantFrom('y' as const, 'y' as const, 'both' as const),
  thresholdIn: fc.constantFrom('finger' as const, 'displayed' as const),
  reducedMotion: fc.boolean(),
  moveTarget: fc.constantFrom('content' as const, 'indicator' as const),
});

async function run(actions: Action[], v: Variant) {
  const { velocity } = v;
  const host = createFakeHost();
  const root = host.element({ scrollable: { y: true, x: v.axis === 'both' }, scroll: { maxTop: 1000, maxLeft: v.axis === 'both' ? 500 : 0, height: 700 } });
  const indicator = host.element({});
  const content = host.element({ parent: root });
  const inner = host.element({ parent: content, scrollable: { y: true }, scroll: { maxTop: 300, top: 0, height: 200 } });
  const carousel = host.element({ parent: content, scrollable: { x: true }, scroll: { maxLeft: 800, width: 400 } });
  const targets = [content, inner, carousel, root];
  const pending: { resolve: () => void; reject: (e: unknown) => void }[] = [];
  let calls = 0;
  let cycleOpen = false;
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
  });
  engine.subscribe(() => {
    const s = engine.getSnapshot();
    expect(Number.isFinite(s.offset) && s.offset >= 0 && s.offset <= MAX).toBe(true);
    expect(Number.isFinite(s.distance) && s.distance >= 0).toBe(true);
    expect(s.progress >= 0 && s.progress <= 1).toBe(true);
    if (!BUSY.includes(s.state)) cycleOpen = false;
    if (s.state === 'error') seen.errors++;
    if (s.state === 'error' && (s.error as { code?: string }).code === 'E_ELASTIC_TIMEOUT') seen.timeouts++;
  });
  engine.attach(root);

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
    let armedRelease = false;
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
        armedRelease = holder === 'touch' && before === 'ready' && fingers.length === 1;
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
        armedRelease = holder === 'pointer' && before === 'ready';
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
    await ticks();
    host.advance(TIMEOUT_MS + 20_000);
    await ticks();
    host.advance(20_000);
    const rest = engine.getSnapshot();
    expect(rest).toMatchObject({ state: 'idle', edge: null, offset: 0, distance: 0, progress: 0 });
    expect(host.pendingFrames()).toBe(0);
    expect(host.attributes(root)['data-tensile-state']).toBe('idle');
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
  expect(host.styles(content)['will-change']).toBeUndefined();
  expect(host.styles(indicator)['will-change']).toBeUndefined();
  expect(host.passiveViolations).toBe(0);
}

describe('engine properties', () => {
  it(`over ${RUNS} random event sequences and option sets (seed ${SEED}): bounded finite offsets, back to rest, one onRefresh per armed release, nothing left after destroy`, async () => {
    await fc.assert(
      fc.asyncProperty(sequence, variant, (actions, v) => run(actions, v)),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    // Each path ran often enough to mean something (counts over all runs).
    expect(seen.armedReleases).toBeGreaterThan(100);
    expect(seen.refreshes).toBeGreaterThan(1000);
    expect(seen.errors).toBeGreaterThan(100);
    expect(seen.timeouts).toBeGreaterThan(20);
    expect(seen.destroyedMidGesture).toBeGreaterThan(20);
    expect(seen.wheelPulls).toBeGreaterThan(100);
  }, 300_000);
});
