// The contract's host: the core fake host's manual clock, counted listeners and synthetic events,
// joined to the DOM host's element operations, so the adapters bind real elements rendered by
// their frameworks while time and input stay fully under the test's control.
import type { Curve } from '@tensile/core';
import { createDomHost } from '@tensile/core/elastic';
import { createFakeHost, type FakeHost } from '@tensile/core/elastic/testing';

export interface ContractHost extends FakeHost {
  /** How many times the engine called listen() so far: a re-attach shows up here. */
  listenCalls(): number;
}

export function createContractHost(): ContractHost {
  const clock = createFakeHost();
  const dom = createDomHost();
  let calls = 0;
  return Object.assign(clock, {
    scroll: dom.scroll,
    scrollChain: dom.scrollChain,
    firstChild: dom.firstChild,
    getStyle: dom.getStyle,
    setStyle: dom.setStyle,
    getAttribute: dom.getAttribute,
    setAttribute: dom.setAttribute,
    createStatus: dom.createStatus,
    listen: ((listen) => (...args: Parameters<FakeHost['listen']>) => (calls++, listen(...args)))(clock.listen),
    listenCalls: () => calls,
  });
}

/** Time between synthetic touch moves, ms (a 60 Hz touch screen). */
export const MOVE_MS = 16;

/** A finger going down at `fromY`, moving to `toY` in `steps` moves (and staying down). */
function drag(host: FakeHost, el: HTMLElement, fromY: number, toY: number, steps: number): void {
  const at = (y: number) => ({ touches: [{ identifier: 0, clientX: 100, clientY: y }], cancelable: true });
  host.dispatch(el, 'touchstart', at(fromY));
  for (let i = 1; i <= steps; i++) {
    host.advance(MOVE_MS);
    host.dispatch(el, 'touchmove', at(fromY + ((toY - fromY) * i) / steps));
  }
}

/** A finger pulling `distance` px down from the top of `el` in 20 moves (the finger stays down). */
export const pullDown = (host: FakeHost, el: HTMLElement, distance: number, steps = 20): void => drag(host, el, 0, distance, steps);

/**
 * A finger pulling `distance` px up at the end of `el`, what arms load-more at the bottom edge
 * (jsdom lays nothing out, so an element is at its top and its end at once).
 */
export const pullUp = (host: FakeHost, el: HTMLElement, distance: number, steps = 20): void => drag(host, el, distance, 0, steps);

/** Lifts the finger. */
export function release(host: FakeHost, el: HTMLElement): void {
  host.dispatch(el, 'touchend', { touches: [], cancelable: true });
}

/** Runs frames and timers until nothing is pending (at most `limitMs` of fake time). */
export function settle(host: FakeHost, limitMs = 20_000): void {
  for (let t = 0; t < limitMs && (host.pendingFrames() || host.pendingTimers()); t += MOVE_MS) host.advance(MOVE_MS);
}

/** Lets settled promises (an onRefresh resolving) run their callbacks. */
export const flushPromises = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Curves y = x / 2 that count how often core tabulates them (evaluateBatch calls, summed over every
 * curve made): options updates must never re-tabulate an unchanged Curve, and a new Curve once.
 */
export function countingCurves(): { make(): Curve; readonly tabulations: number } {
  let tabulations = 0;
  return {
    make: () => ({
      name: 'half',
      evaluate: (x: number) => x / 2,
      evaluateBatch(xs: ArrayLike<number>, out = new Float64Array(xs.length)) {
        tabulations++;
        for (let i = 0; i < xs.length; i++) out[i] = xs[i] / 2;
        return out;
      },
    }),
    get tabulations() {
      return tabulations;
    },
  };
}
