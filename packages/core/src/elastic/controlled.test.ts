// The binding every adapter wraps (controlled.ts): controlled refreshing driven by `refreshing`, the
// change callback, refresh() resolving when settled, aborts and timeouts, and bad input. Node, fake host.
import { describe, expect, it, vi } from 'vitest';
import { createBinding, type BindingOptions } from './controlled';
import { createFakeHost, type FakeHost } from './host-fake';
import type { RefreshContext } from './types';
import { itRejectsEach, type BadInputRow } from '../test-support/bad-input';
import { ElasticError } from './errors';

const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Runs frames and timers until nothing is pending. */
function settle(host: FakeHost) {
  for (let t = 0; t < 30_000 && (host.pendingFrames() || host.pendingTimers()); t += 16) host.advance(16);
}

function pullAndRelease(host: FakeHost, el: HTMLElement) {
  const at = (y: number) => ({ touches: [{ identifier: 0, clientX: 0, clientY: y }], cancelable: true });
  host.dispatch(el, 'touchstart', at(0));
  for (let y = 20; y <= 400; y += 20) {
    host.advance(16);
    host.dispatch(el, 'touchmove', at(y));
  }
  host.dispatch(el, 'touchend', { touches: [] });
}

function setup(options: BindingOptions) {
  const host = createFakeHost();
  const el = host.element({ scroll: { height: 600 } });
  host.element({ parent: el });
  const changes: boolean[] = [];
  const contexts: RefreshContext[] = [];
  let finish: (() => void) | null = null;
  const onRefresh = vi.fn((context: RefreshContext) => {
    contexts.push(context);
    return new Promise<void>((resolve) => (finish = resolve));
  });
  const binding = createBinding({ host, onRefreshingChange: (value) => changes.push(value), pullToRefresh: { onRefresh }, ...options }, 'test');
  const state = () => binding.engine.getSnapshot().state;
  return { host, el, binding, changes, contexts, onRefresh, state, finish: () => finish?.() };
}

describe('createBinding: uncontrolled', () => {
  it('reports true when a pull starts a refresh and false when onRefresh settles', async () => {
    const t = setup({});
    t.binding.attach(t.el);
    pullAndRelease(t.host, t.el);
    expect(t.state()).toBe('refreshing');
    expect(t.changes).toEqual([true]);
    t.finish();
    await flush();
    expect(t.changes).toEqual([true, false]);
    t.host.advance(400);
    expect(t.state()).toBe('complete');
  });

  it('refresh() resolves once the refresh has settled back to idle', async () => {
    const t = setup({});
    t.binding.attach(t.el);
    let settled = false;
    const done = t.binding.refresh().then(() => (settled = true));
    expect(t.onRefresh).toHaveBeenCalledTimes(1);
    t.finish();
    await flush();
    t.host.advance(400);
    await flush();
    expect(settled).toBe(false);
    settle(t.host);
    await done;
    expect(t.state()).toBe('idle');
  });

  it('hands the engine one stable onRefresh and calls the latest user callback', async () => {
    const t = setup({});
    t.binding.attach(t.el);
    const listening = t.host.listenerCount();
    const second = vi.fn();
    t.binding.update({ host: t.host, pullToRefresh: { onRefresh: second } });
    t.binding.update({ host: t.host, pullToRefresh: { onRefresh: second } });
    expect(t.host.listenerCount()).toBe(listening);
    void t.binding.refresh();
    expect(t.onRefresh).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
  });

  it('loadMore() resolves (the engine decides what it does)', async () => {
    const t = setup({});
    t.binding.attach(t.el);
    await expect(t.binding.loadMore()).resolves.toBeUndefined();
  });
});

