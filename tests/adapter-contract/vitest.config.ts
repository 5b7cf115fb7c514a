import { defineConfig, mergeConfig } from 'vitest/config';
import { sourceConditions } from '../../vitest.shared.mjs';

export default mergeConfig(
  sourceConditions,
  defineConfig({
    // @tensile/react's source would otherwise import its own React 19; the React 18 run needs
    // every `react` import to be this package's copy.
    resolve: { dedupe: ['react', 'react-dom'] },
    test: {
      include: ['src/**/*.test.ts'],
      environment: 'node',
    },
  }),
);
