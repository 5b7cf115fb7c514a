// The elastic engine: turns touch, pointer, wheel and keyboard input at a scroll container's edges
// into a damped offset, a release spring and the pull-to-refresh state machine. It reaches the
// page only through a Host, and writes only transform, CSS variables and attributes.
// Written for size (the entry's budget is 4 kB min+gzip): state lives in closure variables, which
// minify, never in object properties, which do not.
import { invertDamping } from './curves';
import { ElasticError, invalidOption } from './errors';
import { createDomHost } from './host-dom';
import { ELASTIC_DEFAULTS, isObject, resolveOptions } from './options';
import type { ResolvedOptions } from './options';
import { springAt } from './spring';
import type { ElasticEdge, ElasticEngine, ElasticOptions, ElasticSnapshot, Host, HostTarget } from './types';

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

const REST: ElasticSnapshot = { state: 'idle', edge: null, distance: 0, offset: 0, progress: 0, error: null };
const OFFSET = '--tensile-offset';
const PROGRESS = '--tensile-progress';
const STATE = 'data-tensile-state';
const EDGE = 'data-tensile-edge';
const BUSY = 'aria-busy';
const OVERSCROLL = 'overscroll-behavior-';
/** While a mouse drags, text under it must not get selected (prefixed for Safari). */
const USER_SELECT = ['user-select', '-webkit-user-select'];

type Options = Record<string, unknown>;

/**
 * `partial` over `raw` (groups merged key by key, and copied: a caller's object edited in place is
 * still a change next time), or false when it changes nothing, so a re-render passing equal options
 * costs a few comparisons and never re-resolves a curve. Exported for tests only.
 */
export function mergeOptions(raw: Options, partial: Options): Options | false {
  const out = { ...raw };
  let changed = false;
  for (const key in partial) {
    // A group in `raw` is an object, true (pullToRefresh's defaults, like {}), false or undefined.
    const a = raw[key] as Options | undefined;
    let b = partial[key];
    // Groups (an object default: edges, pullToRefresh, input...) merge key by key; every other
    // option is replaced, and curves, callbacks and elements compare by identity.
    if (typeof (ELASTIC_DEFAULTS as Options)[key] === 'object' && isObject(b)) {
      changed ||= !a;
      for (const k in b) changed ||= a?.[k] !== b[k];
      b = { ...a, ...b };
    } else changed ||= a !== b;
    out[key] = b;
  }
  return changed && out;
}

