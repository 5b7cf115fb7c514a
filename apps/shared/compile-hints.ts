// A Vite plugin that marks built chunks for eager compilation (V8's explicit compile hints,
// Chromium 136+; other engines read a comment). Shared by the demos (apps/shared/vite-config.ts)
// and the browser-test fixture pages (tests/browser/fixtures/vite.config.ts).
//
// Without it V8 compiles each function on its first call, and the first touch of a page is when
// the framework's event dispatch, the engine's gesture code and the framework's update path first
// run: a trace of the first pull showed about 40 functions compiled inside the touchstart and again
// inside the first touchmove on the React demo (13 and 15 on feed.html, 1-6 ms each at 4x CPU
// throttling), half of those frames' main-thread time. With the hint they compile while the script
// streams in, off the main thread.
import type { Plugin } from 'vite';

export interface CompileHintsOptions {
  /** Only entry chunks (the demos: their lazy TF.js and lab chunks stay lazily compiled), or every chunk. */
  entryOnly: boolean;
}

export function compileHints({ entryOnly }: CompileHintsOptions): Plugin {
  return {
    name: 'tensile-compile-hints',
    apply: 'build',
    enforce: 'post',
    // After Vite's own preamble (the lazy-chunk map): the comment has to be the file's first line.
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const chunk of Object.values(bundle)) {
          if (chunk.type !== 'chunk' || (entryOnly && !chunk.isEntry)) continue;
          chunk.code = `//# allFunctionsCalledOnLoad\n${chunk.code}`;
          // A source map (already emitted as an asset) gets one empty line in front to match.
          const map = bundle[`${chunk.fileName}.map`];
          if (map?.type === 'asset' && typeof map.source === 'string') {
            const json = JSON.parse(map.source) as { mappings: string };
            map.source = JSON.stringify({ ...json, mappings: `;${json.mappings}` });
          }
        }
      },
    },
  };
}
