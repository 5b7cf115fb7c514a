// The API reference covers every public subpath: each export of each published package (but
// ./package.json) is an entry point of TypeDoc, through the package's typedoc.json or the default
// src/index.ts of typedoc-options.ts.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PUBLISHED_PACKAGES, typedocOptions } from './typedoc-options';

const packagesDir = new URL('../../../packages/', import.meta.url);
const readJson = (url: URL) => JSON.parse(readFileSync(url, 'utf8'));

/** The source file of each public subpath, as the `source` condition of the exports map names it. */
function subpathSources(name: string): Record<string, string> {
  const { exports } = readJson(new URL(`${name}/package.json`, packagesDir));
  const sources: Record<string, string> = {};
  for (const [subpath, target] of Object.entries<Record<string, unknown> | string>(exports)) {
    if (subpath === './package.json') continue;
    if (typeof target !== 'object' || typeof target.source !== 'string') throw new Error(`${name}: exports["${subpath}"] has no source condition`);
    sources[subpath] = target.source.replace(/^\.\//, '');
  }
  return sources;
}

/** TypeDoc's entry points of a package: its typedoc.json's, else the packages-mode default. */
function entryPoints(name: string): string[] {
  const own = new URL(`${name}/typedoc.json`, packagesDir);
  if (existsSync(own)) return readJson(own).entryPoints;
  return (typedocOptions('unused', 'unused').packageOptions as { entryPoints: string[] }).entryPoints;
}

describe.each(PUBLISHED_PACKAGES)('@tensile/%s', (name) => {
  it('has every public subpath in the API reference', () => {
    const missing = Object.entries(subpathSources(name)).filter(([, source]) => !entryPoints(name).includes(source));
    expect(missing).toEqual([]);
  });
});
