// Writes a DenseNet as a TF.js layers model or graph model (model.json + one float32 shard) that
// stock `tf.loadLayersModel` / `tf.loadGraphModel` load. No TF.js needed to write: the JSON is
// built here, in the layout TF.js itself and tensorflowjs_converter produce. Normalisation is
// folded into the first and last layers; output rules travel in `userDefinedMetadata.tensile`.
import { validateDenseNet, type DenseActivation, type DenseLayer, type DenseNet } from '../nn/dense-net';
import { describeValue } from '../errors';
import { ModelFormatError } from './errors';
import type { ModelFormat, WeightSpec } from './model-json';
import { importNodeBuiltin } from './node-builtins';

/** The exported model: model.json (as an object) and the bytes of its one shard. */
export interface ExportedModel {
  readonly modelJson: Record<string, unknown>;
  readonly weightData: ArrayBuffer;
  /** The shard file name model.json refers to. */
  readonly shardName: string;
}

/** The file name of the one weights shard an exported dense net has (TF.js's own naming); model.json points at it. */
export const SHARD_NAME = 'group1-shard1of1.bin';
const GENERATED_BY = 'Tensile dense-net export 1';

/** The TF op of each activation (graph models). */
const GRAPH_ACTIVATION_OPS: Readonly<Record<Exclude<DenseActivation, 'linear'>, string>> = {
  selu: 'Selu',
  tanh: 'Tanh',
  relu: 'Relu',
  elu: 'Elu',
  sigmoid: 'Sigmoid',
  softplus: 'Softplus',
};

/**
 * The net's layers with normalisation folded in, so a plain dense stack computes the same function:
 * input: W' = diag(1/std) W, b' = b - (mean/std) W; output: W' = W diag(std), b' = b std + mean when
 * the last layer is linear, else an extra diagonal linear layer.
 */
export function foldNormalisation(net: DenseNet): DenseLayer[] {
  validateDenseNet(net);
  const layers = net.layers.map((l) => ({ ...l, weights: l.weights.slice(), bias: l.bias.slice() }));
  if (net.inputNorm) {
    const first = layers[0];
    const { mean, std } = net.inputNorm;
    for (let i = 0; i < first.inputSize; i++) {
      for (let j = 0; j < first.outputSize; j++) {
        const w = first.weights[i * first.outputSize + j];
        first.bias[j] -= (mean[i] / std[i]) * w;
        first.weights[i * first.outputSize + j] = w / std[i];
      }
    }
  }
  if (net.outputNorm) {
    const { mean, std } = net.outputNorm;
    const last = layers[layers.length - 1];
    if (last.activation === 'linear') {
      for (let j = 0; j < last.outputSize; j++) {
        for (let i = 0; i < last.inputSize; i++) last.weights[i * last.outputSize + j] *= std[j];
        last.bias[j] = last.bias[j] * std[j] + mean[j];
      }
    } else {
      const n = last.outputSize;
      const weights = new Float64Array(n * n);
      for (let j = 0; j < n; j++) weights[j * n + j] = std[j];
      layers.push({ inputSize: n, outputSize: n, weights, bias: Float64Array.from(mean), activation: 'linear' });
    }
  }
  return layers;
}

function float32Shard(layers: DenseLayer[]): ArrayBuffer {
  const total = layers.reduce((a, l) => a + l.weights.length + l.bias.length, 0);
  const data = new Float32Array(total);
  let at = 0;
  for (const l of layers) {
    data.set(l.weights, at);
    at += l.weights.length;
    data.set(l.bias, at);
    at += l.bias.length;
  }
  for (let i = 0; i < data.length; i++) {
    if (!Number.isFinite(data[i])) {
      throw new ModelFormatError('E_MODEL_NON_FINITE', `export: a weight overflows float32 (${describeValue(data[i])} at element ${i})`, { where: 'weights', value: i });
    }
  }
  return data.buffer;
}

/** What round-trips through `userDefinedMetadata.tensile` (read back by loadTfjsModel). */
function tensileMetadata(net: DenseNet): Record<string, unknown> {
  return { tensile: { kind: 'dense-net', version: 1, name: net.name ?? null, outputRules: net.outputRules ?? null } };
}

/** A Keras/TF.js `Sequential` of Dense layers (what `model.save()` of tf.sequential writes). */
export function denseNetToLayersModel(net: DenseNet, opts: { modelName?: string } = {}): ExportedModel {
  const layers = foldNormalisation(net);
  const weights: WeightSpec[] = [];
  const config = layers.map((l, k) => {
    const name = `dense_${k + 1}`;
    weights.push({ name: `${name}/kernel`, shape: [l.inputSize, l.outputSize], dtype: 'float32' });
    weights.push({ name: `${name}/bias`, shape: [l.outputSize], dtype: 'float32' });
    return {
      class_name: 'Dense',
      config: {
        units: l.outputSize,
        activation: l.activation,
        use_bias: true,
        kernel_initializer: { class_name: 'Zeros', config: {} },
        bias_initializer: { class_name: 'Zeros', config: {} },
        kernel_regularizer: null,
        bias_regularizer: null,
        activity_regularizer: null,
        kernel_constraint: null,
        bias_constraint: null,
        name,
        trainable: true,
        dtype: 'float32',
        ...(k === 0 ? { batch_input_shape: [null, l.inputSize] } : {}),
      },
    };
  });
  const modelJson = {
    format: 'layers-model' satisfies ModelFormat,
    generatedBy: GENERATED_BY,
    convertedBy: null,
    modelTopology: {
      class_name: 'Sequential',
      config: { name: opts.modelName ?? 'tensile_dense_net', layers: config },
      keras_version: 'tfjs-layers 4.22.0',
      backend: 'tensor_flow.js',
    },
    weightsManifest: [{ paths: [SHARD_NAME], weights }],
    userDefinedMetadata: tensileMetadata(net),
  };
  return { modelJson, weightData: float32Shard(layers), shardName: SHARD_NAME };
}

