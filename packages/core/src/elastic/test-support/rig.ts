// A test rig: a fake host, a vertical scroll container with one content child, an engine attached
// to it, and helpers that speak touch, pointer, wheel and keyboard through the fake host.
import { createElastic } from '../engine';
import { createFakeHost } from '../host-fake';
import type { FakeElementInit } from '../host-fake';
import type { ElasticOptions, ElasticState } from '../types';

/** Time between synthetic move events, ms (a 60 Hz touch screen). */
export const MOVE_MS = 16;

/**
 * The mechanics tests' figures are worked out on the article curve with a 60 px threshold on the
 * displayed offset (the defaults before the native ones): the rig keeps them unless a test says
 * otherwise. Tests of the defaults themselves call createElastic directly.
 */
export function withArticlePull(options: ElasticOptions): ElasticOptions {
  const pull = options.pullToRefresh;
  return {
    curve: 'article',
    ...options,
    ...(pull ? { pullToRefresh: { threshold: 60, thresholdIn: 'displayed', ...(pull === true ? {} : pull) } } : {}),
  };
}

export function rig(options: ElasticOptions = {}, container: FakeElementInit = {}) {
  const host = createFakeHost();
  const root = host.element({ scrollable: { y: true }, scroll: { maxTop: 2000, height: 800, width: 400 }, ...container });
  const content = host.element({ parent: root });
  const engine = createElastic({ host, ...withArticlePull(options) });
  engine.attach(root);
  const states: ElasticState[] = ['idle'];
  engine.subscribe(() => {
    const s = engine.getSnapshot().state;
    if (states[states.length - 1] !== s) states.push(s);
  });
  const list = (points: [number, number, number][]) => points.map(([identifier, clientX, clientY]) => ({ identifier, clientX, clientY }));
  let fingers: [number, number, number][] = [];

  const touch = {
    start(x: number, y: number, target: HTMLElement = content, id = 0) {
      fingers = [...fingers.filter((f) => f[0] !== id), [id, x, y]];
      return host.dispatch(target, 'touchstart', { touches: list(fingers), cancelable: true });
    },
    move(x: number, y: number, target: HTMLElement = content, id = 0, cancelable = true) {
      fingers = fingers.map((f) => (f[0] === id ? [id, x, y] : f));
      host.advance(MOVE_MS);
      return host.dispatch(target, 'touchmove', { touches: list(fingers), cancelable });
    },
    end(target: HTMLElement = content, id = 0) {
      fingers = fingers.filter((f) => f[0] !== id);
      return host.dispatch(target, 'touchend', { touches: list(fingers), cancelable: true });
    },
    cancel(target: HTMLElement = content) {
      fingers = [];
      return host.dispatch(target, 'touchcancel', { touches: [], cancelable: false });
    },
    /** Drags from y0 to y1 in `steps` moves at MOVE_MS (x fixed). */
    dragY(y0: number, y1: number, steps = 20, target: HTMLElement = content, x = 100) {
      touch.start(x, y0, target);
      for (let i = 1; i <= steps; i++) touch.move(x, y0 + ((y1 - y0) * i) / steps, target);
    },
    dragX(x0: number, x1: number, steps = 20, target: HTMLElement = content, y = 100) {
      touch.start(x0, y, target);
      for (let i = 1; i <= steps; i++) touch.move(x0 + ((x1 - x0) * i) / steps, y, target);
    },
  };

  const pointer = {
    down(x: number, y: number, pointerType = 'mouse', target: HTMLElement = content, pointerId = 1) {
      return host.dispatch(target, 'pointerdown', { pointerId, pointerType, button: 0, clientX: x, clientY: y });
    },
    move(x: number, y: number, pointerId = 1) {
      host.advance(MOVE_MS);
      return host.dispatch('window', 'pointermove', { pointerId, clientX: x, clientY: y });
    },
    up(pointerId = 1) {
      return host.dispatch('window', 'pointerup', { pointerId });
    },
    cancel(pointerId = 1) {
      return host.dispatch('window', 'pointercancel', { pointerId });
    },
  };

  const wheel = (deltaY: number, target: HTMLElement = content, deltaX = 0, deltaMode = 0) => {
    host.advance(MOVE_MS);
    return host.dispatch(target, 'wheel', { deltaX, deltaY, deltaMode });
  };

  const key = (k: string, target: HTMLElement = root, mods: Record<string, boolean> = {}) => host.dispatch(target, 'keydown', { key: k, ...mods });

  /** Runs frames and timers until nothing is pending (or `limitMs` passes). */
  const settle = (limitMs = 20_000) => {
    for (let t = 0; t < limitMs && (host.pendingFrames() || host.pendingTimers()); t += MOVE_MS) host.advance(MOVE_MS);
  };

  return { host, root, content, engine, states, touch, pointer, wheel, key, settle, snap: () => engine.getSnapshot() };
}

/** Lets pending promise callbacks (onRefresh settling) run. */
export const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
