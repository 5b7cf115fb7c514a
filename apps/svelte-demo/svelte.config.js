// Svelte compiler settings of the demo: TypeScript in components through Vite's preprocessing.
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

export default {
  preprocess: vitePreprocess(),
  compilerOptions: {
    // Scroll containers are focusable on purpose: keyboard users must be able to scroll them
    // (WCAG 2.1.1, axe's scrollable-region-focusable) and the engine's refresh key needs focus.
    // Svelte's rule counts role="region" as non-interactive; every other a11y warning stays on.
    warningFilter: (warning) => warning.code !== 'a11y_no_noninteractive_tabindex',
  },
};
