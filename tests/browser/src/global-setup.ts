// Vitest global setup: builds the fixture pages and the three demo apps once (vite build, the
// bundles users get), serves each on localhost for the whole run and hands the URLs to the tests
// (`inject('fixturesUrl')`, `inject('demoUrls')`).
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { DEMOS, type DemoName } from './harness/demo';
import { processesTagged, RUN_TAG, type Leftover } from './harness/processes';
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

/**
 * Ends what the harness started and is still running after the run (a browser, driver or Xvfb a
 * crashed worker left behind) and names it: such a leftover fails the run.
 */
export function endLeftovers(tag: string): Leftover[] {
  const leftovers = processesTagged(tag);
  for (const { pid } of leftovers) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Gone meanwhile.
    }
  }
  return leftovers;
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // Tags every browser, driver and Xvfb process the test workers start (harness/processes.ts).
  const tag = `${process.pid}-${Date.now()}`;
  process.env[RUN_TAG] = tag;
  const served: Served[] = [];
  // One output folder per run: two runs at once (a developer's and turbo's) must not empty each
  // other's bundles while they are being served.
  await mkdir(path.join(packageDir, '.browser-dist'), { recursive: true });
  const runDir = await mkdtemp(path.join(packageDir, '.browser-dist', 'run-'));
  const closeAll = async () => {
    await Promise.all(served.map((s) => s.close()));
    await rm(runDir, { recursive: true, force: true });
    // Processes end asynchronously after their group is signalled: give them a moment.
    for (let i = 0; i < 20 && processesTagged(tag).length; i++) await new Promise((resolve) => setTimeout(resolve, 250));
    const leftovers = endLeftovers(tag);
    if (leftovers.length) {
      throw new Error(`browser tests left ${leftovers.length} process(es) running (now ended):\n${leftovers.map((p) => `  ${p.pid} ${p.command}`).join('\n')}`);
    }
  };
  try {
    const fixturesDir = path.join(runDir, 'fixtures');
    await buildPages({ configFile: path.join(packageDir, 'fixtures', 'vite.config.ts') }, fixturesDir);
    served.push(await servePages(fixturesDir));
    project.provide('fixturesUrl', served[0].url);

    const demoUrls: Partial<Record<DemoName, string>> = {};
    for (const name of DEMOS) {
      const appDir = path.join(appsDir, `${name}-demo`);
      const configFile = path.join(appDir, 'vite.config.ts');
      // A demo that is not in the checkout is reported by the suite (it fails its "exists" test).
      if (!existsSync(configFile)) continue;
      const outDir = path.join(runDir, name);
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
