// Converter-shaped models (test-fixtures/tfjs, made by make-fixtures.ts in tensorflowjs_converter's
// layout): our weight decoding equals tf.io.decodeWeights, including uint8/uint16/float16
// quantisation, and the compiled plain-JS forward pass equals stock TF.js execution.
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDenseForward } from '../nn/dense-forward';
import { decodeFusedOp } from './graph-dense';
import { compileTfjsModel, inspectTfjsModel, loadTfjsModel } from './model';
import { manifestWeights } from './model-json';
import { createModelCurve, evaluateTfjsModel, toTfjsModel } from './runtime';

const FLOAT32_REL = 2e-5; // float32 execution in TF.js vs float64 here
const fixture = (name: string) => fileURLToPath(new URL(`../../test-fixtures/tfjs/${name}/model.json`, import.meta.url));
const XS = [0, 5, 100, 700, 2500, 6000, 9000, 12000, 20000];

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, rel = FLOAT32_REL) {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    expect(Math.abs(actual[i] - expected[i]), `element ${i}: ${actual[i]} vs ${expected[i]}`).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(expected[i])));
  }
}

describe.each(['converter-fused', 'converter-uint8', 'converter-uint16', 'converter-float16', 'converter-unfused', 'keras-layers'])('%s', (name) => {
  it('decodes weights exactly as tf.io.decodeWeights does', async () => {
    const model = await loadTfjsModel(fixture(name));
    const theirs = tf.io.decodeWeights(model.weightData, manifestWeights(model.json) as tf.io.WeightsManifestEntry[]);
    for (const [wname, ours] of model.weights) {
      expect(Array.from(ours.values as Float32Array), wname).toEqual(Array.from(theirs[wname].dataSync()));
      expect(ours.shape).toEqual(theirs[wname].shape);
    }
  });

  it('compiles to plain JS with the outputs of stock TF.js execution', async () => {
    const model = await loadTfjsModel(fixture(name));
    const net = compileTfjsModel(model);
    const ours = createDenseForward(net).batch(XS);
    const tfModel = await toTfjsModel(model);
    const x = tf.tensor2d(XS, [XS.length, 1]);
    const y = (tfModel instanceof tf.GraphModel ? tfModel.execute(x) : tfModel.predict(x)) as tf.Tensor;
    expectClose(ours, y.dataSync());
    // The fallback path (TF.js execution) and the compiled path agree through the public evaluator.
    const viaTf = await evaluateTfjsModel(model, XS.map((v) => [v]), { compile: 'never' });
    const compiled = await evaluateTfjsModel(model, XS.map((v) => [v]));
    expect(compiled.compiled).toBe(true);
    expect(viaTf.compiled).toBe(false);
    expectClose((compiled.outputs[0] as number[][]).flat(), (viaTf.outputs[0] as number[][]).flat());
  });
});

describe('converter specifics', () => {
  it('decodes base64 fused_ops as the converter writes them', () => {
    expect(decodeFusedOp('Qmlhc0FkZA==')).toBe('BiasAdd');
    expect(decodeFusedOp('UmVsdQ==')).toBe('Relu');
    expect(decodeFusedOp('BiasAdd')).toBe('BiasAdd');
  });

  it('inspects a converter graph: signature names, op histogram, quantised byte count', async () => {
    const info = inspectTfjsModel(await loadTfjsModel(fixture('converter-uint8')));
    expect(info).toEqual({
      format: 'graph-model',
      inputs: [{ name: 'dense_input', shape: [null, 1], dtype: 'float32' }],
      outputs: [{ name: 'Identity', shape: [null, 1], dtype: 'float32' }],
      ops: { Const: 8, _FusedMatMul: 4, Identity: 1, Placeholder: 1, Selu: 1, Tanh: 1 },
      params: 6 + 6 + 36 + 6 + 24 + 4 + 4 + 1,
      weightBytes: 87, // one byte per uint8 weight
      compiles: true,
    });
  });

  it('inspects a converted Keras layers model split over two shards', async () => {
    const info = inspectTfjsModel(await loadTfjsModel(fixture('keras-layers')));
    expect(info.format).toBe('layers-model');
    expect(info.ops).toEqual({ Dense: 3, Dropout: 1, InputLayer: 1 });
    expect(info.inputs).toEqual([{ name: 'dense_input', shape: [null, 1], dtype: 'float32' }]);
    expect(info.outputs).toEqual([{ name: 'dense_2', shape: [null, 1], dtype: 'float32' }]);
    expect(info.compiles).toBe(true);
  });

  it('wraps a converter model as a warmed-up curve, compiled or through TF.js, with equal values', async () => {
    const model = await loadTfjsModel(fixture('converter-fused'));
    const compiled = await createModelCurve(model);
    const viaTf = await createModelCurve(model, { compile: 'never' });
    const xs = [-9000, -300, 0, 300, 9000];
    expectClose(compiled.evaluateBatch(xs), viaTf.evaluateBatch(xs));
    viaTf.dispose();
  });
});
