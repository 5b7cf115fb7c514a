// @vitest-environment jsdom
// <PullToRefresh>'s own markup: the wrapper is the bound container, its first child the layer the
// engine translates, and the default indicator labels each state in the gap the pull opens.
import { act, render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createContractHost, flushPromises, pullDown, release, settle } from '@tensile/adapter-contract';
import { PullToRefresh } from './pull-to-refresh';

describe('<PullToRefresh>', () => {
  it('translates its first child and labels the states in the indicator', async () => {
    const host = createContractHost();
    let finish!: () => void;
    const view = render(
      <PullToRefresh onRefresh={() => new Promise<void>((r) => (finish = r))} options={{ host }} className="feed">
        <ul><li>item</li></ul>
      </PullToRefresh>,
    );
    const wrapper = view.container.querySelector<HTMLElement>('.feed')!;
    const layer = wrapper.firstElementChild as HTMLElement;
    const indicator = wrapper.querySelector('[data-tensile-indicator]')!;
    expect(layer.contains(indicator)).toBe(true);
    expect(indicator.getAttribute('aria-hidden')).toBe('true');
    expect(indicator.textContent).toBe('');

    await act(async () => pullDown(host, wrapper, 100));
    expect(indicator.textContent).toBe('Pull to refresh');
    await act(async () => pullDown(host, wrapper, 400));
    expect(indicator.textContent).toBe('Release to refresh');
    expect(layer.style.transform).toMatch(/^translate3d\(0,\s*\d+(\.\d+)?px,\s*0\)$/);
    await act(async () => release(host, wrapper));
    expect(indicator.textContent).toBe('Refreshing…');
    await act(async () => {
      finish();
      await flushPromises();
      host.advance(400);
    });
    expect(indicator.textContent).toBe('Done');
    await act(async () => settle(host));
    expect(indicator.textContent).toBe('');
    expect(layer.style.transform).toBe('');
    view.unmount();
  });
});
