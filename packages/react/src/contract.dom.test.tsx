// @vitest-environment jsdom
// The shared adapter contract against useDamping (plain and under StrictMode's double effects and
// refs) and against <PullToRefresh>, mounted with React Testing Library.
import type { ReactNode } from 'react';
import { act, render } from '@testing-library/react';
import { runAdapterContract, type AdapterHarness } from '@tensile/adapter-contract';
import type { BindingOptions } from '@tensile/core/elastic/controlled';
import { useDamping } from './use-damping';
import { PullToRefresh } from './pull-to-refresh';

interface ProbeProps {
  options: BindingOptions;
  log: string[];
  controls: { refresh?: () => Promise<void>; loadMore?: () => Promise<void> };
}

function HookProbe({ options, log, controls }: ProbeProps) {
  const [ref, snapshot, refresh, loadMore] = useDamping(options);
  Object.assign(controls, { refresh, loadMore });
  log.push(snapshot.state);
  return (
    <div>
      <div ref={ref} data-testid="scroller">
        <div>content</div>
      </div>
      <output data-testid="state">{snapshot.state}</output>
    </div>
  );
}

// The component takes onRefresh, refreshing and onRefreshingChange as props, the rest as `options`.
function ComponentProbe({ options: { pullToRefresh, refreshing, onRefreshingChange, ...options }, log }: ProbeProps) {
  const { onRefresh, ...refresh } = typeof pullToRefresh === 'object' ? pullToRefresh : {};
  // Called once per state panel at mount; a call later would be a render during a drag.
  const indicator = (state: string) => {
    log.push(state);
    return <output>{state}</output>;
  };
  return (
    <PullToRefresh onRefresh={onRefresh} refreshing={refreshing} onRefreshingChange={onRefreshingChange} options={{ ...options, pullToRefresh: refresh }} indicator={indicator}>
      <p>content</p>
    </PullToRefresh>
  );
}

function harness(name: string, Probe: (props: ProbeProps) => ReactNode, reactStrictMode: boolean, scroller: string, rendersState = true): AdapterHarness {
  return {
    name,
    rendersState,
    hasControls: rendersState,
    controlled: true,
    async mount(options) {
      const log: string[] = [];
      const controls = {};
      const view = render(<Probe options={options} log={log} controls={controls} />, { reactStrictMode });
      const element = view.container.querySelector<HTMLElement>(scroller)!;
      return {
        element,
        readState: () => view.container.querySelector('output')?.textContent ?? null,
        renders: () => log,
        update: async (next) => act(async () => view.rerender(<Probe options={next} log={log} controls={controls} />)),
        unmount: async () => view.unmount(),
        controls: controls as Required<ProbeProps['controls']>,
      };
    },
    act: (fn) => act(async () => void (await fn())),
  };
}

runAdapterContract(harness('useDamping', HookProbe, false, '[data-testid=scroller]'));
runAdapterContract(harness('useDamping in StrictMode', HookProbe, true, '[data-testid=scroller]'));
runAdapterContract(harness('<PullToRefresh>', ComponentProbe, false, '[data-tensile-pull-to-refresh]', false));
runAdapterContract(harness('<PullToRefresh> in StrictMode', ComponentProbe, true, '[data-tensile-pull-to-refresh]', false));
