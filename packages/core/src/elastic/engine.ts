// The elastic engine: turns touch, pointer, wheel and keyboard input at a scroll container's edges
// into a damped offset, a release spring and the pull-to-refresh state machine. It reaches the
// page only through a Host, and writes only transform, CSS variables and attributes.
import { invertDamping } from './curves';
import { ElasticError, invalidOption } from './errors';
import { createDomHost } from './host-dom';
import { resolveOptions } from './options';
import type { ResolvedOptions } from './options';
import { springAt } from './spring';
import type { ElasticEdge, ElasticEngine, ElasticOptions, ElasticSnapshot, ElasticState, Host, HostTarget } from './types';

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
/** Wheel deltas in lines (deltaMode 1) are this many px; pages (deltaMode 2) are the container size. */
const WHEEL_LINE_PX = 16;

const SIGN: Record<ElasticEdge, number> = { top: 1, left: 1, bottom: -1, right: -1 };
const AXIS_OF: Record<ElasticEdge, 'x' | 'y'> = { top: 'y', bottom: 'y', left: 'x', right: 'x' };
const REST: ElasticSnapshot = { state: 'idle', edge: null, distance: 0, offset: 0, progress: 0, error: null };
const TOUCH_ACTION = { y: 'pan-y pinch-zoom', x: 'pan-x pinch-zoom', both: 'pan-x pan-y pinch-zoom' };
const BUSY: ElasticState[] = ['refreshing', 'complete', 'error'];

interface RefreshJob {
  abort: AbortController;
  done: Promise<void>;
  resolve: () => void;
  settled: boolean;
}

// Fields read from DOM events; the fake host sends plain objects of this shape.
interface EngineEvent {
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
  let frame = 0;
  /** Container size of the last pull, px (read once per gesture, never during a drag). */
  let size = 0;
  let job: RefreshJob | null = null;
  let destroyed = false;
  const listeners = new Set<() => void>();
  const offs: (() => void)[] = [];
  const timers = new Set<number>();

  // The one gesture in progress (closure variables rather than an object: they minify).
  let kind: 0 | 'touch' | 'pointer' | 'wheel' = 0;
  let gid = 0;
  let x0 = 0;
  let y0 = 0;
  let gx = 0;
  let gy = 0;
  /** Coordinate on the locked axis at the previous move. */
  let prev = 0;
  let lock: 0 | 'x' | 'y' = 0;
  /** Locked on the other axis: the swipe belongs to the page. */
  let ignored = false;
  /** The edge held, or null while native scrolling has the gesture. */
  let edge: ElasticEdge | null = null;
  /** Coordinate where the distance past the edge is 0. */
  let origin = 0;
  /** It began at the refresh edge (refresh never arms for a list that was scrolled down). */
  let canRefresh = false;
  let chain: HTMLElement[] | null = null;
  /** Recent [time, distance, offset] triples for the release velocity. */
  let samples: number[] = [];
  let gestureOffs: (() => void)[] = [];

