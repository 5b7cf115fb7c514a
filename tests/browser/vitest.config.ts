// Real-browser tests: one Chromium at a time (the machines have few cores), generous timeouts
// for the one-off Vite builds in global setup. Nothing here asserts wall-clock times.
import { defineConfig, mergeConfig } from 'vitest/config';
import { sourceConditions } from '../../vitest.shared.mjs';

export default mergeConfig(
  sourceConditions,
  defineConfig({
    test: {
      include: ['src/**/*.test.ts'],
      environment: 'node',
      globalSetup: ['src/global-setup.ts'],
      fileParallelism: false,
      testTimeout: 60_000,
      hookTimeout: 180_000,
    },
  }),
);
