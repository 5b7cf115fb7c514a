// Where a TF.js model comes from: a URL (fetch, shards resolved next to model.json), a file path
// in Node (fs, imported lazily so browser bundles never see it), or memory. One byte budget
// (maxBytes) counts model.json and every shard together, before anything is parsed or decoded.
import { describeValue } from '../errors';
import { readOwnProperties, thrownMessage } from '../diff/symbolic/errors';
import { ModelFormatError } from './errors';
import { parseModelJson } from './model-json';
import { concatShards } from './weights';
import { importNodeBuiltin } from './node-builtins';
import { ByteBudget } from './byte-budget';
import { readFromFiles } from './source-files';
import { readFromUrl } from './source-url';
import type { ModelArtifactsRead, ModelFetch } from './source-types';

export type { ModelArtifactsRead, ModelFetch, ModelResponse } from './source-types';

/** A model handed over in memory: model.json (text or object) and its weight data. */
export interface InMemoryModel {
  modelJson: string | Record<string, unknown>;
  /** All shards concatenated, or one buffer per shard path in manifest order. Omit for weightless models. */
  weightData?: ArrayBuffer | ArrayBufferView | readonly (ArrayBuffer | ArrayBufferView)[];
}

/** A path to model.json (Node), an http(s) or file URL, or an in-memory model. */
export type ModelSource = string | URL | InMemoryModel;

/** How a TF.js model is read from a path, URL or memory: a byte cap and the fetch to use. */
export interface ModelReadOptions {
  /**
   * Most bytes a load may read, model.json and all shards together. Default 64 MiB (the article's
   * model is 5 kB). URL bodies are streamed and cut off at the cap.
   */
  maxBytes?: number;
  /** fetch to use for URLs (default: the global fetch). A Response with a `body` stream is read incrementally. */
  fetch?: ModelFetch;
}

/** The default cap on what one model load reads (model.json plus shards): 64 MiB. Over it throws ModelFormatError. */
export const DEFAULT_MAX_MODEL_BYTES = 64 * 1024 * 1024;

function resolveCap(opts: ModelReadOptions): number {
  const cap = opts.maxBytes ?? DEFAULT_MAX_MODEL_BYTES;
  if (!(typeof cap === 'number' && cap > 0)) {
    throw new ModelFormatError('E_MODEL_SOURCE', `maxBytes must be a positive number of bytes, got ${describeValue(cap)}`, { where: 'maxBytes', value: cap });
  }
  return cap;
}

/**
 * Options or an in-memory source, read once at the boundary: a getter that throws becomes a
 * ModelFormatError naming the key. Non-objects pass through to the checks that name them.
 */
export function readArgument<T>(value: T, what: string): T {
  if (typeof value !== 'object' || value === null) return value;
  return readOwnProperties(value, (key, err) => {
    throw new ModelFormatError('E_MODEL_SOURCE', `${what}: reading ${key} threw: ${thrownMessage(err)}`, { where: `${what}.${key}` });
  });
}

/** Reads model.json and its shards from `source`. Weight data is not decoded here (see decodeWeights). */
export async function readModelArtifacts(source: ModelSource, opts: ModelReadOptions = {}): Promise<ModelArtifactsRead> {
  opts = readArgument(opts, 'options');
  const budget = new ByteBudget(resolveCap(opts));
  if (typeof source === 'object' && source !== null && !(source instanceof URL)) return readFromMemory(readArgument(source, 'source'), budget);
  if (source instanceof URL || (typeof source === 'string' && /^[a-z][a-z0-9+.-]*:\/\//i.test(source))) {
    const url = source instanceof URL ? source : new URL(source);
    if (url.protocol === 'file:') {
      const { fileURLToPath } = await importNodeBuiltin('node:url');
      return readFromFiles(fileURLToPath(url), budget);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new ModelFormatError('E_MODEL_SOURCE', `cannot load a model from a ${url.protocol} URL; use http(s), file or a path`, { where: 'source', value: url.href });
    }
    return readFromUrl(url, budget, opts.fetch);
  }
  if (typeof source !== 'string' || source.length === 0) {
    throw new ModelFormatError('E_MODEL_SOURCE', `model source must be a path, a URL or { modelJson, weightData }, got ${describeValue(source)}`, { where: 'source', value: source });
  }
  return readFromFiles(source, budget);
}

function readFromMemory(source: InMemoryModel, budget: ByteBudget): ModelArtifactsRead {
  if (!('modelJson' in source)) {
    throw new ModelFormatError('E_MODEL_SOURCE', 'an in-memory model needs { modelJson, weightData }', { where: 'source' });
  }
  if (typeof source.modelJson === 'string') budget.take('model.json', source.modelJson.length);
  const json = parseModelJson(source.modelJson);
  const wd = source.weightData;
  const shards = wd === undefined ? [] : Array.isArray(wd) ? wd : [wd as ArrayBuffer | ArrayBufferView];
  for (const s of shards) {
    if (!(s instanceof ArrayBuffer) && !ArrayBuffer.isView(s)) {
      throw new ModelFormatError('E_MODEL_SOURCE', `weightData must be ArrayBuffers or typed arrays, got ${describeValue(s)}`, { where: 'weightData' });
    }
    budget.take('weight data', s.byteLength);
  }
  return { json, weightData: concatShards(shards), origin: 'memory' };
}

