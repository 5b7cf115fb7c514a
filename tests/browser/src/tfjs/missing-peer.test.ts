// `@tensile/core/tfjs` in a Vite app that did not install its optional peer `@tensorflow/tfjs`.
// Bundlers replace a missing optional peer with a stand-in module instead of failing the build:
// Vite 8 (ours) one that throws on import, Vite 4-7 production builds an empty `export default {}`
// (as webpack's `alias: false` does), where the import "works" and TF.js calls then die as
// `TypeError: e.ready is not a function`. This builds such an app for real (core copied into the
// app's node_modules, away from the workspace's TF.js), once as Vite 8 builds it and once with the
// empty stand-in aliased in, loads a dense model (plain JS, no TF.js) and a convolutional one
// (needs TF.js) in each engine, and expects the typed TfjsUnavailableError for the second.
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultClientConditions } from 'vite';
import { afterAll, beforeAll, expect } from 'vitest';
import { inEachEngine } from '../harness/matrix';
import { buildPages, servePages, type Served } from '../harness/serve';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../../../..');
const coreDir = path.join(repo, 'packages/core');
const fixtureApp = path.join(repo, 'tests/browser/fixtures/missing-tfjs');
const models = path.join(coreDir, 'test-fixtures/tfjs');

interface Outcome {
  ok: boolean;
  compiled?: boolean;
  value?: number;
  name?: string;
  code?: string;
  message?: string;
  typed?: boolean;
}

let workDir: string;
let appCore: string;
const VARIANTS = ['vite 8 stand-in', 'empty stand-in'] as const;
const served: Partial<Record<(typeof VARIANTS)[number], Served>> = {};

beforeAll(async () => {
  // Under the OS temp dir: no node_modules above it holds TF.js.
  workDir = await mkdtemp(path.join(os.tmpdir(), 'tensile-missing-tfjs-'));
  const app = path.join(workDir, 'app');
  await cp(fixtureApp, app, { recursive: true });
  // @tensile/core as npm would install it (a real folder, not the workspace symlink: Vite resolves
  // symlinks, and from packages/core the workspace's own TF.js would be found).
  appCore = path.join(app, 'node_modules/@tensile/core');
  await mkdir(appCore, { recursive: true });
  await cp(path.join(coreDir, 'package.json'), path.join(appCore, 'package.json'));
  await cp(path.join(coreDir, 'src'), path.join(appCore, 'src'), { recursive: true, filter: (file) => !file.endsWith('.test.ts') });
  // Core's one runtime dependency, installed next to it.
  const papaparse = path.dirname(createRequire(path.join(coreDir, 'package.json')).resolve('papaparse/package.json'));
  await symlink(papaparse, path.join(app, 'node_modules/papaparse'), 'dir');
  await cp(path.join(models, 'converter-fused'), path.join(app, 'public/models/dense'), { recursive: true });
  await cp(path.join(models, 'basic-pitch'), path.join(app, 'public/models/conv'), { recursive: true });
  for (const variant of VARIANTS) {
      const outDir = path.join(workDir, variant.replace(/\W+/g, '-'));
      const alias: Record<string, string> = variant === 'empty stand-in' ? { '@tensorflow/tfjs': path.join(app, 'empty-stand-in.js') } : {};
      await buildPages({
        root: app,
        configFile: false,
        base: './',
        // The build of a user's app: production, whatever NODE_ENV the test runner set.
        mode: 'production',
        resolve: { conditions: ['source', ...defaultClientConditions], alias },
        build: { target: 'es2022' },
      }, outDir);
      served[variant] = await servePages(outDir);
    }
  });

  afterAll(async () => {
    await Promise.all(Object.values(served).map((s) => s.close()));
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  inEachEngine((engine) => {
    // '@tensile/core/tfjs in a Vite app without @tensorflow/tfjs'
    engine.test('the app really has no TF.js to resolve (what the test stands on)', {}, () => {
      // Node's own resolution, without NODE_PATH (pnpm's bin shims point it at the workspace store).
      const folders: string[] = [];
      for (let dir = appCore; dir !== path.dirname(dir); dir = path.dirname(dir)) folders.push(path.join(dir, 'node_modules/@tensorflow/tfjs'));
      expect(folders.filter((folder) => existsSync(folder))).toEqual([]);
    });

    for (const variant of VARIANTS) {
    engine.test(`${variant}: a dense model still runs as plain JS; a convolutional one fails with TfjsUnavailableError, not a TypeError`, {}, async () => {
      const page = await engine.browser.open({ width: 400, height: 720 });
      const problems = page.problems;
      await page.goto(served[variant]!.url);
      await page.waitForFunction(() => (window as unknown as { outcomes?: unknown }).outcomes !== undefined);
      const outcomes = await page.evaluate(() => (window as unknown as { outcomes: Record<string, Outcome> }).outcomes);
      expect(outcomes.dense).toMatchObject({ ok: true, compiled: true });
      expect(Number.isFinite(outcomes.dense.value)).toBe(true);
      expect(outcomes.conv).toMatchObject({ ok: false, name: 'TfjsUnavailableError', code: 'E_TFJS_UNAVAILABLE', typed: true });
      expect(outcomes.conv.message).toMatch(/install @tensorflow\/tfjs 4\.22/);
      expect(problems).toEqual([]);
      await page.close();
    });
  }
});
