// Tests of the demos' shared logic, and of the `pnpm start` pipeline pieces in scripts/start
// (the repository root is no workspace package, so those tests run here).
import { defineConfig, mergeConfig } from 'vitest/config';
import { sourceConditions } from '../../vitest.shared.mjs';

export default mergeConfig(
  sourceConditions,
  defineConfig({
    test: {
      include: ['src/**/*.test.ts', '../../scripts/start/**/*.test.ts'],
      environment: 'node',
    },
  }),
);
