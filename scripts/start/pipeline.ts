// `pnpm start` after the article table: build the packages, fit the article's samples and write
// the models the demos load, build the three demos and the docs site, then serve them all and an
// index page on one port.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { indexPage, type DemoLink } from './index-page';
import { writeDemoModels } from './models';
import { serveOnFreePort, type Mount } from './serve';
import { run, step } from './steps';

export interface StartOptions {
  /** Repository root. */
  readonly root: string;
  /** Serve the demos after building them (false: build and exit, for CI and the browser suite). */
  readonly serve: boolean;
  /** First port to try (the next free one up to +19 is taken). */
  readonly port: number;
}

const DEMOS: readonly (DemoLink & { pkg: string; dir: string })[] = [
  { name: 'React', path: '/react/', adapter: 'useDamping() · <PullToRefresh>', pkg: '@tensile/react-demo', dir: 'apps/react-demo',
    pages: ['feed', 'endless', 'page', 'edges', 'carousel', 'nested', 'curves', 'lab'] },
  { name: 'Vue', path: '/vue/', adapter: 'v-elastic · useElastic()', pkg: '@tensile/vue-demo', dir: 'apps/vue-demo',
    pages: ['feed', 'endless', 'page', 'edges', 'carousel', 'nested', 'curves', 'lab'] },
  { name: 'Svelte', path: '/svelte/', adapter: 'use:elastic · elasticStore()', pkg: '@tensile/svelte-demo', dir: 'apps/svelte-demo',
    pages: ['feed', 'endless', 'page', 'edges', 'carousel', 'nested', 'curves', 'lab'] },
];

/** The docs site (apps/docs), served under the base its VitePress config builds for. */
const DOCS = { pkg: '@tensile/docs', path: '/docs/', dist: 'apps/docs/.vitepress/dist' } as const;

export async function startDemos(options: StartOptions): Promise<Server | null> {
  const { root } = options;
  // pnpm runs the builds in dependency order; unlike turbo it only warns about dev-dependency
  // cycles between workspace packages (test packages depend on the adapters they test).
  await step('Building the packages (pnpm --filter ./packages/* build)', () =>
    run('pnpm', ['--filter', './packages/*', 'run', 'build'], root));

  const models = await step('Fitting the article samples (ll3) and writing the demo models', () =>
    writeDemoModels(join(root, 'apps/shared/public/models')));
  for (const line of models.summary) console.log(`    ${line}`);

  await step('Building the React, Vue and Svelte demos (vite build)', () =>
    run('pnpm', [...DEMOS.flatMap((demo) => ['--filter', demo.pkg]), 'run', 'build'], root));

  await step('Building the docs site (TypeDoc API reference, VitePress)', () =>
    run('pnpm', ['--filter', DOCS.pkg, 'run', 'build'], root));

  if (!options.serve) {
    console.log('\nBuilt demos:');
    for (const demo of DEMOS) console.log(`  ${demo.name.padEnd(7)} ${join(root, demo.dir, 'dist')}`);
    console.log(`  Docs    ${join(root, DOCS.dist)}`);
    return null;
  }

  const siteDir = await mkdtemp(join(tmpdir(), 'tensile-start-'));
  await writeFile(join(siteDir, 'index.html'), indexPage(DEMOS, DOCS.path));
  const mounts: Mount[] = [
    { prefix: '/', dir: siteDir },
    ...DEMOS.map((demo) => ({ prefix: demo.path, dir: join(root, demo.dir, 'dist') })),
    { prefix: DOCS.path, dir: join(root, DOCS.dist) },
  ];
  const { server, port } = await serveOnFreePort(mounts, options.port);
  // Ctrl+C (or a kill) closes the server and removes the index page's folder: nothing is left behind.
  const stop = () => {
    server.close();
    server.closeAllConnections();
    void rm(siteDir, { recursive: true, force: true }).finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const base = `http://localhost:${port}`;
  console.log(`\nServing the docs and the demos (Ctrl+C to stop):`);
  console.log(`  Index   ${base}/`);
  console.log(`  Docs    ${base}${DOCS.path} (guides ${base}${DOCS.path}guide/getting-started.html, API ${base}${DOCS.path}api/)`);
  for (const demo of DEMOS) console.log(`  ${demo.name.padEnd(7)} ${base}${demo.path}`);
  return server;
}

/** Reads `--no-serve` / `--port N` (and TENSILE_NO_SERVE / TENSILE_PORT) from the command line. */
export function startOptionsFrom(argv: readonly string[], root: string): StartOptions {
  const portArg = argv.indexOf('--port');
  const port = Number(portArg >= 0 ? argv[portArg + 1] : process.env.TENSILE_PORT ?? 4173);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`--port must be an integer in 1..65535, got ${portArg >= 0 ? argv[portArg + 1] : process.env.TENSILE_PORT}`);
  }
  const serve = !argv.includes('--no-serve') && !['1', 'true'].includes(process.env.TENSILE_NO_SERVE ?? '');
  return { root, serve, port };
}
