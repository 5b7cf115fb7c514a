// @vitest-environment jsdom
// The shared adapter contract against the elastic action (as `use:` and through fromAction) and
// elasticStore, mounted with Svelte Testing Library on compiled Svelte 5 fixtures.
import { flushSync, tick, type Component } from 'svelte';
import { render } from '@testing-library/svelte';
import { runAdapterContract, type AdapterHarness } from '@tensile/adapter-contract';
import type { ElasticOptions } from '@tensile/core/elastic';
import ActionProbe from './test-support/ActionProbe.svelte';
import AttachProbe from './test-support/AttachProbe.svelte';
import StoreProbe from './test-support/StoreProbe.svelte';

type Probe = Component<{ options: ElasticOptions; log: string[] }>;

function harness(name: string, component: Probe, rendersState: boolean): AdapterHarness {
  return {
    name,
    rendersState,
    async mount(options) {
      const log: string[] = [];
      const view = render(component, { props: { options, log } });
      await tick();
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
      flushSync();
      await tick();
    },
  };
}

runAdapterContract(harness('use:elastic', ActionProbe, false));
runAdapterContract(harness('fromAction(elastic)', AttachProbe, false));
runAdapterContract(harness('elasticStore + use:pull.action', StoreProbe, true));
