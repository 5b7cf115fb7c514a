// A Host with a manual clock and fake elements, for the engine's tests and for users' tests:
// frames and timers run only when `advance()` says so, and every listener is counted.
import type { Host, HostHandler, HostTarget, ScrollMetrics } from './types';

/** How FakeHost.element builds a fake element. */
export interface FakeElementInit {
  /** The fake element it sits in (events bubble to it; scroll chains walk up through it). */
  parent?: HTMLElement;
  /** Its scroll position and extent, px (default all 0: nothing to scroll). */
  scroll?: Partial<ScrollMetrics>;
  /** Whether it is a scroll container on each axis (default: neither). */
  scrollable?: { x?: boolean; y?: boolean };
  /** Its tag name, upper case as in the DOM (default 'DIV'). */
  tagName?: string;
  /** The page's scroller (as document.scrollingElement): attach(el) on it, or on its BODY child, is page mode. */
  page?: boolean;
}

/** An event FakeHost.dispatch delivers: the DOM event fields the engine reads, plus the `init` fields. */
export interface FakeEvent {
  /** The event type, e.g. 'touchmove'. */
  type: string;
  /** The fake element (or 'window' / 'document') it was dispatched at. */
  target: unknown;
  /** Whether preventDefault has an effect (default true). */
  cancelable: boolean;
  /** True once a listener called preventDefault on a cancelable event. */
  defaultPrevented: boolean;
  /** Cancels the default action, as in the DOM; counted in passiveViolations when called from a passive listener. */
  preventDefault(): void;
  /** Any other field given in `init` (touches, deltaY, pointerType...). */
  [field: string]: unknown;
}

/**
 * A Host for tests without a browser (createFakeHost): fake elements with settable scroll metrics, a
 * manual clock that runs frames and timers only on `advance`, event dispatch, and views of what the
 * engine wrote (styles, attributes, live-region text).
 */
export interface FakeHost extends Host {
  /** Moves the clock by `ms`, running due timers and one frame every `frameMs`. */
  advance(ms: number): void;
  /** Listeners currently attached. */
  listenerCount(): number;
  /** Passive listeners that called preventDefault (a browser would warn and ignore it). */
  passiveViolations: number;
  /** A new fake element, typed as HTMLElement so it can be passed to attach(). */
  element(init?: FakeElementInit): HTMLElement;
  /** Changes a fake element's scroll position or extent (px), as a scroll would. */
  setScroll(el: HTMLElement, patch: Partial<ScrollMetrics>): void;
  /** Dispatches an event at `target`, bubbling through its fake parents, then document and window. */
  dispatch(target: HostTarget, type: string, init?: Record<string, unknown>): FakeEvent;
  /** Inline styles and attributes of a fake element. */
  styles(el: HTMLElement): Record<string, string>;
  /** The attributes of a fake element (e.g. data-elastic-state). */
  attributes(el: HTMLElement): Record<string, string>;
  /** What the live regions say now ('' when silent), and how many exist. */
  statusText(): string;
  /** How many live regions exist. */
  statusCount(): number;
  /** Frame callbacks waiting for the next frame. */
  pendingFrames(): number;
  /** Timers not yet run. */
  pendingTimers(): number;
  /** What prefersReducedMotion() answers; set it to test reduced motion (default false). */
  reducedMotion: boolean;
  /** What hidden() answers; set it to test a hidden page (default false). */
  pageHidden: boolean;
}

interface FakeElement {
  /** 1, as for a DOM Element: what attach(el) checks. */
  nodeType: 1;
  parent: FakeElement | null;
  children: FakeElement[];
  style: Map<string, string>;
  attrs: Map<string, string>;
  scroll: ScrollMetrics;
  scrollable: { x: boolean; y: boolean };
  tagName: string;
  isContentEditable: boolean;
  page: boolean;
}

interface Registration {
  handler: HostHandler;
  passive: boolean;
}

/**
 * Creates a FakeHost for testing code that uses the engine without a browser: pass it as the `host`
 * option and attach to its fake elements. `frameMs` is the frame interval (default 1000/60 ms);
 * `now` the clock's start, ms (default 0).
 */
