// Load more at the bottom edge (fake host): a pull past its threshold, `nearEnd` without a pull,
// `loadMore()`, the { signal } / timeout / error contract, hasMore, detach, and bad options.
import { describe, expect, it } from 'vitest';
import { createElastic } from './engine';
import { ElasticError } from './errors';
import { flush, rig } from './test-support/rig';
import type { ElasticOptions, LoadMoreState } from './types';

/** A rig scrolled to the end (maxTop 2000) with load more on, recording every load's state. */
function atEnd(loadMore: ElasticOptions['loadMore'], options: ElasticOptions = {}) {
  const r = rig({ loadMore, ...options });
  r.host.setScroll(r.root, { top: 2000 });
  const loads: LoadMoreState[] = [r.snap().loadMore];
  r.engine.subscribe(() => {
    const state = r.snap().loadMore;
    if (loads[loads.length - 1] !== state) loads.push(state);
  });
  /** Pulls up from the end by `travel` px of finger and lets go. */
  const pullUp = (travel: number) => {
    r.touch.dragY(700, 700 - travel, 20);
    const state = r.snap().state;
    r.touch.end();
    return state;
  };
  return { ...r, loads, pullUp };
}

/** A handler whose loads settle when the test says. */
function pendingLoads() {
  const calls: { signal: AbortSignal; resolve: () => void; reject: (e: unknown) => void }[] = [];
  const onLoadMore = ({ signal }: { signal: AbortSignal }) => new Promise<void>((resolve, reject) => calls.push({ signal, resolve, reject }));
  return { calls, onLoadMore };
}

