// Public types of the elastic engine (overscroll damping + pull-to-refresh). Adapters, demos and
// tests code against these; the engine reaches the DOM only through a `Host`.
import type { Curve } from '../curve';

/** Lifecycle of the engine as seen by indicators. */
export type ElasticState =
  /** At rest, nothing held. */
  | 'idle'
  /** A finger, pen, mouse or wheel holds an overscroll at `edge`, below the refresh threshold. */
  | 'pulling'
  /** Past the refresh threshold at the refresh edge: releasing now refreshes. */
  | 'ready'
  /** `onRefresh` is running; the content is held at `holdOffset`. */
  | 'refreshing'
  /** `onRefresh` resolved; shown for `resultMs`, then springs back. */
  | 'complete'
  /** `onRefresh` rejected or timed out (`error` holds the reason); shown for `resultMs`. */
  | 'error'
  /** Released below the threshold, or the gesture was cancelled (second finger, touchcancel, blur...): springing back. */
  | 'cancelled';

/** An edge of the scroll container: 'top' and 'bottom' on the y axis, 'left' and 'right' on x. */
export type ElasticEdge = 'top' | 'bottom' | 'left' | 'right';

/** Lifecycle of load more, next to the gesture's `state` (both may run: a refresh at the top, a load at the bottom). */
export type LoadMoreState =
  /** Nothing loading; a pull past the threshold at its edge (or `nearEnd`) starts one. */
  | 'idle'
  /** `onLoadMore` is running. */
  | 'loading'
  /** `onLoadMore` resolved; shown for `resultMs`, then 'idle' (or 'done' when `hasMore` became false). */
  | 'complete'
  /** `onLoadMore` rejected or timed out (`loadMoreError` holds the reason); shown for `resultMs`. */
  | 'error'
  /** `hasMore: false`: the end of the list, nothing triggers. */
  | 'done';

/** 'y': a vertical container (top/bottom edges); 'x': horizontal (left/right); 'both': all four. */
export type ElasticAxis = 'y' | 'x' | 'both';

/** What `getSnapshot()` returns: the same object until something in it changes. */
export interface ElasticSnapshot {
  readonly state: ElasticState;
  /** The edge being overscrolled (kept while springing back), or null at rest. */
  readonly edge: ElasticEdge | null;
  /** Finger travel past the edge, px (>= 0). */
  readonly distance: number;
  /** Displayed offset after the damping curve, px (>= 0, away from the edge). */
  readonly offset: number;
  /** 0..1 towards the refresh threshold (1 = ready), 0 on edges without refresh. */
  readonly progress: number;
  /** The rejection or timeout reason while `state === 'error'`, otherwise null. */
  readonly error: unknown;
  /** Load more's own state ('idle' when the loadMore option is off). */
  readonly loadMore: LoadMoreState;
  /** The rejection or timeout reason while `loadMore === 'error'`, otherwise null. */
  readonly loadMoreError: unknown;
}

/** Built-in damping curves (see curves.ts for the formulas and where each comes from). */
export type DampingCurveName = 'article' | 'ios' | 'use-gesture' | 'antd' | 'framework7' | 'android' | 'linear';

/**
 * A damping function: finger distance past the edge (px, >= 0) to displayed offset (px), the same
 * in any container. The engine calls it as `curve(distance)`, so the code `tensile fit --emit js`
 * prints (`damping(x, max)`, `max` defaulting to the fitted one) plugs in unchanged.
 */
export interface DampingFunction {
  /** `size` (the container's size along the axis, px) is passed only when `scalesWithContainer` is true. */
  (distance: number, size: number): number;
  /**
   * True for a curve meant to scale with the container, like the iOS rubber band: it is then
   * called as `curve(distance, size)` (and checked at several sizes). `rubberBand` and
   * `androidStretch` say so; in JavaScript set `fn.scalesWithContainer = true`.
   */
  readonly scalesWithContainer?: boolean;
}

/** A damping function that scales with the container and says so. */
export type ContainerDampingFunction = DampingFunction & { readonly scalesWithContainer: true };

/** What `resolveDamping` returns and the engine calls: (finger distance, container size) -> offset, px, checked and clamped. */
export type ResolvedDamping = (distance: number, size: number) => number;

/** A built-in name, any `Curve` (fitted, neural, TF.js-backed) or a damping function. */
export type DampingCurveOption = DampingCurveName | Curve | DampingFunction;

