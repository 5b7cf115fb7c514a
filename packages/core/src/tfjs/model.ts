// A TF.js model loaded without TF.js: model.json validated, weights decoded and checked against
// the graph, plus what `tensile model inspect` reports and the compile step to a DenseNet.
import { createDenseNet, type DenseNet, type DenseOutputRules } from '../nn/dense-net';
import { TensileError, describeValue } from '../errors';
import { ModelFormatError } from './errors';
import { compileGraphModel, graphInputNames, graphOutputNames } from './graph-dense';
import { compileLayersModel, declaredInputShape, kerasModelConfig } from './layers-dense';
import { graphDtype, graphShape, manifestWeights, type GraphTopology, type ModelFormat, type ModelJson } from './model-json';
import { readArgument, readModelArtifacts, type ModelReadOptions, type ModelSource } from './sources';
import { decodeWeights, type DecodedWeight } from './weights';

/** A parsed, validated TF.js model. Plain data: no TF.js objects inside. */
export interface TfjsModel {
  readonly format: ModelFormat;
  readonly json: ModelJson;
  /** All shards concatenated, as read. */
  readonly weightData: ArrayBuffer;
  readonly weights: ReadonlyMap<string, DecodedWeight>;
  /** "memory", a file path or a URL. */
  readonly origin: string;
}

/** An input or output tensor of a model, as inspectTfjsModel reports it. */
export interface TensorInfo {
  /** The tensor's name in the model. */
  readonly name: string;
  /** Dimensions; null for unknown ones (the batch); the whole shape is null when unknown. */
  readonly shape: (number | null)[] | null;
  /** Its dtype, e.g. "float32". */
  readonly dtype: string;
}

/** What `tensile model inspect --json` prints, field for field. */
export interface ModelInfo {
  readonly format: ModelFormat;
  readonly inputs: TensorInfo[];
  readonly outputs: TensorInfo[];
  /** Op (graph) or layer class (layers model) -> count. */
  readonly ops: Record<string, number>;
  /** Number of floating-point weight values. */
  readonly params: number;
  /** Bytes of weight data as stored (quantised weights count at their stored size). */
  readonly weightBytes: number;
  /** True when the model is a dense stack that runs as plain JS with no TF.js. */
  readonly compiles: boolean;
}

/** Options of loadTfjsModel: the read options plus whether non-finite weights are accepted. */
export interface LoadModelOptions extends ModelReadOptions {
  /** Accept NaN/Infinity in float weights (some graphs hold -Infinity masks); such models never compile. Default false. */
  allowNonFinite?: boolean;
}

/** Reads, validates and decodes a TF.js model (graph or layers) from a path, URL or memory. */
export async function loadTfjsModel(source: ModelSource, opts: LoadModelOptions = {}): Promise<TfjsModel> {
  opts = readArgument(opts, 'options');
  const { json, weightData, origin } = await readModelArtifacts(source, opts);
  const weights = decodeWeights(manifestWeights(json), weightData, { allowNonFinite: opts.allowNonFinite });
  if (json.format === 'graph-model') checkGraphConsts(json, weights);
  return { format: json.format, json, weightData, weights, origin };
}

/** Every Const node must have its weight, with the shape the node declares (a model.json must not lie about shapes). */
function checkGraphConsts(json: ModelJson, weights: Map<string, DecodedWeight>): void {
  const topology = json.modelTopology as unknown as GraphTopology;
  for (const node of topology.node) {
    if (node.op !== 'Const') continue;
    const w = weights.get(node.name);
    if (!w) {
      throw new ModelFormatError('E_MODEL_WEIGHTS', `Const node ${JSON.stringify(node.name)} has no weight in the weights manifest`, { where: node.name });
    }
    const declared = graphShape(node.attr?.value?.tensor?.tensorShape);
    if (declared && (declared.length !== w.shape.length || declared.some((d, i) => d !== null && d !== w.shape[i]))) {
      throw new ModelFormatError(
        'E_MODEL_SHAPE',
        `Const node ${JSON.stringify(node.name)} declares shape [${declared.join(', ')}] but the weights manifest stores [${w.shape.join(', ')}]`,
        { where: node.name, value: w.shape },
      );
    }
  }
}

function histogram(names: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const n of names) out[n] = (out[n] ?? 0) + 1;
  return Object.fromEntries(Object.entries(out).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
}

function graphTensors(json: ModelJson, kind: 'inputs' | 'outputs'): TensorInfo[] {
  const sig = json.signature?.[kind];
  if (sig && Object.keys(sig).length > 0) {
    return Object.values(sig).map((t) => ({ name: t.name.replace(/:0$/, ''), shape: graphShape(t.tensorShape), dtype: graphDtype(t.dtype) }));
  }
  const topology = json.modelTopology as unknown as GraphTopology;
  const names = kind === 'inputs' ? graphInputNames(json) : graphOutputNames(json);
  return names.map((name) => {
    const node = topology.node.find((n) => n.name === name);
    const shapeAttr = node?.attr?.shape?.shape;
    const dtype = node?.attr?.dtype?.type ?? node?.attr?.T?.type;
    return { name, shape: kind === 'inputs' ? graphShape(shapeAttr) : null, dtype: graphDtype(dtype) };
  });
}

