// The elastic engine: turns touch, pointer, wheel and keyboard input at a scroll container's edges
// into a damped offset, a release spring and the pull-to-refresh state machine. It reaches the
// page only through a Host, and writes only transform, CSS variables and attributes.
import { invertDamping } from './curves';
import { ElasticError, invalidOption } from './errors';
import { createDomHost } from './host-dom';
import { resolveOptions } from './options';
import type { ResolvedOptions } from './options';
import { springAt } from './spring';
import type { ElasticEdge, ElasticEngine, ElasticOptions, ElasticSnapshot, ElasticState, Host } from './types';

/** Travel before the axis locks, px: below browsers' touch slop, so we decide before native scrolling starts. */
const LOCK_PX = 6;
/** Moves this recent count towards the release velocity, ms. */
const VELOCITY_WINDOW_MS = 100;
/** Sub-pixel scroll positions count as at the edge, px. */
const EDGE_EPSILON_PX = 1;
/** A spring never runs longer than this, s (it is at rest long before with any sane parameters). */
const SPRING_LIMIT_S = 10;
/** Wheel: a stream is released after this many shrinking deltas below half its peak (the momentum tail). */
const WHEEL_DECAYS = 4;
/** Wheel: a pause of this many event intervals also ends a stream (mouse wheels have no tail), clamped ms. */
const WHEEL_GAP_INTERVALS = 4;
const WHEEL_GAP_MIN_MS = 60;
const WHEEL_GAP_MAX_MS = 300;
/** px per line and (as a fraction of the container) per page for deltaMode 1 and 2. */
const WHEEL_LINE_PX = 16;

const SIGN: Record<ElasticEdge, number> = { top: 1, left: 1, bottom: -1, right: -1 };
const AXIS_OF: Record<ElasticEdge, 'x' | 'y'> = { top: 'y', bottom: 'y', left: 'x', right: 'x' };
const REST: ElasticSnapshot = { state: 'idle', edge: null, distance: 0, offset: 0, progress: 0, error: null };
const TOUCH_ACTION = { y: 'pan-y pinch-zoom', x: 'pan-x pinch-zoom', both: 'pan-x pan-y pinch-zoom' };
const BUSY: ElasticState[] = ['refreshing', 'complete', 'error'];

interface Gesture {
  kind: 'touch' | 'pointer' | 'wheel';
  id: number;
  x0: number;
  y0: number;
  x: number;
  y: number;
  /** Coordinate on the locked axis at the previous move. */
  prev: number;
  lock: 'x' | 'y' | null;
  ignored: boolean;
  edge: ElasticEdge | null;
  /** Coordinate where the distance past the edge is 0. */
  origin: number;
  size: number;
  /** It began at the refresh edge (refresh never arms for a list that was scrolled down). */
  canRefresh: boolean;
  target: unknown;
  chain: HTMLElement[] | null;
  /** Recent [time, distance, offset] triples. */
  samples: number[];
  offs: (() => void)[];
}

interface RefreshJob {
  abort: AbortController;
  done: Promise<void>;
  resolve: () => void;
  settled: boolean;
}

// Fields read from DOM events; the fake host sends plain objects of this shape.
interface InputEvent {
  target: unknown;
  cancelable: boolean;
  preventDefault(): void;
  touches?: ArrayLike<{ identifier: number; clientX: number; clientY: number }>;
  pointerId?: number;
  pointerType?: string;
  button?: number;
  clientX?: number;
  clientY?: number;
  deltaX?: number;
  deltaY?: number;
  deltaMode?: number;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  key?: string;
}

