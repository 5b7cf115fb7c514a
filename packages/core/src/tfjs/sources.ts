// Where a TF.js model comes from: a URL (fetch, shards resolved next to model.json), a file path
// in Node (fs, imported lazily so browser bundles never see it), or memory. Every byte read is
// counted against a size cap before it is parsed.
import { describeValue } from '../errors';
import { readOwnProperties, thrownMessage } from '../diff/symbolic/errors';
import { ModelFormatError } from './errors';
import { parseModelJson, type ModelJson } from './model-json';
import { concatShards } from './weights';
import { importNodeBuiltin } from './node-builtins';

/** A model handed over in memory: model.json (text or object) and its weight data. */
export interface InMemoryModel {
  modelJson: string | Record<string, unknown>;
  /** All shards concatenated, or one buffer per shard path in manifest order. Omit for weightless models. */
  weightData?: ArrayBuffer | ArrayBufferView | readonly (ArrayBuffer | ArrayBufferView)[];
}

/** A path to model.json (Node), an http(s) or file URL, or an in-memory model. */
export type ModelSource = string | URL | InMemoryModel;

export interface ModelReadOptions {
  /** Largest model.json or shard accepted, in bytes. Default 64 MiB (the article's model is 5 kB). */
  maxBytes?: number;
  /** fetch to use for URLs (default: the global fetch). */
  fetch?: (url: string) => Promise<{ ok: boolean; status: number; statusText?: string; headers: { get(name: string): string | null }; arrayBuffer(): Promise<ArrayBuffer> }>;
}

export const DEFAULT_MAX_MODEL_BYTES = 64 * 1024 * 1024;

/** model.json plus its weight data, read but not yet decoded. */
export interface ModelArtifactsRead {
  readonly json: ModelJson;
  readonly weightData: ArrayBuffer;
  /** Where it came from, for messages ("memory", a path or a URL). */
  readonly origin: string;
}

function tooLarge(what: string, bytes: number, cap: number): ModelFormatError {
  return new ModelFormatError('E_MODEL_TOO_LARGE', `${what} is ${bytes} bytes, over the size cap of ${cap} bytes (raise maxBytes to accept it)`, {
    where: what,
    value: bytes,
  });
}

function resolveCap(opts: ModelReadOptions): number {
  const cap = opts.maxBytes ?? DEFAULT_MAX_MODEL_BYTES;
  if (!(typeof cap === 'number' && cap > 0)) {
    throw new ModelFormatError('E_MODEL_SOURCE', `maxBytes must be a positive number of bytes, got ${describeValue(cap)}`, { where: 'maxBytes', value: cap });
  }
  return cap;
}

function decodeText(bytes: ArrayBuffer, what: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (err) {
    throw new ModelFormatError('E_MODEL_NOT_JSON', `${what} is not JSON: it is not even UTF-8 text (${bytes.byteLength} binary bytes)`, { where: what }, { cause: err });
  }
}

