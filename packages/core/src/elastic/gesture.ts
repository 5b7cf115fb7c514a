// The gesture state machine as pure functions: (gesture, event, context) -> (gesture, effects).
// It decides the axis lock, which edge a drag holds, the displayed offset and progress, and what a
// release does; it never touches a host. The world reaches it only through the read-only queries
// of its GestureContext (scroll positions, the snapshot on screen), which tests give as plain
// functions, and everything it wants done comes back as GestureEffects for the engine to apply.
import { invertDamping } from './curves';
import type { ResolvedOptions } from './options';
import type { ElasticEdge, ElasticSnapshot } from './types';

/** Travel before the axis locks, px: below browsers' touch slop, so we decide before native scrolling starts. */
export const LOCK_PX = 6;
/** Moves this recent count towards the release velocity, ms. */
export const VELOCITY_WINDOW_MS = 100;
/** A chain of samples is cut back to the velocity window, and to half this many, once it is this long. */
const SAMPLE_CHAIN_LIMIT = 32;

export type InputKind = 'touch' | 'pointer' | 'wheel';
export type Axis = 'x' | 'y';

export const isVertical = (edge: ElasticEdge) => edge === 'top' || edge === 'bottom';
/** +1 where the offset grows with the coordinate (top, left), -1 at bottom and right. */
export const edgeSign = (edge: ElasticEdge) => (edge === 'top' || edge === 'left' ? 1 : -1);

/** The one gesture in progress; a new object on every change, never edited in place. */
export interface Gesture {
  readonly input: InputKind;
  /** Touch identifier or pointer id (0 for the wheel). */
  readonly id: number;
  readonly startX: number;
  readonly startY: number;
  /** Coordinate on the locked axis at the previous move. */
  readonly previous: number;
  readonly lock: Axis | null;
  /** Locked on the other axis: the swipe belongs to the page. */
  readonly ignored: boolean;
  /** The edge held, or null while native scrolling has the gesture. */
  readonly edge: ElasticEdge | null;
  /** Coordinate where the distance past the edge is 0. */
  readonly origin: number;
  /** Edges with an action (refresh, load more) the gesture began at: only these may arm. */
  readonly armable: readonly ElasticEdge[];
  /** Container size along the held edge's axis, px (read once per gesture, never during a drag). */
  readonly size: number;
  /** The latest move, linked to the ones before, for the release velocity (null: none yet). */
  readonly samples: Sample | null;
}

/** One move, newest first: a persistent list, so adding one copies nothing. */
export interface Sample {
  readonly time: number;
  /** Finger distance past the edge, px. */
  readonly distance: number;
  /** Displayed offset, px. */
  readonly offset: number;
  readonly before: Sample | null;
  /** Samples in this chain (it is cut back to the velocity window past SAMPLE_CHAIN_LIMIT). */
  readonly length: number;
}

/**
 * `gesture` with the fields that change during a drag replaced: one literal, so every gesture has
 * one shape (a spread with overrides made moves five times slower in V8).
 */
function withPull(gesture: Pick<Gesture, 'input' | 'id' | 'startX' | 'startY' | 'armable'>, lock: Axis | null, ignored: boolean, previous: number, edge: ElasticEdge | null, origin: number, size: number, samples: Sample | null): Gesture {
  return { input: gesture.input, id: gesture.id, startX: gesture.startX, startY: gesture.startY, armable: gesture.armable, lock, ignored, previous, edge, origin, size, samples };
}

/** Adds a sample; a chain past SAMPLE_CHAIN_LIMIT keeps only the latest moves inside the velocity window (at most half the limit). */
export function addSample(samples: Sample | null, time: number, distance: number, offset: number): Sample {
  if (samples && samples.length >= SAMPLE_CHAIN_LIMIT) {
    const recent: Sample[] = [];
    for (let sample: Sample | null = samples; sample && recent.length < SAMPLE_CHAIN_LIMIT / 2 && time - sample.time <= VELOCITY_WINDOW_MS; sample = sample.before) recent.push(sample);
    let cut: Sample | null = null;
    for (let index = recent.length - 1; index >= 0; index--) cut = { ...recent[index], before: cut, length: recent.length - index };
    samples = cut;
  }
  return { time, distance, offset, before: samples, length: (samples?.length ?? 0) + 1 };
}

