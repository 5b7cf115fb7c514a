// Registers the adapter contract as one vitest describe block per adapter harness.
import { describe, it } from 'vitest';
import type { AdapterHarness } from './harness';
import { contractScenarios } from './scenarios';

export function runAdapterContract(harness: AdapterHarness): void {
  describe(`adapter contract: ${harness.name}`, () => {
    for (const scenario of contractScenarios) {
      if (scenario.needs && !harness[scenario.needs]) continue;
      it(scenario.name, () => scenario.run(harness));
    }
  });
}