describe('createBinding: controlled refreshing', () => {
  it('a pull reports true and holds refreshing until the app turns refreshing false', async () => {
    const t = setup({ refreshing: false });
    t.binding.attach(t.el);
    pullAndRelease(t.host, t.el);
    expect(t.changes).toEqual([true]);
    t.binding.update({ refreshing: true });
    t.finish();
    await flush();
    t.host.advance(2_000);
    expect(t.state(), 'onRefresh settled, refreshing still true').toBe('refreshing');
    t.binding.update({ refreshing: false });
    await flush();
    t.host.advance(400);
    expect(t.state()).toBe('complete');
    expect(t.changes, 'no echo of the false the app set').toEqual([true]);
  });

  it('refreshing turning true shows a refresh without calling onRefresh; false ends it', async () => {
    const t = setup({ refreshing: false });
    t.binding.attach(t.el);
    t.binding.update({ refreshing: true });
    expect(t.state()).toBe('refreshing');
    expect(t.onRefresh).not.toHaveBeenCalled();
    expect(t.changes).toEqual([]);
    t.binding.update({ refreshing: true });
    t.binding.update({ refreshing: false });
    await flush();
    t.host.advance(400);
    expect(t.state()).toBe('complete');
    // The next pull is the user's: onRefresh runs.
    settle(t.host);
    pullAndRelease(t.host, t.el);
    expect(t.onRefresh).toHaveBeenCalledTimes(1);
  });

  it('refreshing already true at mount starts a refresh when attached', () => {
    const t = setup({ refreshing: true });
    expect(t.state()).toBe('idle');
    t.binding.attach(t.el);
    expect(t.state()).toBe('refreshing');
    expect(t.onRefresh).not.toHaveBeenCalled();
  });

  it('a refreshing that never turns false is ended by the timeout, with the error state, and reported false', async () => {
    const t = setup({ refreshing: false, pullToRefresh: { timeout: 1_000 } });
    t.binding.attach(t.el);
    t.binding.update({ refreshing: true });
    t.host.advance(1_000);
    await flush();
    expect(t.state()).toBe('error');
    const error = t.binding.engine.getSnapshot().error as ElasticError;
    expect(error.code).toBe('E_ELASTIC_TIMEOUT');
    expect(t.changes).toEqual([false]);
    settle(t.host);
    expect(t.state()).toBe('idle');
  });

  it('a failing onRefresh ends a controlled refresh with the error state and reports false', async () => {
    const t = setup({ refreshing: false });
    t.binding.update({ pullToRefresh: { onRefresh: () => Promise.reject(new Error('offline')) } });
    t.binding.attach(t.el);
    pullAndRelease(t.host, t.el);
    t.binding.update({ refreshing: true });
    await flush();
    t.host.advance(400);
    expect(t.state()).toBe('error');
    expect(t.changes).toEqual([true, false]);
  });

  it('detaching mid-refresh aborts the signal and tells the app nothing', async () => {
    const t = setup({ refreshing: false });
    t.binding.attach(t.el);
    pullAndRelease(t.host, t.el);
    t.binding.update({ refreshing: true });
    t.binding.detach();
    await flush();
    expect(t.contexts[0].signal.aborted).toBe(true);
    expect(t.changes).toEqual([true]);
    expect(t.host.listenerCount()).toBe(0);
  });
});

const binding = (options: unknown) => createBinding(options as BindingOptions, 'useDamping');
const rows: BadInputRow[] = [
  { entry: 'createBinding', kind: 'wrong type', run: () => binding({ refreshing: 'yes' }), code: 'E_ELASTIC_OPTION', names: /useDamping: refreshing is "yes", expected a boolean/ },
  { entry: 'createBinding', kind: 'non-finite', run: () => binding({ refreshing: NaN }), code: 'E_ELASTIC_OPTION', names: /refreshing is NaN, expected a boolean/ },
  { entry: 'createBinding', kind: 'wrong type', run: () => binding({ onRefreshingChange: 5 }), code: 'E_ELASTIC_OPTION', names: /onRefreshingChange is 5, expected a function/ },
  { entry: 'createBinding', kind: 'wrong type', run: () => binding({ pullToRefresh: { onRefresh: 'reload' } }), code: 'E_ELASTIC_OPTION', names: /pullToRefresh\.onRefresh is "reload", expected a function/ },
  { entry: 'createBinding', kind: 'empty', run: () => binding(null), code: 'E_ELASTIC_OPTION', names: /options is null, expected an options object/ },
  { entry: 'createBinding', kind: 'malformed', run: () => binding([]), code: 'E_ELASTIC_OPTION', names: /options is an array of length 0/ },
  { entry: 'createBinding', kind: 'malformed', run: () => binding({ refreshing: true, pullToRefresh: false }), code: 'E_ELASTIC_OPTION', names: /refreshing is true, expected undefined while pullToRefresh is false/ },
  { entry: 'createBinding', kind: 'oversized', run: () => binding({ refreshing: 'x'.repeat(100_000) }), code: 'E_ELASTIC_OPTION', names: /refreshing is "x+\.\.\."/ },
  { entry: 'createBinding', kind: 'hostile', run: () => binding({ refreshing: { valueOf: () => true } }), code: 'E_ELASTIC_OPTION', names: /refreshing is an object \(Object\)/ },
  { entry: 'update', kind: 'wrong type', run: () => createBinding({}).update({ refreshing: 1 } as never), code: 'E_ELASTIC_OPTION', names: /refreshing is 1/ },
  { entry: 'update', kind: 'non-finite', run: () => createBinding({}).update({ max: Infinity }), code: 'E_ELASTIC_OPTION', names: /max is Infinity/ },
];

describe('createBinding: bad input is a typed ElasticError naming the option', () => {
  itRejectsEach(rows, ElasticError);
});