describe('load more', () => {
  it('a pull past the threshold at the bottom arms it; the release loads once while the content springs back', async () => {
    const { calls, onLoadMore } = pendingLoads();
    const r = atEnd({ threshold: 60, onLoadMore });
    expect(r.host.attributes(r.root)['data-tensile-load-more']).toBe('idle');
    expect(r.pullUp(400)).toBe('ready');
    expect(r.snap()).toMatchObject({ edge: 'bottom', loadMore: 'loading' });
    expect(calls).toHaveLength(1);
    expect(calls[0].signal.aborted).toBe(false);
    expect(r.host.attributes(r.root)).toMatchObject({ 'data-tensile-load-more': 'loading', 'aria-busy': 'true' });
    r.settle(2000);
    // Not held like a refresh: back at rest while the load runs.
    expect(r.snap()).toMatchObject({ state: 'idle', offset: 0, loadMore: 'loading' });
    calls[0].resolve();
    await flush();
    r.settle();
    expect(r.loads).toEqual(['idle', 'loading', 'complete', 'idle']);
    expect(r.host.attributes(r.root)['data-tensile-load-more']).toBe('idle');
    expect(r.host.attributes(r.root)['aria-busy']).toBeUndefined();
    expect(calls).toHaveLength(1);
  });

  it('below the threshold, at another edge or with the pull begun mid-list, nothing loads', () => {
    const { calls, onLoadMore } = pendingLoads();
    const r = atEnd({ threshold: 60, onLoadMore });
    expect(r.pullUp(40)).toBe('pulling');
    r.settle();
    r.host.setScroll(r.root, { top: 0 });
    r.touch.dragY(100, 600);
    r.touch.end();
    r.settle();
    // Begun mid-list, reaching the end during the drag: elastic, not armed.
    r.host.setScroll(r.root, { top: 1990 });
    r.touch.start(100, 700);
    r.touch.move(100, 690);
    r.host.setScroll(r.root, { top: 2000 });
    for (let y = 680; y > 100; y -= 20) r.touch.move(100, y);
    expect(r.snap()).toMatchObject({ edge: 'bottom', progress: 0, state: 'pulling' });
    r.touch.end();
    r.settle();
    expect(calls).toHaveLength(0);
    expect(r.loads).toEqual(['idle']);
  });

  it('no pull, no load while one runs: a second armed pull during a load is plain elastic', () => {
    const { calls, onLoadMore } = pendingLoads();
    const r = atEnd({ threshold: 60, onLoadMore });
    r.pullUp(400);
    r.settle(2000);
    expect(r.pullUp(400)).toBe('pulling');
    expect(r.snap().progress).toBe(0);
    expect(calls).toHaveLength(1);
  });

  it('nearEnd: a scroll within N px of the end loads once, without a pull; again only after it completed', async () => {
    const { calls, onLoadMore } = pendingLoads();
    const r = rig({ loadMore: { nearEnd: 300, onLoadMore } });
    r.host.setScroll(r.root, { top: 1000 });
    r.host.dispatch(r.root, 'scroll');
    expect(calls).toHaveLength(0);
    r.host.setScroll(r.root, { top: 1750 });
    r.host.dispatch(r.root, 'scroll');
    r.host.dispatch(r.root, 'scroll');
    expect(calls).toHaveLength(1);
    expect(r.snap()).toMatchObject({ state: 'idle', loadMore: 'loading' });
    // The page grew by the loaded rows: the end is far again after it completes.
    r.host.setScroll(r.root, { maxTop: 4000 });
    calls[0].resolve();
    await flush();
    r.settle();
    expect(calls).toHaveLength(1);
    r.host.setScroll(r.root, { top: 3800 });
    r.host.dispatch(r.root, 'scroll');
    expect(calls).toHaveLength(2);
  });

  it('nearEnd on a list shorter than its container loads at attach, and again after each load that did not fill it', async () => {
    const { calls, onLoadMore } = pendingLoads();
    const r = rig({ loadMore: { nearEnd: 100, onLoadMore } }, { scroll: { maxTop: 0, height: 800 } });
    expect(calls).toHaveLength(1);
    calls[0].resolve();
    await flush();
    r.settle();
    expect(calls).toHaveLength(2);
    // A failed load does not retry by itself (no error loop).
    calls[1].reject(new Error('offline'));
    await flush();
    r.settle();
    expect(calls).toHaveLength(2);
    expect(r.snap().loadMore).toBe('idle');
  });

  it('hasMore: false is "done": neither a pull, nearEnd nor loadMore() triggers; setOptions brings it back', async () => {
    const { calls, onLoadMore } = pendingLoads();
    const r = atEnd({ threshold: 60, nearEnd: 500, hasMore: false, onLoadMore });
    expect(r.snap().loadMore).toBe('done');
    expect(r.host.attributes(r.root)['data-tensile-load-more']).toBe('done');
    expect(r.pullUp(400)).toBe('pulling');
    r.host.dispatch(r.root, 'scroll');
    await r.engine.loadMore();
    expect(calls).toHaveLength(0);
    r.engine.setOptions({ loadMore: { hasMore: true } });
    // Still at the end: nearEnd starts one at once.
    expect(r.snap().loadMore).toBe('loading');
    expect(calls).toHaveLength(1);
    // The last page: hasMore false while loading ends in 'done'.
    r.engine.setOptions({ loadMore: { hasMore: false } });
    calls[0].resolve();
    await flush();
    r.settle();
    expect(r.loads.slice(-3)).toEqual(['loading', 'complete', 'done']);
  });

  it('the { signal } / timeout / error contract of onRefresh', async () => {
    const { calls, onLoadMore } = pendingLoads();
    const r = atEnd({ timeout: 1000, onLoadMore });
    const done = r.engine.loadMore();
    r.host.advance(999);
    expect(r.snap().loadMore).toBe('loading');
    r.host.advance(1);
    expect(calls[0].signal.aborted).toBe(true);
    expect(calls[0].signal.reason).toBeInstanceOf(ElasticError);
    expect(r.snap()).toMatchObject({ loadMore: 'error', loadMoreError: { code: 'E_ELASTIC_TIMEOUT', details: { where: 'loadMore.timeout', value: 1000 } } });
    expect((r.snap().loadMoreError as Error).message).toMatch(/onLoadMore did not settle within loadMore\.timeout = 1000 ms/);
    // A late resolve after the timeout changes nothing.
    calls[0].resolve();
    r.settle();
    await expect(done).resolves.toBeUndefined();
    expect(r.snap()).toMatchObject({ loadMore: 'idle', loadMoreError: null });

    const reason = new Error('offline');
    const failing = r.engine.loadMore();
    calls[1].reject(reason);
    await flush();
    r.host.advance(400);
    expect(r.snap()).toMatchObject({ loadMore: 'error', loadMoreError: reason });
    r.settle();
    await expect(failing).resolves.toBeUndefined();
    // A handler that throws synchronously is an error too, never an exception out of the engine.
    r.engine.setOptions({
      loadMore: {
        onLoadMore: () => {
          throw reason;
        },
      },
    });
    await expect(Promise.all([r.engine.loadMore(), flush().then(() => r.settle())])).resolves.toBeDefined();
    expect(r.loads.filter((state) => state === 'error')).toHaveLength(3);
  });

  it('loadMore(): the running one while one runs, resolved at once without the option, detached or destroyed; never rejects', async () => {
    const { calls, onLoadMore } = pendingLoads();
    const r = atEnd({ onLoadMore });
    const first = r.engine.loadMore();
    expect(r.engine.loadMore()).toBe(first);
    expect(calls).toHaveLength(1);
    calls[0].resolve();
    await flush();
    r.settle();
    await expect(first).resolves.toBeUndefined();
    await expect(rig().engine.loadMore()).resolves.toBeUndefined();
    await expect(createElastic({ loadMore: { onLoadMore } }).loadMore()).resolves.toBeUndefined();
    expect(calls).toHaveLength(1);
  });

  it('detach aborts a running load like a refresh, resolves loadMore() and leaves the element as found', async () => {
    const { calls, onLoadMore } = pendingLoads();
    const r = atEnd({ onLoadMore });
    const done = r.engine.loadMore();
    r.engine.detach();
    expect(calls[0].signal.aborted).toBe(true);
    expect(calls[0].signal.reason).toMatchObject({ code: 'E_ELASTIC_DETACHED' });
    await expect(done).resolves.toBeUndefined();
    expect(r.snap().loadMore).toBe('idle');
    expect(r.host.attributes(r.root)).toEqual({});
    expect(r.host.pendingTimers()).toBe(0);
    calls[0].resolve();
    await flush();
    expect(r.snap().loadMore).toBe('idle');
  });

  it('both on one container: a refresh at the top while a load runs at the bottom, each handler once', async () => {
    const loads = pendingLoads();
    let refreshes = 0;
    const r = atEnd({ threshold: 60, onLoadMore: loads.onLoadMore }, { pullToRefresh: { threshold: 60, onRefresh: () => void refreshes++ } });
    r.pullUp(400);
    r.settle(2000);
    r.host.setScroll(r.root, { top: 0 });
    r.touch.dragY(100, 600);
    r.touch.end();
    expect(r.snap()).toMatchObject({ state: 'refreshing', edge: 'top', loadMore: 'loading' });
    expect(r.host.attributes(r.root)).toMatchObject({ 'data-tensile-state': 'refreshing', 'data-tensile-load-more': 'loading' });
    loads.calls[0].resolve();
    await flush();
    r.settle();
    expect(r.snap()).toMatchObject({ state: 'idle', loadMore: 'idle' });
    expect([refreshes, loads.calls.length]).toEqual([1, 1]);
  });

  it('says "Loading more" in the live region, and never "Release to refresh" at the load edge', () => {
    const r = atEnd({ threshold: 60, onLoadMore: () => new Promise(() => {}) }, { pullToRefresh: true });
    r.touch.dragY(700, 300);
    expect(r.snap().state).toBe('ready');
    expect(r.host.statusText()).toBe('');
    r.touch.end();
    expect(r.host.statusText()).toBe('Loading more');
  });

  it('loadMore: true takes the defaults, at the bottom; right on a horizontal list', () => {
    const r = atEnd(true);
    expect(r.pullUp(400)).toBe('ready');
    expect(r.snap().loadMore).toBe('loading');
    expect(() => createElastic({ axis: 'x', loadMore: { edge: 'right' } })).not.toThrow();
  });
});

