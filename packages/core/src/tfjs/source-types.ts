// What the model readers (memory, files, URL) share: the result shape, the fetch they accept, and
// the first steps on model.json's bytes.
import { ModelFormatError } from './errors';
import type { ModelJson } from './model-json';

/** The part of a fetch Response a model read uses. `body` (a ReadableStream) lets the size cap stop a download midway. */
export interface ModelResponse {
  ok: boolean;
  status: number;
  statusText?: string;
  headers: { get(name: string): string | null };
  body?: { getReader?: unknown; cancel?: (reason?: unknown) => Promise<void> } | null;
  arrayBuffer(): Promise<ArrayBuffer>;
}
export type ModelFetch = (url: string) => Promise<ModelResponse>;

/** model.json plus its weight data, read but not yet decoded. */
export interface ModelArtifactsRead {
  readonly json: ModelJson;
  readonly weightData: ArrayBuffer;
  /** Where it came from, for messages ("memory", a path or a URL). */
  readonly origin: string;
}

export function decodeModelText(bytes: ArrayBuffer, what: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (err) {
    throw new ModelFormatError('E_MODEL_NOT_JSON', `${what} is not JSON: it is not even UTF-8 text (${bytes.byteLength} binary bytes)`, { where: what }, { cause: err });
  }
}

/** Every shard name of the manifest in storage order, with where it stands in model.json. */
export function manifestShardPaths(json: ModelJson): { where: string; path: string }[] {
  return json.weightsManifest.flatMap((group, g) => group.paths.map((path, i) => ({ where: `weightsManifest[${g}].paths[${i}]`, path })));
}
