// Where a manifest's shard names may point. A manifest is untrusted input: its shard names are
// checked against the character set tensorflowjs_converter writes ("group1-shard1of2.bin"), and
// every name is resolved and checked again where it is used (a URL or a real file path), because
// URL parsers and file systems rewrite strings (tabs dropped, %2e%2e decoded, symlinks followed).
import { describeValue } from '../errors';
import { ModelFormatError } from './errors';

/** Longest shard name accepted (the converter's names are under 40 characters). */
export const MAX_SHARD_PATH_LENGTH = 255;

// Segments of letters, digits, "_", "-" and "." that do not start with "." (so no "..", ".", hidden
// files), separated by "/". Nothing a URL parser strips, decodes or treats as a scheme, host, query.
const SHARD_SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9_.-]*$/;

function shardPathError(where: string, value: unknown, why: string): ModelFormatError {
  return new ModelFormatError('E_MODEL_FORMAT', `model.json ${where}: shard path ${describeValue(value)} ${why}`, { where, value });
}

/** Checks a manifest's shard name: relative, in the converter's character set, no "." or ".." segment. */
export function checkShardPath(where: string, path: unknown): string {
  if (typeof path !== 'string' || path.length === 0 || path.length > MAX_SHARD_PATH_LENGTH) {
    throw shardPathError(where, path, `is not a shard file name (expected a non-empty string of at most ${MAX_SHARD_PATH_LENGTH} characters)`);
  }
  if (!path.split('/').every((segment) => SHARD_SEGMENT.test(segment))) {
    throw shardPathError(
      where,
      path,
      'must be relative to model.json without ".." segments, in the characters tensorflowjs_converter writes (letters, digits, "_", "-", "." and "/" between names, no name starting with ".")',
    );
  }
  return path;
}

/** The folder of a URL: "https://h/app/v1/model.json" -> "/app/v1/". */
export function urlFolder(url: URL): string {
  return url.pathname.slice(0, url.pathname.lastIndexOf('/') + 1);
}

/** Resolves a shard name against model.json's URL and requires the same origin and a path under its folder. */
export function resolveShardUrl(where: string, path: string, modelUrl: URL): URL {
  checkShardPath(where, path);
  const resolved = new URL(path, modelUrl);
  const folder = urlFolder(modelUrl);
  if (resolved.origin !== modelUrl.origin || !resolved.pathname.startsWith(folder) || resolved.search !== '' || resolved.hash !== '') {
    throw shardPathError(where, path, `resolves to ${resolved.href}, outside the model's folder ${modelUrl.origin}${folder}`);
  }
  return resolved;
}

/** Refuses a shard listed twice (it would be read, and counted against the size cap, twice). */
export function checkDistinctShardPaths(paths: readonly { where: string; path: string }[]): void {
  const seen = new Map<string, string>();
  for (const { where, path } of paths) {
    const first = seen.get(path);
    if (first !== undefined) throw shardPathError(where, path, `is listed twice (first at ${first}); each shard is read once`);
    seen.set(path, where);
  }
}
