// The elastic engine: turns touch, pointer, wheel and keyboard input at a scroll container's edges
// into a damped offset, a release spring and the pull-to-refresh and load-more state machines. It
// reaches the page only through a Host. This file holds the engine's state and runs the effects of
// the pure gesture machine (gesture.ts): the snapshot and its writes (writer.ts), the release
// spring, and the refresh and load jobs (jobs.ts). The element's lifecycle (claim, styles, input
// sources, restore) is attachment.ts; the input sources are inputs.ts.
import { atEdge, attachmentClock, checkClaim, closeAttachment, demote, measure, remainingTo, openAttachment, resolveTarget, stopSpring } from './attachment';
import type { Attachment } from './attachment';
import { ElasticError, invalidOption } from './errors';
import { displayedThreshold, gestureStep, groupAt, refreshBusy, REST_GESTURE } from './gesture';
import type { Gesture, GestureContext, GestureEvent, ReleaseAction } from './gesture';
import { createDomHost } from './host-dom';
import type { EngineEvent, GestureDriver } from './inputs';
import { createJob } from './jobs';
import type { Job } from './jobs';
import { mergeOptions } from './merge-options';
import { isObject, resolveOptions } from './options';
import type { ResolvedOptions } from './options';
import { springAt } from './spring';
import type { ElasticEdge, ElasticEngine, ElasticOptions, ElasticSnapshot } from './types';
import { writeSnapshot } from './writer';

export { mergeOptions };

/** A spring never runs longer than this, s (it is at rest long before with any sane parameters). */
const SPRING_LIMIT_S = 10;

const REST = REST_GESTURE;
let engines = 0;

/** Why a job ended early: its engine let go of the element. */
const detached = (doing: string) => new ElasticError('E_ELASTIC_DETACHED', `the elastic engine was detached while ${doing}`);

/** Load more's fields when nothing runs: 'done' once the list has no more. */
const restingLoad = (options: ResolvedOptions) => ({ loadMore: options.more && !options.more.hasMore ? ('done' as const) : ('idle' as const), loadMoreError: null });

/**
 * `before` with the fields of `next`, written out field by field: spreading `next` over `before`
 * took more time than the rest of a move together (`in`: a job's error may be undefined).
 */
function shown(before: ElasticSnapshot, next: Partial<ElasticSnapshot>): ElasticSnapshot {
  return {
    state: 'state' in next ? next.state! : before.state,
    edge: 'edge' in next ? next.edge! : before.edge,
    distance: 'distance' in next ? next.distance! : before.distance,
    offset: 'offset' in next ? next.offset! : before.offset,
    progress: 'progress' in next ? next.progress! : before.progress,
    error: 'error' in next ? next.error : before.error,
    loadMore: 'loadMore' in next ? next.loadMore! : before.loadMore,
    loadMoreError: 'loadMoreError' in next ? next.loadMoreError : before.loadMoreError,
  };
}

/**
 * Creates an elastic engine (overscroll damping, pull to refresh, load more) for one scroll
 * container. Nothing touches the page until `attach(el)`, so it is safe during server-side
 * rendering. Throws ElasticError `E_ELASTIC_OPTION` naming the option, its value and what was
 * expected, or `E_ELASTIC_CURVE` for a curve that returns a non-finite, negative or decreasing offset.
 *
 * @example
 * const engine = createElastic({ pullToRefresh: { onRefresh: ({ signal }) => reload(signal) } });
 * engine.attach(list);
 * engine.subscribe(() => render(engine.getSnapshot().state));
 */
