// Reads a model from the file system (Node). Each shard's real path (symlinks resolved) must lie
// under the real folder of model.json: unpacked archives carry symlinks, and a shard linked to
// /etc/passwd would otherwise come back as weight bytes. Reads count against one byte budget.
import { ModelFormatError } from './errors';
import { parseModelJson } from './model-json';
import { concatShards } from './weights';
import { importNodeBuiltin } from './node-builtins';
import type { ByteBudget } from './byte-budget';
import { decodeModelText, manifestShardPaths, type ModelArtifactsRead } from './source-types';

function unreadable(what: string, file: string, err: unknown): ModelFormatError {
  return new ModelFormatError('E_MODEL_SOURCE', `cannot read ${what} at ${file}: ${(err as Error).message}`, { where: file }, { cause: err });
}

export async function readFromFiles(modelPath: string, budget: ByteBudget): Promise<ModelArtifactsRead> {
  const fs = await importNodeBuiltin('node:fs/promises');
  const path = await importNodeBuiltin('node:path');
  // Reads at most what the budget has left from an open handle, so a file that grows after its
  // size was checked is still cut at the cap.
  const readWithin = async (file: string, what: string): Promise<ArrayBuffer> => {
    let handle;
    try {
      handle = await fs.open(file, 'r');
    } catch (err) {
      throw unreadable(what, file, err);
    }
    try {
      const st = await handle.stat();
      if (!st.isFile()) throw unreadable(what, file, new Error('not a regular file'));
      if (st.size > budget.remaining) throw budget.overflow(`${what} ${file}`, st.size);
      const bytes = new Uint8Array(st.size);
      let filled = 0;
      while (filled < st.size) {
        const { bytesRead } = await handle.read(bytes, filled, st.size - filled, filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      budget.take(`${what} ${file}`, filled);
      return bytes.buffer.slice(0, filled);
    } finally {
      await handle.close();
    }
  };
  let file = modelPath;
  try {
    if ((await fs.stat(file)).isDirectory()) file = path.join(file, 'model.json');
  } catch {
    // readWithin reports the missing file with its path.
  }
  const json = parseModelJson(decodeModelText(await readWithin(file, 'model.json'), file), file);
  const paths = manifestShardPaths(json);
  const dir = path.dirname(file);
  let realDir: string;
  try {
    realDir = await fs.realpath(dir);
  } catch (err) {
    throw unreadable('the model folder', dir, err);
  }
  const shards = [];
  for (const { where, path: shardPath } of paths) {
    const shardFile = path.join(dir, shardPath);
    let real: string;
    try {
      real = await fs.realpath(shardFile);
    } catch (err) {
      throw unreadable('weight shard', shardFile, err);
    }
    if (!real.startsWith(realDir + path.sep)) {
      throw new ModelFormatError('E_MODEL_FORMAT', `model.json ${where}: shard ${JSON.stringify(shardPath)} is a link to ${real}, outside the model's folder ${realDir}`, {
        where,
        value: shardPath,
      });
    }
    shards.push(await readWithin(real, 'weight shard'));
  }
  return { json, weightData: concatShards(shards), origin: file };
}
