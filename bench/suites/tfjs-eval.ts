// Per-call evaluation of the article's net (1 -> 10 x Dense(10, selu) -> Dense(1), seeded weights):
// our compiled plain-JS forward pass against TF.js 4.22 (CPU backend) graph `execute` (what the
// article calls inside damping()) and layers `predict`, with the closed-form article curve as the
// floor. The TF.js models are our own exports, loaded by stock TF.js loaders.
import * as tf from '@tensorflow/tfjs';
import { createDenseForward, createDenseNet, denseNetCurve, type DenseNet } from '@tensile/core';
import { createModelCurve, denseNetToGraphModel, denseNetToLayersModel, loadTfjsModel, type ExportedModel } from '@tensile/core/tfjs';
import { consume, formatNs, measure, measureWall, table } from '../measure';
import type { BenchSuite } from '../suite';
import { MLP_SHAPES, articleMlpWeights } from '../article';

/** The article's architecture with Glorot-uniform weights from a fixed seed (mulberry32). */
function articleNet(seed = 2026): DenseNet {
  const weights = articleMlpWeights(seed);
  const layers = MLP_SHAPES.map(([inputSize, outputSize], k) => ({
    inputSize,
    outputSize,
    weights: weights[k],
    bias: new Float64Array(outputSize),
    activation: k === MLP_SHAPES.length - 1 ? ('linear' as const) : ('selu' as const),
  }));
  return createDenseNet({ layers, inputNorm: { mean: [6000], std: [4000] }, outputNorm: { mean: [200], std: [150] }, name: 'article-mlp' });
}

function artifacts(exported: ExportedModel): tf.io.ModelArtifacts {
  const json = exported.modelJson as { modelTopology: object; format: string; signature?: object; weightsManifest: { weights: tf.io.WeightsManifestEntry[] }[] };
  return {
    modelTopology: json.modelTopology,
    format: json.format,
    weightSpecs: json.weightsManifest[0].weights,
    weightData: exported.weightData,
    ...(json.signature ? { signature: json.signature } : {}),
  };
}

const articleCurve = (x: number) => {
  const ax = Math.abs(x);
  return (Math.sign(x) * 0.82231 * 500) / (1 + 4338.47 / ax ** 1.14791);
};

const suite: BenchSuite = {
  id: 'tfjs-eval',
  title: 'Evaluating the article net per call: compiled plain JS vs TF.js',
  async run() {
    await tf.setBackend('cpu');
    await tf.ready();
    const net = articleNet();
    const xs = Float64Array.from({ length: 64 }, (_, i) => 50 + i * 190); // px, 50..12020
    let i = 0;
    const nextX = () => xs[i++ & 63];

    const cold = await measureWall(async () => {
      const g = await tf.loadGraphModel(tf.io.fromMemory(artifacts(denseNetToGraphModel(net))));
      const y = tf.tidy(() => (g.execute(tf.tensor2d([[500]], [1, 1])) as tf.Tensor).dataSync()[0]);
      g.dispose();
      return y;
    }, 3);
    const graph = await tf.loadGraphModel(tf.io.fromMemory(artifacts(denseNetToGraphModel(net))));
    const layers = await tf.loadLayersModel(tf.io.fromMemory(artifacts(denseNetToLayersModel(net))));
    const exported = denseNetToGraphModel(net);
    const loaded = await loadTfjsModel({ modelJson: exported.modelJson, weightData: exported.weightData });
    const compiledCurve = await createModelCurve(loaded); // the loaded TF.js model, compiled to plain JS
    const forward = createDenseForward(net);
    const curve = denseNetCurve(net);

    // The same x through every path must give the same y (float32 rounding aside) before timing means anything.
    const x0 = 777;
    const yGraph = tf.tidy(() => (graph.execute(tf.tensor2d([[x0]], [1, 1])) as tf.Tensor).dataSync()[0]);
    const yLayers = tf.tidy(() => (layers.predict(tf.tensor2d([[x0]], [1, 1])) as tf.Tensor).dataSync()[0]);
    const yOurs = compiledCurve.evaluate(x0);
    const maxRel = Math.max(Math.abs(yGraph - yOurs), Math.abs(yLayers - yOurs)) / Math.abs(yOurs);
    if (!(maxRel < 1e-4)) throw new Error(`tfjs-eval: paths disagree at x=${x0}: ours ${yOurs}, graph ${yGraph}, layers ${yLayers}`);

    const rows: { name: string; ns: number; p99: number }[] = [];
    const add = (name: string, fn: () => unknown, timeMs = 700) => {
      const t = measure(fn, { timeMs });
      rows.push({ name, ns: t.medianNs, p99: t.p99Ns });
    };
    add('Tensile: compiled forward pass (`createDenseForward(net).scalar`)', () => forward.scalar(nextX()));
    add('Tensile: loaded TF.js graph model compiled to a Curve (`createModelCurve`)', () => compiledCurve.evaluate(nextX()));
    add('Tensile: `denseNetCurve(net).evaluate`', () => curve.evaluate(nextX()));
    add('closed-form article curve (floor)', () => articleCurve(nextX()));
    add('TF.js 4.22 graph `execute` (cpu), as in the article', () => tf.tidy(() => (graph.execute(tf.tensor2d([nextX()], [1, 1])) as tf.Tensor).dataSync()[0]), 1500);
    add('TF.js 4.22 layers `predict` (cpu)', () => tf.tidy(() => (layers.predict(tf.tensor2d([nextX()], [1, 1])) as tf.Tensor).dataSync()[0]), 1500);
    consume(rows);
    graph.dispose();
    layers.dispose();

    const compiled = rows[1].ns;
    const execute = rows[4].ns;
    const body = table(
      ['path', 'median per call', 'p99 per call', 'vs compiled Curve'],
      rows.map((r) => [r.name, formatNs(r.ns), formatNs(r.p99), `${(r.ns / compiled).toFixed(r.ns / compiled < 10 ? 2 : 0)}x`]),
    );
    const ratio = execute / compiled;
    return `${body}

Cold start, TF.js graph model (load from memory + first \`execute\`): ${cold.medianMs.toFixed(1)} ms median of ${cold.runs}
(the article measured 257 ms cold and about 78 ms warm per call in the browser).

**Compiled Curve vs TF.js \`execute\` per call: ${ratio.toFixed(0)}x faster** (target: at least 30x) ${ratio >= 30 ? '(met)' : '(NOT met)'}.
Same outputs checked before timing (max relative difference ${maxRel.toExponential(1)}, float32 rounding).
Net: 1 -> 10 x Dense(10, selu) -> Dense(1), 1021 parameters, Glorot-uniform weights from seed 2026 (timing does not depend on the values).
Reproduce: \`pnpm bench --only tfjs-eval\` (without a build: \`cd bench && node --conditions=source --import tsx run.ts --only tfjs-eval\`).`;
  },
};

export default suite;
