// A real tensorflowjs_converter graph model from the npm registry (@spotify/basic-pitch 1.0.1,
// copied into test-fixtures/tfjs/basic-pitch with its Apache-2.0 licence): inspect, load, the
// compile step refusing it by op name, and evaluation through the TF.js fallback.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ModelFormatError } from './errors';
import { compileTfjsModel, inspectTfjsModel, loadTfjsModel, tryCompileTfjsModel } from './model';
import { createModelCurve, evaluateTfjsModel } from './runtime';

const modelPath = fileURLToPath(new URL('../../test-fixtures/tfjs/basic-pitch/model.json', import.meta.url));
const SAMPLES = 43844; // the model's fixed window: 2 s of 22050 Hz audio minus its hop

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('basic-pitch (real converter output)', () => {
  it('inspects: graph model, signature inputs/outputs, op histogram, params, bytes, not compilable', async () => {
    const info = inspectTfjsModel(await loadTfjsModel(modelPath));
    expect(info.format).toBe('graph-model');
    expect(info.inputs).toEqual([{ name: 'input_2', shape: [null, SAMPLES, 1], dtype: 'float32' }]);
    expect(info.outputs.map((o) => o.name)).toEqual(['Identity', 'Identity_1', 'Identity_2']);
    expect(info.outputs[0].shape).toEqual([null, 172, 264]);
    expect(info.ops.Const).toBe(245);
    expect(info.ops._FusedConv2D).toBe(6);
    expect(info.ops.Conv2D).toBe(26);
    expect(info.weightBytes).toBe(742392);
    expect(info.compiles).toBe(false);
  });

  it('refuses to compile and names why (three outputs, convolutions)', async () => {
    const model = await loadTfjsModel(modelPath);
    const { error } = tryCompileTfjsModel(model);
    expect(error).toBeInstanceOf(ModelFormatError);
    expect(error?.code).toBe('E_MODEL_UNSUPPORTED_OP');
    expect(error?.message).toMatch(/one output, this graph has 3/);
    await expect(evaluateTfjsModel(model, [[[0]]], { compile: 'require' })).rejects.toThrow(/cannot compile to plain JS/);
    expect(() => compileTfjsModel(model)).toThrow(ModelFormatError);
  });

  it('loads from memory as well as from a path', async () => {
    const dir = new URL('../../test-fixtures/tfjs/basic-pitch/', import.meta.url);
    const model = await loadTfjsModel({
      modelJson: await readFile(new URL('model.json', dir), 'utf8'),
      weightData: await readFile(new URL('group1-shard1of1.bin', dir)),
    });
    expect(model.weights.size).toBe(245);
    expect(model.origin).toBe('memory');
  });

  it('evaluates through the TF.js fallback: three outputs of the signature shapes, finite, in [0, 1]', async () => {
    // A 440 Hz tone: the note/onset/contour heads are sigmoids.
    const audio = Array.from({ length: SAMPLES }, (_, i) => [0.5 * Math.sin((2 * Math.PI * 440 * i) / 22050)]);
    const { outputs, compiled } = await evaluateTfjsModel(modelPath, [audio]);
    expect(compiled).toBe(false);
    expect(outputs).toHaveLength(3);
    const shapes = outputs.map((o) => [(o as number[][][]).length, (o as number[][][])[0].length, (o as number[][][])[0][0].length]);
    expect(shapes).toEqual([
      [1, 172, 264],
      [1, 172, 88],
      [1, 172, 88],
    ]);
    const flat = (outputs[1] as number[][][]).flat(2);
    expect(flat.every((v) => Number.isFinite(v) && v >= 0 && v <= 1)).toBe(true);
  }, 60_000);

  it('is not a curve: createModelCurve says the model does not take one number per sample', async () => {
    await expect(createModelCurve(modelPath)).rejects.toThrow(ModelFormatError);
  }, 60_000);
});
