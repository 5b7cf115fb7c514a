// Vitest global setup: builds the fixture pages and the three demo apps once (vite build, the
// bundles users get), serves each on localhost for the whole run and hands the URLs to the tests
// (`inject('fixturesUrl')`, `inject('demoUrls')`).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { DEMOS, type DemoName } from './harness/demo';
import { buildPages, servePages, type Served } from './harness/serve';

const here = path.dirname(fileURLToPath(import.meta.url));
const packageDir = path.resolve(here, '..');
const appsDir = path.resolve(packageDir, '../../apps');

declare module 'vitest' {
  export interface ProvidedContext {
    fixturesUrl: string;
    /** Base URL of each built demo (index.html; routes are hashes). */
    demoUrls: Partial<Record<DemoName, string>>;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const served: Served[] = [];
  const closeAll = () => Promise.all(served.map((s) => s.close())).then(() => undefined);
  try {
    const fixturesDir = path.join(packageDir, '.fixtures-dist');
    await buildPages({ configFile: path.join(packageDir, 'fixtures', 'vite.config.ts') }, fixturesDir);
    served.push(await servePages(fixturesDir));
    project.provide('fixturesUrl', served[0].url);

    const demoUrls: Partial<Record<DemoName, string>> = {};
    for (const name of DEMOS) {
      const appDir = path.join(appsDir, `${name}-demo`);
      const configFile = path.join(appDir, 'vite.config.ts');
      // A demo that is not in the checkout is reported by the suite (it fails its "exists" test).
      if (!existsSync(configFile)) continue;
      const outDir = path.join(packageDir, '.demos-dist', name);
      await buildPages({ root: appDir, configFile }, outDir);
      const s = await servePages(outDir);
      served.push(s);
      demoUrls[name] = s.url;
    }
    project.provide('demoUrls', demoUrls);
  } catch (error) {
    await closeAll();
    throw error;
  }
  return closeAll;
}
