// @vitest-environment jsdom
// <PullToRefresh> against the component contract shared with Vue and Svelte (texts, replacement
// through the `indicator` render prop, render counts, load-more, accessibility, bad props), and
// the bad input only React's has (an indicator render prop that is not a function).
import { Profiler } from 'react';
import { act, render } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { runComponentContract, type ComponentProps } from '@tensile/adapter-contract';
import { ElasticError } from '@tensile/core/elastic';
import { PullToRefresh } from './pull-to-refresh';

runComponentContract({
  name: '<PullToRefresh> (React)',
  async mount(props, custom) {
    let renders = 0;
    const indicator = custom ? (state: string) => <b data-custom="">{state}</b> : undefined;
    // The Profiler counts every commit of the component's subtree.
    const tree = (next: ComponentProps) => (
      <Profiler id="ptr" onRender={() => renders++}>
        <PullToRefresh {...(next as object)} indicator={indicator}>
          {[1, 2, 3].map((n) => <button key={n}>item {n}</button>)}
        </PullToRefresh>
      </Profiler>
    );
    const view = render(tree(props));
    const element = view.container.querySelector<HTMLElement>('[data-tensile-pull-to-refresh]')!;
    return {
      element,
      renders: () => renders,
      update: async (next) => act(async () => view.rerender(tree(next))),
      unmount: async () => view.unmount(),
    };
  },
  act: (fn) => act(async () => void (await fn())),
});

describe('<PullToRefresh> bad input of its own', () => {
  it('an indicator that is not a function is an ElasticError naming the prop', () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const attempt = () => render(<PullToRefresh indicator={'spinner' as never} />);
      expect(attempt).toThrow(ElasticError);
      expect(attempt).toThrow(/<PullToRefresh>: indicator is "spinner", expected a function of the state/);
    } finally {
      quiet.mockRestore();
    }
  });
});
