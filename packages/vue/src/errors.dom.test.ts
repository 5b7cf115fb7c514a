// @vitest-environment jsdom
// Bad options surface as the engine's typed error: thrown from mount (Vue Test Utils rethrows
// mount errors), through the app's errorHandler on update (the adapter adds no validation of its own).
import { defineComponent, h, nextTick, ref, withDirectives } from 'vue';
import { render } from '@testing-library/vue';
import { describe, expect, it, vi } from 'vitest';
import { ElasticError, type ElasticOptions } from '@tensile/core/elastic';
import { vElastic } from './directive';
import { useElastic } from './use-elastic';

function mountCatching(component: ReturnType<typeof defineComponent>) {
  const errors: unknown[] = [];
  const view = render(component, { global: { config: { errorHandler: (error) => void errors.push(error) } } });
  return { view, errors };
}

describe('bad options', () => {
  it('reach the app errorHandler as ElasticError from v-elastic, on mount and on update', async () => {
    const options = ref<ElasticOptions>({ max: 300 });
    const { view, errors } = mountCatching(defineComponent(() => () => withDirectives(h('ul'), [[vElastic, options.value]])));
    expect(errors).toEqual([]);
    options.value = { max: -5 };
    await nextTick();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(ElasticError);
    expect(String(errors[0])).toMatch(/max is -5, expected a finite number >= 1/);
    view.unmount();
  });

  it('throw an ElasticError from mount, for v-elastic and for useElastic', () => {
    const Directive = defineComponent(() => () => withDirectives(h('ul'), [[vElastic, { axis: 'z' } as unknown as ElasticOptions]]));
    expect(() => render(Directive)).toThrow(/axis is "z", expected one of y, x, both/);
    const Composable = defineComponent(() => {
      useElastic(ref(null), { pullToRefresh: { onRefresh: 'soon' } } as unknown as ElasticOptions);
      return () => h('ul');
    });
    // Vue also warns that the component, whose setup threw, has no render function.
    const quiet = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      expect(() => render(Composable)).toThrow(ElasticError);
    } finally {
      quiet.mockRestore();
    }
  });
});
