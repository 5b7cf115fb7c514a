// The gesture state machine driven directly, with no host: plain events in, (gesture, effects) out.
// The world is a GestureContext of plain functions (scroll positions as flags, a fixed size).
import { describe, expect, it } from 'vitest';
import { addSample, gestureStep, LOCK_PX, releaseVelocity, REST_GESTURE } from './gesture';
import type { Gesture, GestureContext, GestureEvent, GestureStep } from './gesture';
import { resolveOptions } from './options';
import type { ElasticEdge, ElasticOptions, ElasticSnapshot } from './types';

/** A world: which edges the scrollers are at, what is on screen, whether a spring runs. */
function world(options: ElasticOptions, init: { atEdges?: ElasticEdge[]; snapshot?: Partial<ElasticSnapshot>; springing?: boolean; size?: number } = {}) {
  let snapshot: ElasticSnapshot = { ...REST_GESTURE, loadMore: 'idle', loadMoreError: null, ...init.snapshot };
  const atEdges = new Set(init.atEdges ?? ['top']);
  const context: GestureContext = {
    options: resolveOptions(options),
    snapshot: () => snapshot,
    atEdge: (edge) => atEdges.has(edge),
    measure: () => init.size ?? 800,
    springing: () => !!init.springing,
  };
  let gesture: Gesture | null = null;
  let time = 0;
  /** Runs one event, applies its `show` to the snapshot as the engine would, returns the step. */
  const run = (event: GestureEvent extends infer E ? (E extends GestureEvent ? Omit<E, 'time'> : never) : never): GestureStep => {
    time += 16;
    const result = gestureStep(gesture, { ...event, time } as GestureEvent, context);
    gesture = result.gesture;
    if (result.effects.show) snapshot = { ...snapshot, ...result.effects.show };
    return result;
  };
  return {
    context,
    run,
    start: (x: number, y: number, input: Gesture['input'] = 'touch') => run({ type: 'start', input, id: 0, x, y, target: null }),
    move: (x: number, y: number) => run({ type: 'move', x, y, target: null }),
    end: (cancelled = false) => run({ type: 'end', cancelled }),
    snapshot: () => snapshot,
    gesture: () => gesture,
  };
}

const curve = (distance: number) => distance / 2;

