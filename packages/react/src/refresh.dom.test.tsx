// @vitest-environment jsdom
// The hook's third element: a stable refresh() for a button, the same refresh as a pull.
import { act, fireEvent, render } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createContractHost, flushPromises, settle } from '@tensile/adapter-contract';
import type { ElasticOptions } from '@tensile/core/elastic';
import { useDamping } from './use-damping';

describe('refresh()', () => {
  it('refreshes once from a button, keeps its identity across renders and settles', async () => {
    const host = createContractHost();
    const onRefresh = vi.fn();
    const seen = new Set<unknown>();
    function Feed({ options }: { options: ElasticOptions }) {
      const [ref, pull, refresh] = useDamping(options);
      seen.add(refresh);
      return (
        <div>
          <ul ref={ref}><li>a</li></ul>
          <button onClick={() => void refresh()}>{pull.state}</button>
        </div>
      );
    }
    const view = render(<Feed options={{ host, pullToRefresh: { onRefresh } }} />);
    view.rerender(<Feed options={{ host, pullToRefresh: { onRefresh } }} />);
    const button = view.getByRole('button');
    await act(async () => fireEvent.click(button));
    expect(onRefresh).toHaveBeenCalledTimes(1);
    expect(button.textContent).toBe('refreshing');
    await act(async () => {
      await flushPromises();
      settle(host);
    });
    expect(button.textContent).toBe('idle');
    expect(seen.size).toBe(1);
    view.unmount();
  });
});
