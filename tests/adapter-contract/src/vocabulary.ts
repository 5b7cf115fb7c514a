// The shared vocabulary every adapter offers (the concept table in each adapter's README):
// refresh() and loadMore() that resolve when settled, and controlled refreshing, where the app's
// `refreshing` decides when a refresh ends (the engine's timeout still ends one that never does).
import { expect, vi } from 'vitest';
import { createContractHost, flushPromises, pullDown, release, settle } from './host';
import { PAST_THRESHOLD_PX, deferred, expectState, refreshSpy, type ContractScenario } from './scenarios';

/** refresh() and loadMore() that resolve when settled, and controlled refreshing: the same in every adapter. */
export const vocabularyScenarios: ContractScenario[] = [
  {
    name: 'refresh() starts the same refresh as a pull and resolves once it has settled',
    needs: 'hasControls',
    async run(h) {
      const host = createContractHost();
      const gate = deferred();
      const spy = refreshSpy(() => gate.promise);
      const m = await h.mount({ host, pullToRefresh: { onRefresh: spy.onRefresh } });
      let settled = false;
      let done!: Promise<unknown>;
      await h.act(() => {
        done = m.controls!.refresh().then(() => (settled = true));
      });
      await expectState(h, m, 'refreshing');
      expect(spy.onRefresh).toHaveBeenCalledTimes(1);
      await h.act(async () => {
        gate.resolve();
        await flushPromises();
        host.advance(400);
      });
      await expectState(h, m, 'complete');
      expect(settled, 'resolved before settling').toBe(false);
      await h.act(async () => {
        settle(host);
        await done;
      });
      expect(settled).toBe(true);
      await expectState(h, m, 'idle');
      await m.unmount();
    },
  },
  {
    name: 'loadMore() runs onLoadMore once and resolves once it has settled',
    needs: 'hasControls',
    async run(h) {
      const host = createContractHost();
      const gate = deferred();
      const onLoadMore = vi.fn(() => gate.promise);
      const m = await h.mount({ host, pullToRefresh: true, loadMore: { onLoadMore } });
      const loadState = () => m.element.getAttribute('data-tensile-load-more');
      expect(loadState()).toBe('idle');
      let settled = false;
      let done!: Promise<unknown>;
      await h.act(() => {
        done = m.controls!.loadMore().then(() => (settled = true));
      });
      expect(onLoadMore).toHaveBeenCalledTimes(1);
      expect(loadState()).toBe('loading');
      await h.act(async () => {
        gate.resolve();
        await flushPromises();
        host.advance(400);
      });
      expect(loadState()).toBe('complete');
      expect(settled, 'resolved before settling').toBe(false);
      await h.act(async () => {
        settle(host);
        await done;
      });
      expect(settled).toBe(true);
      expect(loadState()).toBe('idle');
      await m.unmount();
    },
  },
  {
    name: 'controlled: a pull reports refreshing true and holds until refreshing turns false',
    needs: 'controlled',
    async run(h) {
      const host = createContractHost();
      const gate = deferred();
      const spy = refreshSpy(() => gate.promise);
      const changes: boolean[] = [];
      const options = (refreshing: boolean) => ({ host, refreshing, onRefreshingChange: (value: boolean) => changes.push(value), pullToRefresh: { onRefresh: spy.onRefresh } });
      const m = await h.mount(options(false));
      await h.act(() => pullDown(host, m.element, PAST_THRESHOLD_PX));
      await h.act(() => release(host, m.element));
      expect(changes, 'reported to the app').toEqual([true]);
      await m.update(options(true));
      await h.act(async () => {
        gate.resolve();
        await flushPromises();
        host.advance(2_000);
      });
      await expectState(h, m, 'refreshing');
      await m.update(options(false));
      await h.act(async () => {
        await flushPromises();
        host.advance(400);
      });
      await expectState(h, m, 'complete');
      await h.act(() => settle(host));
      await expectState(h, m, 'idle');
      expect(spy.onRefresh).toHaveBeenCalledTimes(1);
      expect(changes, 'the app ended it: no echo').toEqual([true]);
      await m.unmount();
    },
  },
  {
    name: 'controlled: refreshing turned true by the app shows a refresh without calling onRefresh',
    needs: 'controlled',
    async run(h) {
      const host = createContractHost();
      const spy = refreshSpy();
      const options = (refreshing: boolean) => ({ host, refreshing, pullToRefresh: { onRefresh: spy.onRefresh } });
      const m = await h.mount(options(false));
      await m.update(options(true));
      await expectState(h, m, 'refreshing');
      expect(m.element.getAttribute('aria-busy')).toBe('true');
      await m.update(options(false));
      await h.act(async () => {
        await flushPromises();
        host.advance(400);
      });
      await expectState(h, m, 'complete');
      expect(spy.onRefresh).not.toHaveBeenCalled();
      await h.act(() => settle(host));
      await m.unmount();
    },
  },
  {
    name: 'controlled: a refreshing that never turns false is ended by the timeout, with the error state',
    needs: 'controlled',
    async run(h) {
      const host = createContractHost();
      const changes: boolean[] = [];
      const m = await h.mount({ host, refreshing: true, onRefreshingChange: (value) => changes.push(value), pullToRefresh: { timeout: 3_000 } });
      await expectState(h, m, 'refreshing');
      await h.act(async () => {
        host.advance(3_000);
        await flushPromises();
      });
      await expectState(h, m, 'error');
      expect((m.element.ownerDocument.body.textContent ?? '').length).toBeGreaterThan(0);
      expect(changes, 'told the app it ended').toEqual([false]);
      await h.act(() => settle(host));
      await expectState(h, m, 'idle');
      await m.unmount();
    },
  },
];
