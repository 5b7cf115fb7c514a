// What each framework adapter adds on top of the engine: every size-limit entry of @tensile/react,
// @tensile/vue and @tensile/svelte (the binding and <PullToRefresh>, budgets of issue 12), as
// `pnpm size` measures it after a build, with the headroom left under each budget.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { BenchSuite } from '../suite';
import { table } from '../measure';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const ADAPTERS = ['react', 'vue', 'svelte'];

interface SizeLimitEntry {
  name: string;
  size: number;
  sizeLimit?: number;
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(2)} kB`;

const suite: BenchSuite = {
  id: 'adapters',
  title: 'Adapters: binding and component size',
  async run() {
    const filters = ADAPTERS.flatMap((adapter) => ['--filter', `@tensile/${adapter}`]);
    await run('pnpm', ['turbo', 'run', 'build', ...filters], { cwd: root, maxBuffer: 16 << 20 });
    const rows: string[][] = [];
    for (const adapter of ADAPTERS) {
      const cwd = path.join(root, 'packages', adapter);
      // Svelte's component is measured compiled, as an app's bundler compiles it (its `size` script does this first).
      if (existsSync(path.join(cwd, 'scripts', 'compile-for-size.mjs'))) await run('node', ['scripts/compile-for-size.mjs'], { cwd });
      const { stdout } = await run('pnpm', ['exec', 'size-limit', '--json'], { cwd, maxBuffer: 16 << 20 });
      for (const entry of JSON.parse(stdout) as SizeLimitEntry[]) {
        const budget = entry.sizeLimit;
        rows.push([entry.name, kB(entry.size), budget ? kB(budget) : 'reported only', budget ? `${budget - entry.size} B` : '']);
      }
    }
    return [
      'Each adapter measured by size-limit (esbuild, min+gzip) after `pnpm build`, as `pnpm size` checks it: the',
      'framework and `@tensile/core` left out (the engine and the binding code the three adapters share in',
      '`@tensile/core/elastic/controlled`), except in the rows that add that shared code (engine still left out).',
      "Budgets (issue 12): each binding at most 1 kB, each `<PullToRefresh>` at most 1.5 kB more (React's",
      'component is measured with the hook it is built on, so its budget is 2.5 kB). Svelte\'s component is',
      'measured compiled for the client in production mode, as an app\'s bundler compiles it.',
      '',
      table(['entry', 'min+gzip', 'budget', 'headroom'], rows),
    ].join('\n');
  },
};

export default suite;
