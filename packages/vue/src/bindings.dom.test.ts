// @vitest-environment jsdom
// What the contract does not cover: useElastic following a target that appears, changes and
// disappears (v-if), options given as a ref, and getElastic() for a programmatic refresh.
import { defineComponent, h, isProxy, nextTick, reactive, ref, withDirectives } from 'vue';
import { render } from '@testing-library/vue';
import { describe, expect, it, vi } from 'vitest';
import { countingCurves, createContractHost, flushPromises, pullDown, settle } from '@tensile/adapter-contract';
import type { ElasticOptions } from '@tensile/core/elastic';
import { vElastic } from './directive';
import { getElastic } from './registry';
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
    expect(getElastic(first)).toBeUndefined();
    expect(getElastic(second)).toBeDefined();
    expect(host.listenerCount()).toBe(single);
    pullDown(host, second, 400);
    await nextTick();
    expect(view.container.querySelector('output')!.textContent).toBe('ready');
    view.unmount();
    expect(host.listenerCount()).toBe(0);
  });

  it('takes options as a ref and applies changes in place', async () => {
    const host = createContractHost();
    const options = ref<ElasticOptions>({ host, pullToRefresh: { threshold: 300 } });
    const Comp = defineComponent(() => {
      const el = ref<HTMLElement | null>(null);
      const snapshot = useElastic(el, options);
      return () => h('div', [h('ul', { ref: el, 'data-testid': 'list' }, [h('li', 'a')]), h('output', snapshot.value.state)]);
    });
    const view = render(Comp);
    await nextTick();
    const calls = host.listenCalls();
    options.value = { host, pullToRefresh: { threshold: 150 } };
    await nextTick();
    expect(host.listenCalls()).toBe(calls);
    pullDown(host, view.getByTestId('list'), 200);
    await nextTick();
    expect(view.container.querySelector('output')!.textContent).toBe('ready');
    view.unmount();
  });

  it('picks up options edited in place in a reactive() object', async () => {
    const host = createContractHost();
    const options = reactive({ host, pullToRefresh: { threshold: 300 } });
    const Comp = defineComponent(() => {
      const el = ref<HTMLElement | null>(null);
      const snapshot = useElastic(el, options);
      return () => h('div', [h('ul', { ref: el, 'data-testid': 'list' }, [h('li', 'a')]), h('output', snapshot.value.state)]);
    });
    const view = render(Comp);
    await nextTick();
    options.pullToRefresh.threshold = 150;
    await nextTick();
    pullDown(host, view.getByTestId('list'), 200);
    await nextTick();
    expect(view.container.querySelector('output')!.textContent).toBe('ready');
    view.unmount();
  });
});

describe('reactive options', () => {
  it('reach the engine as raw objects, so a curve is never evaluated through a proxy', async () => {
    const proxied: boolean[] = [];
    const curve = {
      name: 'linear-half',
      evaluate: (x: number) => x / 2,
      evaluateBatch(this: unknown, xs: ArrayLike<number>, out = new Float64Array(xs.length)) {
        proxied.push(isProxy(this));
        for (let i = 0; i < xs.length; i++) out[i] = xs[i] / 2;
        return out;
      },
    };
    const options = reactive({ host: createContractHost(), curve, max: 400 });
    const Comp = defineComponent(() => {
      const el = ref<HTMLElement | null>(null);
      useElastic(el, options);
      return () => h('ul', { ref: el }, [h('li', 'a')]);
    });
    const view = render(Comp);
    await nextTick();
    options.max = 300;
    await nextTick();
    const Directive = defineComponent(() => () => withDirectives(h('ul', [h('li', 'a')]), [[vElastic, options]]));
    render(Directive).unmount();
    view.unmount();
    // Core tabulates a Curve once per object: the raw curve reached all three engines (mount, the
    // update, the directive). A proxied one would be another object, tabulated again through the proxy.
    expect(proxied).toEqual([false]);
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

describe('v-elastic re-renders', () => {
  it('never re-tabulate a Curve, and still see every change, including edits in place', async () => {
    const host = createContractHost();
    const curves = countingCurves();
    const half = curves.make;
    const tick = ref(0);
    const shared: ElasticOptions = { host, curve: half(), max: 300 };
    const Comp = defineComponent(() => () =>
      h('div', [withDirectives(h('ul', { 'data-testid': 'list' }, [h('li', 'a')]), [[vElastic, shared]]), h('output', tick.value)]));
    const view = render(Comp);
    const list = view.getByTestId('list');
    const afterMount = curves.tabulations;
    tick.value++;
    await nextTick();
    expect(curves.tabulations).toBe(afterMount);
    // An edit in place to the very object the directive got before still reaches the engine.
    shared.max = 200;
    tick.value++;
    await nextTick();
    pullDown(host, list, 800);
    // Counted once the touch has begun (a gesture adds its own scroll watch); updates add none.
    const listens = host.listenCalls();
    expect(list.style.getPropertyValue('--tensile-offset')).toBe('200px');
    expect(curves.tabulations).toBe(afterMount);
    shared.curve = half();
    tick.value++;
    await nextTick();
    expect(curves.tabulations).toBe(afterMount + 1);
    expect(host.listenCalls()).toBe(listens);
    view.unmount();
  });
});

describe('useElastic on a component ref', () => {
  it('binds the component root element', async () => {
    const host = createContractHost();
    const List = defineComponent(() => () => h('ul', { 'data-testid': 'list' }, [h('li', 'a')]));
    const Comp = defineComponent(() => {
      const list = ref<InstanceType<typeof List> | null>(null);
      const snapshot = useElastic(list, { host, pullToRefresh: true });
      return () => h('div', [h(List, { ref: list }), h('output', snapshot.value.state)]);
    });
    const view = render(Comp);
    await nextTick();
    const el = view.getByTestId('list');
    expect(el.getAttribute('data-tensile-state')).toBe('idle');
    pullDown(host, el, 400);
    await nextTick();
    expect(view.container.querySelector('output')!.textContent).toBe('ready');
    view.unmount();
    expect(host.listenerCount()).toBe(0);
  });
});
