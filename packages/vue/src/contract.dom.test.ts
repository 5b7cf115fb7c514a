// @vitest-environment jsdom
// The shared adapter contract against v-elastic (local and through the plugin) and useElastic,
// mounted with Vue Testing Library. Render functions keep the fixtures free of an SFC compiler.
import { defineComponent, h, nextTick, ref, resolveDirective, withDirectives, type Directive, type PropType } from 'vue';
import { render } from '@testing-library/vue';
import { runAdapterContract, type AdapterHarness } from '@tensile/adapter-contract';
import type { BindingOptions } from '@tensile/core/elastic/controlled';
import { ElasticPlugin, vElastic } from './directive';
import { useElastic } from './use-elastic';
import { PullToRefresh } from './pull-to-refresh';

type Controls = { refresh?: () => Promise<void>; loadMore?: () => Promise<void> };
const props = {
  options: { type: Object as PropType<BindingOptions>, required: true as const },
  log: { type: Array as PropType<string[]>, required: true as const },
  controls: { type: Object as PropType<Controls>, required: true as const },
};
const content = () => h('div', 'content');

const LocalDirective = defineComponent({
  props,
  setup: (p) => () => h('div', [withDirectives(h('div', { 'data-testid': 'scroller' }, [content()]), [[vElastic, p.options]])]),
});

const GlobalDirective = defineComponent({
  props,
  setup(p) {
    const directive = resolveDirective('elastic') as Directive;
    return () => h('div', [withDirectives(h('div', { 'data-testid': 'scroller' }, [content()]), [[directive, p.options]])]);
  },
});

const Composable = defineComponent({
  props,
  setup(p) {
    const el = ref<HTMLElement | null>(null);
    const snapshot = useElastic(el, () => p.options);
    Object.assign(p.controls, { refresh: snapshot.refresh, loadMore: snapshot.loadMore });
    return () => {
      p.log.push(snapshot.value.state);
      return h('div', [h('div', { ref: el, 'data-testid': 'scroller' }, [content()]), h('output', snapshot.value.state)]);
    };
  },
});

// The component, controlled the way a template does it: v-model:refreshing is the `refreshing` prop
// plus an `onUpdate:refreshing` listener; the component exposes refresh() and loadMore().
const Component = defineComponent({
  props,
  setup(p) {
    const component = ref<Controls | null>(null);
    return () => {
      const { pullToRefresh, refreshing, onRefreshingChange, ...options } = p.options;
      const { onRefresh, ...refresh } = typeof pullToRefresh === 'object' ? pullToRefresh : {};
      Object.assign(p.controls, { refresh: () => component.value!.refresh!(), loadMore: () => component.value!.loadMore!() });
      return h(
        PullToRefresh,
        { ref: component, onRefresh, refreshing, 'onUpdate:refreshing': onRefreshingChange, options: { ...options, pullToRefresh: refresh }, 'data-testid': 'scroller' },
        { default: content },
      );
    };
  },
});

function harness(name: string, component: ReturnType<typeof defineComponent>, rendersState: boolean, plugins: typeof ElasticPlugin[] = [], hasControls = rendersState): AdapterHarness {
  return {
    name,
    rendersState,
    hasControls,
    controlled: true,
    async mount(options) {
      const log: string[] = [];
      const controls: Controls = {};
      const view = render(component, { props: { options, log, controls }, global: { plugins } });
      await nextTick();
      return {
        element: view.getByTestId('scroller'),
        readState: () => view.container.querySelector('output')?.textContent ?? null,
        renders: () => log,
        update: (next) => view.rerender({ options: next, log, controls }),
        unmount: async () => view.unmount(),
        controls: controls as Required<Controls>,
      };
    },
    async act(fn) {
      await fn();
      await nextTick();
    },
  };
}

runAdapterContract(harness('v-elastic (vElastic)', LocalDirective, false));
runAdapterContract(harness('v-elastic (ElasticPlugin)', GlobalDirective, false, [ElasticPlugin]));
runAdapterContract(harness('useElastic', Composable, true));
runAdapterContract(harness('<PullToRefresh> (v-model:refreshing)', Component, false, [], true));
