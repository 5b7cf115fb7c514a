// Svelte components in tests (the fixtures under src/test-support) are compiled by the Svelte vite
// plugin; svelteTesting() resolves Svelte's browser runtime and cleans the DOM after each test.
import { defineConfig, mergeConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { sourceConditions } from '../../vitest.shared.mjs';

export default mergeConfig(
  sourceConditions,
  defineConfig({
    plugins: [svelte({ configFile: false }), svelteTesting()],
    test: {
      include: ['src/**/*.test.ts'],
      environment: 'node',
    },
  }),
);