/** What the machine may ask of the world; all reads, no writes. */
export interface GestureContext {
  readonly options: ResolvedOptions;
  /** The snapshot on screen. */
  snapshot(): ElasticSnapshot;
  /** Every scroll container from `target` up to the element is at `edge`. */
  atEdge(edge: ElasticEdge, target: unknown): boolean;
  /** Container size along `edge`'s axis, px. */
  measure(edge: ElasticEdge): number;
  /** A release spring is running (a new gesture grabs it mid-flight). */
  springing(): boolean;
}

export type GestureEvent =
  | { readonly type: 'start'; readonly input: InputKind; readonly id: number; readonly x: number; readonly y: number; readonly target: unknown; readonly time: number }
  | { readonly type: 'move'; readonly x: number; readonly y: number; readonly target: unknown; readonly time: number }
  | { readonly type: 'end'; readonly cancelled: boolean; readonly time: number }
  /** A scroll container under the gesture scrolled natively (touch: the browser has taken the gesture). */
  | { readonly type: 'scrolled'; readonly time: number };

/** A job a release starts at its edge. */
export type ReleaseAction = 'refresh' | 'loadMore';

export interface GestureEffects {
  /** Snapshot fields to show. */
  readonly show?: Partial<ElasticSnapshot>;
  /** Cancel the event's default (native scroll and bounce) when the browser allows it. */
  readonly preventDefault?: boolean;
  /** Stop the running spring: the gesture continues from the offset on screen. */
  readonly grab?: boolean;
  /** Promote the moving layer (will-change) before the first pulling move. */
  readonly promote?: boolean;
  /** Undo the promotion: nothing was held. */
  readonly demote?: boolean;
  /** The gesture let go of a held edge: start `action` (if any) or spring back, at `velocity` px/s. */
  readonly release?: { readonly action: ReleaseAction | null; readonly velocity: number };
}

export interface GestureStep {
  readonly gesture: Gesture | null;
  readonly effects: GestureEffects;
}

const NOTHING: GestureEffects = {};
/** A step that asks for nothing. */
const quiet = (gesture: Gesture | null): GestureStep => ({ gesture, effects: NOTHING });

/** The snapshot states in which a refresh holds the content: gestures wait. */
export const refreshBusy = (snapshot: ElasticSnapshot) => snapshot.state === 'refreshing' || snapshot.state === 'complete' || snapshot.state === 'error';

/** The options group of the action at `edge` (its threshold, velocity...), or null (a plain elastic edge). */
export function groupAt(options: ResolvedOptions, edge: ElasticEdge | null) {
  const { ptr, more } = options;
  return ptr && ptr.edge === edge ? ptr : more && more.edge === edge ? more : null;
}

/** The group of the action a pull at `edge` may arm now: load more only while it may run (more to load, nothing loading). */
export function actionAt(options: ResolvedOptions, snapshot: ElasticSnapshot, edge: ElasticEdge | null) {
  const group = groupAt(options, edge);
  return group && (group !== options.more || (options.more.hasMore && snapshot.loadMore !== 'loading')) ? group : null;
}

/** Displayed offset at which the action at `edge` arms, px. */
export function displayedThreshold(options: ResolvedOptions, action: { threshold: number; thresholdIn: string }, size: number): number {
  return action.thresholdIn === 'displayed' ? action.threshold : options.damp(action.threshold, size);
}

