// The consumer test: what a new user gets from npm. Packs every publishable package, installs the
// tarballs offline from the local pnpm store (never workspace links) into throwaway apps outside
// the repository, in a folder whose path has a space; builds a Vite React, Vue and Svelte app and
// pulls to refresh in each with a real touch in Chromium; runs a plain Node ESM script and the
// CLI's bin through npx; and measures what the elastic path adds to the React app's bundle.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type Browser } from '../../browser/src/harness/chromium';
import { servePages } from '../../browser/src/harness/serve';
import { Touchscreen, frames } from '../../browser/src/harness/touch';
import { bundleBytes, elasticPathBudget } from './bundle-bytes';
import { readLockfile, writeOfflineMetadata } from './offline-metadata';
import { packAll, type Tarball } from './pack';
import { installOffline, withoutPnpmRunVariables, writeWorkspace } from './workspace';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../..', import.meta.url));
let work = '';
let tarballs: Tarball[] = [];
let browser: Browser | undefined;

const app = (name: string) => path.join(work, 'apps', name);
const kB = (bytes: number) => `${(bytes / 1000).toFixed(2)} kB`;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'tensile consumer '));
  const started = Date.now();
  tarballs = await packAll(root, path.join(work, 'tarballs'));
  const lockfile = await readLockfile(root);
  await writeOfflineMetadata(lockfile, path.join(work, 'metadata cache'));
  await writeWorkspace({ root, work, tarballs, lockfile });
  const { stdout: storeDir } = await run('pnpm', ['store', 'path'], { cwd: root });
  await installOffline(work, path.join(work, 'metadata cache'), storeDir.trim());
  await run('pnpm', ['--recursive', '--parallel', 'run', 'build'], { cwd: work, env: withoutPnpmRunVariables(), maxBuffer: 16 << 20 });
  console.log(`consumer: packed, installed offline and built in ${((Date.now() - started) / 1000).toFixed(1)} s under ${work}`);
}, 600_000);

afterAll(async () => {
  await browser?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

describe('tarballs', () => {
  it('hold the license, the readme and built code only', () => {
    for (const tarball of tarballs) {
      console.log(`consumer: ${tarball.name} ${kB(tarball.packedBytes)} packed, ${kB(tarball.unpackedBytes)} unpacked, ${tarball.files} files`);
      expect(tarball.files).toBeGreaterThan(3);
    }
    expect(tarballs.map((tarball) => tarball.name)).toEqual(['@tensile/core', '@tensile/cli', '@tensile/react', '@tensile/vue', '@tensile/svelte']);
  });

  it('were installed as tarballs, not links into the repository', async () => {
    const { stdout } = await run('node', ['--input-type=module', '-e', "import { createRequire } from 'node:module'; const require = createRequire(process.cwd() + '/'); console.log(require.resolve('@tensile/react/package.json'))"], { cwd: app('react') });
    expect(stdout.trim().startsWith(work)).toBe(true);
    expect(stdout).toMatch(/node_modules\/\.pnpm\/.*file\+/);
  });
});

describe('a plain Node ESM script', () => {
  it('runs the core README examples and the article fit on the installed package', async () => {
    const { stdout } = await run('node', ['index.mjs'], { cwd: app('node') });
    const result = JSON.parse(stdout) as { sse: number; emitted: number; evaluated: number; gradient: { value: number; grad: { a: number; b: number } }; derivative: number; elastic: boolean; tfjs: boolean };
    expect(result.sse).toBeCloseTo(76.18987, 4); // scipy's optimum for ll3 on the article samples
    expect(result.emitted).toBeCloseTo(result.evaluated, 3);
    expect(result.gradient).toEqual({ value: 18, grad: { a: 9, b: 12 } });
    expect(result.derivative).toBeCloseTo(0.11231881635502466, 12);
    expect(result.elastic && result.tfjs).toBe(true);
  });
});

describe('the CLI through npx', () => {
  const npx = (...args: string[]) => run('npx', ['--no', 'tensile', ...args], { cwd: app('node'), env: withoutPnpmRunVariables() });

  it('prints its version and fits the article samples', async () => {
    const { stdout: version } = await npx('--version');
    expect(version.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const { stdout } = await npx('fit', '--model', 'll3', '--json');
    expect((JSON.parse(stdout) as { sse: number }).sse).toBeCloseTo(76.18987, 4);
  });

  it('answers an unknown command with one line, the usage line and exit code 2', async () => {
    const failure = await npx('fitt').then(() => null, (error: { code: number; stderr: string }) => error);
    expect(failure?.code).toBe(2);
    expect(failure?.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^tensile: unknown command 'fitt' \(did you mean fit\?\)$/), expect.stringMatching(/^Usage: tensile /)]);
  });
});

describe('the elastic path in a Vite React app', () => {
  it('adds no more than the budget in BENCHMARKS.md, and no fitting, nets or TF.js', async () => {
    const withTensile = await bundleBytes(path.join(app('react'), 'dist'));
    const plain = await bundleBytes(path.join(app('react-plain'), 'dist'));
    const added = withTensile.gzip - plain.gzip;
    const budget = await elasticPathBudget(root);
    console.log(`consumer: the elastic path adds ${kB(withTensile.min - plain.min)} min, ${kB(added)} min+gzip to the React app (budget ${kB(budget)})`);
    expect(added).toBeGreaterThan(0);
    expect(added).toBeLessThanOrEqual(budget);
    // Error codes and names that only the fitting, net and TF.js code carries.
    for (const marker of ['E_FIT_', 'FitDataError', 'trainDenseNet', 'ModelFormatError', '@tensorflow/tfjs']) expect(withTensile.text).not.toContain(marker);
  });
});

describe('pull to refresh in Chromium with a real touch', () => {
  for (const name of ['react', 'vue', 'svelte']) {
    it(`${name}: a pull at the top of the list refreshes it`, async () => {
      browser ??= await launchChromium();
      const served = await servePages(path.join(app(name), 'dist'));
      const { page, problems } = await browser.open({ width: 390, height: 700 });
      try {
        await page.goto(served.url);
        const status = page.getByTestId('status');
        await expect.poll(() => status.textContent()).toMatch(/^refreshed 0/);
        const touch = await Touchscreen.enable(page);
        const box = (await page.getByTestId('list').boundingBox())!;
        const x = box.x + box.width / 2;
        await touch.drag({ x, y: box.y + 20 }, { x, y: box.y + 420 }, { steps: 24, holdFrames: 6 });
        await frames(page, 2);
        await expect.poll(() => status.textContent(), { timeout: 10_000 }).toMatch(/^refreshed 1/);
        await touch.detach();
        expect(problems).toEqual([]);
      } finally {
        await page.close();
        await served.close();
      }
    });
  }
});
