// @vitest-environment jsdom
// elasticStore beyond the contract: the Svelte store contract itself, an engine that outlives
// its element (moved to another one), and programmatic refresh().
import { describe, expect, it, vi } from 'vitest';
import { createContractHost, flushPromises, pullDown, settle } from '@tensile/adapter-contract';
import type { ElasticSnapshot } from '@tensile/core/elastic';
import { elastic, elasticStore } from './action';

const list = () => {
  const el = document.body.appendChild(document.createElement('ul'));
  el.appendChild(document.createElement('li'));
  return el;
};

describe('elasticStore', () => {
  it('keeps the store contract: the current value at once, then every change, until unsubscribed', () => {
    const host = createContractHost();
    const pull = elasticStore({ host, pullToRefresh: true });
    const seen: ElasticSnapshot['state'][] = [];
    const unsubscribe = pull.subscribe((s) => seen.push(s.state));
    expect(seen).toEqual(['idle']);
    const el = list();
    const bound = pull.action(el);
    pullDown(host, el, 400);
    expect(seen.at(-1)).toBe('ready');
    unsubscribe();
    const count = seen.length;
    host.dispatch(el, 'touchend', { touches: [] });
    settle(host);
    expect(seen.length).toBe(count);
    bound.destroy();
  });

  it('outlives its element: destroy detaches, and the same store binds the next element', () => {
    const host = createContractHost();
    const pull = elasticStore({ host, pullToRefresh: true });
    const first = list();
    const bound = pull.action(first);
    const single = host.listenerCount();
    bound.destroy();
    expect(host.listenerCount()).toBe(0);
    expect(first.hasAttribute('data-tensile-state')).toBe(false);
    const second = list();
    const again = pull.action(second, { host, pullToRefresh: { threshold: 100 } });
    expect(host.listenerCount()).toBe(single);
    // Ready only with the action's 100 px threshold (the default is 120 px of finger travel).
    pullDown(host, second, 110);
    expect(pull.engine.getSnapshot().state).toBe('ready');
    again.destroy();
  });

  it('refresh() runs onRefresh once and settles', async () => {
    const host = createContractHost();
    const onRefresh = vi.fn();
    const pull = elasticStore({ host, pullToRefresh: { onRefresh } });
    const el = list();
    const bound = pull.action(el);
    const done = pull.refresh();
    expect(onRefresh).toHaveBeenCalledTimes(1);
    expect(el.getAttribute('aria-busy')).toBe('true');
    await flushPromises();
    settle(host);
    await done;
    expect(el.getAttribute('data-tensile-state')).toBe('idle');
    bound.destroy();
  });
});

describe('elastic action', () => {
  it('update(undefined) keeps the options; destroy leaves nothing behind', () => {
    const host = createContractHost();
    const el = list();
    const action = elastic(el, { host, pullToRefresh: { threshold: 100 } });
    const calls = host.listenCalls();
    action.update(undefined);
    expect(host.listenCalls()).toBe(calls);
    // Ready only if the 100 px threshold was kept (the default is 120 px of finger travel).
    pullDown(host, el, 110);
    expect(el.getAttribute('data-tensile-state')).toBe('ready');
    action.destroy();
    expect(host.listenerCount()).toBe(0);
    expect(host.pendingFrames() + host.pendingTimers()).toBe(0);
  });

  it('throws a typed error for bad options', () => {
    expect(() => elastic(list(), { max: Number.NaN })).toThrow(/max is NaN, expected a finite number/);
  });
});