/** One step of the machine. */
export function gestureStep(gesture: Gesture | null, event: GestureEvent, context: GestureContext): GestureStep {
  if (event.type === 'start') return start(event, context);
  if (!gesture) return quiet(gesture);
  if (event.type === 'scrolled') return scrolled(gesture);
  return event.type === 'move' ? move(gesture, event, context) : end(gesture, event, context);
}

function start(event: Extract<GestureEvent, { type: 'start' }>, context: GestureContext): GestureStep {
  const { options } = context;
  const snapshot = context.snapshot();
  if (options.disabled || refreshBusy(snapshot)) return quiet(null);
  const actionEdges = [options.ptr?.edge, options.more?.edge].filter((edge): edge is ElasticEdge => !!edge);
  /** A gesture before its first move: the fields fixed for its life, the moving ones at rest. */
  const begin = (armable: ElasticEdge[]) => withPull({ input: event.input, id: event.id, startX: event.x, startY: event.y, armable }, null, false, 0, null, 0, 0, null);
  if (context.springing() && snapshot.edge) {
    // Grab the spring mid-flight: continue from the offset on screen. Only a spring that was not
    // a refresh's may arm again (a cancelled pull, never one springing back from 'complete').
    const edge = snapshot.edge;
    const lock: Axis = isVertical(edge) ? 'y' : 'x';
    const size = context.measure(edge);
    const distance = invertDamping(options.damp, snapshot.offset, size);
    const previous = lock === 'y' ? event.y : event.x;
    const gesture = begin(actionEdges.includes(edge) && snapshot.state === 'cancelled' ? [edge] : []);
    const pulled = pull(gesture, lock, previous, edge, previous - edgeSign(edge) * distance, size, distance, event.time, context);
    return { gesture: pulled.gesture, effects: { show: pulled.effects.show, grab: true, promote: canPromote(gesture) } };
  }
  const gesture = begin(actionEdges.filter((edge) => context.atEdge(edge, event.target)));
  return { gesture, effects: canPromote(gesture) ? { promote: true } : NOTHING };
}

/** Not for the wheel: its streams start mid-list all the time, and toggling a layer costs paint. */
const canPromote = (gesture: Gesture) => gesture.input !== 'wheel' && gesture.armable.length > 0;

function move(gesture: Gesture, event: Extract<GestureEvent, { type: 'move' }>, context: GestureContext): GestureStep {
  if (gesture.ignored) return quiet(gesture);
  const { options } = context;
  let { lock, previous, edge, origin, size } = gesture;
  if (!lock) {
    const dx = Math.abs(event.x - gesture.startX);
    const dy = Math.abs(event.y - gesture.startY);
    if (Math.max(dx, dy) < LOCK_PX) return quiet(gesture);
    lock = dy >= dx ? 'y' : 'x';
    previous = lock === 'y' ? gesture.startY : gesture.startX;
    // A horizontal swipe in a vertical list (or the reverse) belongs to the page, not to us.
    if (options.axis !== 'both' && lock !== options.axis) return quiet(withPull(gesture, lock, true, previous, edge, origin, size, null));
  }
  const coordinate = lock === 'y' ? event.y : event.x;
  if (!edge && coordinate !== previous) {
    const toward: ElasticEdge = coordinate > previous ? (lock === 'y' ? 'top' : 'left') : lock === 'y' ? 'bottom' : 'right';
    if (options.edges[toward] && context.atEdge(toward, event.target)) {
      edge = toward;
      origin = previous;
      size = context.measure(toward);
    }
  }
  if (!edge) return quiet(withPull(gesture, lock, false, coordinate, null, origin, size, null));
  const distance = (coordinate - origin) * edgeSign(edge);
  if (distance <= 0) {
    // Back inside: native scrolling takes over again.
    return { gesture: withPull(gesture, lock, false, coordinate, null, origin, size, null), effects: { show: REST_GESTURE } };
  }
  // Only while we hold an overscroll, and only when the browser lets us (never on passive events).
  return pull(gesture, lock, coordinate, edge, origin, size, distance, event.time, context, true);
}

