// Our exports against stock TF.js 4.22 (CPU backend): tf.loadGraphModel / tf.loadLayersModel load
// them, over HTTP from a loopback server and from memory, and give the DenseNet's outputs; and
// the round trip back through our loader compiles to the same net.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDenseNet, type DenseActivation } from '../nn/dense-net';
import { createDenseForward, denseNetCurve } from '../nn/dense-forward';
import { denseNetToGraphModel, denseNetToLayersModel, saveDenseNet } from './export';
import { compileTfjsModel, inspectTfjsModel, loadTfjsModel } from './model';
import { DENSE_ACTIVATIONS } from '../nn/dense-net';
import { createModelCurve, evaluateTfjsModel } from './runtime';

// TF.js computes in float32; outputs of O(100) px agree to a few float32 ulps through 11 layers.
const FLOAT32_REL = 2e-5;
const XS = [0, 1, 25, 250, 1000, 3000, 6000, 12000, 20000, 40000];

function articleNet(activation: DenseActivation = 'selu') {
  let s = 42;
  const rand = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1;
  const layers = [];
  let nIn = 1;
  for (let k = 0; k <= 10; k++) {
    const nOut = k === 10 ? 1 : 10;
    layers.push({
      inputSize: nIn,
      outputSize: nOut,
      weights: Array.from({ length: nIn * nOut }, () => rand() * Math.sqrt(3 / nIn)),
      bias: Array.from({ length: nOut }, () => rand() * 0.1),
      activation: k === 10 ? ('linear' as const) : activation,
    });
    nIn = nOut;
  }
  return createDenseNet({
    layers,
    inputNorm: { mean: [6000], std: [4000] },
    outputNorm: { mean: [200], std: [150] },
    outputRules: { domain: { min: 0, max: 12000 }, extrapolation: 'clamp' },
    name: 'article-mlp',
  });
}

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, rel = FLOAT32_REL) {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const tol = rel * Math.max(1, Math.abs(expected[i]));
    expect(Math.abs(actual[i] - expected[i]), `element ${i}: ${actual[i]} vs ${expected[i]}`).toBeLessThanOrEqual(tol);
  }
}

let server: Server;
let baseUrl: string;
let dir: string;

