// Shared vitest settings: resolve workspace packages to their sources (the "source" export
// condition), so tests never need a prior build.
import { defaultClientConditions, defaultServerConditions } from 'vite';
import type { UserConfig } from 'vite';

export const sourceConditions: UserConfig = {
  resolve: { conditions: ['source', ...defaultClientConditions] },
  ssr: { resolve: { conditions: ['source', ...defaultServerConditions], externalConditions: ['source'] } },
};