export function createFakeHost(init: { frameMs?: number; now?: number } = {}): FakeHost {
  const frameMs = init.frameMs ?? 1000 / 60;
  let time = init.now ?? 0;
  let nextFrameAt = time + frameMs;
  let ids = 0;
  const timers = new Map<number, { at: number; callback: () => void }>();
  const frames = new Map<number, () => void>();
  const registry = new Map<unknown, Map<string, Registration[]>>();
  const statuses = new Set<{ text: string }>();
  let inPassive = false;
  const fake = (el: HTMLElement) => el as unknown as FakeElement;

  const runFrame = () => {
    const due = [...frames.values()];
    frames.clear();
    for (const callback of due) callback();
  };

  const host: FakeHost = {
    now: () => time,
    requestFrame: (callback) => (frames.set(++ids, callback), ids),
    cancelFrame: (id) => void frames.delete(id),
    setTimer: (callback, ms) => (timers.set(++ids, { at: time + Math.max(0, ms), callback }), ids),
    clearTimer: (id) => void timers.delete(id),
    listen(target, type, handler, options) {
      const byType = registry.get(target) ?? new Map<string, Registration[]>();
      registry.set(target, byType);
      const list = byType.get(type) ?? [];
      byType.set(type, list);
      const reg = { handler, passive: options?.passive ?? false };
      list.push(reg);
      return () => {
        const i = list.indexOf(reg);
        if (i >= 0) list.splice(i, 1);
      };
    },
    scroll: (el) => ({ ...fake(el).scroll }),
    scrollChain(target, root, axis) {
      const chain: HTMLElement[] = [];
      let n = target as FakeElement | null;
      for (; n && n !== (root as unknown); n = n.parent) {
        if (n.scrollable?.[axis]) chain.push(n as unknown as HTMLElement);
      }
      return n ? chain : [];
    },
    firstChild: (el) => (fake(el).children[0] as unknown as HTMLElement) ?? null,
    getStyle: (el, prop) => fake(el).style.get(prop) ?? '',
    setStyle: (el, prop, value) => void (value ? fake(el).style.set(prop, value) : fake(el).style.delete(prop)),
    getAttribute: (el, name) => fake(el).attrs.get(name) ?? null,
    setAttribute: (el, name, value) => void (value === null ? fake(el).attrs.delete(name) : fake(el).attrs.set(name, value)),
    page(el) {
      const element = fake(el);
      const scroller = element.page ? element : element.tagName === 'BODY' && element.parent?.page ? element.parent : null;
      const body = scroller?.children.find((child) => child.tagName === 'BODY');
      return scroller && body ? { scroller: scroller as unknown as HTMLElement, body: body as unknown as HTMLElement } : null;
    },
    hidden: () => host.pageHidden,
    prefersReducedMotion: () => host.reducedMotion,
    createStatus() {
      const status = { text: '' };
      statuses.add(status);
      return { say: (text) => void (status.text = text), remove: () => void statuses.delete(status) };
    },

    advance(ms) {
      const end = time + ms;
      for (;;) {
        let next: { at: number; id: number } | null = null;
        for (const [id, t] of timers) if (t.at <= end && (!next || t.at < next.at)) next = { at: t.at, id };
        const frameDue = frames.size > 0 && nextFrameAt <= end;
        if (frameDue && (!next || nextFrameAt <= next.at)) {
          time = Math.max(time, nextFrameAt);
          nextFrameAt += frameMs;
          runFrame();
        } else if (next) {
          time = Math.max(time, next.at);
          const t = timers.get(next.id)!;
          timers.delete(next.id);
          t.callback();
        } else break;
      }
      time = end;
      if (nextFrameAt <= time) nextFrameAt = time + frameMs - ((time - nextFrameAt) % frameMs);
    },
    listenerCount() {
      let n = 0;
      for (const byType of registry.values()) for (const list of byType.values()) n += list.length;
      return n;
    },
    passiveViolations: 0,
    element(elementInit = {}) {
      const parent = elementInit.parent ? fake(elementInit.parent) : null;
      const el: FakeElement = {
        nodeType: 1,
        parent,
        children: [],
        style: new Map(),
        attrs: new Map(),
        scroll: { top: 0, left: 0, maxTop: 0, maxLeft: 0, width: 400, height: 800, ...elementInit.scroll },
        scrollable: { x: false, y: false, ...elementInit.scrollable },
        tagName: elementInit.tagName ?? 'DIV',
        isContentEditable: false,
        page: !!elementInit.page,
      };
      parent?.children.push(el);
      return el as unknown as HTMLElement;
    },
    setScroll(el, patch) {
      Object.assign(fake(el).scroll, patch);
    },
    dispatch(target, type, eventInit = {}) {
      const event: FakeEvent = {
        cancelable: true,
        ...eventInit,
        type,
        target,
        defaultPrevented: false,
        preventDefault() {
          if (inPassive) host.passiveViolations++;
          else if (event.cancelable) event.defaultPrevented = true;
        },
      };
      const path: unknown[] = [];
      if (typeof target === 'string') path.push(target);
      else {
        for (let n: FakeElement | null = fake(target); n; n = n.parent) path.push(n);
        path.push('document', 'window');
      }
      for (const node of path) {
        for (const reg of [...(registry.get(node)?.get(type) ?? [])]) {
          inPassive = reg.passive;
          try {
            reg.handler(event);
          } finally {
            inPassive = false;
          }
        }
      }
      return event;
    },
    styles: (el) => Object.fromEntries(fake(el).style),
    attributes: (el) => Object.fromEntries(fake(el).attrs),
    statusText: () => [...statuses].map((s) => s.text).join(''),
    statusCount: () => statuses.size,
    pendingFrames: () => frames.size,
    pendingTimers: () => timers.size,
    reducedMotion: false,
    pageHidden: false,
  };
  return host;
}
