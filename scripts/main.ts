// `pnpm start`: the main job. First the article's curve and its gradients through the
// differentiation engine (article-table.ts), then the demos (start/pipeline.ts): build the
// packages, fit the article's samples and write the models the demos load, build the React, Vue
// and Svelte demos and serve them with an index page on localhost, printing the URLs.
// `pnpm start --no-serve` builds and exits; `--port N` picks the first port to try.
import { fileURLToPath } from 'node:url';
import { articleTable } from './article-table';
import { startDemos, startOptionsFrom } from './start/pipeline';

process.stdout.write(articleTable() + '\n\n');

const root = fileURLToPath(new URL('..', import.meta.url));
try {
  await startDemos(startOptionsFrom(process.argv.slice(2), root));
} catch (error) {
  process.stderr.write(`\npnpm start failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
