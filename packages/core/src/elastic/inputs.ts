// The input sources: touch, pointer (mouse and pen), wheel, keyboard and the losses of focus that
// settle a gesture. Each is one function behind the same small interface: given the attachment
// (host, element, options) and the gesture driver, it adds its listeners and returns their removals.
// Sources translate DOM events into start / move / end; the state machine decides the rest.
import type { InputKind } from './gesture';
import type { ResolvedOptions } from './options';
import type { Host, HostTarget } from './types';

/** Fields read from DOM events; the fake host sends plain objects of this shape. */
export interface EngineEvent {
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

/** What a source drives: the engine's side of the gesture. */
export interface GestureDriver {
  /**
   * Starts a gesture (settling any other first). Returns the list its gesture-long listeners'
   * removals go to (run when the gesture ends), or null when the engine refused it.
   */
  start(input: InputKind, id: number, x: number, y: number, target: unknown): (() => void)[] | null;
  move(x: number, y: number, event: EngineEvent): void;
  end(cancelled: boolean): void;
  /** A container under the gesture scrolled natively (see gesture.ts, `scrolled`). */
  scrolled(): void;
  /** The input holding the gesture in progress, and its id. */
  active(): { readonly input: InputKind; readonly id: number } | null;
  /** The edge held now (null while native scrolling has the gesture). */
  holding(): boolean;
  /** Gestures wait while a refresh holds the content. */
  busy(): boolean;
  /** Container size along the primary axis, px (a wheel page). */
  pageSize(): number;
  /** The options now (setOptions may replace them without re-attaching). */
  options(): ResolvedOptions;
  /** The keyboard's refresh. */
  refresh(): void;
  /** A scroll happened: load more if the end edge is near. */
  nearEnd(): void;
  /** Sets a style until the gesture ends (user-select during a mouse drag). */
  keep(target: HTMLElement, prop: string, value: string, undo: (() => void)[]): void;
}

export interface InputAttachment {
  host: Host;
  element: HTMLElement;
  /** Where the element's scroll events arrive: the element, or the document for the page's scroller. */
  scrollTarget: HostTarget;
  driver: GestureDriver;
}

/** An input source: adds its listeners, returns their removals. */
export type InputSource = (attachment: InputAttachment) => (() => void)[];

/** While a mouse drags, text under it must not get selected (prefixed for Safari). */
const USER_SELECT = ['user-select', '-webkit-user-select'];

/**
 * Non-passive only where we may cancel (touchmove: native scroll and bounce); a second finger or a
 * new touch while one is tracked (its touchend was lost) settles the gesture first.
 */
export const touchInput: InputSource = ({ host, element, driver }) => {
  // Scrolls reported before the gesture's first move are a fling the touch just stopped, not this swipe's.
  let moved = false;
  return [
  host.listen(
    element,
    'touchstart',
    (event: EngineEvent) => {
      driver.end(true);
      const touches = event.touches!;
      if (touches.length !== 1) return;
      moved = false;
      const gestureOffs = driver.start('touch', touches[0].identifier, touches[0].clientX, touches[0].clientY, event.target);
      // Scroll events do not bubble: a capturing listener sees the element's and its descendants'.
      gestureOffs?.push(host.listen(element, 'scroll', () => moved && driver.scrolled(), { passive: true, capture: true }));
    },
    { passive: true },
  ),
  host.listen(
    element,
    'touchmove',
    (event: EngineEvent) => {
      const active = driver.active();
      if (active?.input !== 'touch') return;
      moved = true;
      const touches = event.touches!;
      if (touches.length !== 1 || touches[0].identifier !== active.id) return driver.end(true);
      driver.move(touches[0].clientX, touches[0].clientY, event);
    },
    { passive: false },
  ),
  host.listen(element, 'touchend', (event: EngineEvent) => driver.active()?.input === 'touch' && driver.end(event.touches!.length > 0), { passive: true }),
  host.listen(element, 'touchcancel', () => driver.end(true), { passive: true }),
  ];
};

/** Mouse (primary button, opt-in) and pen: the gesture's move/up/cancel are followed on window. */
export const pointerInput: InputSource = ({ host, element, driver }) => [
  host.listen(
    element,
    'pointerdown',
    (event: EngineEvent) => {
      const mouse = event.pointerType === 'mouse';
      const { input } = driver.options();
      if (!(mouse ? input.mouse && event.button === 0 : event.pointerType === 'pen' && input.pen)) return;
      driver.end(true);
      const gestureOffs = driver.start('pointer', event.pointerId!, event.clientX!, event.clientY!, event.target);
      if (!gestureOffs) return;
      const id = event.pointerId!;
      const follow = (type: string, handler: (event: EngineEvent) => void) =>
        gestureOffs.push(
          host.listen('window', 'pointer' + type, (next: EngineEvent) => next.pointerId === id && driver.active()?.input === 'pointer' && handler(next), {
            passive: type !== 'move',
          }),
        );
      follow('move', (next) => driver.move(next.clientX!, next.clientY!, next));
      follow('up', () => driver.end(false));
      follow('cancel', () => driver.end(true));
      if (mouse) for (const prop of USER_SELECT) driver.keep(element, prop, 'none', gestureOffs);
    },
    { passive: true },
  ),
];

/** Wheel: a stream is released after this many shrinking deltas below half its peak (the momentum tail). */
const WHEEL_DECAYS = 4;
/** Wheel: a pause of this many event intervals also ends a stream (mouse wheels have no tail), clamped to [MIN, MAX] ms. */
const WHEEL_GAP_INTERVALS = 4;
const WHEEL_GAP_MIN_MS = 60;
const WHEEL_GAP_MAX_MS = 300;
/** Wheel deltas in lines (deltaMode 1) are this many px; pages (deltaMode 2) are the container size. */
const WHEEL_LINE_PX = 16;

/**
 * The pause that ends a wheel stream of event interval `interval` ms. Before the pace is known
 * (one event so far) it is the longest one: a notched mouse wheel, or WebKit's sparse wheel
 * events, come 100-250 ms apart, and each notch must add to the pull, not start a new one.
 * The release timer and the new-stream check both use it: a pause that released a pull also
 * starts a new stream, so the notches after it are not ignored as the released stream's momentum.
 */
const pauseAfter = (interval: number) =>
  interval ? Math.min(WHEEL_GAP_MAX_MS, Math.max(WHEEL_GAP_MIN_MS, WHEEL_GAP_INTERVALS * interval)) : WHEEL_GAP_MAX_MS;

/**
 * Wheel and trackpad: a stream of deltas is one gesture, at coordinates that accumulate the
 * deltas. Its release is read from the stream: the shrinking tail of a trackpad's momentum, or a
 * pause (mouse wheels have no tail). Momentum after a release is ignored until deltas grow again.
 */
export const wheelInput: InputSource = ({ host, element, driver }) => {
  let lastTime = -Infinity;
  let lastMagnitude = 0;
  let peak = 0;
  let interval = 0;
  let decays = 0;
  let inTail = false;
  let releaseTimer = 0;
  let x = 0;
  let y = 0;
  const release = () => {
    host.clearTimer(releaseTimer);
    releaseTimer = 0;
    if (driver.active()?.input !== 'wheel') return;
    inTail = true;
    driver.end(false);
  };
  const off = host.listen(
    element,
    'wheel',
    (event: EngineEvent) => {
      // ctrl+wheel is pinch-zoom on trackpads.
      const active = driver.active();
      if (driver.options().disabled || event.ctrlKey || (active && active.input !== 'wheel')) return;
      const now = host.now();
      const unit = event.deltaMode === 1 ? WHEEL_LINE_PX : event.deltaMode === 2 ? driver.pageSize() : 1;
      const dx = -(event.deltaX ?? 0) * unit;
      const dy = -(event.deltaY ?? 0) * unit;
      const magnitude = Math.abs(dx) + Math.abs(dy);
      const gap = now - lastTime;
      if (gap > pauseAfter(interval)) {
        peak = interval = lastMagnitude = 0;
        inTail = false;
      } else interval = interval ? (interval * 3 + gap) / 4 : gap;
      decays = magnitude < lastMagnitude ? decays + 1 : 0;
      if (magnitude > lastMagnitude) inTail = false;
      lastMagnitude = magnitude;
      lastTime = now;
      if (inTail || driver.busy()) return;
      peak = Math.max(peak, magnitude);
      if (!active) {
        x = y = 0;
        if (!driver.start('wheel', 0, 0, 0, event.target)) return;
      }
      x += dx;
      y += dy;
      driver.move(x, y, event);
      host.clearTimer(releaseTimer);
      if (driver.holding() && decays >= WHEEL_DECAYS && magnitude < peak / 2) return release();
      releaseTimer = host.setTimer(release, pauseAfter(interval));
    },
    { passive: false },
  );
  return [off, () => host.clearTimer(releaseTimer)];
};

/** The refresh key while the container has focus, except in text fields and with modifiers. */
export const keyboardInput: InputSource = ({ host, element, driver }) => [
  host.listen(
    element,
    'keydown',
    (event: EngineEvent) => {
      const target = event.target as { tagName?: string; isContentEditable?: boolean } | null;
      const options = driver.options();
      if (!options.ptr || options.disabled || event.key !== options.input.keyboard || event.ctrlKey || event.metaKey || event.altKey) return;
      if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName ?? ''))) return;
      driver.refresh();
    },
    { passive: true },
  ),
];

/** Blur and a hidden tab settle a gesture the page took away. */
export const focusLossInput: InputSource = ({ host, driver }) => [
  host.listen('window', 'blur', () => driver.end(true), { passive: true }),
  host.listen('document', 'visibilitychange', () => host.hidden() && driver.end(true), { passive: true }),
];

/** Scrolls, for load more's `nearEnd` (passive: a scroll is never cancelled). */
export const nearEndInput: InputSource = ({ host, scrollTarget, driver }) => [host.listen(scrollTarget, 'scroll', () => driver.nearEnd(), { passive: true })];