const isY = (e: ElasticEdge) => e === 'top' || e === 'bottom';
/** +1 where the offset grows with the coordinate (top, left), -1 at bottom and right. */
const sign = (e: ElasticEdge) => (e === 'top' || e === 'left' ? 1 : -1);

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
  let o: ResolvedOptions = resolveOptions(options);
  let raw = mergeOptions({}, options as Record<string, unknown>) || {};
  let host: Host | null = null;
  let el: HTMLElement | null = null;
  let layer: HTMLElement | null = null;
  let layerTransform = '';
  let status: ReturnType<Host['createStatus']> | null = null;
  let snap = REST;
  let frame = 0;
  /** Container size of the last pull, px (read once per gesture, never during a drag). */
  let size = 0;
  let destroyed = false;
  // The running refresh: its AbortController (null when none), its promise and that promise's resolve.
  let job: AbortController | null = null;
  let jobDone: Promise<void>;
  let jobEnd = () => {};
  const listeners = new Set<() => void>();
  const offs: (() => void)[] = [];
  const timers = new Set<number>();

  // The one gesture in progress.
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
  /** The axis `chain` was walked for. */
  let chainAxis: 'x' | 'y' = 'y';
  /** Recent [time, distance, offset] triples for the release velocity. */
  let samples: number[] = [];
  let gestureOffs: (() => void)[] = [];
  /**
   * Undoes `will-change: transform` on the layer: set when a touch or pointer gesture starts at the
   * refresh edge, so the first pulling move does not also create and paint a composited layer for
   * the content (the slowest frame of a drag in Chromium traces), and undone at rest.
   */
  const promoted: (() => void)[] = [];
  const demote = () => {
    for (const off of promoted.splice(0)) off();
  };

  // Wheel stream: last event time, |delta|, peak, mean interval, shrinking run, in the momentum tail.
  let wheelT = -Infinity;
  let wheelMag = 0;
  let wheelPeak = 0;
  let wheelInterval = 0;
  let wheelDecays = 0;
  let wheelTail = false;
  let wheelTimer = 0;

  const busy = () => /^(refreshing|complete|error)$/.test(snap.state);
  const ptrHere = () => !!o.ptr && canRefresh && edge === o.ptr.edge;

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
    const s = (snap = { ...before, ...next });
    const h = host;
    // Writes only what changed; no layout reads, so a drag never forces a layout.
    if (h && el) {
      const moved = s.edge !== before.edge;
      if (moved) h.setAttribute(el, EDGE, s.edge);
      if (moved || s.offset !== before.offset) {
        h.setStyle(el, OFFSET, `${Math.round(s.offset * 100) / 100}px`);
        if (layer) {
          const d = s.edge ? sign(s.edge) * s.offset : 0;
          // At rest the original transform comes back, so sticky/fixed children are unaffected.
          h.setStyle(layer, 'transform', d ? `${layerTransform} translate3d(${isY(s.edge!) ? `0,${d}px` : `${d}px,0`},0)`.trim() : layerTransform);
        }
      }
      if (s.progress !== before.progress) h.setStyle(el, PROGRESS, `${Math.round(s.progress * 1000) / 1000}`);
      if (s.state !== before.state) {
        h.setAttribute(el, STATE, s.state);
        h.setAttribute(el, BUSY, s.state === 'refreshing' ? 'true' : null);
        status?.say((o.announce as Record<string, string> | null)?.[s.state] || '');
      }
    }
    for (const listener of [...listeners]) listener();
  }

  function measure(e: ElasticEdge): number {
    if (o.size !== 'auto') return o.size;
    const m = host!.scroll(el!);
    return (isY(e) ? m.height : m.width) || o.max;
  }

  /**
   * Every scroll container from the target up to the element is at edge `e`. With `keep` the chain
   * is walked once per gesture and axis (touchstart walks it for the refresh edge, so the first
   * pulling move, the tightest frame of a drag, only reads positions); positions are always read.
   */
  function atEdge(e: ElasticEdge, from: unknown, keep?: boolean): boolean {
    const y = isY(e);
    const axis = y ? 'y' : 'x';
    const list = (keep && chainAxis === axis && chain) || host!.scrollChain(from, el!, axis);
    if (keep) {
      chain = list;
      chainAxis = axis;
    }
    return [...list, el!].every((s) => {
      const m = host!.scroll(s);
      const pos = y ? m.top : m.left;
      return sign(e) > 0 ? pos <= EDGE_EPSILON_PX : pos >= (y ? m.maxTop : m.maxLeft) - EDGE_EPSILON_PX;
    });
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
    demote();
    job = null;
    jobEnd();
  }

  /** Springs the offset to `to` from release velocity `v0` (px/s); a pure function of elapsed time. */
  function spring(to: number, v0: number) {
    stopSpring();
    const from = snap.offset;
    const h = host!;
    const t0 = h.now();
    const { restDelta, restSpeed } = o.spring;
    const threshold = o.ptr && snap.progress > 0 && snap.state === 'cancelled' ? displayedThreshold() : 0;
    const step = (reduced?: unknown) => {
      const t = (h.now() - t0) / 1000;
      const p = springAt(t, from, to, v0, o.spring);
      const value = Math.min(Math.max(p.value, 0), o.max);
      frame = 0;
      if (reduced || (Math.abs(p.value - to) < restDelta && Math.abs(p.velocity) < restSpeed) || (to === 0 && p.value <= 0) || !(t < SPRING_LIMIT_S)) {
        set({ offset: to });
        if (to === 0 && snap.state !== 'refreshing') toRest();
      } else {
        set(threshold ? { offset: value, progress: Math.min(1, value / threshold) } : { offset: value });
        frame = h.requestFrame(next);
      }
    };
    // A host may pass a timestamp to frame callbacks: `step` gets no argument from frames.
    const next = () => step();
    if (o.reducedMotion === 'auto' ? h.prefersReducedMotion() : o.reducedMotion) step(1);
    else frame = h.requestFrame(next);
  }

  function begin(k: typeof kind, id: number, x: number, y: number, target: unknown) {
    if (o.disabled || !el || busy()) return;
    kind = k;
    gid = id;
    x0 = gx = x;
    y0 = gy = y;
    lock = 0;
    ignored = false;
    edge = chain = null;
    samples = [];
    gestureOffs = [];
    canRefresh = !!o.ptr;
    if (frame && snap.edge) {
      // Grab the spring mid-flight: continue from the offset on screen.
      stopSpring();
      edge = snap.edge;
      lock = isY(edge) ? 'y' : 'x';
      size = measure(edge);
      canRefresh &&= snap.state === 'cancelled';
      const d = invertDamping(o.damp, snap.offset, size);
      prev = lock === 'y' ? y : x;
      origin = prev - sign(edge) * d;
      pull(d);
    } else canRefresh &&= atEdge(o.ptr!.edge, target, true);
    // Not for the wheel: its streams start mid-list all the time, and toggling a layer costs paint.
    if (canRefresh && layer && k !== 'wheel' && !promoted.length) keep(layer, 'will-change', 'transform', promoted);
  }

  function move(x: number, y: number, e: EngineEvent) {
    gx = x;
    gy = y;
    if (ignored) return;
    if (!lock) {
      const dx = Math.abs(x - x0);
      const dy = Math.abs(y - y0);
      if (Math.max(dx, dy) < LOCK_PX) return;
      lock = dy >= dx ? 'y' : 'x';
      prev = lock === 'y' ? y0 : x0;
      // A horizontal swipe in a vertical list (or the reverse) belongs to the page, not to us.
      if (o.axis !== 'both' && lock !== o.axis) return void (ignored = true);
    }
    const c = lock === 'y' ? y : x;
    if (!edge && c !== prev) {
      const e2: ElasticEdge = c > prev ? (lock === 'y' ? 'top' : 'left') : lock === 'y' ? 'bottom' : 'right';
      if (o.edges[e2] && atEdge(e2, e.target, true)) {
        edge = e2;
        origin = prev;
        size = measure(e2);
      }
    }
    prev = c;
    if (!edge) return;
    const d = (c - origin) * sign(edge);
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
    const ptr = o.ptr!;
    const progress = ptrHere() ? Math.min(1, (ptr.thresholdIn === 'finger' ? d : offset) / ptr.threshold) : 0;
    samples.push(host!.now(), d, offset);
    if (samples.length > 24) samples.splice(0, 3);
    set({ state: progress >= 1 ? 'ready' : 'pulling', edge, distance: d, offset, progress, error: null });
  }

  /** Ends the gesture: a release (may refresh) or a cancellation (never refreshes); both spring back. */
  function end(cancelled?: unknown) {
    if (!kind) return;
    kind = 0;
    for (const off of gestureOffs.splice(0)) off();
    // Nothing held: the engine is at rest (begin refuses gestures while a refresh runs).
    if (!edge) return demote();
    if (busy()) return;
    // Release velocity from the moves of the last VELOCITY_WINDOW_MS (0 if the finger rested).
    const s = samples;
    let finger = 0;
    let shown = 0;
    const n = s.length - 3;
    let i = n;
    if (n >= 0 && host!.now() - s[n] <= VELOCITY_WINDOW_MS) {
      while (i >= 3 && s[n] - s[i - 3] <= VELOCITY_WINDOW_MS) i -= 3;
      const dt = s[n] - s[i];
      if (dt > 0) {
        finger = (s[n + 1] - s[i + 1]) / dt;
        shown = ((s[n + 2] - s[i + 2]) / dt) * 1000;
      }
    }
    const ptr = o.ptr;
    if (!cancelled && ptr && (snap.state === 'ready' || (ptr.velocity > 0 && ptrHere() && finger >= ptr.velocity && snap.progress >= 0.5))) {
      return void startRefresh(shown);
    }
    set({ state: 'cancelled', distance: 0 });
    spring(0, shown);
  }

  function startRefresh(v0: number): Promise<void> {
    const ptr = o.ptr!;
    const abort = (job = new AbortController());
    const done = (jobDone = new Promise<void>((r) => (jobEnd = r)));
    const h = host!;
    const started = h.now();
    let settled = false;
    set({ state: 'refreshing', edge: ptr.edge, distance: 0, progress: 1, error: null });
    spring(Math.min(o.max, ptr.holdOffset ?? displayedThreshold()), v0);
    let timeout = 0;
    const finish = (error: unknown, failed?: unknown) => {
      if (job !== abort || settled) return;
      settled = true;
      cancelTimer(timeout);
      later(() => {
        set({ state: failed ? 'error' : 'complete', error: failed ? error : null });
        later(() => spring(0, 0), ptr.resultMs);
      }, Math.max(0, started + ptr.minVisibleMs - h.now()));
    };
    if (ptr.timeout) {
      timeout = later(() => {
        const reason = new ElasticError('E_ELASTIC_TIMEOUT', `onRefresh did not settle within pullToRefresh.timeout = ${ptr.timeout} ms`, { where: 'pullToRefresh.timeout', value: ptr.timeout });
        abort.abort(reason);
        finish(reason, 1);
      }, ptr.timeout);
    }
    new Promise((r) => r(ptr.onRefresh?.({ signal: abort.signal }))).then(
      () => finish(null),
      (error) => finish(error, 1),
    );
    return done;
  }

  // ---- input ----

  function onTouchStart(e: EngineEvent) {
    // A second finger, or a new touch while one is tracked (its touchend was lost): settle first.
    end(1);
    const t = e.touches!;
    if (t.length === 1) begin('touch', t[0].identifier, t[0].clientX, t[0].clientY, e.target);
  }

  function onTouchMove(e: EngineEvent) {
    if (kind !== 'touch') return;
    const t = e.touches!;
    if (t.length !== 1 || t[0].identifier !== gid) return end(1);
    move(t[0].clientX, t[0].clientY, e);
  }

  function onPointerDown(e: EngineEvent) {
    const mouse = e.pointerType === 'mouse';
    if (!(mouse ? o.input.mouse && e.button === 0 : e.pointerType === 'pen' && o.input.pen)) return;
    end(1);
    begin('pointer', e.pointerId!, e.clientX!, e.clientY!, e.target);
    if (!kind) return;
    const id = gid;
    const h = host!;
    const on = (type: string, handler: (e: EngineEvent) => void) =>
      gestureOffs.push(h.listen('window', 'pointer' + type, (ev: EngineEvent) => ev.pointerId === id && kind === 'pointer' && handler(ev), { passive: type !== 'move' }));
    on('move', (ev) => move(ev.clientX!, ev.clientY!, ev));
    on('up', () => end());
    on('cancel', () => end(1));
    if (mouse) for (const prop of USER_SELECT) keep(el!, prop, 'none', gestureOffs);
  }

  function wheelRelease() {
    cancelTimer(wheelTimer);
    if (kind !== 'wheel') return;
    wheelTail = true;
    end();
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
    const pause = Math.max(WHEEL_GAP_MIN_MS, WHEEL_GAP_INTERVALS * wheelInterval);
    if (gap > pause) {
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

  /** Sets a style (or, for data-/aria- names, an attribute); `undo` gets the restore of what was there. */
  function keep(target: HTMLElement, prop: string, value: string | null, undo = offs) {
    const h = host!;
    const attribute = /^(data|aria)-/.test(prop);
    const write = (v: string | null) => (attribute ? h.setAttribute(target, prop, v) : h.setStyle(target, prop, v ?? ''));
    const before = attribute ? h.getAttribute(target, prop) : h.getStyle(target, prop);
    write(value);
    undo.push(() => write(before));
  }

  const engine: ElasticEngine = {
    attach(target) {
      if (destroyed) throw new ElasticError('E_ELASTIC_DESTROYED', 'attach(el) on a destroyed engine: create a new one with createElastic()');
      // A text or comment node, a component instance or a ref object would fail deep in the host.
      if ((target as Node | null)?.nodeType !== 1 || !target.style) invalidOption('attach(el)', target, 'an Element', 'E_ELASTIC_TARGET');
      if (target === el) return;
      engine.detach();
      const h = (host = o.host ?? createDomHost());
      const { axis, input } = o;
      el = target;
      layer = (o.moveTarget === 'content' ? (o.content ?? h.firstChild(target)) : o.indicator) ?? null;
      layerTransform = layer ? h.getStyle(layer, 'transform') : '';
      if (layer) keep(layer, 'transform', layerTransform);
      keep(target, 'touch-action', `${axis === 'y' ? '' : 'pan-x '}${axis === 'x' ? '' : 'pan-y '}pinch-zoom`);
      if (axis !== 'x') keep(target, OVERSCROLL + 'y', 'none');
      if (axis !== 'y') keep(target, OVERSCROLL + 'x', 'none');
      keep(target, OFFSET, '0px');
      keep(target, PROGRESS, '0');
      keep(target, STATE, 'idle');
      keep(target, EDGE, null);
      keep(target, BUSY, null);
      if (o.ptr && input.keyboard) keep(target, 'aria-keyshortcuts', input.keyboard);
      // [when, target, event, handler, passive]: non-passive only where we may cancel (touchmove: native
      // scroll and bounce; wheel). Blur and a hidden tab settle a gesture the page took away.
      const wiring: [unknown, HostTarget, string, (e: EngineEvent) => unknown, boolean?][] = [
        [input.touch, target, 'touchstart', onTouchStart, true],
        [input.touch, target, 'touchmove', onTouchMove],
        [input.touch, target, 'touchend', (e) => kind === 'touch' && end(e.touches!.length > 0), true],
        [input.touch, target, 'touchcancel', () => end(1), true],
        [input.mouse || input.pen, target, 'pointerdown', onPointerDown, true],
        [input.wheel, target, 'wheel', onWheel],
        [input.keyboard, target, 'keydown', onKey, true],
        [1, 'window', 'blur', () => end(1), true],
        [1, 'document', 'visibilitychange', () => h.hidden() && end(1), true],
      ];
      for (const [when, t, type, handler, passive] of wiring) if (when) offs.push(h.listen(t, type, handler, { passive: !!passive }));
      if (o.announce) {
        const s = (status = h.createStatus(target));
        offs.push(() => s.remove());
      }
    },
    detach() {
      if (!el) return;
      for (const off of gestureOffs.splice(0)) off();
      kind = 0;
      stopSpring();
      for (const id of timers) host!.clearTimer(id);
      timers.clear();
      job?.abort(new ElasticError('E_ELASTIC_DETACHED', 'the elastic engine was detached while refreshing'));
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
      if (!isObject(partial)) invalidOption('setOptions(options)', partial, 'an options object');
      const merged = mergeOptions(raw, partial as Record<string, unknown>);
      // Nothing changed: no resolution, no re-wiring, no notification.
      if (!merged) return;
      const next = resolveOptions(merged);
      const wiring = (r: ResolvedOptions) => [r.host, r.content, r.indicator, r.moveTarget, r.axis, !r.ptr, !r.announce, ...Object.values(r.input)];
      const before = wiring(o);
      const target = el;
      raw = merged;
      o = next;
      if (target && wiring(o).some((v, i) => v !== before[i])) {
        engine.detach();
        engine.attach(target);
      }
      if (o.disabled) end(1);
    },
    refresh() {
      if (!el || !o.ptr) {
        return Promise.reject(new ElasticError('E_ELASTIC_REFRESH', `refresh() needs ${el ? 'the pullToRefresh option' : 'an attached element'}`));
      }
      if (job) return jobDone;
      end(1);
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
