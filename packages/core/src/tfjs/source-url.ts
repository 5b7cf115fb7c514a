// Reads a model from an http(s) URL. Shard names are resolved against model.json's URL and must
// stay on its origin and under its folder (a server loading models from URLs must not become a
// request forwarder); bodies are streamed against one byte budget for the whole model.
import { ModelFormatError } from './errors';
import { parseModelJson } from './model-json';
import { concatShards } from './weights';
import { readStreamWithin, type ByteBudget, type ByteStream } from './byte-budget';
import { resolveShardUrl } from './shard-paths';
import { decodeModelText, manifestShardPaths, type ModelArtifactsRead, type ModelFetch } from './source-types';

async function fetchWithin(doFetch: ModelFetch, target: URL, what: string, budget: ByteBudget): Promise<ArrayBuffer> {
  let res;
  try {
    res = await doFetch(target.href);
  } catch (err) {
    throw new ModelFormatError('E_MODEL_SOURCE', `cannot fetch ${what} ${target.href}: ${(err as Error).message}`, { where: target.href }, { cause: err });
  }
  const label = `${what} ${target.href}`;
  if (!res.ok) {
    await res.body?.cancel?.().catch(() => undefined);
    throw new ModelFormatError('E_MODEL_SOURCE', `fetching ${label} failed: HTTP ${res.status} ${res.statusText ?? ''}`.trim(), { where: target.href, value: res.status });
  }
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > budget.remaining) {
    await res.body?.cancel?.().catch(() => undefined);
    throw budget.overflow(label, declared);
  }
  if (res.body && typeof (res.body as Partial<ByteStream>).getReader === 'function') return readStreamWithin(res.body as ByteStream, budget, label);
  // A custom fetch without a body stream: its arrayBuffer() is read whole, then counted.
  const body = await res.arrayBuffer();
  budget.take(label, body.byteLength);
  return body;
}

export async function readFromUrl(url: URL, budget: ByteBudget, fetchOption: ModelFetch | undefined): Promise<ModelArtifactsRead> {
  const doFetch = fetchOption ?? (globalThis.fetch as unknown as ModelFetch | undefined);
  if (!doFetch) throw new ModelFormatError('E_MODEL_SOURCE', 'no fetch available to load a model from a URL; pass opts.fetch', { where: 'fetch' });
  const json = parseModelJson(decodeModelText(await fetchWithin(doFetch, url, 'model.json', budget), url.href), url.href);
  const paths = manifestShardPaths(json);
  // Every URL is decided before the first shard request, so a bad name late in the list sends nothing.
  const targets = paths.map(({ where, path }) => resolveShardUrl(where, path, url));
  const shards = [];
  for (const target of targets) shards.push(await fetchWithin(doFetch, target, 'weight shard', budget));
  return { json, weightData: concatShards(shards), origin: url.href };
}
