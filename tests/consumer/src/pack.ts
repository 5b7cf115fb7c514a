// Packs every publishable package with `pnpm pack` (as `pnpm publish` would: publishConfig
// applied, workspace: ranges replaced) and reads each tarball's size and file count.
import { execFile } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The publishable packages, in dependency order (core first). */
export const PUBLISHED = ['core', 'cli', 'react', 'vue', 'svelte'] as const;
export type Published = (typeof PUBLISHED)[number];

export interface Tarball {
  name: `@tensile/${Published}`;
  folder: Published;
  /** Absolute path of the .tgz. */
  file: string;
  /** Bytes of the .tgz (what npm downloads). */
  packedBytes: number;
  /** Bytes of the files inside (what lands in node_modules). */
  unpackedBytes: number;
  files: number;
}

async function tarballStats(file: string): Promise<{ unpackedBytes: number; files: number }> {
  // `tar -tvzf` lists "mode owner size date time name"; the third field is the size in bytes.
  const { stdout } = await run('tar', ['-tvzf', file]);
  const lines = stdout.split('\n').filter(Boolean);
  return { unpackedBytes: lines.reduce((sum, line) => sum + Number(line.trim().split(/\s+/)[2]), 0), files: lines.length };
}

export async function packAll(root: string, destination: string): Promise<Tarball[]> {
  const tarballs: Tarball[] = [];
  for (const folder of PUBLISHED) {
    const before = new Set(await readdir(destination).catch(() => []));
    await run('pnpm', ['pack', '--pack-destination', destination], { cwd: path.join(root, 'packages', folder) });
    const created = (await readdir(destination)).find((name) => name.endsWith('.tgz') && !before.has(name));
    if (!created) throw new Error(`pnpm pack in packages/${folder} wrote no tarball to ${destination}`);
    const file = path.join(destination, created);
    tarballs.push({ name: `@tensile/${folder}`, folder, file, packedBytes: (await stat(file)).size, ...(await tarballStats(file)) });
  }
  return tarballs;
}
