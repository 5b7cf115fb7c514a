// @vitest-environment jsdom
// The shared adapter contract against useDamping (plain and under StrictMode's double effects and
// refs) and against <PullToRefresh>, mounted with React Testing Library.
import type { ReactNode } from 'react';
import { act, render } from '@testing-library/react';
import { runAdapterContract, type AdapterHarness } from '@tensile/adapter-contract';
import type { ElasticOptions, ElasticSnapshot } from '@tensile/core/elastic';
import { useDamping } from './use-damping';
import { PullToRefresh } from './pull-to-refresh';

interface ProbeProps {
  options: ElasticOptions;
  log: string[];
}

function HookProbe({ options, log }: ProbeProps) {
  const [ref, snapshot] = useDamping(options);
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

function ComponentProbe({ options: { pullToRefresh, ...options }, log }: ProbeProps) {
  const { onRefresh = () => undefined, ...refresh } = typeof pullToRefresh === 'object' ? pullToRefresh : {};
  const indicator = (snapshot: ElasticSnapshot) => {
    log.push(snapshot.state);
    return <output data-testid="state">{snapshot.state}</output>;
  };
  return (
    <PullToRefresh onRefresh={onRefresh} refresh={refresh} options={options} indicator={indicator}>
      <p>content</p>
    </PullToRefresh>
  );
}

function harness(name: string, Probe: (props: ProbeProps) => ReactNode, reactStrictMode: boolean, scroller: string): AdapterHarness {
  return {
    name,
    rendersState: true,
    async mount(options) {
      const log: string[] = [];
      const view = render(<Probe options={options} log={log} />, { reactStrictMode });
      const element = view.container.querySelector<HTMLElement>(scroller)!;
      return {
        element,
        readState: () => view.container.querySelector('output')?.textContent ?? null,
        renders: () => log,
        update: async (next) => view.rerender(<Probe options={next} log={log} />),
        unmount: async () => view.unmount(),
      };
    },
    act: (fn) => act(async () => void (await fn())),
  };
}

runAdapterContract(harness('useDamping', HookProbe, false, '[data-testid=scroller]'));
runAdapterContract(harness('useDamping in StrictMode', HookProbe, true, '[data-testid=scroller]'));
runAdapterContract(harness('<PullToRefresh>', ComponentProbe, false, '[data-tensile-pull-to-refresh]'));
runAdapterContract(harness('<PullToRefresh> in StrictMode', ComponentProbe, true, '[data-tensile-pull-to-refresh]'));
