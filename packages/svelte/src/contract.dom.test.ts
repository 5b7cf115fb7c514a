// @vitest-environment jsdom
// The shared adapter contract against the elastic action (as `use:` and through fromAction) and
// elasticStore, mounted with Svelte Testing Library on compiled Svelte 5 fixtures.
import { flushSync, tick, type Component } from 'svelte';
import { render } from '@testing-library/svelte';
import { runAdapterContract, type AdapterHarness } from '@tensile/adapter-contract';
import type { BindingOptions } from '@tensile/core/elastic/controlled';
import ActionProbe from './test-support/ActionProbe.svelte';
import AttachProbe from './test-support/AttachProbe.svelte';
import StoreProbe from './test-support/StoreProbe.svelte';
import ComponentProbe from './test-support/ComponentProbe.svelte';

type Controls = { refresh: () => Promise<void>; loadMore: () => Promise<void> };
type Probe = Component<{ options: BindingOptions; log: string[]; controls: Controls }>;

function harness(name: string, component: Probe, rendersState: boolean, hasControls = rendersState): AdapterHarness {
  return {
    name,
    rendersState,
    hasControls,
    controlled: true,
    async mount(options) {
      const log: string[] = [];
      const controls = {} as Controls;
      const view = render(component, { props: { options, log, controls } });
      await tick();
      return {
        element: view.getByTestId('scroller'),
        readState: () => view.container.querySelector('output')?.textContent ?? null,
        renders: () => log,
        update: async (next) => {
          await view.rerender({ options: next, log, controls });
          flushSync();
        },
        unmount: async () => view.unmount(),
        controls,
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
runAdapterContract(harness('<PullToRefresh>', ComponentProbe as unknown as Probe, false, true));