export function createElastic(options: ElasticOptions = {}): ElasticEngine {
  let resolved: ResolvedOptions = resolveOptions(options);
  let raw = mergeOptions({}, options as Record<string, unknown>) || {};
  let snapshot: ElasticSnapshot = { ...REST, ...restingLoad(resolved) };
  let attachment: Attachment | null = null;
  let gesture: Gesture | null = null;
  /** Removals of the gesture's own listeners (a pointer's window listeners, user-select). */
  let gestureOffs: (() => void)[] = [];
  let refreshJob: Job | null = null;
  let loadJob: Job | null = null;
  let destroyed = false;
  const listeners = new Set<() => void>();
  /** How errors name this engine to a second one on its element. */
  const name = `elastic engine #${++engines}`;

  /**
   * Shows `next` (writing only what changed) and tells subscribers. Returns false when a subscriber
   * detached or re-attached the engine meanwhile: the caller's attachment is over, so it stops.
   */
  function set(next: Partial<ElasticSnapshot>): boolean {
    const current = attachment;
    const before = snapshot;
    let changed = false;
    for (const key in next) changed ||= !Object.is(next[key as keyof ElasticSnapshot], before[key as keyof ElasticSnapshot]);
    if (!changed) return true;
    snapshot = shown(before, next);
    if (current) writeSnapshot(current, before, snapshot);
    // A copy: a listener may subscribe or unsubscribe others (none to copy on most moves).
    if (listeners.size) for (const listener of [...listeners]) listener();
    return attachment === current;
  }

  /** The attachment's timers, live while it is the engine's. */
  const clock = (current: Attachment) => attachmentClock(current, () => attachment === current);
  /** Container size along `edge`'s axis, px. */
  const size = (edge: ElasticEdge) => measure(attachment!, resolved, edge);

  const context: GestureContext = {
    get options() {
      return resolved;
    },
    snapshot: () => snapshot,
    atEdge: (edge, from) => atEdge(attachment!, edge, from),
    measure: size,
    springing: () => !!attachment?.frame,
  };

  /** Runs one step of the state machine and applies its effects. */
  function step(event: GestureEvent, domEvent?: EngineEvent) {
    const current = attachment;
    if (!current) return;
    const result = gestureStep(gesture, event, context);
    gesture = result.gesture;
    if (gesture?.size) current.size = gesture.size;
    const effects = result.effects;
    if (effects.grab) stopSpring(current);
    if (effects.preventDefault && domEvent?.cancelable) domEvent.preventDefault();
    if (effects.show && !set(effects.show)) return;
    if (effects.promote && current.layer && !current.promoted.length) current.restorer.keep(current.layer, 'will-change', 'transform', current.promoted);
    if (effects.demote) demote(current);
    if (effects.release) release(effects.release.action, effects.release.velocity);
  }

  function release(action: ReleaseAction | null, velocity: number) {
    if (action === 'refresh') return void startRefresh(velocity);
    if (action === 'loadMore') void startLoad();
    spring(0, velocity);
  }

  /** Runs load more: its state is `snapshot.loadMore`, apart from the gesture's. */
  function startLoad(): Promise<void> {
    const current = attachment!;
    const more = resolved.more!;
    const job: Job = createJob(
      more,
      'loadMore',
      'onLoadMore',
      clock(current),
      (error, failed) => loadJob === job && set({ loadMore: failed ? 'error' : 'complete', loadMoreError: failed ? error : null }),
      () => {
        if (loadJob !== job) return;
        loadJob = null;
        const completed = snapshot.loadMore === 'complete';
        if (set(restingLoad(resolved)) && completed) nearEnd();
        job.finish();
      },
    );
    loadJob = job;
    if (set({ loadMore: 'loading', loadMoreError: null }) && loadJob === job) job.run();
    return job.done;
  }

  /** Starts a load when a scroll (or a completed load that left the end in view) is within `nearEnd` px of the end edge. */
  function nearEnd() {
    const current = attachment;
    const more = resolved.more;
    if (!current || !more || more.nearEnd === false || !more.hasMore || loadJob) return;
    if (remainingTo(current, more.edge) <= more.nearEnd) void startLoad();
  }

  function endGesture(cancelled: boolean) {
    if (!gesture) return;
    for (const off of gestureOffs.splice(0)) off();
    step({ type: 'end', cancelled, time: attachment!.host.now() });
  }

  const driver: GestureDriver = {
    start(input, id, x, y, target) {
      const current = attachment;
      if (!current) return null;
      current.chain = null;
      step({ type: 'start', input, id, x, y, target, time: current.host.now() });
      if (!gesture || attachment !== current) return null;
      return (gestureOffs = []);
    },
    move(x, y, event) {
      step({ type: 'move', x, y, target: event.target, time: attachment!.host.now() }, event);
    },
    end: endGesture,
    scrolled() {
      if (gesture) step({ type: 'scrolled', time: attachment!.host.now() });
    },
    active: () => gesture,
    holding: () => !!gesture?.edge,
    busy: () => refreshBusy(snapshot),
    pageSize: () => size(resolved.axis === 'x' ? 'left' : 'top'),
    options: () => resolved,
    refresh: () => void engine.refresh(),
    nearEnd,
    keep: (target, prop, value, undo) => attachment?.restorer.keep(target, prop, value, undo),
  };

  function toRest() {
    const job = refreshJob;
    refreshJob = null;
    set(REST);
    if (attachment) demote(attachment);
    job?.finish();
  }

  /** Springs the offset to `to` from release velocity `velocity` (px/s); a pure function of elapsed time. */
  function spring(to: number, velocity: number) {
    const current = attachment;
    if (!current) return;
    stopSpring(current);
    const { host } = current;
    const from = snapshot.offset;
    const started = host.now();
    const { restDelta, restSpeed } = resolved.spring;
    // A cancelled pull keeps showing its progress as it springs back.
    const action = snapshot.progress > 0 && snapshot.state === 'cancelled' ? groupAt(resolved, snapshot.edge) : null;
    const threshold = action ? displayedThreshold(resolved, action, current.size || size(action.edge)) : 0;
    const frame = (reduced?: boolean) => {
      if (attachment !== current) return;
      const elapsed = (host.now() - started) / 1000;
      const point = springAt(elapsed, from, to, velocity, resolved.spring);
      const value = Math.min(Math.max(point.value, 0), resolved.max);
      current.frame = 0;
      const atRest = (Math.abs(point.value - to) < restDelta && Math.abs(point.velocity) < restSpeed) || (to === 0 && point.value <= 0);
      // A non-finite point (parameters past what doubles hold) jumps to the target, never writes NaN.
      if (reduced || atRest || !(elapsed < SPRING_LIMIT_S) || !Number.isFinite(point.value)) {
        if (set({ offset: to }) && to === 0 && snapshot.state !== 'refreshing') toRest();
      } else if (set(threshold ? { offset: value, progress: Math.min(1, value / threshold) } : { offset: value }) && !current.frame) {
        current.frame = host.requestFrame(next);
      }
    };
    // A host may pass a timestamp to frame callbacks: `frame` gets no argument from frames.
    const next = () => frame();
    if (resolved.reducedMotion === 'auto' ? host.prefersReducedMotion() : resolved.reducedMotion) frame(true);
    else current.frame = host.requestFrame(next);
  }

  function startRefresh(velocity: number): Promise<void> {
    const current = attachment!;
    const ptr = resolved.ptr!;
    const job: Job = createJob(
      ptr,
      'pullToRefresh',
      'onRefresh',
      clock(current),
      (error, failed) => refreshJob === job && set({ state: failed ? 'error' : 'complete', error: failed ? error : null }),
      () => refreshJob === job && spring(0, 0),
    );
    refreshJob = job;
    if (!set({ state: 'refreshing', edge: ptr.edge, distance: 0, progress: 1, error: null })) return job.done;
    spring(Math.min(resolved.max, ptr.holdOffset ?? displayedThreshold(resolved, ptr, current.size || size(ptr.edge))), velocity);
    if (attachment === current && refreshJob === job) job.run();
    return job.done;
  }

  const engine: ElasticEngine = {
    attach(target) {
      if (destroyed) throw new ElasticError('E_ELASTIC_DESTROYED', 'attach(el) on a destroyed engine: create a new one with createElastic()');
      // A text or comment node, a component instance or a ref object would fail deep in the host.
      if ((target as Node | null)?.nodeType !== 1 || !target.style) invalidOption('attach(el)', target, 'an Element', 'E_ELASTIC_TARGET');
      const host = attachment?.host ?? resolved.host ?? createDomHost();
      const { element, page } = resolveTarget(host, target);
      if (element === attachment?.element) return;
      checkClaim(element, target, engine);
      engine.detach();
      const { input } = resolved;
      // On the page a key would refresh from anywhere: only when asked for.
      const keyboard = input.keyboard && (!page || (raw.input as { keyboard?: unknown } | undefined)?.keyboard) ? input.keyboard : false;
      const current = openAttachment({ host, element, page, options: resolved, keyboard, loadMore: snapshot.loadMore, driver, engine, name }, (opened) => (attachment = opened));
      if (resolved.announce) {
        const status = host.createStatus(element);
        // 'ready' at the load edge is not 'Release to refresh'.
        current.say = (key) => status.say((key === 'ready' && snapshot.edge !== resolved.ptr?.edge) || !resolved.announce ? '' : (resolved.announce as Record<string, string>)[key] || '');
        current.offs.push(() => status.remove());
      }
      nearEnd();
    },
    detach() {
      const current = attachment;
      if (!current) return;
      // First: every callback of this attachment (timers, frames, a subscriber's re-entry) sees it is over.
      attachment = null;
      for (const off of gestureOffs.splice(0)) off();
      gesture = null;
      refreshJob?.abort(detached('refreshing'));
      const load = loadJob;
      loadJob = null;
      load?.abort(detached('loading more'));
      closeAttachment(current, engine);
      set(restingLoad(resolved));
      toRest();
      load?.finish();
    },
    subscribe(listener) {
      if (typeof listener !== 'function') invalidOption('subscribe(listener)', listener, 'a function');
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    getSnapshot: () => snapshot,
    setOptions(partial) {
      if (!isObject(partial)) invalidOption('setOptions(options)', partial, 'an options object');
      const merged = mergeOptions(raw, partial as Record<string, unknown>);
      // Nothing changed: no resolution, no re-wiring, no notification.
      if (!merged) return;
      const next = resolveOptions(merged);
      const wiring = (options: ResolvedOptions) => [
        options.host,
        options.content,
        options.indicator,
        options.moveTarget,
        options.axis,
        !options.ptr,
        !options.more,
        options.more?.nearEnd === false,
        !options.announce,
        ...Object.values(options.input),
      ];
      const before = wiring(resolved);
      const target = attachment?.element;
      raw = merged;
      resolved = next;
      if (target && wiring(resolved).some((value, index) => value !== before[index])) {
        engine.detach();
        engine.attach(target);
      }
      if (resolved.disabled) endGesture(true);
      // hasMore changed: 'done' <-> 'idle' (a running load ends in the new one).
      const { loadMore } = restingLoad(resolved);
      if (!loadJob && snapshot.loadMore !== loadMore && /^(idle|done)$/.test(snapshot.loadMore) && !set({ loadMore })) return;
      nearEnd();
    },
    refresh() {
      if (!attachment || !resolved.ptr) {
        return Promise.reject(new ElasticError('E_ELASTIC_REFRESH', `refresh() needs ${attachment ? 'the pullToRefresh option' : 'an attached element'}`));
      }
      if (refreshJob) return refreshJob.done;
      endGesture(true);
      // A subscriber may have detached the engine or started a refresh while the gesture settled.
      const started = refreshJob as Job | null;
      if (started) return started.done;
      if (!attachment || !resolved.ptr) return Promise.resolve();
      return startRefresh(0);
    },
    loadMore() {
      if (loadJob) return loadJob.done;
      if (!attachment || !resolved.more?.hasMore) return Promise.resolve();
      return startLoad();
    },
    destroy() {
      engine.detach();
      listeners.clear();
      destroyed = true;
    },
  };
  return engine;
}

/**
 * Creates an engine with `options` and attaches it to `el` (a scroll container, or
 * `document.scrollingElement` for the whole page); returns the cleanup that detaches and destroys
 * it. Throws what createElastic and `attach` throw (`E_ELASTIC_OPTION`, `E_ELASTIC_TARGET`,
 * `E_ELASTIC_ATTACHED` when another engine drives `el`).
 *
 * @example
 * const detach = attachElastic(list, { curve: 'ios', pullToRefresh: { onRefresh: reload } });
 */
export function attachElastic(el: HTMLElement, options: ElasticOptions = {}): () => void {
  const engine = createElastic(options);
  engine.attach(el);
  return () => engine.destroy();
}