beforeAll(async () => {
  await tf.setBackend('cpu');
  dir = await mkdtemp(path.join(os.tmpdir(), 'tensile-tfjs-'));
  server = createServer(async (req, res) => {
    try {
      const body = await readFile(path.join(dir, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)));
      res.writeHead(200, { 'content-length': body.byteLength });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

describe('export to TF.js', () => {
  const net = articleNet();
  const expected = createDenseForward(net).batch(XS);

  it('writes a graph model that stock tf.loadGraphModel loads over HTTP and runs to the same outputs', async () => {
    await saveDenseNet(net, path.join(dir, 'graph'), 'graph-model');
    const model = await tf.loadGraphModel(`${baseUrl}/graph/model.json`);
    const y = model.execute(tf.tensor2d(XS, [XS.length, 1])) as tf.Tensor;
    expectClose(y.dataSync(), expected);
    expect(model.inputs[0].shape).toEqual([-1, 1]);
  });

  it('writes a layers model that stock tf.loadLayersModel loads over HTTP and runs to the same outputs', async () => {
    await saveDenseNet(net, path.join(dir, 'layers'), 'layers-model');
    const model = await tf.loadLayersModel(`${baseUrl}/layers/model.json`);
    expect(model.layers.map((l) => l.getClassName())).toEqual(Array(11).fill('Dense'));
    const y = model.predict(tf.tensor2d(XS, [XS.length, 1])) as tf.Tensor;
    expectClose(y.dataSync(), expected);
  });

  it('loads from memory with tf.io.fromMemory, every activation, and an output norm after a non-linear layer', async () => {
    for (const act of ['selu', 'tanh', 'relu', 'elu', 'sigmoid', 'softplus'] as const) {
      const base = articleNet(act);
      // A last layer with an activation forces the extra diagonal layer that carries the output norm.
      const layers = base.layers.map((l, k) => (k === base.layers.length - 1 ? { ...l, activation: 'tanh' as const } : l));
      const variant = createDenseNet({ layers, inputNorm: base.inputNorm, outputNorm: base.outputNorm });
      const want = createDenseForward(variant).batch(XS);
      for (const exported of [denseNetToGraphModel(variant), denseNetToLayersModel(variant)]) {
        const { modelJson, weightData } = exported;
        const artifacts = {
          modelTopology: modelJson.modelTopology as object,
          weightSpecs: (modelJson.weightsManifest as { weights: tf.io.WeightsManifestEntry[] }[])[0].weights,
          weightData,
          format: modelJson.format as string,
          ...(modelJson.signature ? { signature: modelJson.signature as object } : {}),
        };
        const isGraph = modelJson.format === 'graph-model';
        const model = isGraph ? await tf.loadGraphModel(tf.io.fromMemory(artifacts)) : await tf.loadLayersModel(tf.io.fromMemory(artifacts));
        const x = tf.tensor2d(XS, [XS.length, 1]);
        const y = (isGraph ? (model as tf.GraphModel).execute(x) : (model as tf.LayersModel).predict(x)) as tf.Tensor;
        expectClose(y.dataSync(), want);
      }
    }
  });

  it('round-trips through our loader (URL and file) to a compiled net with the same outputs and the curve rules', async () => {
    for (const format of ['graph', 'layers']) {
      for (const source of [`${baseUrl}/${format}/model.json`, path.join(dir, format)]) {
        const model = await loadTfjsModel(source);
        const back = compileTfjsModel(model);
        expect(back.outputRules).toEqual(net.outputRules);
        expect(back.name).toBe('article-mlp');
        expectClose(createDenseForward(back).batch(XS), expected);
        const info = inspectTfjsModel(model);
        expect(info.compiles).toBe(true);
        expect(info.params).toBe(1021);
        expect(info.weightBytes).toBe(1021 * 4);
        expect(info.inputs[0].shape).toEqual([null, 1]);
        expect(info.outputs[0].shape).toEqual([null, 1]);
      }
    }
  });

  it('gives a curve equal to denseNetCurve, compiled; and the same curve through TF.js when compile is off', async () => {
    const model = await loadTfjsModel(path.join(dir, 'graph'));
    const compiled = await createModelCurve(model);
    const viaTf = await createModelCurve(model, { compile: 'never' });
    const reference = denseNetCurve(net);
    expect(compiled.compiled).toBe(true);
    expect(viaTf.compiled).toBe(false);
    const xs = [-20000, -500, 0, 10, 500, 5000, 11999, 30000];
    expectClose(compiled.evaluateBatch(xs), reference.evaluateBatch(xs));
    // TF.js has no clamp rule: compare inside the domain, where the rules do nothing.
    const inside = xs.filter((x) => Math.abs(x) <= 12000);
    expectClose(viaTf.evaluateBatch(inside), reference.evaluateBatch(inside));
    expectClose(inside.map((x) => viaTf.evaluate(x)), reference.evaluateBatch(inside));
    expect(viaTf.evaluate(-500)).toBe(-viaTf.evaluate(500));
    expect(() => viaTf.evaluate(NaN)).toThrow(/finite number/);
    viaTf.dispose();
  });
});

describe('export -> stock TF.js -> our loader, for random dense nets (property, fixed seed)', () => {
  const FC_SEED = 5_2026;
  const arbNet = fc
    .record({
      sizes: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 2, maxLength: 5 }),
      acts: fc.array(fc.constantFrom(...DENSE_ACTIVATIONS), { minLength: 4, maxLength: 4 }),
      seed: fc.integer({ min: 1, max: 1_000_000 }),
      norms: fc.boolean(),
    })
    .map(({ sizes, acts, seed, norms }) => {
      let s = seed;
      const rand = () => ((s = (s * 16807) % 2147483647) / 2147483647) * 2 - 1;
      const layers = sizes.slice(1).map((nOut, k) => ({
        inputSize: sizes[k],
        outputSize: nOut,
        weights: Array.from({ length: sizes[k] * nOut }, rand),
        bias: Array.from({ length: nOut }, () => rand() * 0.5),
        activation: acts[k],
      }));
      const nIn = sizes[0];
      const nOut = sizes[sizes.length - 1];
      return createDenseNet({
        layers,
        ...(norms
          ? {
              inputNorm: { mean: Array.from({ length: nIn }, () => rand() * 100), std: Array.from({ length: nIn }, () => 1 + Math.abs(rand()) * 50) },
              outputNorm: { mean: Array.from({ length: nOut }, () => rand() * 10), std: Array.from({ length: nOut }, () => 0.5 + Math.abs(rand()) * 5) },
            }
          : {}),
      });
    });

  it('gives the DenseNet outputs in TF.js and after compiling back, for both formats', async () => {
    await fc.assert(
      fc.asyncProperty(arbNet, async (net) => {
        const nIn = net.layers[0].inputSize;
        const rows = 4;
        const xs = Float64Array.from({ length: rows * nIn }, (_, i) => ((i * 37) % 23) * 9 - 80);
        const want = createDenseForward(net).batch(xs);
        for (const exported of [denseNetToGraphModel(net), denseNetToLayersModel(net)]) {
          const model = await loadTfjsModel({ modelJson: exported.modelJson, weightData: exported.weightData });
          expectClose(createDenseForward(compileTfjsModel(model)).batch(xs), want, 1e-5);
          const rowsIn = Array.from({ length: rows }, (_, r) => Array.from(xs.subarray(r * nIn, (r + 1) * nIn)));
          const viaTf = await evaluateTfjsModel(model, rowsIn, { compile: 'never' });
          // float32 through TF.js: absolute error scales with the size of the intermediate values.
          expectClose((viaTf.outputs[0] as number[][]).flat(), want, 1e-4);
        }
      }),
      { seed: FC_SEED, numRuns: 12, verbose: true },
    );
  }, 60_000);
});
