// @vitest-environment jsdom
// What the contract does not cover: useElastic following a target that appears, changes and
// disappears (v-if), options given as a ref, and getElastic() for a programmatic refresh.
import { defineComponent, h, nextTick, ref, withDirectives } from 'vue';
import { render } from '@testing-library/vue';
import { describe, expect, it, vi } from 'vitest';
import { createContractHost, flushPromises, pullDown, settle } from '@tensile/adapter-contract';
import type { ElasticOptions } from '@tensile/core/elastic';
import { getElastic, vElastic } from './directive';
import { useElastic } from './use-elastic';

describe('useElastic', () => {
  it('follows the target ref across v-if: attach, detach, re-attach to the new element', async () => {
    const host = createContractHost();
    const shown = ref(true);
    const key = ref(0);
    const Comp = defineComponent(() => {
      const el = ref<HTMLElement | null>(null);
      const snapshot = useElastic(el, { host, pullToRefresh: true });
      return () => h('div', [shown.value ? h('ul', { ref: el, key: key.value, 'data-testid': 'list' }, [h('li', 'a')]) : null, h('output', snapshot.value.state)]);
    });
    const view = render(Comp);
    await nextTick();
    const single = host.listenerCount();
    expect(single).toBeGreaterThan(0);
    const first = view.getByTestId('list');
    expect(first.getAttribute('data-tensile-state')).toBe('idle');

    shown.value = false;
    await nextTick();
    expect(host.listenerCount()).toBe(0);
    expect(first.hasAttribute('data-tensile-state')).toBe(false);

    shown.value = true;
    key.value++;
    await nextTick();
    const second = view.getByTestId('list');
    expect(second).not.toBe(first);
    expect(host.listenerCount()).toBe(single);
    pullDown(host, second, 400);
    await nextTick();
    expect(view.container.querySelector('output')!.textContent).toBe('ready');
    view.unmount();
    expect(host.listenerCount()).toBe(0);
  });

  it('takes options as a ref and applies changes in place', async () => {
    const host = createContractHost();
    const options = ref<ElasticOptions>({ host, pullToRefresh: { threshold: 60 } });
    const Comp = defineComponent(() => {
      const el = ref<HTMLElement | null>(null);
      const snapshot = useElastic(el, options);
      return () => h('div', [h('ul', { ref: el, 'data-testid': 'list' }, [h('li', 'a')]), h('output', snapshot.value.state)]);
    });
    const view = render(Comp);
    await nextTick();
    const calls = host.listenCalls();
    options.value = { host, pullToRefresh: { threshold: 30 } };
    await nextTick();
    expect(host.listenCalls()).toBe(calls);
    pullDown(host, view.getByTestId('list'), 200);
    await nextTick();
    expect(view.container.querySelector('output')!.textContent).toBe('ready');
    view.unmount();
  });
});

describe('getElastic', () => {
  it('returns the engine v-elastic bound to an element, for refresh()', async () => {
    const host = createContractHost();
    const onRefresh = vi.fn();
    const Comp = defineComponent(() => () => withDirectives(h('ul', { 'data-testid': 'list' }, [h('li', 'a')]), [[vElastic, { host, pullToRefresh: { onRefresh } }]]));
    const view = render(Comp);
    const list = view.getByTestId('list');
    const engine = getElastic(list)!;
    const done = engine.refresh();
    expect(onRefresh).toHaveBeenCalledTimes(1);
    expect(list.getAttribute('aria-busy')).toBe('true');
    await flushPromises();
    settle(host);
    await done;
    expect(list.getAttribute('data-tensile-state')).toBe('idle');
    view.unmount();
    expect(getElastic(list)).toBeUndefined();
  });
});
