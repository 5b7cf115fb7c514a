// The docs' own tests: the link and reference checks, and the built site in a real Chromium.
// Browser tests wait on navigation and on a real touch gesture; on a loaded machine that takes
// longer than vitest's 5 s default, so each test gets a minute (nothing asserts wall-clock times).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