const dims = (shape: number[]) => ({ dim: shape.map((d) => ({ size: String(d) })) });
const floatT = { type: 'DT_FLOAT' };
/** "BiasAdd" as the converter writes fused_ops: base64 of the proto bytes. */
const FUSED_BIAS_ADD = btoa('BiasAdd');

/**
 * A graph model in the converter's layout: a Placeholder, per layer a `_FusedMatMul` with
 * fused_ops [BiasAdd] (base64, as tensorflowjs_converter writes it) and a separate activation
 * node, an Identity output, and a signature.
 */
export function denseNetToGraphModel(net: DenseNet): ExportedModel {
  const layers = foldNormalisation(net);
  const nIn = layers[0].inputSize;
  const nOut = layers[layers.length - 1].outputSize;
  const nodes: Record<string, unknown>[] = [
    { name: 'x', op: 'Placeholder', attr: { dtype: floatT, shape: { shape: dims([-1, nIn]) } } },
  ];
  const weights: WeightSpec[] = [];
  let current = 'x';
  layers.forEach((l, k) => {
    const base = `dense_${k + 1}`;
    for (const [kind, shape] of [
      ['kernel', [l.inputSize, l.outputSize]],
      ['bias', [l.outputSize]],
    ] as const) {
      weights.push({ name: `${base}/${kind}`, shape: [...shape], dtype: 'float32' });
      nodes.push({ name: `${base}/${kind}`, op: 'Const', attr: { dtype: floatT, value: { tensor: { dtype: 'DT_FLOAT', tensorShape: dims([...shape]) } } } });
    }
    nodes.push({
      name: `${base}/MatMul`,
      op: '_FusedMatMul',
      input: [current, `${base}/kernel`, `${base}/bias`],
      device: '/device:CPU:0',
      attr: {
        T: floatT,
        transpose_a: { b: false },
        transpose_b: { b: false },
        num_args: { i: '1' },
        epsilon: { f: 0 },
        leakyrelu_alpha: { f: 0.2 },
        fused_ops: { list: { s: [FUSED_BIAS_ADD] } },
      },
    });
    current = `${base}/MatMul`;
    if (l.activation !== 'linear') {
      const op = GRAPH_ACTIVATION_OPS[l.activation];
      nodes.push({ name: `${base}/${op}`, op, input: [current], attr: { T: floatT } });
      current = `${base}/${op}`;
    }
  });
  nodes.push({ name: 'Identity', op: 'Identity', input: [current], attr: { T: floatT } });
  const modelJson = {
    format: 'graph-model' satisfies ModelFormat,
    generatedBy: GENERATED_BY,
    convertedBy: GENERATED_BY,
    signature: {
      inputs: { x: { name: 'x:0', dtype: 'DT_FLOAT', tensorShape: dims([-1, nIn]) } },
      outputs: { y: { name: 'Identity:0', dtype: 'DT_FLOAT', tensorShape: dims([-1, nOut]) } },
    },
    modelTopology: { node: nodes, library: {}, versions: { producer: 1286 } },
    weightsManifest: [{ paths: [SHARD_NAME], weights }],
    userDefinedMetadata: tensileMetadata(net),
  };
  return { modelJson, weightData: float32Shard(layers), shardName: SHARD_NAME };
}

/** Exports in either format. */
export function exportDenseNet(net: DenseNet, format: ModelFormat): ExportedModel {
  if (format === 'graph-model') return denseNetToGraphModel(net);
  if (format === 'layers-model') return denseNetToLayersModel(net);
  throw new ModelFormatError('E_MODEL_FORMAT', `export format must be "graph-model" or "layers-model", got ${describeValue(format)}`, { where: 'format', value: format });
}

/** The temporary name model.json is written under before it is renamed into place. */
export const PARTIAL_MODEL_JSON = '.model.json.partial';

/**
 * Node: writes model.json and the shard into `dir` (created if missing); returns the model.json
 * path. An interrupted save must never leave a model.json next to a shard it does not describe,
 * so an old model.json is removed first, the shard is written (to a temporary name, then renamed),
 * and model.json is renamed into place last: the folder holds the old pair, no model.json, or the
 * new pair.
 */
export async function saveDenseNet(net: DenseNet, dir: string, format: ModelFormat = 'graph-model'): Promise<string> {
  const exported = exportDenseNet(net, format);
  const fs = await importNodeBuiltin('node:fs/promises');
  const path = await importNodeBuiltin('node:path');
  await fs.mkdir(dir, { recursive: true });
  const modelPath = path.join(dir, 'model.json');
  const shardPath = path.join(dir, exported.shardName);
  await fs.rm(modelPath, { force: true });
  await fs.writeFile(`${shardPath}.partial`, new Uint8Array(exported.weightData));
  await fs.rename(`${shardPath}.partial`, shardPath);
  const partialJson = path.join(dir, PARTIAL_MODEL_JSON);
  await fs.writeFile(partialJson, JSON.stringify(exported.modelJson));
  await fs.rename(partialJson, modelPath);
  return modelPath;
}