function layersTensors(json: ModelJson, net: DenseNet | null): { inputs: TensorInfo[]; outputs: TensorInfo[] } {
  const { layers } = kerasModelConfig(json);
  const first = layers[0];
  const last = layers[layers.length - 1];
  const shape = first ? declaredInputShape(first) : null;
  const firstName = String(first?.config.name ?? 'input');
  return {
    inputs: first ? [{ name: first.class_name === 'InputLayer' ? firstName : `${firstName}_input`, shape, dtype: String(first.config.dtype ?? 'float32') }] : [],
    outputs: last
      ? [{ name: String(last.config.name ?? 'output'), shape: net ? [null, net.layers[net.layers.length - 1].outputSize] : null, dtype: String(last.config.dtype ?? 'float32') }]
      : [],
  };
}

/** Throws unless `model` is a TfjsModel (from loadTfjsModel): a null or a raw model.json is named, not dereferenced. */
export function assertTfjsModel(model: unknown, fn: string): asserts model is TfjsModel {
  const m = model as Partial<TfjsModel> | null;
  if (typeof m !== 'object' || m === null || !(m.weights instanceof Map) || typeof m.json !== 'object' || m.json === null || (m.format !== 'graph-model' && m.format !== 'layers-model')) {
    throw new ModelFormatError('E_MODEL_FORMAT', `${fn}: model must be a loaded model from loadTfjsModel, got ${describeValue(model)}`, { where: 'model', value: model });
  }
}

/** Compiles a dense-stack model into a DenseNet, or throws ModelFormatError naming what is not a dense stack. */
export function compileTfjsModel(model: TfjsModel): DenseNet {
  assertTfjsModel(model, 'compileTfjsModel');
  const weights = model.weights as Map<string, DecodedWeight>;
  let net: DenseNet;
  try {
    net = model.format === 'graph-model' ? compileGraphModel(model.json, weights) : compileLayersModel(model.json, weights);
  } catch (err) {
    // The extracted net failed DenseNet validation (e.g. non-finite weights loaded with allowNonFinite).
    if (err instanceof ModelFormatError || !(err instanceof TensileError)) throw err;
    const code = /finite/.test(err.message) ? 'E_MODEL_NON_FINITE' : 'E_MODEL_FORMAT';
    throw new ModelFormatError(code, `cannot compile to plain JS: ${err.message}`, { where: 'weights' }, { cause: err });
  }
  const meta = model.json.userDefinedMetadata?.tensile as { kind?: unknown; name?: unknown; outputRules?: unknown } | undefined;
  if (!meta || meta.kind !== 'dense-net') return net;
  try {
    // Our own exports carry the curve rules; re-validate them like any other input.
    return createDenseNet({
      layers: net.layers,
      name: typeof meta.name === 'string' ? meta.name : net.name,
      ...(meta.outputRules ? { outputRules: meta.outputRules as DenseOutputRules } : {}),
    });
  } catch (err) {
    if (!(err instanceof TensileError)) throw err;
    throw new ModelFormatError('E_MODEL_FORMAT', `userDefinedMetadata.tensile is not valid: ${err.message}`, { where: 'userDefinedMetadata.tensile' }, { cause: err });
  }
}

/** `compileTfjsModel` without throwing for models that are simply not dense stacks. */
export function tryCompileTfjsModel(model: TfjsModel): { net: DenseNet; error: null } | { net: null; error: ModelFormatError } {
  assertTfjsModel(model, 'tryCompileTfjsModel');
  try {
    return { net: compileTfjsModel(model), error: null };
  } catch (err) {
    if (err instanceof ModelFormatError) return { net: null, error: err };
    throw err;
  }
}

/** Format, inputs, outputs, op histogram, parameter count, weight bytes, and whether it compiles. */
export function inspectTfjsModel(model: TfjsModel): ModelInfo {
  assertTfjsModel(model, 'inspectTfjsModel');
  const { net } = tryCompileTfjsModel(model);
  let params = 0;
  for (const w of model.weights.values()) if (w.dtype === 'float32') params += w.shape.reduce((a, b) => a * b, 1);
  const ops =
    model.format === 'graph-model'
      ? histogram((model.json.modelTopology as unknown as GraphTopology).node.map((n) => n.op))
      : histogram(kerasModelConfig(model.json).layers.map((l) => l.class_name));
  const tensors = model.format === 'graph-model' ? { inputs: graphTensors(model.json, 'inputs'), outputs: graphTensors(model.json, 'outputs') } : layersTensors(model.json, net);
  if (model.format === 'graph-model' && net) {
    // A compiled graph's output width is known even without a signature.
    for (let i = 0; i < tensors.outputs.length; i++) {
      if (tensors.outputs[i].shape === null) tensors.outputs[i] = { ...tensors.outputs[i], shape: [null, net.layers[net.layers.length - 1].outputSize] };
    }
  }
  return { format: model.format, inputs: tensors.inputs, outputs: tensors.outputs, ops, params, weightBytes: model.weightData.byteLength, compiles: net !== null };
}