  // Wheel stream: last event time, |delta|, peak, mean interval, shrinking run, in the momentum tail.
  let wheelT = -Infinity;
  let wheelMag = 0;
  let wheelPeak = 0;
  let wheelInterval = 0;
  let wheelDecays = 0;
  let wheelTail = false;
  let wheelTimer = 0;

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
    const before = snap;
    let changed = false;
    for (const key in next) changed ||= !Object.is(next[key as keyof ElasticSnapshot], before[key as keyof ElasticSnapshot]);
    if (!changed) return;
    snap = { ...before, ...next };
    if (host && el) render(host, el, before);
    for (const listener of [...listeners]) listener();
  }

  // Writes only what changed; no layout reads, so a drag never forces a layout.
  function render(h: Host, root: HTMLElement, before: ElasticSnapshot) {
    const { offset, state } = snap;
    if (snap.edge !== before.edge) h.setAttribute(root, 'data-tensile-edge', snap.edge);
    if (offset !== before.offset || snap.edge !== before.edge) {
      h.setStyle(root, '--tensile-offset', `${Math.round(offset * 100) / 100}px`);
      if (layer) {
        const s = snap.edge ? SIGN[snap.edge] * offset : 0;
        const move = AXIS_OF[snap.edge ?? 'top'] === 'y' ? `translate3d(0,${s}px,0)` : `translate3d(${s}px,0,0)`;
        // At rest the original transform comes back, so sticky/fixed children are unaffected.
        h.setStyle(layer, 'transform', s ? `${layerTransform} ${move}`.trim() : layerTransform);
      }
    }
    if (snap.progress !== before.progress) h.setStyle(root, '--tensile-progress', `${Math.round(snap.progress * 1000) / 1000}`);
    if (state !== before.state) {
      h.setAttribute(root, 'data-tensile-state', state);
      h.setAttribute(root, 'aria-busy', state === 'refreshing' ? 'true' : null);
      status?.say((o.announce as Record<string, string> | null)?.[state] || '');
    }
  }

  function measure(e: ElasticEdge): number {
    if (o.size !== 'auto') return o.size;
    const m = host!.scroll(el!);
    return (AXIS_OF[e] === 'y' ? m.height : m.width) || o.max;
  }

  /** Every scroll container from the target up to the element is at edge `e`. */
  function atEdge(e: ElasticEdge, from: unknown, keep: boolean): boolean {
    const axis = AXIS_OF[e];
    const list = (keep && chain) || host!.scrollChain(from, el!, axis);
    if (keep) chain = list;
    for (const s of [...list, el!]) {
      const m = host!.scroll(s);
      const pos = axis === 'y' ? m.top : m.left;
      if (SIGN[e] > 0 ? pos > EDGE_EPSILON_PX : pos < (axis === 'y' ? m.maxTop : m.maxLeft) - EDGE_EPSILON_PX) return false;
    }
    return true;
  }

  /** Displayed offset at which the refresh arms, px. */
  function displayedThreshold(): number {
    const ptr = o.ptr!;
    return ptr.thresholdIn === 'displayed' ? ptr.threshold : o.damp(ptr.threshold, size || measure(ptr.edge));
  }

  function stopSpring() {
    if (frame) host!.cancelFrame(frame);
    frame = 0;
  }

  function toRest() {
    set(REST);
    const j = job;
    job = null;
    j?.resolve();
  }

  /** Springs the offset to `to` from release velocity `v0` (px/s); a pure function of elapsed time. */
  function spring(to: number, v0: number) {
    stopSpring();
    const from = snap.offset;
    const h = host!;
    const t0 = h.now();
    const threshold = o.ptr && snap.progress > 0 && snap.state === 'cancelled' ? displayedThreshold() : 0;
    const arrive = () => {
      frame = 0;
      set({ offset: to });
      if (to === 0 && snap.state !== 'refreshing') toRest();
    };
    const step = () => {
      const t = (h.now() - t0) / 1000;
      const p = springAt(t, from, to, v0, o.spring);
      const value = Math.min(Math.max(p.value, 0), o.max);
      if (
        (Math.abs(p.value - to) < o.spring.restDelta && Math.abs(p.velocity) < o.spring.restSpeed) ||
        (to === 0 && p.value <= 0) ||
        !(t < SPRING_LIMIT_S)
      ) return arrive();
      set(threshold ? { offset: value, progress: Math.min(1, value / threshold) } : { offset: value });
      frame = h.requestFrame(step);
    };
    if (o.reducedMotion === 'auto' ? h.prefersReducedMotion() : o.reducedMotion) arrive();
    else frame = h.requestFrame(step);
  }

  function begin(k: typeof kind, id: number, x: number, y: number, target: unknown) {
    if (o.disabled || !el || busy()) return;
    kind = k;
    gid = id;
    x0 = gx = x;
    y0 = gy = y;
    lock = 0;
    ignored = false;
    edge = null;
    chain = null;
    samples = [];
    gestureOffs = [];
    if (frame && snap.edge) {
      // Grab the spring mid-flight: continue from the offset on screen.
      stopSpring();
      edge = snap.edge;
      lock = AXIS_OF[edge];
      size = measure(edge);
      canRefresh = !!o.ptr && edge === o.ptr.edge && snap.state === 'cancelled';
      const d = invertDamping(o.damp, snap.offset, size);
      prev = lock === 'y' ? y : x;
      origin = prev - SIGN[edge] * d;
      pull(d);
    } else canRefresh = !!o.ptr && atEdge(o.ptr.edge, target, false);
  }

  function move(x: number, y: number, e: EngineEvent) {
    gx = x;
    gy = y;
    if (ignored) return;
    if (!lock) {
      const dx = x - x0;
      const dy = y - y0;
      if (Math.max(Math.abs(dx), Math.abs(dy)) < LOCK_PX) return;
      lock = Math.abs(dy) >= Math.abs(dx) ? 'y' : 'x';
      prev = lock === 'y' ? y0 : x0;
      // A horizontal swipe in a vertical list (or the reverse) belongs to the page, not to us.
      if (o.axis !== 'both' && lock !== o.axis) return void (ignored = true);
    }
    const c = lock === 'y' ? y : x;
    if (!edge) {
      const delta = c - prev;
      const e2: ElasticEdge | null = delta > 0 ? (lock === 'y' ? 'top' : 'left') : delta < 0 ? (lock === 'y' ? 'bottom' : 'right') : null;
      if (e2 && o.edges[e2] && atEdge(e2, e.target, true)) {
        edge = e2;
        origin = prev;
        size = measure(e2);
      }
    }
    prev = c;
    if (!edge) return;
    const d = (c - origin) * SIGN[edge];
    if (d <= 0) {
      // Back inside: native scrolling takes over again.
      edge = null;
      samples = [];
      return set(REST);
    }
    // Only while we hold an overscroll, and only when the browser lets us (never on passive events).
    if (e.cancelable) e.preventDefault();
    pull(d);
  }

  function pull(d: number) {
    const offset = o.damp(d, size);
    const ptr = o.ptr;
    const progress = ptr && canRefresh && edge === ptr.edge ? Math.min(1, (ptr.thresholdIn === 'finger' ? d : offset) / ptr.threshold) : 0;
    samples.push(host!.now(), d, offset);
    if (samples.length > 24) samples.splice(0, 3);
    set({ state: progress >= 1 ? 'ready' : 'pulling', edge, distance: d, offset, progress, error: null });
  }

  /** Ends the gesture: a release (may refresh) or a cancellation (never refreshes); both spring back. */
  function end(cancelled: boolean) {
    if (!kind) return;
    kind = 0;
    for (const off of gestureOffs) off();
    if (!edge || busy()) return;
    // Release velocity from the moves of the last VELOCITY_WINDOW_MS (0 if the finger rested).
    const s = samples;
    let finger = 0;
    let shown = 0;
    let i = s.length - 3;
    const n = i;
    if (n >= 0 && host!.now() - s[n] <= VELOCITY_WINDOW_MS) {
      while (i >= 3 && s[n] - s[i - 3] <= VELOCITY_WINDOW_MS) i -= 3;
      const dt = s[n] - s[i];
      if (dt > 0) {
        finger = (s[n + 1] - s[i + 1]) / dt;
        shown = ((s[n + 2] - s[i + 2]) / dt) * 1000;
      }
    }
    const ptr = o.ptr;
    if (!cancelled && ptr && (snap.state === 'ready' || (ptr.velocity > 0 && canRefresh && edge === ptr.edge && finger >= ptr.velocity && snap.progress >= 0.5))) {
      return void startRefresh(shown);
    }
    set({ state: 'cancelled', distance: 0 });
    spring(0, shown);
  }

  function startRefresh(v0: number): Promise<void> {
    const ptr = o.ptr!;
    let resolve!: () => void;
    const done = new Promise<void>((r) => (resolve = r));
    const j: RefreshJob = { abort: new AbortController(), done, resolve, settled: false };
    job = j;
    const h = host!;
    const started = h.now();
    set({ state: 'refreshing', edge: ptr.edge, distance: 0, progress: 1, error: null });
    spring(Math.min(o.max, ptr.holdOffset ?? displayedThreshold()), v0);
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

  function onTouchStart(e: EngineEvent) {
    // A second finger, or a new touch while one is tracked (its touchend was lost): settle first.
    end(true);
    const t = e.touches!;
    if (t.length === 1) begin('touch', t[0].identifier, t[0].clientX, t[0].clientY, e.target);
  }

  function onTouchMove(e: EngineEvent) {
    if (kind !== 'touch') return;
    const t = e.touches!;
    if (t.length !== 1 || t[0].identifier !== gid) return end(true);
    move(t[0].clientX, t[0].clientY, e);
  }

  function onPointerDown(e: EngineEvent) {
    const type = e.pointerType;
    if (!(type === 'mouse' ? o.input.mouse && e.button === 0 : type === 'pen' && o.input.pen)) return;
    end(true);
    begin('pointer', e.pointerId!, e.clientX!, e.clientY!, e.target);
    if (!kind) return;
    const id = gid;
    const mine = (handler: (e: EngineEvent) => void) => (ev: EngineEvent) => {
      if (ev.pointerId === id && kind === 'pointer') handler(ev);
    };
    gestureOffs.push(
      host!.listen('window', 'pointermove', mine((ev) => move(ev.clientX!, ev.clientY!, ev)), { passive: false }),
      host!.listen('window', 'pointerup', mine(() => end(false)), { passive: true }),
      host!.listen('window', 'pointercancel', mine(() => end(true)), { passive: true }),
    );
  }

  function wheelRelease() {
    cancelTimer(wheelTimer);
    if (kind !== 'wheel') return;
    wheelTail = true;
    end(false);
  }

  function onWheel(e: EngineEvent) {
    // ctrl+wheel is pinch-zoom on trackpads.
    if (o.disabled || e.ctrlKey || (kind && kind !== 'wheel')) return;
    const now = host!.now();
    const unit = e.deltaMode === 1 ? WHEEL_LINE_PX : e.deltaMode === 2 ? measure(o.axis === 'x' ? 'left' : 'top') : 1;
    const dx = -(e.deltaX ?? 0) * unit;
    const dy = -(e.deltaY ?? 0) * unit;
    const mag = Math.abs(dx) + Math.abs(dy);
    const gap = now - wheelT;
    if (gap > Math.max(WHEEL_GAP_MIN_MS, WHEEL_GAP_INTERVALS * wheelInterval)) {
      wheelPeak = wheelInterval = wheelMag = 0;
      wheelTail = false;
    } else wheelInterval = wheelInterval ? (wheelInterval * 3 + gap) / 4 : gap;
    wheelDecays = mag < wheelMag ? wheelDecays + 1 : 0;
    // Momentum after a release: ignored until the deltas grow again (a new swipe).
    if (mag > wheelMag) wheelTail = false;
    wheelMag = mag;
    wheelT = now;
    if (wheelTail || busy()) return;
    wheelPeak = Math.max(wheelPeak, mag);
    if (!kind) begin('wheel', 0, 0, 0, e.target);
    if (!kind) return;
    move(gx + dx, gy + dy, e);
    cancelTimer(wheelTimer);
    if (edge && wheelDecays >= WHEEL_DECAYS && mag < wheelPeak / 2) return wheelRelease();
    wheelTimer = later(wheelRelease, Math.min(WHEEL_GAP_MAX_MS, Math.max(WHEEL_GAP_MIN_MS, WHEEL_GAP_INTERVALS * wheelInterval)));
  }

  function onKey(e: EngineEvent) {
    const t = e.target as { tagName?: string; isContentEditable?: boolean } | null;
    if (!o.ptr || o.disabled || e.key !== o.input.keyboard || e.ctrlKey || e.metaKey || e.altKey) return;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName ?? ''))) return;
    void engine.refresh();
  }

  // ---- lifecycle ----

  /** Sets a style (or attribute) while attached; detach restores what was there. */
  function keep(target: HTMLElement, prop: string, value: string | null, attribute = false) {
    const h = host!;
    const before = attribute ? h.getAttribute(target, prop) : h.getStyle(target, prop);
    const write = (v: string | null) => (attribute ? h.setAttribute(target, prop, v) : h.setStyle(target, prop, v ?? ''));
    write(value);
    offs.push(() => write(before));
  }

  const engine: ElasticEngine = {
    attach(target) {
      if (destroyed) throw new ElasticError('E_ELASTIC_DESTROYED', 'attach(el) on a destroyed engine: create a new one with createElastic()');
      if (typeof target !== 'object' || target === null) invalidOption('attach(el)', target, 'an HTMLElement');
      if (target === el) return;
      engine.detach();
      const h = (host = o.host ?? createDomHost());
      el = target;
      layer = (o.moveTarget === 'content' ? (o.content ?? h.firstChild(target)) : o.indicator) ?? null;
      layerTransform = layer ? h.getStyle(layer, 'transform') : '';
      if (layer) keep(layer, 'transform', layerTransform);
      const on = (t: HostTarget, type: string, handler: (e: EngineEvent) => void, passive = true) => offs.push(h.listen(t, type, handler, { passive }));
      keep(target, 'touch-action', TOUCH_ACTION[o.axis]);
      if (o.axis !== 'x') keep(target, 'overscroll-behavior-y', 'none');
      if (o.axis !== 'y') keep(target, 'overscroll-behavior-x', 'none');
      keep(target, '--tensile-offset', '0px');
      keep(target, '--tensile-progress', '0');
      keep(target, 'data-tensile-state', 'idle', true);
      keep(target, 'data-tensile-edge', null, true);
      keep(target, 'aria-busy', null, true);
      if (o.ptr && o.input.keyboard) keep(target, 'aria-keyshortcuts', o.input.keyboard, true);
      if (o.input.touch) {
        on(target, 'touchstart', onTouchStart);
        // Non-passive only here: it is the one event we may need to cancel (native scroll and bounce).
        on(target, 'touchmove', onTouchMove, false);
        on(target, 'touchend', (e) => kind === 'touch' && end(e.touches!.length > 0));
        on(target, 'touchcancel', () => end(true));
      }
      if (o.input.mouse || o.input.pen) on(target, 'pointerdown', onPointerDown);
      if (o.input.wheel) on(target, 'wheel', onWheel, false);
      if (o.input.keyboard) on(target, 'keydown', onKey);
      // Settles a gesture the page took away (window blur, hidden tab): never refreshes.
      on('window', 'blur', () => end(true));
      on('document', 'visibilitychange', () => h.hidden() && end(true));
      if (o.announce) {
        const s = (status = h.createStatus(target));
        offs.push(() => s.remove());
      }
    },
    detach() {
      if (!el) return;
      for (const off of gestureOffs) off();
      kind = 0;
      stopSpring();
      for (const id of timers) host!.clearTimer(id);
      timers.clear();
      if (job) {
        job.abort.abort(new ElasticError('E_ELASTIC_DETACHED', 'the elastic engine was detached while refreshing'));
        job.settled = true;
      }
      toRest();
      for (const off of offs.splice(0).reverse()) off();
      el = layer = status = host = null;
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
      if (o.disabled) end(true);
    },
    refresh() {
      if (!el || !o.ptr) {
        return Promise.reject(new ElasticError('E_ELASTIC_REFRESH', `refresh() needs ${el ? 'the pullToRefresh option' : 'an attached element'}`));
      }
      if (job) return job.done;
      end(true);
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
