// Proves TF.js stays unloaded: in a fresh Node process, importing the main entry, then the tfjs
// subpath, then loading/inspecting/compiling/evaluating a dense model leaves TF.js's global engine
// (`globalThis._tfengine`, created when tfjs-core is evaluated) absent; only running a model that
// does not compile loads it. Plus a static walk of the main entry's import graph.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const srcDir = fileURLToPath(new URL('..', import.meta.url));
const fixtures = fileURLToPath(new URL('../../test-fixtures/tfjs/', import.meta.url));

const probe = `
const g = globalThis;
const seen = [];
await import(${JSON.stringify(path.join(srcDir, 'index.ts'))});
seen.push(['main entry', g._tfengine !== undefined]);
const t = await import(${JSON.stringify(path.join(srcDir, 'tfjs', 'index.ts'))});
seen.push(['tfjs subpath', g._tfengine !== undefined]);
const model = await t.loadTfjsModel(${JSON.stringify(path.join(fixtures, 'converter-fused'))});
t.inspectTfjsModel(model);
const curve = await t.createModelCurve(model);
curve.evaluate(500);
await t.evaluateTfjsModel(model, [[0], [500]]);
t.denseNetToGraphModel(t.compileTfjsModel(model));
seen.push(['load, inspect, compile, curve, evaluate, export of a dense model', g._tfengine !== undefined]);
await t.evaluateTfjsModel(model, [[0], [500]], { compile: 'never' });
seen.push(['running it in TF.js', g._tfengine !== undefined]);
process.stdout.write(JSON.stringify(seen));
`;

describe('TF.js is loaded lazily', () => {
  it('in a fresh process, only running a model in TF.js loads it', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', probe], {
      cwd: path.join(srcDir, '..'),
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout.trim().split('\n').at(-1) as string)).toEqual([
      ['main entry', false],
      ['tfjs subpath', false],
      ['load, inspect, compile, curve, evaluate, export of a dense model', false],
      ['running it in TF.js', true],
    ]);
  }, 60_000);

  it('no module reachable from the main entry imports @tensorflow/* or src/tfjs (static import graph)', () => {
    const seen = new Set<string>();
    const offenders: string[] = [];
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      if (file.includes(`${path.sep}tfjs${path.sep}`)) offenders.push(path.relative(srcDir, file));
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/^\s*(import|export)\s+(?!type\b)[^'"]*?from\s+['"]([^'"]+)['"]/gm)) {
        const spec = m[2];
        if (spec.startsWith('@tensorflow/')) offenders.push(`${path.relative(srcDir, file)} -> ${spec}`);
        if (!spec.startsWith('.')) continue;
        const base = path.resolve(path.dirname(file), spec);
        const target = [base + '.ts', path.join(base, 'index.ts'), base].find((p) => existsSync(p) && p.endsWith('.ts'));
        if (target) visit(target);
      }
    };
    visit(path.join(srcDir, 'index.ts'));
    expect(seen.size).toBeGreaterThan(3);
    expect(offenders).toEqual([]);
  });
});