/** What `onRefresh` and `onLoadMore` receive. */
export interface RefreshContext {
  /** Aborted on timeout, detach or destroy: pass it to fetch(). */
  readonly signal: AbortSignal;
}

/**
 * Pull to refresh (ElasticOptions.pullToRefresh): pulling past `threshold` at `edge` and releasing
 * calls `onRefresh` and holds the content at `holdOffset` until its promise settles. Times are ms,
 * distances px; a value out of range throws ElasticError `E_ELASTIC_OPTION` naming it.
 */
export interface PullToRefreshOptions {
  /** Distance that arms the refresh, px (default 120 of finger travel, about where native pulls arm). */
  threshold?: number;
  /** Whether `threshold` is finger travel or displayed offset (default 'finger': the same arm point for any curve). */
  thresholdIn?: 'finger' | 'displayed';
  /**
   * Velocity-aware trigger, px/ms of finger speed at release (default 0 = off): a release this
   * fast (towards the pull) that has reached half the threshold refreshes too.
   */
  velocity?: number;
  /** Called once per armed release or `refresh()`; the refresh ends when its promise settles. */
  onRefresh?: (context: RefreshContext) => unknown;
  /** Abort `onRefresh` after this long, ms (default 10000; 0 = never). */
  timeout?: number;
  /** Keep 'refreshing' visible at least this long, ms (default 400), so it never flashes. */
  minVisibleMs?: number;
  /** How long 'complete' / 'error' stay before springing back, ms (default 500). */
  resultMs?: number;
  /** Displayed offset held while refreshing, px (default: the threshold, as displayed). */
  holdOffset?: number;
  /** The edge that refreshes (default 'top'). */
  edge?: ElasticEdge;
}

/**
 * Load more at the end edge: its own handler with the same `{ signal }` / timeout / error contract
 * as `onRefresh`. A pull past `threshold` at `edge` arms it like a refresh (the content springs
 * back on release, while `loadMore` says 'loading'); `nearEnd` also starts it without a pull.
 */
export interface LoadMoreOptions {
  /** Called once per armed release, `nearEnd` approach or `loadMore()`; the load ends when its promise settles. */
  onLoadMore?: (context: RefreshContext) => unknown;
  /** Pull distance that arms it, px (default: pullToRefresh's default threshold). */
  threshold?: number;
  /** Whether `threshold` is finger travel or displayed offset (default: as pullToRefresh). */
  thresholdIn?: 'finger' | 'displayed';
  /** Velocity-aware trigger, px/ms, as pullToRefresh.velocity (default 0 = off). */
  velocity?: number;
  /** Also start, without a pull, when a scroll brings the end edge within this many px (default false = off). */
  nearEnd?: number | false;
  /** false: the list is complete (state 'done'), nothing triggers (default true). */
  hasMore?: boolean;
  /** Abort `onLoadMore` after this long, ms (default 10000; 0 = never). */
  timeout?: number;
  /** Keep 'loading' at least this long, ms (default 400). */
  minVisibleMs?: number;
  /** How long 'complete' / 'error' stay, ms (default 500). */
  resultMs?: number;
  /** The edge that loads more (default 'bottom'; never the refresh edge). */
  edge?: ElasticEdge;
}

/** Which inputs drive the engine (ElasticOptions.input). */
export interface ElasticInputOptions {
  /** Touch events (default true). */
  touch?: boolean;
  /** Pen pointers (default true). */
  pen?: boolean;
  /** Mouse drag (default false: opt in, desktops usually scroll with the wheel). */
  mouse?: boolean;
  /** Wheel and trackpad (default true); a release is read from the decaying delta tail. */
  wheel?: boolean;
  /** The key that refreshes while the container has focus (default 'r'; false = off). */
  keyboard?: string | false;
}

/** Release spring, in the usual physical units (mass 1). */
export interface SpringOptions {
  /** Stiffness, 1/s^2 (default 280). */
  stiffness?: number;
  /** Damping, 1/s (default 34: critically damped at 280 is 33.5). */
  damping?: number;
  /** Mass (default 1). */
  mass?: number;
  /** At rest when closer than this to the target, px (default 0.5). */
  restDelta?: number;
  /** ...and slower than this, px/s (default 10). */
  restSpeed?: number;
}

