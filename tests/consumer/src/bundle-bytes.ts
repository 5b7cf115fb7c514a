// What an app ships: the JavaScript of a Vite build, minified as Vite emits it, gzipped per file
// (level 9) and summed, in bytes. The elastic path's cost is the difference between two builds.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleBytes {
  min: number;
  gzip: number;
  /** The JavaScript itself, to look for code that should have been shaken out. */
  text: string;
}

export async function bundleBytes(distDir: string): Promise<BundleBytes> {
  const assets = path.join(distDir, 'assets');
  const files = (await readdir(assets)).filter((name) => name.endsWith('.js'));
  if (files.length === 0) throw new Error(`no JavaScript in ${assets}`);
  let min = 0;
  let gzip = 0;
  let text = '';
  for (const name of files) {
    const content = await readFile(path.join(assets, name));
    min += content.length;
    gzip += gzipSync(content, { level: 9 }).length;
    text += content.toString('utf8');
  }
  return { min, gzip, text };
}

/**
 * The budget, read from BENCHMARKS.md (its "Packages" section): the line
 * "Budget: the elastic path adds at most **N kB** min+gzip to a Vite React app".
 */
export async function elasticPathBudget(root: string): Promise<number> {
  const text = await readFile(path.join(root, 'BENCHMARKS.md'), 'utf8');
  const found = /Budget: the elastic path adds at most \*\*([\d.]+) kB\*\* min\+gzip to a Vite React app/.exec(text);
  if (!found) throw new Error('BENCHMARKS.md states no budget for the elastic path in a Vite React app (section "Packages")');
  return Number(found[1]) * 1000;
}
