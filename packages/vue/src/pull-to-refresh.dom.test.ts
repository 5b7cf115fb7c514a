// @vitest-environment jsdom
// <PullToRefresh> against the component contract shared with React and Svelte (texts, replacement
// through the named slots #pulling #ready #refreshing #complete #error, render counts, load-more,
// accessibility, bad props).
import { h, nextTick } from 'vue';
import { render } from '@testing-library/vue';
import { runComponentContract, type ComponentProps } from '@tensile/adapter-contract';
import { PULL_TO_REFRESH_PROPS } from '@tensile/core/elastic/controlled';
import { PullToRefresh } from './pull-to-refresh';

const STATES = ['pulling', 'ready', 'refreshing', 'complete', 'error'] as const;

runComponentContract({
  name: '<PullToRefresh> (Vue)',
  async mount(props, custom) {
    let renders = 0;
    // Every render of the component calls its default slot again: counted.
    const slots: Record<string, () => unknown> = {
      default: () => {
        renders++;
        return [1, 2, 3].map((n) => h('button', { key: n }, `item ${n}`));
      },
    };
    if (custom) for (const state of STATES) slots[state] = () => h('b', { 'data-custom': '' }, state);
    const view = render(PullToRefresh, { props: props as ComponentProps & Record<string, unknown>, slots });
    await nextTick();
    return {
      element: view.container.querySelector<HTMLElement>('[data-tensile-pull-to-refresh]')!,
      renders: () => renders,
      // rerender() merges props (setProps): a prop left out is passed as undefined, as a template would.
      update: async (next) => view.rerender({ ...Object.fromEntries(PULL_TO_REFRESH_PROPS.map((name) => [name, undefined])), ...next }),
      unmount: async () => view.unmount(),
    };
  },
  async act(fn) {
    await fn();
    await nextTick();
  },
});