/**
 * The texts an aria-live region says for screen readers (ElasticOptions.announce); any text left out
 * keeps its English default.
 */
export interface ElasticAnnouncements {
  /** Said when a pull arms the refresh (default 'Release to refresh'). */
  ready?: string;
  /** Said when a refresh starts (default 'Refreshing'). */
  refreshing?: string;
  /** Said when it succeeded (default 'Refreshed'). */
  complete?: string;
  /** Said when it failed or timed out (default 'Refresh failed'). */
  error?: string;
  /** Said when load more starts (default 'Loading more'). */
  loadingMore?: string;
}

/**
 * Everything the elastic engine takes (createElastic, attachElastic, useDamping, v-elastic,
 * use:elastic). All optional; defaults are ELASTIC_DEFAULTS. A bad value throws ElasticError
 * `E_ELASTIC_OPTION` naming the option, the value and what was expected.
 */
export interface ElasticOptions {
  /** Scroll axis of the container (default 'y'). */
  axis?: ElasticAxis;
  /** Which edges stretch (default: all edges of `axis`). */
  edges?: Partial<Record<ElasticEdge, boolean>>;
  /**
   * Damping curve (default 'ios', the UIScrollView rubber band). A Curve or function is checked (a
   * Curve tabulated) once per object; either shows exactly its own px -> px values in any container
   * unless it says `scalesWithContainer`.
   */
  curve?: DampingCurveOption;
  /** Largest displayed offset, px (default 500, the article's `max`); also the article curve's `max`. */
  max?: number;
  /** Container size along the axis for size-relative curves (ios, use-gesture), px (default 'auto': measured at the gesture start). */
  size?: number | 'auto';
  /** Pull-to-refresh at `edge` (default off; `true` = defaults). */
  pullToRefresh?: PullToRefreshOptions | boolean;
  /** Load more at the end edge (default off; `true` = defaults). */
  loadMore?: LoadMoreOptions | boolean;
  /** Which inputs drive it: touch, pen, mouse drag, wheel, the refresh key. */
  input?: ElasticInputOptions;
  /** The spring that brings the content back on release. */
  spring?: SpringOptions;
  /** 'content': translate the content; 'indicator': translate only `indicator` so sticky/fixed children keep working (default 'content'). */
  moveTarget?: 'content' | 'indicator';
  /** The element translated in 'content' mode (default: the container's first element child). */
  content?: HTMLElement | null;
  /** The element translated in 'indicator' mode (none: only the CSS variables move). */
  indicator?: HTMLElement | null;
  /** 'auto' follows prefers-reduced-motion; true jumps instead of springing (default 'auto'). */
  reducedMotion?: 'auto' | boolean;
  /** The outside world (default: the DOM host, created on attach). */
  host?: Host;
  /** aria-live status texts (false = no live region). */
  announce?: ElasticAnnouncements | false;
  /** Ignore all input while true (default false). */
  disabled?: boolean;
}

/**
 * The framework-free engine (createElastic): bind it to a scroll container with `attach`, read its
 * state with `getSnapshot` (for indicators) and `subscribe` to changes. The framework adapters wrap
 * exactly this object.
 */