/**
 * Native scrolling moved a container during the gesture: the browser has taken it, so it is not
 * ours to pull for the rest of it, whatever `cancelable` says later. (Firefox keeps touchmoves
 * cancelable after its async scrolling started and then ignores preventDefault; Chromium marks
 * them uncancelable. Either way a list scrolled to its top by this swipe does not turn into a pull
 * in the same swipe: the user lifts and pulls again, as with native pull to refresh.) A held edge
 * is kept: its own preventDefault is what stops the scroll.
 */
function scrolled(gesture: Gesture): GestureStep {
  if (gesture.edge || gesture.ignored) return quiet(gesture);
  return quiet({ ...gesture, ignored: true });
}

/** The gesture fields of a snapshot at rest (load more's fields are its own). */
export const REST_GESTURE = { state: 'idle', edge: null, distance: 0, offset: 0, progress: 0, error: null } as const;

/** Shows `distance` past the held edge; `preventDefault` for moves (a grab has no event to cancel). */
function pull(
  gesture: Gesture,
  lock: Axis,
  previous: number,
  edge: ElasticEdge,
  origin: number,
  size: number,
  distance: number,
  time: number,
  context: GestureContext,
  preventDefault?: boolean,
): GestureStep {
  const { options } = context;
  const offset = options.damp(distance, size);
  const action = gesture.armable.includes(edge) ? actionAt(options, context.snapshot(), edge) : null;
  const progress = action ? Math.min(1, (action.thresholdIn === 'finger' ? distance : offset) / action.threshold) : 0;
  return {
    gesture: withPull(gesture, lock, false, previous, edge, origin, size, addSample(gesture.samples, time, distance, offset)),
    effects: { show: { state: progress >= 1 ? 'ready' : 'pulling', edge, distance, offset, progress, error: null }, preventDefault },
  };
}

/** Finger (px/ms) and displayed (px/s) release velocity from the moves of the last VELOCITY_WINDOW_MS (0 if the finger rested). */
export function releaseVelocity(last: Sample | null, now: number): { finger: number; shown: number } {
  if (!last || now - last.time > VELOCITY_WINDOW_MS) return { finger: 0, shown: 0 };
  let first = last;
  while (first.before && last.time - first.before.time <= VELOCITY_WINDOW_MS) first = first.before;
  const elapsed = last.time - first.time;
  if (!(elapsed > 0)) return { finger: 0, shown: 0 };
  return { finger: (last.distance - first.distance) / elapsed, shown: ((last.offset - first.offset) / elapsed) * 1000 };
}

/** Ends the gesture: a release (may start its edge's action) or a cancellation (never does); both spring back. */
function end(gesture: Gesture, event: Extract<GestureEvent, { type: 'end' }>, context: GestureContext): GestureStep {
  const snapshot = context.snapshot();
  // Nothing held: the engine is at rest (start refuses gestures while a refresh runs).
  if (!gesture.edge) return { gesture: null, effects: { demote: true } };
  if (refreshBusy(snapshot)) return quiet(null);
  const { finger, shown } = releaseVelocity(gesture.samples, event.time);
  const action = gesture.armable.includes(gesture.edge) ? actionAt(context.options, snapshot, gesture.edge) : null;
  const flick = !!action && action.velocity > 0 && finger >= action.velocity && snapshot.progress >= 0.5;
  const armed = !event.cancelled && !!action && (snapshot.state === 'ready' || flick);
  // A refresh holds the content; a load or a cancel springs back (a load through 'cancelled' while `loadMore` says 'loading').
  const refresh = armed && action === context.options.ptr;
  return { gesture: null, effects: { show: refresh ? undefined : { state: 'cancelled', distance: 0 }, release: { action: armed ? (refresh ? 'refresh' : 'loadMore') : null, velocity: shown } } };
}