/** Creates an engine; nothing touches the page until `attach(el)`. */
export function createElastic(options: ElasticOptions = {}): ElasticEngine {
  let raw: ElasticOptions = options;
  let o: ResolvedOptions = resolveOptions(options);
  let host: Host | null = null;
  let el: HTMLElement | null = null;
  let layer: HTMLElement | null = null;
  let layerTransform = '';
  let status: ReturnType<Host['createStatus']> | null = null;
  let snap = REST;
  let g: Gesture | null = null;
  let frame = 0;
  /** Container size of the last pull, px (read once per gesture, never during a drag). */
  let size = 0;
  let job: RefreshJob | null = null;
  let destroyed = false;
  const listeners = new Set<() => void>();
  const offs: (() => void)[] = [];
  const timers = new Set<number>();
  // Wheel stream: last event time, |delta|, peak, mean interval, shrinking run, in the momentum tail.
  const wheel = { t: -Infinity, mag: 0, peak: 0, interval: 0, decays: 0, tail: false, timer: 0 };

  const busy = () => BUSY.includes(snap.state);

  function later(callback: () => void, ms: number): number {
    const id = host!.setTimer(() => {
      timers.delete(id);
      callback();
    }, ms);
    timers.add(id);
    return id;
  }

  function cancelTimer(id: number) {
    if (timers.delete(id)) host!.clearTimer(id);
  }

  function set(next: Partial<ElasticSnapshot>) {
    const prev = snap;
    let changed = false;
    for (const key in next) changed ||= !Object.is(next[key as keyof ElasticSnapshot], prev[key as keyof ElasticSnapshot]);
    if (!changed) return;
    snap = { ...prev, ...next };
    if (host && el) render(host, el, prev);
    for (const listener of [...listeners]) listener();
  }

  // Writes only what changed; no layout reads, so a drag never forces a layout.
  function render(h: Host, root: HTMLElement, prev: ElasticSnapshot) {
    if (snap.offset !== prev.offset || snap.edge !== prev.edge) {
      h.setStyle(root, '--tensile-offset', `${Math.round(snap.offset * 100) / 100}px`);
      if (layer) {
        const s = snap.edge ? SIGN[snap.edge] * snap.offset : 0;
        const move = AXIS_OF[snap.edge ?? 'top'] === 'y' ? `translate3d(0,${s}px,0)` : `translate3d(${s}px,0,0)`;
        // At rest the original transform comes back, so sticky/fixed children are unaffected.
        h.setStyle(layer, 'transform', s ? `${layerTransform} ${move}`.trim() : layerTransform);
      }
      h.setAttribute(root, 'data-tensile-edge', snap.edge);
    }
    if (snap.progress !== prev.progress) h.setStyle(root, '--tensile-progress', `${Math.round(snap.progress * 1000) / 1000}`);
    if (snap.state !== prev.state) {
      h.setAttribute(root, 'data-tensile-state', snap.state);
      h.setAttribute(root, 'aria-busy', snap.state === 'refreshing' ? 'true' : null);
      status?.say((o.announce && (o.announce as Record<string, string>)[snap.state]) || '');
    }
  }

  function reduced(): boolean {
    return o.reducedMotion === 'auto' ? host!.prefersReducedMotion() : o.reducedMotion;
  }

  function measure(edge: ElasticEdge): number {
    if (o.size !== 'auto') return o.size;
    const m = host!.scroll(el!);
    return (AXIS_OF[edge] === 'y' ? m.height : m.width) || o.max;
  }

  function atEdge(edge: ElasticEdge, gesture: Gesture | null, target: unknown): boolean {
    const axis = AXIS_OF[edge];
    const chain = gesture?.chain ?? host!.scrollChain(target, el!, axis);
    if (gesture) gesture.chain = chain;
    for (const s of [...chain, el!]) {
      const m = host!.scroll(s);
      const pos = axis === 'y' ? m.top : m.left;
      const end = axis === 'y' ? m.maxTop : m.maxLeft;
      if (SIGN[edge] > 0 ? pos > EDGE_EPSILON_PX : pos < end - EDGE_EPSILON_PX) return false;
    }
    return true;
  }

  /** Displayed offset at which the refresh arms, px. */
  function displayedThreshold(size: number): number {
    const ptr = o.ptr!;
    return ptr.thresholdIn === 'displayed' ? ptr.threshold : o.damp(ptr.threshold, size);
  }

  function stopSpring() {
    if (frame) host!.cancelFrame(frame);
    frame = 0;
  }

  function toRest() {
    set(REST);
    if (job) {
      const j = job;
      job = null;
      j.resolve();
    }
  }

  /** Springs the offset to `to` from release velocity `v0` (px/s); a pure function of elapsed time. */
  function spring(to: number, v0: number) {
    stopSpring();
    const from = snap.offset;
    const h = host!;
    const t0 = h.now();
    const ptrEdge = o.ptr && snap.progress > 0 && snap.state === 'cancelled';
    const threshold = ptrEdge ? displayedThreshold(size || measure(o.ptr!.edge)) : 1;
    const arrive = () => {
      frame = 0;
      set({ offset: to });
      if (to === 0 && snap.state !== 'refreshing') toRest();
    };
    if (reduced()) return arrive();
    const step = () => {
      const t = (h.now() - t0) / 1000;
      const p = springAt(t, from, to, v0, o.spring);
      const value = Math.min(Math.max(p.value, 0), o.max);
      if (
        (Math.abs(p.value - to) < o.spring.restDelta && Math.abs(p.velocity) < o.spring.restSpeed) ||
        (to === 0 && p.value <= 0) ||
        !(t < SPRING_LIMIT_S)
      ) return arrive();
      set(ptrEdge ? { offset: value, progress: Math.min(1, value / threshold) } : { offset: value });
      frame = h.requestFrame(step);
    };
    frame = h.requestFrame(step);
  }

  function begin(kind: Gesture['kind'], id: number, x: number, y: number, target: unknown) {
    if (o.disabled || !el || busy()) return;
    const gesture: Gesture = {
      kind, id, x0: x, y0: y, x, y, prev: 0, lock: null, ignored: false, edge: null, origin: 0, size: 0,
      canRefresh: false, target, chain: null, samples: [], offs: [],
    };
    g = gesture;
    if (frame && snap.edge) {
      // Grab the spring mid-flight: continue from the offset on screen.
      stopSpring();
      const edge = snap.edge;
      gesture.lock = AXIS_OF[edge];
      gesture.size = measure(edge);
      gesture.canRefresh = !!o.ptr && edge === o.ptr.edge && snap.state === 'cancelled';
      const d = invertDamping(o.damp, snap.offset, gesture.size);
      const c = gesture.lock === 'y' ? y : x;
      gesture.edge = edge;
      gesture.origin = c - SIGN[edge] * d;
      gesture.prev = c;
      pull(gesture, d);
    } else if (o.ptr) gesture.canRefresh = atEdge(o.ptr.edge, null, target);
  }

  function move(x: number, y: number, e: InputEvent) {
    const gesture = g!;
    gesture.x = x;
    gesture.y = y;
    if (gesture.ignored) return;
    if (!gesture.lock) {
      const dx = x - gesture.x0;
      const dy = y - gesture.y0;
      if (Math.max(Math.abs(dx), Math.abs(dy)) < LOCK_PX) return;
      gesture.lock = Math.abs(dy) >= Math.abs(dx) ? 'y' : 'x';
      gesture.prev = gesture.lock === 'y' ? gesture.y0 : gesture.x0;
      // A horizontal swipe in a vertical list (or the reverse) belongs to the page, not to us.
      if (o.axis !== 'both' && gesture.lock !== o.axis) return void (gesture.ignored = true);
    }
    const c = gesture.lock === 'y' ? y : x;
    if (!gesture.edge) {
      const delta = c - gesture.prev;
      const edge: ElasticEdge | null = delta > 0 ? (gesture.lock === 'y' ? 'top' : 'left') : delta < 0 ? (gesture.lock === 'y' ? 'bottom' : 'right') : null;
      if (edge && o.edges[edge] && atEdge(edge, gesture, e.target)) {
        gesture.edge = edge;
        gesture.origin = gesture.prev;
        gesture.size = measure(edge);
      }
    }
    gesture.prev = c;
    if (!gesture.edge) return;
    const d = (c - gesture.origin) * SIGN[gesture.edge];
    if (d <= 0) {
      // Back inside: native scrolling takes over again.
      gesture.edge = null;
      gesture.samples.length = 0;
      return set(REST);
    }
    // Only while we hold an overscroll, and only when the browser lets us (never on passive events).
    if (e.cancelable) e.preventDefault();
    pull(gesture, d);
  }

  function pull(gesture: Gesture, d: number) {
    size = gesture.size;
    const offset = o.damp(d, gesture.size);
    let progress = 0;
    let state: ElasticState = 'pulling';
    if (o.ptr && gesture.canRefresh && gesture.edge === o.ptr.edge) {
      progress = Math.min(1, (o.ptr.thresholdIn === 'finger' ? d : offset) / o.ptr.threshold);
      if (progress >= 1) state = 'ready';
    }
    const s = gesture.samples;
    s.push(host!.now(), d, offset);
    if (s.length > 24) s.splice(0, 3);
    set({ state, edge: gesture.edge, distance: d, offset, progress, error: null });
  }

  /** Ends the gesture: a release (may refresh) or a cancellation (never refreshes); both spring back. */
  function end(cancelled: boolean) {
    const gesture = g;
    if (!gesture) return;
    g = null;
    for (const off of gesture.offs) off();
    if (!gesture.edge || busy()) return;
    // Release velocity from the moves of the last VELOCITY_WINDOW_MS (0 if the finger rested).
    const s = gesture.samples;
    const now = host!.now();
    let finger = 0;
    let shown = 0;
    const n = s.length - 3;
    if (n >= 0 && now - s[n] <= VELOCITY_WINDOW_MS) {
      let i = n;
      while (i >= 3 && s[n] - s[i - 3] <= VELOCITY_WINDOW_MS) i -= 3;
      const dt = s[n] - s[i];
      if (dt > 0) {
        finger = (s[n + 1] - s[i + 1]) / dt;
        shown = ((s[n + 2] - s[i + 2]) / dt) * 1000;
      }
    }
    const ptr = o.ptr;
    const armed =
      !!ptr && (snap.state === 'ready' || (ptr.velocity > 0 && gesture.canRefresh && gesture.edge === ptr.edge && finger >= ptr.velocity && snap.progress >= 0.5));
    if (!cancelled && armed) return void startRefresh(shown);
    set({ state: 'cancelled', distance: 0 });
    spring(0, shown);
  }

  function startRefresh(v0: number): Promise<void> {
    if (job) return job.done;
    const ptr = o.ptr!;
    let resolve!: () => void;
    const done = new Promise<void>((r) => (resolve = r));
    const j: RefreshJob = { abort: new AbortController(), done, resolve, settled: false };
    job = j;
    const h = host!;
    const started = h.now();
    set({ state: 'refreshing', edge: ptr.edge, distance: 0, progress: 1, error: null });
    spring(Math.min(o.max, ptr.holdOffset ?? displayedThreshold(size || measure(ptr.edge))), v0);
    let timeout = 0;
    const finish = (error: unknown, failed: boolean) => {
      if (job !== j || j.settled) return;
      j.settled = true;
      cancelTimer(timeout);
      later(() => {
        set({ state: failed ? 'error' : 'complete', error: failed ? error : null });
        later(() => spring(0, 0), ptr.resultMs);
      }, Math.max(0, started + ptr.minVisibleMs - h.now()));
    };
    if (ptr.timeout) {
      timeout = later(() => {
        const reason = new ElasticError('E_ELASTIC_TIMEOUT', `onRefresh did not settle within pullToRefresh.timeout = ${ptr.timeout} ms`, { where: 'pullToRefresh.timeout', value: ptr.timeout });
        j.abort.abort(reason);
        finish(reason, true);
      }, ptr.timeout);
    }
    new Promise((r) => r(ptr.onRefresh?.({ signal: j.abort.signal }))).then(
      () => finish(null, false),
      (error) => finish(error, true),
    );
    return done;
  }

  // ---- input ----

  function onTouchStart(e: InputEvent) {
    // A second finger, or a new touch while one is tracked (its touchend was lost): settle first.
    if (g) end(true);
    const t = e.touches!;
    if (t.length === 1) begin('touch', t[0].identifier, t[0].clientX, t[0].clientY, e.target);
  }

  function onTouchMove(e: InputEvent) {
    if (g?.kind !== 'touch') return;
    const t = e.touches!;
    if (t.length !== 1 || t[0].identifier !== g.id) return end(true);
    move(t[0].clientX, t[0].clientY, e);
  }

  function onTouchEnd(e: InputEvent) {
    if (g?.kind === 'touch') end(e.touches!.length > 0);
  }

  function onPointerDown(e: InputEvent) {
    const type = e.pointerType;
    if (!(type === 'mouse' ? o.input.mouse && e.button === 0 : type === 'pen' && o.input.pen)) return;
    if (g) end(true);
    begin('pointer', e.pointerId!, e.clientX!, e.clientY!, e.target);
    const gesture = g as Gesture | null;
    if (!gesture) return;
    const mine = (handler: (e: InputEvent) => void) => (ev: InputEvent) => {
      if (ev.pointerId === gesture.id && g === gesture) handler(ev);
    };
    gesture.offs.push(
      host!.listen('window', 'pointermove', mine((ev) => move(ev.clientX!, ev.clientY!, ev)), { passive: false }),
      host!.listen('window', 'pointerup', mine(() => end(false)), { passive: true }),
      host!.listen('window', 'pointercancel', mine(() => end(true)), { passive: true }),
    );
  }

  function wheelRelease() {
    cancelTimer(wheel.timer);
    if (g?.kind !== 'wheel') return;
    wheel.tail = true;
    end(false);
  }

  function onWheel(e: InputEvent) {
    // ctrl+wheel is pinch-zoom on trackpads.
    if (o.disabled || e.ctrlKey || (g && g.kind !== 'wheel')) return;
    const h = host!;
    const now = h.now();
    const unit = e.deltaMode === 1 ? WHEEL_LINE_PX : e.deltaMode === 2 ? measure('top') : 1;
    const dx = -(e.deltaX ?? 0) * unit;
    const dy = -(e.deltaY ?? 0) * unit;
    const mag = Math.abs(dx) + Math.abs(dy);
    const gap = now - wheel.t;
    if (gap > Math.max(WHEEL_GAP_MIN_MS, WHEEL_GAP_INTERVALS * wheel.interval)) {
      Object.assign(wheel, { peak: 0, interval: 0, decays: 0, tail: false, mag: 0 });
    } else wheel.interval = wheel.interval ? (wheel.interval * 3 + gap) / 4 : gap;
    wheel.decays = mag < wheel.mag ? wheel.decays + 1 : 0;
    // Momentum after a release: ignored until the deltas grow again (a new swipe).
    if (wheel.tail && mag > wheel.mag) wheel.tail = false;
    wheel.mag = mag;
    wheel.t = now;
    if (wheel.tail || busy()) return;
    wheel.peak = Math.max(wheel.peak, mag);
    if (!g) begin('wheel', 0, 0, 0, e.target);
    if (!g) return;
    move(g.x + dx, g.y + dy, e);
    cancelTimer(wheel.timer);
    if (g.edge && wheel.decays >= WHEEL_DECAYS && mag < wheel.peak / 2) return wheelRelease();
    const wait = Math.min(WHEEL_GAP_MAX_MS, Math.max(WHEEL_GAP_MIN_MS, WHEEL_GAP_INTERVALS * wheel.interval));
    wheel.timer = later(wheelRelease, wait);
  }

  function onKey(e: InputEvent) {
    const t = e.target as { tagName?: string; isContentEditable?: boolean } | null;
    if (!o.ptr || o.disabled || e.key !== o.input.keyboard || e.ctrlKey || e.metaKey || e.altKey) return;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName ?? ''))) return;
    void engine.refresh();
  }

  /** Settles a gesture the page took away (window blur, hidden tab): never refreshes. */
  function onVisibility() {
    if (host!.hidden()) end(true);
  }

  // ---- lifecycle ----

  /** Sets a style (or attribute) while attached; detach restores what was there. */
  function keep(target: HTMLElement, prop: string, value: string | null, attribute = false) {
    const h = host!;
    const prev = attribute ? h.getAttribute(target, prop) : h.getStyle(target, prop);
    if (attribute) h.setAttribute(target, prop, value);
    else h.setStyle(target, prop, value ?? '');
    offs.push(() => (attribute ? h.setAttribute(target, prop, prev) : h.setStyle(target, prop, prev ?? '')));
  }

  const engine: ElasticEngine = {
    attach(target) {
      if (destroyed) throw new ElasticError('E_ELASTIC_DESTROYED', 'attach(el) on a destroyed engine: create a new one with createElastic()');
      if (typeof target !== 'object' || target === null) invalidOption('attach(el)', target, 'an HTMLElement');
      if (target === el) return;
      if (el) engine.detach();
      const h = (host = o.host ?? createDomHost());
      el = target;
      layer = (o.moveTarget === 'content' ? (o.content ?? h.firstChild(target)) : o.indicator) ?? null;
      layerTransform = layer ? h.getStyle(layer, 'transform') : '';
      if (layer) offs.push(() => h.setStyle(layer!, 'transform', layerTransform));
      const on = (t: HTMLElement | 'window' | 'document', type: string, handler: (e: InputEvent) => void, passive: boolean) =>
        offs.push(h.listen(t, type, handler, { passive }));
      keep(target, 'touch-action', TOUCH_ACTION[o.axis]);
      if (o.axis !== 'x') keep(target, 'overscroll-behavior-y', 'none');
      if (o.axis !== 'y') keep(target, 'overscroll-behavior-x', 'none');
      for (const name of ['--tensile-offset', '--tensile-progress']) keep(target, name, name === '--tensile-offset' ? '0px' : '0');
      keep(target, 'data-tensile-state', 'idle', true);
      keep(target, 'data-tensile-edge', null, true);
      keep(target, 'aria-busy', null, true);
      if (o.ptr && o.input.keyboard) keep(target, 'aria-keyshortcuts', o.input.keyboard, true);
      if (o.input.touch) {
        on(target, 'touchstart', onTouchStart, true);
        // Non-passive only here: it is the one event we may need to cancel (native scroll and bounce).
        on(target, 'touchmove', onTouchMove, false);
        on(target, 'touchend', onTouchEnd, true);
        on(target, 'touchcancel', () => end(true), true);
      }
      if (o.input.mouse || o.input.pen) on(target, 'pointerdown', onPointerDown, true);
      if (o.input.wheel) on(target, 'wheel', onWheel, false);
      if (o.input.keyboard) on(target, 'keydown', onKey, true);
      on('window', 'blur', () => end(true), true);
      on('document', 'visibilitychange', onVisibility, true);
      if (o.announce) {
        const s = (status = h.createStatus(target));
        offs.push(() => s.remove());
      }
    },
    detach() {
      if (!el) return;
      if (g) {
        for (const off of g.offs) off();
        g = null;
      }
      stopSpring();
      for (const id of timers) host!.clearTimer(id);
      timers.clear();
      if (job) {
        job.abort.abort(new ElasticError('E_ELASTIC_DETACHED', 'the elastic engine was detached while refreshing'));
        job.settled = true;
      }
      toRest();
      for (const off of offs.splice(0).reverse()) off();
      el = layer = null;
      status = null;
      host = null;
    },
    subscribe(listener) {
      if (typeof listener !== 'function') invalidOption('subscribe(listener)', listener, 'a function');
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    getSnapshot: () => snap,
    setOptions(partial) {
      if (typeof partial !== 'object' || partial === null) invalidOption('setOptions(options)', partial, 'an options object');
      const merged: Record<string, unknown> = { ...raw, ...partial };
      for (const key of ['edges', 'pullToRefresh', 'input', 'spring', 'announce'] as const) {
        const a = raw[key];
        const b = partial[key];
        if (a && b && typeof a === 'object' && typeof b === 'object') merged[key] = { ...a, ...b };
      }
      const next = resolveOptions(merged as ElasticOptions);
      const wiring = (r: ResolvedOptions) => [r.host, r.content, r.indicator, r.moveTarget, r.axis, !!r.ptr, !!r.announce, ...Object.values(r.input)];
      const rewire = el && wiring(o).some((v, i) => v !== wiring(next)[i]);
      raw = merged as ElasticOptions;
      o = next;
      if (rewire) {
        const target = el!;
        engine.detach();
        engine.attach(target);
      }
      if (o.disabled && g) end(true);
    },
    refresh() {
      if (!el || !o.ptr) {
        return Promise.reject(new ElasticError('E_ELASTIC_REFRESH', `refresh() needs ${el ? 'the pullToRefresh option' : 'an attached element'}`));
      }
      if (job) return job.done;
      if (g) end(true);
      return startRefresh(0);
    },
    destroy() {
      engine.detach();
      listeners.clear();
      destroyed = true;
    },
  };
  return engine;
}

/** Attaches a new engine to `el`; returns its cleanup (detach and destroy). */
export function attachElastic(el: HTMLElement, options: ElasticOptions = {}): () => void {
  const engine = createElastic(options);
  engine.attach(el);
  return () => engine.destroy();
}
