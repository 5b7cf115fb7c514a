// Real-browser tests in Chromium, Firefox and WebKit: one browser at a time (the machines have
// few cores), generous timeouts for the one-off Vite builds in global setup. Nothing here asserts
// wall-clock times. The engine summary (src/engine-summary.ts) prints per engine what ran, passed
// and was not applicable.
import { defineConfig, mergeConfig } from 'vitest/config';
import { sourceConditions } from '../../vitest.shared.mjs';

export default mergeConfig(
  sourceConditions,
  defineConfig({
    test: {
      include: ['src/**/*.test.ts'],
      environment: 'node',
      globalSetup: ['src/global-setup.ts'],
      reporters: ['default', './src/engine-summary.ts'],
      fileParallelism: false,
      testTimeout: 90_000,
      hookTimeout: 180_000,
    },
  }),
);
