// The Vite settings the three demos share (each demo's vite.config.ts adds its framework plugin).
// Relative base: the built demo works from any sub-path (pnpm start serves /react/, /vue/, /svelte/).
// The "source" condition builds the workspace packages from their TypeScript sources, so a demo
// builds on a fresh clone without building the packages first.
import { fileURLToPath } from 'node:url';
import { defaultClientConditions, type Plugin, type UserConfig } from 'vite';

/**
 * Marks the entry chunk for eager compilation (V8's explicit compile hints, Chromium 136+; other
 * engines read a comment). Without it V8 compiles each function on its first call, and the first
 * touch of a page is when the framework's event dispatch, the engine's gesture code and the
 * framework's update path first run: a trace of the first pull showed about 40 functions compiled
 * inside the touchstart and again inside the first touchmove, half of those frames' main-thread
 * time. With the hint they compile while the script streams in, off the main thread. Only the
 * entry chunk: the lazy TF.js and lab chunks stay lazily compiled.
 */
function compileHints(): Plugin {
  return {
    name: 'tensile-demo-compile-hints',
    apply: 'build',
    enforce: 'post',
    // After Vite's own preamble (the lazy-chunk map): the comment has to be the file's first line.
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const chunk of Object.values(bundle)) {
          if (chunk.type === 'chunk' && chunk.isEntry) chunk.code = `//# allFunctionsCalledOnLoad\n${chunk.code}`;
        }
      },
    },
  };
}

export function demoViteConfig(plugins: NonNullable<UserConfig['plugins']>): UserConfig {
  return {
    base: './',
    plugins: [...plugins, compileHints()],
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
