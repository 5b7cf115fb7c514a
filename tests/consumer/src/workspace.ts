// The throwaway apps: a pnpm workspace outside the repository (in a folder whose name has a
// space), each app's files copied from tests/consumer/apps, its package.json and index.html written here,
// with @tensile/* pointing at the packed tarballs and everything else at the locked versions.
import { execFile } from 'node:child_process';
import { cp, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Tarball } from './pack';
import { lockedVersion, type Lockfile } from './offline-metadata';

const run = promisify(execFile);

interface AppDependencies {
  /** Packages installed from the tarballs. */
  tensile: readonly string[];
  /** Packages installed at the versions tests/consumer locks. */
  thirdParty: readonly string[];
  /** The Vite app's page: its title and its module entry (index.html is written from one template). */
  page?: { title: string; entry: string; mountId: string };
}

/** The one index.html every Vite app gets: a phone viewport, no favicon request, an element to mount on. */
function indexHtml(page: { title: string; entry: string; mountId: string }): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <link rel="icon" href="data:," />
    <title>${page.title}</title>
  </head>
  <body style="margin: 0">
    <div id="${page.mountId}"></div>
    <script type="module" src="${page.entry}"></script>
  </body>
</html>
`;
}

export const APPS: Record<string, AppDependencies> = {
  react: { tensile: ['@tensile/core', '@tensile/react'], thirdParty: ['react', 'react-dom', 'vite', '@vitejs/plugin-react'], page: { title: 'Consumer app: React', entry: '/src/main.jsx', mountId: 'root' } },
  'react-plain': { tensile: [], thirdParty: ['react', 'react-dom', 'vite', '@vitejs/plugin-react'], page: { title: 'Consumer app: React', entry: '/src/main.jsx', mountId: 'root' } },
  vue: { tensile: ['@tensile/core', '@tensile/vue'], thirdParty: ['vue', 'vite', '@vitejs/plugin-vue'], page: { title: 'Consumer app: Vue', entry: '/src/main.js', mountId: 'app' } },
  svelte: { tensile: ['@tensile/core', '@tensile/svelte'], thirdParty: ['svelte', 'vite', '@sveltejs/vite-plugin-svelte'], page: { title: 'Consumer app: Svelte', entry: '/src/main.js', mountId: 'app' } },
  node: { tensile: ['@tensile/core', '@tensile/cli'], thirdParty: [] },
};

/** The importer whose locked versions the apps get (its package.json lists them all). */
const IMPORTER = 'tests/consumer';

export async function writeWorkspace(options: { root: string; work: string; tarballs: Tarball[]; lockfile: Lockfile }): Promise<void> {
  const { root, work, tarballs, lockfile } = options;
  const tarballOf = (name: string) => {
    const found = tarballs.find((tarball) => tarball.name === name);
    if (!found) throw new Error(`no tarball for ${name}`);
    return `file:${path.relative(work, found.file)}`;
  };
  // Overrides send the adapters' dependency on @tensile/core (a plain version once packed) to
  // the core tarball too, so nothing is looked up on the registry.
  const overrides = Object.fromEntries(tarballs.map((tarball) => [tarball.name, tarballOf(tarball.name)]));
  await writeFile(
    path.join(work, 'pnpm-workspace.yaml'),
    ['packages:', '  - apps/*', 'overrides:', ...Object.entries(overrides).map(([name, spec]) => `  '${name}': '${spec}'`), ''].join('\n'),
  );
  await writeFile(path.join(work, 'package.json'), JSON.stringify({ name: 'tensile-consumer', private: true }, null, 2));
  for (const [app, deps] of Object.entries(APPS)) {
    const dir = path.join(work, 'apps', app);
    await cp(path.join(root, IMPORTER, 'apps', app), dir, { recursive: true });
    if (deps.page) await writeFile(path.join(dir, 'index.html'), indexHtml(deps.page));
    const dependencies: Record<string, string> = {};
    for (const name of deps.tensile) dependencies[name] = `file:${path.relative(dir, path.join(work, tarballOf(name).slice('file:'.length)))}`;
    for (const name of deps.thirdParty) dependencies[name] = lockedVersion(lockfile, IMPORTER, name);
    const scripts = deps.thirdParty.includes('vite') ? { build: 'vite build' } : {};
    await writeFile(path.join(dir, 'package.json'), JSON.stringify({ name: `consumer-${app}`, private: true, type: 'module', scripts, dependencies }, null, 2));
  }
}

/** `pnpm install --offline` with the metadata cache written from the lockfile (offline-metadata.ts). */
export async function installOffline(work: string, cacheDir: string, storeDir: string): Promise<string> {
  const { stdout, stderr } = await run('pnpm', ['install', '--offline', '--cache-dir', cacheDir, '--store-dir', storeDir, '--reporter', 'append-only'], {
    cwd: work,
    env: withoutPnpmRunVariables(),
    maxBuffer: 16 << 20,
  });
  return stdout + stderr;
}

/**
 * The environment without the npm_* variables `pnpm test` exported to us: they name the
 * monorepo's own settings and would follow pnpm into the throwaway workspace.
 */
export function withoutPnpmRunVariables(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(npm|pnpm)_/i.test(key)));
}
