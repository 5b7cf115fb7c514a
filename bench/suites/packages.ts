// What a user downloads and ships: each package's tarball (packed as `pnpm publish` would) and
// the bytes the elastic path adds to a fresh Vite React app built from those tarballs (the
// consumer test's apps, installed offline), against the budget tests/consumer enforces.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { BenchSuite } from '../suite';
import { table } from '../measure';
import { bundleBytes } from '../../tests/consumer/src/bundle-bytes';
import { readLockfile, writeOfflineMetadata } from '../../tests/consumer/src/offline-metadata';
import { packAll } from '../../tests/consumer/src/pack';
import { installOffline, withoutPnpmRunVariables, writeWorkspace } from '../../tests/consumer/src/workspace';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * kB min+gzip the elastic path may add to a Vite React app; tests/consumer reads it from BENCHMARKS.md.
 * 9 until load more and whole-page pull landed (issue 11: the elastic entry grew 8.46 -> 9.64 kB);
 * 10 until the components handed load-more to the engine for real (the consumer test then measured
 * 10.44 kB: the load-more job, page mode and the shared controlled binding are all on the path).
 */
export const ELASTIC_PATH_BUDGET_KB = 11;

const kB = (bytes: number) => `${(bytes / 1000).toFixed(2)} kB`;

const suite: BenchSuite = {
  id: 'packages',
  title: 'Packages: tarball sizes and what an app pays',
  async run() {
    await run('pnpm', ['--filter', './packages/*', 'run', 'build'], { cwd: root, maxBuffer: 16 << 20 });
    const work = await mkdtemp(path.join(os.tmpdir(), 'tensile bench packages '));
    try {
      const tarballs = await packAll(root, path.join(work, 'tarballs'));
      const lockfile = await readLockfile(root);
      await writeOfflineMetadata(lockfile, path.join(work, 'metadata cache'));
      await writeWorkspace({ root, work, tarballs, lockfile });
      const { stdout: storeDir } = await run('pnpm', ['store', 'path'], { cwd: root });
      await installOffline(work, path.join(work, 'metadata cache'), storeDir.trim());
      for (const app of ['react', 'react-plain']) {
        await run('pnpm', ['run', 'build'], { cwd: path.join(work, 'apps', app), env: withoutPnpmRunVariables(), maxBuffer: 16 << 20 });
      }
      const withTensile = await bundleBytes(path.join(work, 'apps', 'react', 'dist'));
      const plain = await bundleBytes(path.join(work, 'apps', 'react-plain', 'dist'));
      const rows = tarballs.map((tarball) => [`\`${tarball.name}\``, kB(tarball.packedBytes), kB(tarball.unpackedBytes), String(tarball.files)]);
      return [
        'Each package packed with `pnpm pack` (publishConfig applied: built code, types, README, LICENSE; no sources, maps, tests or fixtures):',
        '',
        table(['package', 'tarball (gzip)', 'unpacked', 'files'], rows),
        '',
        'A fresh Vite React app (React 19, `vite build`) installed from those tarballs, with and without a',
        '`useDamping` pull-to-refresh list (the apps of tests/consumer), JavaScript gzipped at level 9:',
        '',
        table(
          ['app', 'min', 'min+gzip'],
          [
            ['without Tensile', kB(plain.min), kB(plain.gzip)],
            ['with `useDamping` (pull to refresh)', kB(withTensile.min), kB(withTensile.gzip)],
            ['**the elastic path adds**', `**${kB(withTensile.min - plain.min)}**`, `**${kB(withTensile.gzip - plain.gzip)}**`],
          ],
        ),
        '',
        `Budget: the elastic path adds at most **${ELASTIC_PATH_BUDGET_KB} kB** min+gzip to a Vite React app (tests/consumer fails`,
        'above it, and when the bundle holds any fitting, net or TF.js code).',
      ].join('\n');
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  },
};

export default suite;
