// saveDenseNet never leaves a mismatched pair (issue 14, point 13): an interrupted save used to be
// able to leave a new model.json next to an old shard (model.json was written first). Now the old
// model.json goes, the shard is written, and model.json is renamed into place last.
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDenseNet, type DenseNet } from '../nn/dense-net';
import { ModelFormatError } from './errors';
import { PARTIAL_MODEL_JSON, saveDenseNet } from './export';
import { compileTfjsModel, loadTfjsModel } from './model';

function net(units: number): DenseNet {
  return createDenseNet({
    layers: [
      { inputSize: 1, outputSize: units, weights: Array.from({ length: units }, (_, j) => 0.1 * (j + 1)), bias: new Array(units).fill(0.5), activation: 'tanh' },
      { inputSize: units, outputSize: 1, weights: new Array(units).fill(0.2), bias: [0.1], activation: 'linear' },
    ],
    name: `net-${units}`,
  });
}

let root = '';
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'tensile-save-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('saveDenseNet write order', () => {
  it('a save interrupted before model.json is in place leaves no model.json, never the old one next to the new shard', async () => {
    const dir = path.join(root, 'interrupted');
    await saveDenseNet(net(4), dir);
    // The next save fails writing model.json (its temporary name is taken by a folder).
    await mkdir(path.join(dir, PARTIAL_MODEL_JSON, 'blocker'), { recursive: true });
    await expect(saveDenseNet(net(8), dir)).rejects.toThrow();
    const files = await readdir(dir);
    expect(files).not.toContain('model.json');
    const error = await loadTfjsModel(dir).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ModelFormatError);
    expect((error as ModelFormatError).code).toBe('E_MODEL_SOURCE');
  });

  it('a completed save over an older model is the new pair, with no temporary files left', async () => {
    const dir = path.join(root, 'overwrite');
    await saveDenseNet(net(4), dir);
    await saveDenseNet(net(8), dir);
    expect((await readdir(dir)).sort()).toEqual(['group1-shard1of1.bin', 'model.json']);
    expect(compileTfjsModel(await loadTfjsModel(dir)).layers[0].outputSize).toBe(8);
  });

  it('a model.json that cannot be removed stops the save before any shard is written', async () => {
    const dir = path.join(root, 'stuck');
    await mkdir(path.join(dir, 'model.json', 'inside'), { recursive: true });
    await writeFile(path.join(dir, 'keep.txt'), 'x');
    await expect(saveDenseNet(net(4), dir)).rejects.toThrow();
    expect((await readdir(dir)).sort()).toEqual(['keep.txt', 'model.json']);
  });
});