describe('load more options', () => {
  const bad: [string, ElasticOptions, RegExp][] = [
    ['a string group', { loadMore: 'yes' as never }, /loadMore is "yes", expected an object/],
    ['null group', { loadMore: null as never }, /loadMore is null, expected an object/],
    ['nearEnd negative', { loadMore: { nearEnd: -1 } }, /loadMore\.nearEnd is -1, expected false or a finite number >= 0/],
    ['nearEnd NaN', { loadMore: { nearEnd: NaN } }, /loadMore\.nearEnd is NaN/],
    ['nearEnd Infinity', { loadMore: { nearEnd: Infinity } }, /loadMore\.nearEnd is Infinity/],
    ['nearEnd true', { loadMore: { nearEnd: true as never } }, /loadMore\.nearEnd is true/],
    ['nearEnd huge string', { loadMore: { nearEnd: 'x'.repeat(10_000) as never } }, /loadMore\.nearEnd is "x{57}\.\.\."/],
    ['threshold 0', { loadMore: { threshold: 0 } }, /loadMore\.threshold is 0, expected a finite number >= 1/],
    ['timeout -1', { loadMore: { timeout: -1 } }, /loadMore\.timeout is -1/],
    ['hasMore as a string', { loadMore: { hasMore: 'yes' as never } }, /loadMore\.hasMore is "yes", expected one of true, false/],
    ['thresholdIn', { loadMore: { thresholdIn: 'screen' as never } }, /loadMore\.thresholdIn is "screen", expected one of finger, displayed/],
    ['onLoadMore not a function', { loadMore: { onLoadMore: 'fetch' as never } }, /loadMore\.onLoadMore is "fetch", expected a function/],
    ['the refresh edge', { pullToRefresh: true, loadMore: { edge: 'top' } }, /loadMore\.edge is "top", expected an edge other than pullToRefresh\.edge \(top\)/],
    ['an edge off the axis', { loadMore: { edge: 'right' } }, /loadMore\.edge is "right", expected one of top, bottom/],
    ['an edge turned off', { edges: { bottom: false }, loadMore: true }, /loadMore\.edge is "bottom", expected an edge enabled in edges/],
    ['an edge that is no edge', { loadMore: { edge: 'middle' as never } }, /loadMore\.edge is "middle"/],
  ];
  for (const [name, options, message] of bad) {
    it(`refuses ${name} with a typed ElasticError naming option, value and expectation`, () => {
      let error: unknown;
      try {
        createElastic(options);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ElasticError);
      expect((error as ElasticError).code).toBe('E_ELASTIC_OPTION');
      expect((error as Error).message).toMatch(message);
    });
  }

  it('refuses the same through setOptions, keeping the options it had', () => {
    const r = rig({ loadMore: { nearEnd: 100 } });
    expect(() => r.engine.setOptions({ loadMore: { nearEnd: -5 } })).toThrow(ElasticError);
    r.host.setScroll(r.root, { top: 1950 });
    r.host.dispatch(r.root, 'scroll');
    expect(r.snap().loadMore).toBe('loading');
  });

  it('shares pullToRefresh\'s default thresholds and times', async () => {
    const { ELASTIC_DEFAULTS } = await import('./options');
    const { holdOffset, edge, ...shared } = ELASTIC_DEFAULTS.pullToRefresh;
    void holdOffset;
    void edge;
    expect(ELASTIC_DEFAULTS.loadMore).toMatchObject(shared);
  });
});
