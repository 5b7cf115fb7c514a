// The adapter contract, as plain async checks that throw on failure: runAdapterContract() turns
// them into vitest tests, and the contract's own tests run them against broken bindings to show
// each one can fail.
import { expect, vi } from 'vitest';
import { attachElastic, type ElasticOptions, type RefreshContext } from '@tensile/core/elastic';
import { createFakeHost } from '@tensile/core/elastic/testing';
import type { AdapterHarness, MountedAdapter } from './harness';
import { countingCurves, createContractHost, flushPromises, pullDown, pullUp, release, settle, type ContractHost } from './host';
import { vocabularyScenarios } from './vocabulary';

/** Finger travel past the default threshold (120 px of finger travel, the native defaults). */
export const PAST_THRESHOLD_PX = 400;
/** Finger travel that stays below it, and passes an 80 px threshold. */
const SHORT_PULL_PX = 100;

interface Deferred {
  promise: Promise<void>;
  resolve(): void;
}
export const deferred = (): Deferred => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

/** Listeners one engine registers with these options: what a single, correct attach leaves behind. */
function expectedListeners(options: ElasticOptions): number {
  const host = createFakeHost();
  const cleanup = attachElastic(host.element(), { ...options, host });
  const count = host.listenerCount();
  cleanup();
  return count;
}

export function refreshSpy(gate: () => Promise<void> = () => Promise.resolve()) {
  const contexts: RefreshContext[] = [];
  const onRefresh = vi.fn((context: RefreshContext) => {
    contexts.push(context);
    return gate();
  });
  return { onRefresh, contexts };
}

const domState = (m: MountedAdapter) => m.element.getAttribute('data-tensile-state');

export async function expectState(h: AdapterHarness, m: MountedAdapter, state: string) {
  expect(domState(m), `${h.name}: data-tensile-state`).toBe(state);
  if (h.rendersState) expect(m.readState(), `${h.name}: rendered state`).toBe(state);
}

export interface ContractScenario {
  readonly name: string;
  /** A capability the harness must declare for this scenario to run. */
  readonly needs?: 'hasControls' | 'controlled';
  run(h: AdapterHarness): Promise<void>;
}

