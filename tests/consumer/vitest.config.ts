// The consumer test: one file, long hooks (pack, offline install, four Vite builds), one Chromium.
// Nothing here asserts wall-clock times.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 600_000,
  },
});
