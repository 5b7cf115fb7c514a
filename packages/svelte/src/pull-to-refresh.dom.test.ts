// @vitest-environment jsdom
// <PullToRefresh> against the component contract shared with React and Vue (texts, replacement
// through the `indicator` snippet, render counts, load-more, accessibility, bad props), and
// `bind:refreshing`: the parent's own state follows the refresh, and turning it false ends it;
// an `indicator` that is not a snippet.
import { flushSync, tick } from 'svelte';
import { render } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { createContractHost, flushPromises, pullDown, release, runComponentContract, settle } from '@tensile/adapter-contract';
import ContractComponent from './test-support/ContractComponent.svelte';
import BindProbe from './test-support/BindProbe.svelte';
import PullToRefresh from './PullToRefresh.svelte';
import { ElasticError } from '@tensile/core/elastic';

runComponentContract({
  name: '<PullToRefresh> (Svelte)',
  async mount(props, custom = false) {
    let renders = 0;
    const count = () => void renders++;
    const view = render(ContractComponent, { props: { shared: props, custom, count } });
    await tick();
    return {
      element: view.container.querySelector<HTMLElement>('[data-tensile-pull-to-refresh]')!,
      renders: () => renders,
      update: async (next) => {
        await view.rerender({ shared: next, custom, count });
        flushSync();
      },
      unmount: async () => view.unmount(),
    };
  },
  async act(fn) {
    await fn();
    flushSync();
    await tick();
  },
});

describe('<PullToRefresh bind:refreshing>', () => {
  it("sets the parent's state on a pull, and the parent turning it false ends the refresh", async () => {
    const host = createContractHost();
    let end!: () => void;
    const view = render(BindProbe, { props: { options: { host }, finish: (f: () => void) => (end = f) } });
    await tick();
    const element = view.getByTestId('scroller');
    const output = view.container.querySelector('output')!;
    expect(output.textContent).toBe('false');
    pullDown(host, element, 400);
    release(host, element);
    flushSync();
    expect(output.textContent).toBe('true');
    host.advance(3_000);
    await flushPromises();
    expect(element.getAttribute('data-tensile-state'), 'held while the parent says refreshing').toBe('refreshing');
    end();
    flushSync();
    await flushPromises();
    host.advance(400);
    expect(element.getAttribute('data-tensile-state')).toBe('complete');
    settle(host);
    expect(element.getAttribute('data-tensile-state')).toBe('idle');
    expect(output.textContent).toBe('false');
    view.unmount();
  });
});

describe('<PullToRefresh> bad input of its own', () => {
  it('an indicator that is not a snippet is an ElasticError naming the prop', () => {
    const attempt = () => render(PullToRefresh, { props: { indicator: 'spinner' as never } });
    expect(attempt).toThrow(ElasticError);
    expect(attempt).toThrow(/<PullToRefresh>: indicator is "spinner", expected a snippet/);
  });
});