export const contractScenarios: ContractScenario[] = [
  {
    name: 'mount attaches the engine once and renders idle',
    async run(h) {
      const host = createContractHost();
      const options = { host, pullToRefresh: { onRefresh: () => undefined } };
      const m = await h.mount(options);
      expect(host.listenerCount()).toBe(expectedListeners(options));
      await expectState(h, m, 'idle');
      expect(m.element.style.getPropertyValue('--tensile-offset')).toBe('0px');
      await m.unmount();
    },
  },
  {
    name: 'a pull past the threshold renders ready; the release refreshes once and settles to idle',
    async run(h) {
      const host = createContractHost();
      const gate = deferred();
      const spy = refreshSpy(() => gate.promise);
      const m = await h.mount({ host, pullToRefresh: { onRefresh: spy.onRefresh } });
      await h.act(() => pullDown(host, m.element, PAST_THRESHOLD_PX));
      await expectState(h, m, 'ready');
      expect(parseFloat(m.element.style.getPropertyValue('--tensile-offset'))).toBeGreaterThan(60);
      await h.act(() => release(host, m.element));
      await expectState(h, m, 'refreshing');
      expect(spy.onRefresh).toHaveBeenCalledTimes(1);
      await h.act(async () => {
        gate.resolve();
        await flushPromises();
      });
      // Still held: 'refreshing' stays up for minVisibleMs (400 ms) so it never flashes.
      await expectState(h, m, 'refreshing');
      await h.act(() => host.advance(400));
      await expectState(h, m, 'complete');
      await h.act(() => settle(host));
      await expectState(h, m, 'idle');
      expect(m.element.style.getPropertyValue('--tensile-offset')).toBe('0px');
      expect(spy.onRefresh).toHaveBeenCalledTimes(1);
      await m.unmount();
    },
  },
  {
    name: 'a short pull springs back without refreshing',
    async run(h) {
      const host = createContractHost();
      const spy = refreshSpy();
      const m = await h.mount({ host, pullToRefresh: { onRefresh: spy.onRefresh } });
      await h.act(() => pullDown(host, m.element, SHORT_PULL_PX));
      await expectState(h, m, 'pulling');
      await h.act(() => release(host, m.element));
      await expectState(h, m, 'cancelled');
      await h.act(() => settle(host));
      await expectState(h, m, 'idle');
      expect(m.element.style.getPropertyValue('--tensile-offset')).toBe('0px');
      expect(spy.onRefresh).not.toHaveBeenCalled();
      await m.unmount();
    },
  },
  {
    name: 'an options update reaches the running engine without re-attaching',
    async run(h) {
      const host = createContractHost();
      const first = refreshSpy();
      const second = refreshSpy();
      const m = await h.mount({ host, pullToRefresh: { onRefresh: first.onRefresh } });
      const listening = host.listenCalls();
      await m.update({ host, pullToRefresh: { onRefresh: second.onRefresh, threshold: 80 } });
      await m.update({ host, pullToRefresh: { onRefresh: second.onRefresh, threshold: 80 } });
      expect(host.listenCalls(), 'listen() calls after two updates').toBe(listening);
      // 100 px of finger travel: ready only if the new 80 px threshold arrived (the default is 120).
      await h.act(() => pullDown(host, m.element, SHORT_PULL_PX));
      await expectState(h, m, 'ready');
      await h.act(() => release(host, m.element));
      expect(second.onRefresh).toHaveBeenCalledTimes(1);
      expect(first.onRefresh).not.toHaveBeenCalled();
      await h.act(async () => {
        await flushPromises();
        settle(host);
      });
      await expectState(h, m, 'idle');
      await m.unmount();
    },
  },
  {
    name: 'updates with equal options mid-pull leave the gesture alone and never re-tabulate the curve',
    async run(h) {
      const host = createContractHost();
      const spy = refreshSpy();
      const curves = countingCurves();
      const curve = curves.make();
      // Fresh objects on every render, as a template literal or JSX object would give.
      const options = (): ElasticOptions => ({ host, curve, pullToRefresh: { onRefresh: spy.onRefresh } });
      const m = await h.mount(options());
      expect(curves.tabulations, 'tabulations on mount').toBe(1);
      // 100 px of finger shows 50 px of this curve: pulling, below the 120 px (finger) threshold.
      await h.act(() => pullDown(host, m.element, SHORT_PULL_PX));
      await expectState(h, m, 'pulling');
      // Counted once the touch has begun: a gesture adds a listener of its own (its scroll watch); updates add none.
      const listening = host.listenCalls();
      await m.update(options());
      await m.update(options());
      expect(curves.tabulations, 'tabulations after equal updates').toBe(1);
      expect(host.listenCalls(), 'listen() calls after equal updates').toBe(listening);
      await expectState(h, m, 'pulling');
      expect(m.element.style.getPropertyValue('--tensile-offset')).toBe('50px');
      await h.act(() => release(host, m.element));
      await h.act(() => settle(host));
      await expectState(h, m, 'idle');
      expect(spy.onRefresh).not.toHaveBeenCalled();
      await m.unmount();
    },
  },
  {
    name: 'unmounting mid-refresh aborts it, removes every listener and never renders again',
    async run(h) {
      const host = createContractHost();
      const gate = deferred();
      const spy = refreshSpy(() => gate.promise);
      const errors = vi.spyOn(console, 'error');
      const warnings = vi.spyOn(console, 'warn');
      try {
        const m = await h.mount({ host, pullToRefresh: { onRefresh: spy.onRefresh } });
        await h.act(() => pullDown(host, m.element, PAST_THRESHOLD_PX));
        await h.act(() => release(host, m.element));
        await expectState(h, m, 'refreshing');
        const element = m.element;
        await m.unmount();
        const rendered = m.renders().length;
        expect(spy.contexts[0].signal.aborted, 'onRefresh signal aborted').toBe(true);
        expect(host.listenerCount(), 'listeners left').toBe(0);
        expect(host.pendingFrames() + host.pendingTimers(), 'frames and timers left').toBe(0);
        expect(element.hasAttribute('data-tensile-state'), 'data-tensile-state restored').toBe(false);
        expect(element.hasAttribute('aria-busy'), 'aria-busy restored').toBe(false);
        gate.resolve();
        await flushPromises();
        host.advance(5_000);
        expect(m.renders().length, 'renders after unmount').toBe(rendered);
        expect(errors).not.toHaveBeenCalled();
        expect(warnings).not.toHaveBeenCalled();
      } finally {
        errors.mockRestore();
        warnings.mockRestore();
      }
    },
  },
  {
    name: 'unmounting mid-load-more aborts its signal, removes every listener and restores the element',
    async run(h) {
      const host = createContractHost();
      const gate = deferred();
      const signals: AbortSignal[] = [];
      const onLoadMore = vi.fn(({ signal }: { signal: AbortSignal }) => (signals.push(signal), gate.promise));
      const m = await h.mount({ host, pullToRefresh: true, loadMore: { onLoadMore } });
      await h.act(() => pullUp(host, m.element, PAST_THRESHOLD_PX));
      await h.act(() => release(host, m.element));
      expect(onLoadMore, 'a pull up at the end loads once').toHaveBeenCalledTimes(1);
      expect(m.element.getAttribute('data-tensile-load-more')).toBe('loading');
      const element = m.element;
      await m.unmount();
      expect(signals[0].aborted, 'onLoadMore signal aborted').toBe(true);
      expect(host.listenerCount(), 'listeners left').toBe(0);
      expect(element.hasAttribute('data-tensile-load-more'), 'data-tensile-load-more restored').toBe(false);
      expect(element.hasAttribute('aria-busy'), 'aria-busy restored').toBe(false);
      gate.resolve();
      await flushPromises();
      host.advance(5_000);
      expect(onLoadMore).toHaveBeenCalledTimes(1);
    },
  },
  {
    name: 'a re-mount binds a fresh engine that pulls and refreshes',
    async run(h) {
      const host = createContractHost();
      const spy = refreshSpy();
      const options = { host, pullToRefresh: { onRefresh: spy.onRefresh } };
      const first = await h.mount(options);
      await h.act(() => pullDown(host, first.element, SHORT_PULL_PX));
      await first.unmount();
      expect(host.listenerCount()).toBe(0);
      const m = await h.mount(options);
      expect(host.listenerCount()).toBe(expectedListeners(options));
      await expectState(h, m, 'idle');
      await h.act(() => pullDown(host, m.element, PAST_THRESHOLD_PX));
      await expectState(h, m, 'ready');
      await h.act(() => release(host, m.element));
      expect(spy.onRefresh).toHaveBeenCalledTimes(1);
      await h.act(async () => {
        await flushPromises();
        settle(host);
      });
      await expectState(h, m, 'idle');
      await m.unmount();
    },
  },
  {
    name: 'with the default DOM host the real element is marked on mount and restored on unmount',
    async run(h) {
      const m = await h.mount({ pullToRefresh: true });
      const element = m.element;
      await expectState(h, m, 'idle');
      expect(element.style.getPropertyValue('--tensile-progress')).toBe('0');
      await m.unmount();
      expect(element.hasAttribute('data-tensile-state')).toBe(false);
      expect(element.style.getPropertyValue('--tensile-progress')).toBe('');
    },
  },
  ...vocabularyScenarios,
];

export type { ContractHost };