export interface ElasticEngine {
  /**
   * Binds the engine to a scroll container (moving it from any other). Throws an ElasticError with
   * code 'E_ELASTIC_TARGET' for anything but an Element with inline style (HTMLElement, SVGElement):
   * a text or comment node, a component instance, a ref object, null; and 'E_ELASTIC_ATTACHED' when
   * another engine drives the element (naming it): detach or destroy that one first.
   *
   * `document.scrollingElement` (or `document.documentElement` / `document.body`, which mean the
   * same) is the whole page: pull to refresh and load more on the document's own scroller. While
   * attached, `overscroll-behavior` is `none` on html and body, which turns off the browser's own
   * pull-to-refresh and overscroll glow; detach puts back the page's inline values. In page mode the
   * moved layer defaults to body, nearEnd listens to the document's scroll, and the refresh key is
   * off unless `input.keyboard` is given.
   */
  attach(el: HTMLElement): void;
  /**
   * Unbinds from the container: removes listeners, styles and attributes it set, and aborts a running
   * refresh's or load's signal. The engine keeps its options; `attach` may follow.
   */
  detach(): void;
  /** Calls `listener` after every snapshot change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** The current state (the same object until something in it changes, as useSyncExternalStore needs). */
  getSnapshot(): ElasticSnapshot;
  /**
   * Merges `options` over the current ones (edges, pullToRefresh, input, spring and announce key by
   * key). Cheap to call on every render: options equal to the current ones (curves, callbacks and
   * elements by identity, groups key by key) do nothing and notify nobody, and a Curve is tabulated
   * once per object, so treat a Curve as immutable and pass a new one to change it.
   */
  setOptions(options: ElasticOptions): void;
  /**
   * Runs a refresh as if pulled (no-op while one runs: returns the running one); resolves when it has
   * settled and its result was shown. Rejects with ElasticError `E_ELASTIC_REFRESH` when detached or
   * without the pullToRefresh option; otherwise never rejects (the outcome is in the snapshot).
   */
  refresh(): Promise<void>;
  /**
   * Runs `loadMore.onLoadMore` as if pulled; resolves when it has settled and its result was shown.
   * Never rejects (the outcome is in the snapshot). A no-op returning the running one while one
   * runs, and resolved at once when detached, without the loadMore option or with `hasMore: false`.
   */
  loadMore(): Promise<void>;
  /** Detaches and drops every subscriber; a later `attach` throws ElasticError `E_ELASTIC_DESTROYED`. */
  destroy(): void;
}

/** Scroll position and extent of a container, px. */
export interface ScrollMetrics {
  top: number;
  left: number;
  /** Largest `top` (scrollHeight - clientHeight), and likewise for `left`. */
  maxTop: number;
  maxLeft: number;
  /** clientWidth / clientHeight. */
  width: number;
  height: number;
}

/** What a Host listens on: an element, or the window or document (named, so a fake host needs no DOM). */
export type HostTarget = HTMLElement | 'window' | 'document';
/** An event listener the engine hands a Host (the event is the platform's own). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type HostHandler = (event: any) => void;

/** Everything the engine needs from the outside world; `createDomHost()` and `createFakeHost()` implement it. */
export interface Host {
  /** Milliseconds, monotonic. */
  now(): number;
  /** Runs `callback` before the next paint (requestAnimationFrame); returns an id for cancelFrame. */
  requestFrame(callback: () => void): number;
  /** Cancels a requestFrame callback. */
  cancelFrame(id: number): void;
  /** Runs `callback` after `ms` milliseconds (setTimeout); returns an id for clearTimer. */
  setTimer(callback: () => void, ms: number): number;
  /** Cancels a setTimer callback. */
  clearTimer(id: number): void;
  /** Adds a listener; returns its removal. */
  listen(target: HostTarget, type: string, handler: HostHandler, options?: AddEventListenerOptions): () => void;
  /** The container's scroll position and extent, px. */
  scroll(el: HTMLElement): ScrollMetrics;
  /** Scroll containers on `axis` from the event target up to (excluding) `root`, innermost first. */
  scrollChain(target: unknown, root: HTMLElement, axis: 'x' | 'y'): HTMLElement[];
  /** The container's first element child (the default content layer). */
  firstChild(el: HTMLElement): HTMLElement | null;
  /** Inline style property (e.g. 'transform', '--tensile-offset'); '' when unset. */
  getStyle(el: HTMLElement, prop: string): string;
  /** Sets an inline style property; '' removes it. */
  setStyle(el: HTMLElement, prop: string, value: string): void;
  /** An attribute's value, or null when it is absent. */
  getAttribute(el: HTMLElement, name: string): string | null;
  /** Sets an attribute; null removes it. */
  setAttribute(el: HTMLElement, name: string, value: string | null): void;
  /** True when the page is hidden (visibilitychange). */
  hidden(): boolean;
  /** True when the user asked for reduced motion (the prefers-reduced-motion media query). */
  prefersReducedMotion(): boolean;
  /** Creates a polite live region for `el`; `say('')` clears it. */
  createStatus(el: HTMLElement): {
    /** Replaces the region's text (screen readers read it out). */
    say(text: string): void;
    /** Removes the region from the document. */
    remove(): void;
  };
  /**
   * When `el` means the whole page (document.scrollingElement, html or body): the document's scroller
   * and its body; otherwise null. Optional: a host without it has no page mode.
   */
  page?(el: HTMLElement): { scroller: HTMLElement; body: HTMLElement } | null;
}
