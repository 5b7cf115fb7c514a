// @vitest-environment jsdom
// The shared adapter contract against v-elastic (local and through the plugin) and useElastic,
// mounted with Vue Testing Library. Render functions keep the fixtures free of an SFC compiler.
import { defineComponent, h, nextTick, ref, resolveDirective, withDirectives, type Directive, type PropType } from 'vue';
import { render } from '@testing-library/vue';
import { runAdapterContract, type AdapterHarness } from '@tensile/adapter-contract';
import type { ElasticOptions } from '@tensile/core/elastic';
import { ElasticPlugin, vElastic } from './directive';
import { useElastic } from './use-elastic';

const props = { options: { type: Object as PropType<ElasticOptions>, required: true as const }, log: { type: Array as PropType<string[]>, required: true as const } };
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
    return () => {
      p.log.push(snapshot.value.state);
      return h('div', [h('div', { ref: el, 'data-testid': 'scroller' }, [content()]), h('output', snapshot.value.state)]);
    };
  },
});

function harness(name: string, component: ReturnType<typeof defineComponent>, rendersState: boolean, plugins: typeof ElasticPlugin[] = []): AdapterHarness {
  return {
    name,
    rendersState,
    async mount(options) {
      const log: string[] = [];
      const view = render(component, { props: { options, log }, global: { plugins } });
      await nextTick();
      return {
        element: view.getByTestId('scroller'),
        readState: () => view.container.querySelector('output')?.textContent ?? null,
        renders: () => log,
        update: (next) => view.rerender({ options: next, log }),
        unmount: async () => view.unmount(),
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
