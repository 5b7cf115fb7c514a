// Fuzzing model files (issue 14): valid converter output is mutated at random (paths, shapes,
// dtypes, byte lengths, nesting, keys, any value anywhere) and loaded, inspected and compiled.
// Every outcome must be a model or a typed error, within bounded heap.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MB } from '../test-support/heap';
import { fuzzSeed, heapGrowthOf, typedOrValid } from '../test-support/fuzz';
import { inspectTfjsModel, loadTfjsModel, tryCompileTfjsModel } from './model';
import { HOSTILE_SHARD_PATHS } from '../test-support/hostile-shard-paths';

type Json = unknown;
const fixture = (name: string) => fileURLToPath(new URL(`../../test-fixtures/tfjs/${name}/`, import.meta.url));
const FIXTURES = ['converter-fused', 'converter-uint8', 'converter-float16', 'keras-layers'].map((name) => {
  const dir = fixture(name);
  const json = JSON.parse(readFileSync(path.join(dir, 'model.json'), 'utf8')) as { weightsManifest: { paths: string[] }[] };
  const shards = json.weightsManifest.flatMap((g) => g.paths).map((p) => new Uint8Array(readFileSync(path.join(dir, p))));
  const bytes = new Uint8Array(shards.reduce((n, s) => n + s.length, 0));
  let offset = 0;
  for (const shard of shards) {
    bytes.set(shard, offset);
    offset += shard.length;
  }
  return { json, bytes };
});

/** Every [container, key] of a JSON document, to pick a mutation site from. */
function sites(value: Json, out: [Record<string, Json> | Json[], string | number][] = []): [Record<string, Json> | Json[], string | number][] {
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      out.push([value, i]);
      sites(v, out);
    });
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.push([value as Record<string, Json>, k]);
      sites(v, out);
    }
  }
  return out;
}

const hostileValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(-1, 0, 1e9, 2 ** 31, 2 ** 53, 1e308, -0, 0.5, '', '-1', 'float64', 'DT_FLOAT', 'uint8', '__proto__', null),
  fc.array(fc.oneof(fc.integer({ min: -2, max: 2 ** 31 }), fc.constantFrom(1e9, 100000)), { maxLength: 9 }),
  fc.constantFrom(...HOSTILE_SHARD_PATHS),
  // Deep nesting is spliced into the text (a nested value would overflow fast-check's own printer).
  fc.integer({ min: 1, max: 100_000 }).map((depth) => `<<deep:${depth}>>`),
);

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), site: fc.nat(), value: hostileValue }),
  fc.record({ kind: fc.constant('delete' as const), site: fc.nat() }),
  fc.record({ kind: fc.constant('key' as const), site: fc.nat(), key: fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'prototype', 'format', 'weightsManifest', 'paths')) }),
  fc.record({ kind: fc.constant('bytes' as const), delta: fc.integer({ min: -64, max: 64 }) }),
);

function mutate(base: (typeof FIXTURES)[number], steps: fc.Arbitrary<unknown>[] extends never ? never : { kind: string; site?: number; value?: Json; key?: string; delta?: number }[]) {
  const json = structuredClone(base.json) as Json;
  let bytes = base.bytes;
  for (const step of steps) {
    const all = sites(json);
    if (step.kind === 'bytes') {
      bytes = step.delta! < 0 ? bytes.slice(0, Math.max(0, bytes.length + step.delta!)) : new Uint8Array([...bytes, ...new Uint8Array(step.delta!).fill(0x7f)]);
      continue;
    }
    if (all.length === 0) continue;
    const [container, key] = all[step.site! % all.length];
    if (step.kind === 'set') (container as Record<string, Json>)[key] = step.value;
    else if (step.kind === 'delete') {
      if (Array.isArray(container)) container.splice(key as number, 1);
      else delete (container as Record<string, Json>)[key];
    } else if (!Array.isArray(container)) {
      const value = container[key];
      delete container[key];
      Object.defineProperty(container, step.key!, { value, enumerable: true, configurable: true, writable: true });
    }
  }
  const modelJson = JSON.stringify(json).replace(/"<<deep:(\d+)>>"/g, (_, depth: string) => '['.repeat(Number(depth)) + ']'.repeat(Number(depth)));
  return { modelJson, weightData: bytes };
}

describe('model.json and manifest fuzzing', () => {
  const seed = fuzzSeed('model.json', 1);
  it(`mutated converter models load, inspect and compile, or fail typed (seed ${seed})`, async () => {
    const outcomes = { valid: 0, typed: 0 };
    const growth = await heapGrowthOf(() =>
      fc.assert(
        fc.asyncProperty(fc.nat({ max: FIXTURES.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }), async (which, steps) => {
          const source = mutate(FIXTURES[which], steps);
          const outcome = await typedOrValid(async () => {
            const model = await loadTfjsModel(source, { maxBytes: 4 * MB });
            inspectTfjsModel(model);
            tryCompileTfjsModel(model);
          });
          outcomes[outcome]++;
        }),
        { seed, numRuns: 1000 },
      ),
    );
    expect(outcomes.typed).toBeGreaterThan(0);
    expect(outcomes.valid).toBeGreaterThan(0);
    expect(growth).toBeLessThan(64 * MB);
  });
});