describe('gestureStep (pure)', () => {
  it('waits for LOCK_PX of travel, then locks the axis and holds the top edge', () => {
    const w = world({ curve });
    expect(w.start(100, 100).effects).toEqual({});
    expect(w.move(100, 100 + LOCK_PX - 1)).toMatchObject({ effects: {}, gesture: { lock: null } });
    const held = w.move(100, 140);
    expect(held.gesture).toMatchObject({ lock: 'y', edge: 'top', origin: 100 });
    expect(held.effects).toMatchObject({ preventDefault: true, show: { state: 'pulling', edge: 'top', distance: 40, offset: 20, progress: 0 } });
  });

  it('does not touch the input it was given: every step returns a new gesture', () => {
    const w = world({ curve });
    w.start(100, 100);
    const before = w.gesture()!;
    const frozen = JSON.stringify(before);
    w.move(100, 140);
    expect(JSON.stringify(before)).toBe(frozen);
    expect(w.gesture()).not.toBe(before);
  });

  it('gives a swipe on the other axis to the page', () => {
    const w = world({ curve });
    w.start(100, 100);
    expect(w.move(160, 102).gesture).toMatchObject({ lock: 'x', ignored: true });
    expect(w.move(100, 300).effects).toEqual({});
  });

  it('lets native scrolling have a pull away from an edge the scrollers are not at', () => {
    const w = world({ curve }, { atEdges: [] });
    w.start(100, 100);
    expect(w.move(100, 160)).toMatchObject({ gesture: { edge: null }, effects: {} });
  });

  it('gives the gesture back to native scrolling when the finger returns inside', () => {
    const w = world({ curve });
    w.start(100, 100);
    w.move(100, 150);
    const back = w.move(100, 90);
    expect(back.gesture).toMatchObject({ edge: null });
    expect(back.effects.show).toEqual(REST_GESTURE);
  });

  it('arms at the refresh threshold and releases into a refresh', () => {
    const w = world({ curve, pullToRefresh: { threshold: 60, thresholdIn: 'displayed' } });
    expect(w.start(100, 100).effects).toEqual({ promote: true });
    w.move(100, 200);
    expect(w.snapshot()).toMatchObject({ state: 'pulling', progress: 50 / 60 });
    w.move(100, 230);
    expect(w.snapshot()).toMatchObject({ state: 'ready', progress: 1 });
    const released = w.end();
    expect(released.gesture).toBeNull();
    expect(released.effects.release).toMatchObject({ action: 'refresh' });
  });

  it('a cancelled release never refreshes and springs back', () => {
    const w = world({ curve, pullToRefresh: { threshold: 60 } });
    w.start(100, 100);
    w.move(100, 300);
    expect(w.snapshot().state).toBe('ready');
    expect(w.end(true).effects).toMatchObject({ show: { state: 'cancelled', distance: 0 }, release: { action: null } });
  });

  it('never arms a pull that began away from the refresh edge', () => {
    const w = world({ curve, pullToRefresh: { threshold: 60 } }, { atEdges: [] });
    w.start(100, 100);
    w.move(100, 110);
    // The list reached the top mid-gesture: elastic, but no refresh.
    w.context.atEdge = () => true;
    w.move(100, 400);
    expect(w.snapshot()).toMatchObject({ state: 'pulling', progress: 0 });
    expect(w.end().effects.release).toMatchObject({ action: null });
  });

  it('refuses gestures while disabled or while a refresh holds the content', () => {
    expect(world({ disabled: true }).start(0, 0).gesture).toBeNull();
    for (const state of ['refreshing', 'complete', 'error'] as const) {
      expect(world({ pullToRefresh: true }, { snapshot: { state } }).start(0, 0).gesture).toBeNull();
    }
  });

  it('grabs a running spring at the offset on screen', () => {
    const w = world({ curve, pullToRefresh: { threshold: 60, thresholdIn: 'displayed' } }, { springing: true, snapshot: { state: 'cancelled', edge: 'top', offset: 40, progress: 40 / 60 } });
    const grabbed = w.start(100, 500);
    expect(grabbed.effects).toMatchObject({ grab: true, promote: true, show: { state: 'pulling', edge: 'top' } });
    expect(grabbed.effects.show!.offset).toBeCloseTo(40, 6);
    expect(grabbed.gesture).toMatchObject({ lock: 'y', edge: 'top', armable: ['top'] });
    expect(grabbed.gesture!.origin).toBeCloseTo(500 - 80, 6);
  });

  it('a spring back from a finished refresh may be grabbed but not re-armed', () => {
    const w = world({ curve, pullToRefresh: { threshold: 60 } }, { springing: true, snapshot: { state: 'idle', edge: 'top', offset: 40 } });
    expect(w.start(100, 500).gesture).toMatchObject({ armable: [] });
  });

  it('a fast flick past half the threshold refreshes when velocity is on', () => {
    const w = world({ curve, pullToRefresh: { threshold: 60, thresholdIn: 'displayed', velocity: 0.5 } });
    w.start(100, 100);
    for (const y of [120, 140, 160, 180, 200]) w.move(100, y);
    expect(w.snapshot().state).toBe('pulling');
    expect(w.snapshot().progress).toBeGreaterThanOrEqual(0.5);
    expect(w.end().effects.release).toMatchObject({ action: 'refresh' });
  });

  it('an end without a gesture, or with nothing held, does nothing but demote', () => {
    const w = world({ curve });
    expect(w.end()).toEqual({ gesture: null, effects: {} });
    w.start(100, 100);
    expect(w.end().effects).toEqual({ demote: true });
  });

  it('holds the bottom and right edges with the offset away from them', () => {
    const w = world({ curve, axis: 'both' }, { atEdges: ['bottom', 'right'] });
    w.start(100, 500);
    w.move(100, 400);
    expect(w.snapshot()).toMatchObject({ edge: 'bottom', distance: 100, offset: 50 });
    const h = world({ curve, axis: 'both' }, { atEdges: ['right'] });
    h.start(300, 100);
    h.move(200, 100);
    expect(h.snapshot()).toMatchObject({ edge: 'right', distance: 100 });
  });
});

/** A sample chain from [time, distance, offset] triples, oldest first. */
const chain = (...triples: [number, number, number][]) => triples.reduce<ReturnType<typeof addSample> | null>((samples, [t, d, o]) => addSample(samples, t, d, o), null);

describe('releaseVelocity', () => {
  it('is 0 without samples, after a rest, or over no time', () => {
    expect(releaseVelocity(null, 0)).toEqual({ finger: 0, shown: 0 });
    expect(releaseVelocity(chain([0, 10, 5], [16, 20, 10]), 500)).toEqual({ finger: 0, shown: 0 });
    expect(releaseVelocity(chain([16, 20, 10]), 20)).toEqual({ finger: 0, shown: 0 });
  });

  it('uses only the last 100 ms of moves', () => {
    // 1 px/ms long ago, then 2 px/ms over the last 96 ms.
    expect(releaseVelocity(chain([0, 0, 0], [100, 100, 50], [196, 292, 146]), 200)).toEqual({ finger: 2, shown: 1000 });
  });

  it("keeps a long drag's chain short without changing the velocity", () => {
    let samples = null;
    for (let move = 0; move < 1000; move++) samples = addSample(samples, move * 4, move * 3, move);
    let length = 0;
    for (let sample = samples; sample; sample = sample.before) length++;
    expect(length).toBeLessThanOrEqual(32 + 1);
    expect(releaseVelocity(samples, 3996).finger).toBeCloseTo(0.75, 12);
    expect(releaseVelocity(samples, 3996).shown).toBeCloseTo(250, 9);
  });
});
