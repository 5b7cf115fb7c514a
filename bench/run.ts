// `pnpm bench`: runs every suite in bench/suites/ in this one process, us and the peers side by
// side, and writes BENCHMARKS.md. `pnpm bench --only diff,fit` runs a subset (and still writes).
import { readFile, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchSuite } from './suite';

const here = path.dirname(fileURLToPath(import.meta.url));
const onlyIdx = process.argv.indexOf('--only');
const only = onlyIdx >= 0 ? new Set(process.argv[onlyIdx + 1].split(',')) : null;

const files = (await readdir(path.join(here, 'suites'))).filter((f) => f.endsWith('.ts')).sort();
const suites: BenchSuite[] = [];
for (const f of files) {
  const mod = (await import(pathToFileURL(path.join(here, 'suites', f)).href)) as { default: BenchSuite };
  if (!only || only.has(mod.default.id)) suites.push(mod.default);
}

// With --only, sections of the suites not run are kept from the existing BENCHMARKS.md.
const target = path.join(here, '..', 'BENCHMARKS.md');
const previous = only ? await readFile(target, 'utf8').catch(() => '') : '';
const kept = new Map<string, string>();
for (const part of previous.split(/^(?=## )/m).slice(1)) kept.set(part.split('\n')[0].slice(3).trim(), part.trim() + '\n');

const sections: string[] = [];
const ran = new Set<string>();
for (const suite of suites) {
  ran.add(suite.title);
  process.stdout.write(`bench: ${suite.id} ...\n`);
  const started = Date.now();
  const body = await suite.run();
  sections.push(`## ${suite.title}\n\n${body.trim()}\n`);
  process.stdout.write(`bench: ${suite.id} done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}

for (const [title, body] of kept) if (!ran.has(title)) sections.push(body);

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const header = `# Benchmarks

Produced by \`pnpm bench\`${only ? ` (last partial run: \`pnpm bench --only ${[...only].join(',')}\`; other sections from earlier runs)` : ''} on ${new Date().toISOString().slice(0, 10)},
Node ${process.version}, ${os.cpus().length} x ${cpu}. Every suite runs us and the peers in the same
process run; compare the ratios within a table, not absolute times across runs (the machines are noisy).
Reproduce with: \`pnpm install && pnpm bench\`.
`;
const out = [header, ...sections].join('\n');
await writeFile(target, out);
process.stdout.write(out);
