// Offline installs for the throwaway apps. `pnpm install --offline` resolves from pnpm's metadata
// cache, which a fresh machine never fills (the monorepo installs from its lockfile and asks the
// registry nothing). So this writes that cache itself, from the monorepo's pnpm-lock.yaml: one
// packument per package listing exactly the versions the lockfile holds (their integrity, their
// dependencies pinned to the locked versions, platform fields), whose tarballs are already in the
// local store. Resolution then picks locked versions only, and nothing is downloaded.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { load } from 'js-yaml';
import { compare } from 'semver';

interface LockPackage {
  resolution?: { integrity?: string; tarball?: string };
  engines?: Record<string, string>;
  cpu?: string[];
  os?: string[];
  libc?: string[];
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  hasBin?: boolean;
}

interface LockSnapshot {
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

export interface Lockfile {
  importers: Record<string, { dependencies?: Record<string, { version: string }>; devDependencies?: Record<string, { version: string }> }>;
  packages?: Record<string, LockPackage>;
  snapshots?: Record<string, LockSnapshot>;
}

type VersionManifest = Record<string, unknown> & { dependencies: Record<string, string>; optionalDependencies: Record<string, string> };

export async function readLockfile(root: string): Promise<Lockfile> {
  return load(await readFile(path.join(root, 'pnpm-lock.yaml'), 'utf8')) as Lockfile;
}

/** "@scope/name@1.2.3(peer@4)" -> ["@scope/name", "1.2.3"]. */
export function splitKey(key: string): [string, string] {
  const bare = key.replace(/\(.*$/, '');
  const at = bare.lastIndexOf('@');
  return [bare.slice(0, at), bare.slice(at + 1)];
}

/** A snapshot's dependency value as a range: "1.2.3(peer@4)" -> "1.2.3", "pkg@1.0.0" -> "npm:pkg@1.0.0". */
function asRange(value: string): string | null {
  const bare = value.replace(/\(.*$/, '');
  if (bare.startsWith('link:') || bare.startsWith('file:')) return null;
  return /^[^@]+@|^@[^@]+@/.test(bare) ? `npm:${bare}` : bare;
}

/** Locked version of a direct dependency of a workspace package (importer), e.g. "react" -> "19.3.1". */
export function lockedVersion(lockfile: Lockfile, importer: string, name: string): string {
  const entry = lockfile.importers[importer];
  const found = entry?.dependencies?.[name] ?? entry?.devDependencies?.[name];
  if (!found) throw new Error(`pnpm-lock.yaml has no ${name} for ${importer}: add it to ${importer}/package.json`);
  return found.version.replace(/\(.*$/, '');
}

/** Writes `<cacheDir>/metadata(-full)-v1.3/registry.npmjs.org/<name>.json` for every locked package. */
export async function writeOfflineMetadata(lockfile: Lockfile, cacheDir: string): Promise<number> {
  const packuments = new Map<string, Map<string, VersionManifest>>();
  for (const [key, lock] of Object.entries(lockfile.packages ?? {})) {
    const [name, version] = splitKey(key);
    if (!lock.resolution?.integrity) continue; // git or directory packages: not from the registry
    const manifest: VersionManifest = {
      name,
      version,
      dependencies: {},
      optionalDependencies: {},
      ...(lock.peerDependencies && { peerDependencies: lock.peerDependencies }),
      ...(lock.peerDependenciesMeta && { peerDependenciesMeta: lock.peerDependenciesMeta }),
      ...(lock.engines && { engines: lock.engines }),
      ...(lock.cpu && { cpu: lock.cpu }),
      ...(lock.os && { os: lock.os }),
      ...(lock.libc && { libc: lock.libc }),
      dist: { integrity: lock.resolution.integrity, tarball: `https://registry.npmjs.org/${name}/-/${name.split('/').pop()}-${version}.tgz` },
    };
    if (!packuments.has(name)) packuments.set(name, new Map());
    packuments.get(name)!.set(version, manifest);
  }
  // Snapshots hold the dependencies, once per peer context: their union is the version's list.
  for (const [key, snapshot] of Object.entries(lockfile.snapshots ?? {})) {
    const [name, version] = splitKey(key);
    const manifest = packuments.get(name)?.get(version);
    if (!manifest) continue;
    for (const [field, deps] of [['dependencies', snapshot.dependencies], ['optionalDependencies', snapshot.optionalDependencies]] as const) {
      for (const [dep, value] of Object.entries(deps ?? {})) {
        const range = asRange(value);
        if (range === null) continue;
        manifest[field][dep] = range;
        // As in the registry's packuments, an optional dependency is listed among the
        // dependencies too (pnpm resolves from `dependencies` and reads which are optional).
        if (field === 'optionalDependencies') manifest.dependencies[dep] = range;
      }
    }
  }
  // pnpm reads the abbreviated mirror for most packages and the full one where it needs the
  // platform fields (optional dependencies such as rolldown's native bindings): both get the file.
  for (const mirror of ['metadata-v1.3', 'metadata-full-v1.3']) {
    const dir = path.join(cacheDir, mirror, 'registry.npmjs.org');
    for (const [name, versions] of packuments) {
      const file = path.join(dir, `${name}.json`);
      await mkdir(path.dirname(file), { recursive: true });
      const newest = [...versions.keys()].sort(compare).at(-1)!;
      const packument = { name, 'dist-tags': { latest: newest }, versions: Object.fromEntries(versions), time: {}, cachedAt: Date.now() };
      await writeFile(file, JSON.stringify(packument));
    }
  }
  return packuments.size;
}
