// @vitest-environment jsdom
// Hydration: the server's markup (idle snapshot) matches the client's first render, and the
// hydrated element is live afterwards.
import { act } from '@testing-library/react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { createContractHost, pullDown } from '@tensile/adapter-contract';
import type { ElasticOptions } from '@tensile/core/elastic';
import { useDamping } from './use-damping';

function Feed({ options }: { options: ElasticOptions }) {
  const [ref, pull] = useDamping(options);
  return (
    <section>
      <ul ref={ref}><li>item</li></ul>
      <output>{pull.state}</output>
    </section>
  );
}

describe('hydration', () => {
  it('hydrates without a mismatch and attaches on the client', async () => {
    const host = createContractHost();
    const options: ElasticOptions = { host, pullToRefresh: { onRefresh: () => undefined } };
    const container = document.body.appendChild(document.createElement('div'));
    container.innerHTML = renderToString(<Feed options={options} />);
    const errors = vi.spyOn(console, 'error');
    let root: ReturnType<typeof hydrateRoot> | undefined;
    await act(async () => {
      root = hydrateRoot(container, <Feed options={options} />, { onRecoverableError: (error) => console.error(error) });
    });
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
    const list = container.querySelector('ul')!;
    expect(list.getAttribute('data-tensile-state')).toBe('idle');
    await act(async () => pullDown(host, list, 400));
    expect(container.querySelector('output')!.textContent).toBe('ready');
    await act(async () => root!.unmount());
    expect(host.listenerCount()).toBe(0);
  });
});
