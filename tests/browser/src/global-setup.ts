// Vitest global setup: builds the fixture pages once, serves them on localhost for the whole
// run and hands their URL to the tests (`inject('fixturesUrl')`).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { buildPages, servePages, type Served } from './harness/serve';

const here = path.dirname(fileURLToPath(import.meta.url));
const packageDir = path.resolve(here, '..');

declare module 'vitest' {
  export interface ProvidedContext {
    fixturesUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const outDir = path.join(packageDir, '.fixtures-dist');
  await buildPages({ configFile: path.join(packageDir, 'fixtures', 'vite.config.ts') }, outDir);
  const served: Served[] = [await servePages(outDir)];
  project.provide('fixturesUrl', served[0].url);
  return async () => {
    await Promise.all(served.map((s) => s.close()));
  };
}
