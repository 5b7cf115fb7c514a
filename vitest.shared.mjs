// Shared vitest settings for every workspace package: resolve workspace packages to their sources
// (the "source" export condition), so tests never need a prior build, and timeouts sized for a
// loaded 2-core CI machine (turbo runs several packages' suites at once; tests never assert time).
import { defaultClientConditions, defaultServerConditions } from 'vite';

/** @type {import('vitest/config').ViteUserConfig} */
export const sourceConditions = {
  resolve: { conditions: ['source', ...defaultClientConditions] },
  ssr: { resolve: { conditions: ['source', ...defaultServerConditions], externalConditions: ['source'] } },
  test: { testTimeout: 60_000, hookTimeout: 120_000 },
};
