// The Vite settings the three demos share (each demo's vite.config.ts adds its framework plugin).
// Relative base: the built demo works from any sub-path (pnpm start serves /react/, /vue/, /svelte/).
// The "source" condition builds the workspace packages from their TypeScript sources, so a demo
// builds on a fresh clone without building the packages first.
import { fileURLToPath } from 'node:url';
import { defaultClientConditions, type UserConfig } from 'vite';
import { compileHints } from './compile-hints';

export function demoViteConfig(plugins: NonNullable<UserConfig['plugins']>): UserConfig {
  return {
    base: './',
    plugins: [...plugins, compileHints({ entryOnly: true })],
    // The models the demos load (written by `pnpm start`, see scripts/start/models.ts).
    publicDir: fileURLToPath(new URL('./public', import.meta.url)),
    resolve: { conditions: ['source', ...defaultClientConditions] },
    build: {
      target: 'es2022',
      // TF.js is one lazy chunk of about 1.5 MB that only the curves and lab pages load.
      chunkSizeWarningLimit: 2000,
    },
  };
}