function shardPaths(json: ModelJson): string[] {
  return json.weightsManifest.flatMap((g) => g.paths);
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
  const cap = resolveCap(opts);
  if (typeof source === 'object' && source !== null && !(source instanceof URL)) return readFromMemory(readArgument(source, 'source'), cap);
  if (source instanceof URL || (typeof source === 'string' && /^[a-z][a-z0-9+.-]*:\/\//i.test(source))) {
    const url = source instanceof URL ? source : new URL(source);
    if (url.protocol === 'file:') {
      const { fileURLToPath } = await importNodeBuiltin('node:url');
      return readFromFiles(fileURLToPath(url), cap);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new ModelFormatError('E_MODEL_SOURCE', `cannot load a model from a ${url.protocol} URL; use http(s), file or a path`, { where: 'source', value: url.href });
    }
    return readFromUrl(url, cap, opts);
  }
  if (typeof source !== 'string' || source.length === 0) {
    throw new ModelFormatError('E_MODEL_SOURCE', `model source must be a path, a URL or { modelJson, weightData }, got ${describeValue(source)}`, { where: 'source', value: source });
  }
  return readFromFiles(source, cap);
}

function readFromMemory(source: InMemoryModel, cap: number): ModelArtifactsRead {
  if (!('modelJson' in source)) {
    throw new ModelFormatError('E_MODEL_SOURCE', 'an in-memory model needs { modelJson, weightData }', { where: 'source' });
  }
  if (typeof source.modelJson === 'string' && source.modelJson.length > cap) throw tooLarge('model.json', source.modelJson.length, cap);
  const json = parseModelJson(source.modelJson);
  const wd = source.weightData;
  const shards = wd === undefined ? [] : Array.isArray(wd) ? wd : [wd as ArrayBuffer | ArrayBufferView];
  for (const s of shards) {
    if (!(s instanceof ArrayBuffer) && !ArrayBuffer.isView(s)) {
      throw new ModelFormatError('E_MODEL_SOURCE', `weightData must be ArrayBuffers or typed arrays, got ${describeValue(s)}`, { where: 'weightData' });
    }
    if (s.byteLength > cap) throw tooLarge('weight data', s.byteLength, cap);
  }
  return { json, weightData: concatShards(shards), origin: 'memory' };
}

async function readFromFiles(modelPath: string, cap: number): Promise<ModelArtifactsRead> {
  const fs = await importNodeBuiltin('node:fs/promises');
  const path = await importNodeBuiltin('node:path');
  const readCapped = async (file: string, what: string): Promise<ArrayBuffer> => {
    let size: number;
    try {
      const st = await fs.stat(file);
      if (!st.isFile()) throw new Error('not a regular file');
      size = st.size;
    } catch (err) {
      throw new ModelFormatError('E_MODEL_SOURCE', `cannot read ${what} at ${file}: ${(err as Error).message}`, { where: file }, { cause: err });
    }
    if (size > cap) throw tooLarge(`${what} ${file}`, size, cap);
    const buf = await fs.readFile(file);
    return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
  };
  let file = modelPath;
  try {
    if ((await fs.stat(file)).isDirectory()) file = path.join(file, 'model.json');
  } catch {
    // readCapped reports the missing file with its path.
  }
  const json = parseModelJson(decodeText(await readCapped(file, 'model.json'), file), file);
  const dir = path.dirname(file);
  const shards = [];
  for (const p of shardPaths(json)) shards.push(await readCapped(path.join(dir, p), 'weight shard'));
  return { json, weightData: concatShards(shards), origin: file };
}

async function readFromUrl(url: URL, cap: number, opts: ModelReadOptions): Promise<ModelArtifactsRead> {
  const doFetch = opts.fetch ?? (globalThis.fetch as unknown as NonNullable<ModelReadOptions['fetch']> | undefined);
  if (!doFetch) throw new ModelFormatError('E_MODEL_SOURCE', 'no fetch available to load a model from a URL; pass opts.fetch', { where: 'fetch' });
  const get = async (target: URL, what: string): Promise<ArrayBuffer> => {
    let res;
    try {
      res = await doFetch(target.href);
    } catch (err) {
      throw new ModelFormatError('E_MODEL_SOURCE', `cannot fetch ${what} ${target.href}: ${(err as Error).message}`, { where: target.href }, { cause: err });
    }
    if (!res.ok) throw new ModelFormatError('E_MODEL_SOURCE', `fetching ${what} ${target.href} failed: HTTP ${res.status} ${res.statusText ?? ''}`.trim(), { where: target.href, value: res.status });
    const declared = Number(res.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > cap) throw tooLarge(`${what} ${target.href}`, declared, cap);
    const body = await res.arrayBuffer();
    if (body.byteLength > cap) throw tooLarge(`${what} ${target.href}`, body.byteLength, cap);
    return body;
  };
  const json = parseModelJson(decodeText(await get(url, 'model.json'), url.href), url.href);
  const shards = [];
  for (const p of shardPaths(json)) shards.push(await get(new URL(p, url), 'weight shard'));
  return { json, weightData: concatShards(shards), origin: url.href };
}
