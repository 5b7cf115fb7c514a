// @vitest-environment jsdom
// @tensile/react promises `react: ^18 || ^19`; its own tests run on React 19, so this runs the
// same contract on React 18 (this package installs react@18, and vitest.config.ts dedupes
// `react` so the hook's source imports this copy too). No JSX: createElement keeps it plain.
import { createElement, version } from 'react';
import { act, render } from '@testing-library/react';
import { expect, it } from 'vitest';
// A relative import, not a workspace dependency: @tensile/react's tests depend on this package.
import { useDamping } from '../../../packages/react/src/use-damping';
import type { ElasticOptions } from '@tensile/core/elastic';
import type { AdapterHarness } from './harness';
import { runAdapterContract } from './run';

it('runs on React 18', () => {
  expect(version).toMatch(/^18\./);
});

interface ProbeProps {
  options: ElasticOptions;
  log: string[];
}

function Probe({ options, log }: ProbeProps) {
  const [ref, snapshot] = useDamping(options);
  log.push(snapshot.state);
  return createElement('div', null,
    createElement('div', { ref, 'data-testid': 'scroller' }, createElement('div', null, 'content')),
    createElement('output', null, snapshot.state));
}

function harness(reactStrictMode: boolean): AdapterHarness {
  return {
    name: `useDamping on React 18${reactStrictMode ? ' in StrictMode' : ''}`,
    rendersState: true,
    async mount(options) {
      const log: string[] = [];
      const view = render(createElement(Probe, { options, log }), { reactStrictMode });
      return {
        element: view.getByTestId('scroller'),
        readState: () => view.container.querySelector('output')?.textContent ?? null,
        renders: () => log,
        update: async (next) => view.rerender(createElement(Probe, { options: next, log })),
        unmount: async () => view.unmount(),
      };
    },
    act: (fn) => act(async () => void (await fn())),
  };
}

runAdapterContract(harness(false));
runAdapterContract(harness(true));
