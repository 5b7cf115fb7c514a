// Layers models that TF.js itself saves (tf.io.withSaveHandler): Sequential with separate
// Activation layers, a Functional chain, and a non-dense model that must fall back to TF.js.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDenseForward } from '../nn/dense-forward';
import { compileTfjsModel, inspectTfjsModel, loadTfjsModel, tryCompileTfjsModel } from './model';
import { createModelCurve, evaluateTfjsModel } from './runtime';

const FLOAT32_REL = 2e-5;
const XS = [0, 0.5, 3, 40, 900];

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Saves a TF.js model through its own save handler and returns the artifacts as an in-memory source. */
async function saved(model: tf.LayersModel) {
  let artifacts: tf.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler(async (a) => {
      artifacts = a;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  const a = artifacts as tf.io.ModelArtifacts;
  const modelJson = { format: a.format, generatedBy: a.generatedBy, convertedBy: a.convertedBy, modelTopology: a.modelTopology, weightsManifest: [{ paths: ['w.bin'], weights: a.weightSpecs }] };
  return { modelJson: modelJson as Record<string, unknown>, weightData: a.weightData as ArrayBuffer };
}

function predict(model: tf.LayersModel, xs: number[]): Float32Array {
  return (model.predict(tf.tensor2d(xs, [xs.length, 1])) as tf.Tensor).dataSync() as Float32Array;
}

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>) {
  for (let i = 0; i < expected.length; i++) {
    expect(Math.abs(actual[i] - expected[i]), `element ${i}`).toBeLessThanOrEqual(FLOAT32_REL * Math.max(1, Math.abs(expected[i])));
  }
}

describe('layers models saved by TF.js', () => {
  it('Sequential with separate Activation layers and no-bias Dense compiles to the same outputs', async () => {
    const m = tf.sequential({
      layers: [
        tf.layers.dense({ units: 5, inputShape: [1], useBias: false }),
        tf.layers.activation({ activation: 'softplus' }),
        tf.layers.dense({ units: 3, activation: 'sigmoid' }),
        tf.layers.dropout({ rate: 0.5 }),
        tf.layers.dense({ units: 1 }),
      ],
    });
    const model = await loadTfjsModel(await saved(m));
    expectClose(createDenseForward(compileTfjsModel(model)).batch(XS), predict(m, XS));
    expect(inspectTfjsModel(model).ops).toEqual({ Dense: 3, Activation: 1, Dropout: 1 });
  });

  it('a Functional chain compiles; a Functional with a branch does not', async () => {
    const input = tf.input({ shape: [1] });
    const h = tf.layers.dense({ units: 4, activation: 'elu' }).apply(input) as tf.SymbolicTensor;
    const out = tf.layers.dense({ units: 1 }).apply(h) as tf.SymbolicTensor;
    const chain = tf.model({ inputs: input, outputs: out });
    const model = await loadTfjsModel(await saved(chain));
    expectClose(createDenseForward(compileTfjsModel(model)).batch(XS), predict(chain, XS));

    const a = tf.layers.dense({ units: 3, activation: 'relu' }).apply(input) as tf.SymbolicTensor;
    const b = tf.layers.dense({ units: 3, activation: 'tanh' }).apply(input) as tf.SymbolicTensor;
    const merged = tf.layers.add().apply([a, b]) as tf.SymbolicTensor;
    const branchy = tf.model({ inputs: input, outputs: tf.layers.dense({ units: 1 }).apply(merged) as tf.SymbolicTensor });
    const loaded = await loadTfjsModel(await saved(branchy));
    expect(tryCompileTfjsModel(loaded).error?.message).toMatch(/layer ".*" is a Add/);
    // ...and still runs, through TF.js, with TF.js's own outputs.
    const { outputs, compiled } = await evaluateTfjsModel(loaded, XS.map((x) => [x]));
    expect(compiled).toBe(false);
    expectClose((outputs[0] as number[][]).flat(), predict(branchy, XS));
  });

  it('a non-dense Sequential (BatchNormalization) falls back to TF.js as a curve', async () => {
    const m = tf.sequential({ layers: [tf.layers.dense({ units: 4, inputShape: [1], activation: 'tanh' }), tf.layers.batchNormalization(), tf.layers.dense({ units: 1 })] });
    const model = await loadTfjsModel(await saved(m));
    expect(tryCompileTfjsModel(model).error?.message).toMatch(/is a BatchNormalization \(supported: InputLayer, Dense, Activation/);
    const curve = await createModelCurve(model);
    expect(curve.compiled).toBe(false);
    expectClose(curve.evaluateBatch([3, 40]), predict(m, [3, 40]));
    expect(curve.evaluate(-40)).toBe(-curve.evaluate(40));
    curve.dispose();
  });
});
