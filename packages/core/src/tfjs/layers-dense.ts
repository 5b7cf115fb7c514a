// Reads the Keras model config of a TF.js layers model (as TF.js saves it and as
// tensorflowjs_converter writes it from Keras): the layer list, and, when the model is a plain
// chain of Dense/Activation/Dropout layers, its weights as a DenseNet.
import { DENSE_ACTIVATIONS, type DenseActivation, type DenseNet } from '../nn/dense-net';
import { DenseChainBuilder } from './dense-chain';
import { ModelFormatError } from './errors';
import type { ModelJson } from './model-json';
import type { DecodedWeight } from './weights';

export interface KerasLayer {
  readonly class_name: string;
  readonly config: Record<string, unknown>;
  readonly name?: string;
  readonly inbound_nodes?: unknown;
}

/** Layers that do nothing at inference time. */
const INFERENCE_IDENTITY = new Set(['Dropout', 'AlphaDropout', 'GaussianDropout', 'GaussianNoise', 'SpatialDropout1D', 'ActivityRegularization']);
/** The Keras layer classes a layers model may hold and still compile to plain JavaScript (no TF.js at run time). */
export const COMPILABLE_LAYERS: readonly string[] = ['InputLayer', 'Dense', 'Activation', 'Flatten', ...INFERENCE_IDENTITY];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The model class and layers of a layers model's topology (Keras 2 and TF.js layouts). */
export function kerasModelConfig(json: ModelJson): { className: string; layers: KerasLayer[] } {
  const topology = json.modelTopology;
  const config = isRecord(topology.model_config) ? topology.model_config : topology;
  const inner = config.config;
  const layers = (Array.isArray(inner) ? inner : isRecord(inner) ? inner.layers : []) as KerasLayer[];
  return { className: String(config.class_name), layers };
}

function layerName(layer: KerasLayer): string {
  return String(layer.config.name ?? layer.name ?? layer.class_name);
}

/** `batch_input_shape` (Keras 2, TF.js) or `batch_shape` (Keras 3) of a layer, if it declares one. */
export function declaredInputShape(layer: KerasLayer): (number | null)[] | null {
  const s = layer.config.batch_input_shape ?? layer.config.batch_shape;
  return Array.isArray(s) ? s.map((d) => (typeof d === 'number' ? d : null)) : null;
}

/** Keras activations come as a string, or (Keras 3) as a serialised object naming it. */
function activationOf(layer: KerasLayer): DenseActivation {
  const raw = layer.config.activation;
  const name = typeof raw === 'string' ? raw : isRecord(raw) ? String((isRecord(raw.config) && raw.config.name) || raw.class_name) : 'linear';
  const normal = name.toLowerCase();
  if ((DENSE_ACTIVATIONS as readonly string[]).includes(normal)) return normal as DenseActivation;
  throw new ModelFormatError('E_MODEL_UNSUPPORTED_OP', `cannot compile to plain JS: layer ${JSON.stringify(layerName(layer))} uses activation ${JSON.stringify(name)}`, {
    where: layerName(layer),
    value: name,
  });
}

/** Finds a layer's weight by Keras naming ("dense_1/kernel", "model/dense_1/kernel:0", ...). */
function findWeight(weights: Map<string, DecodedWeight>, layer: string, kind: 'kernel' | 'bias'): DecodedWeight | undefined {
  const exact = weights.get(`${layer}/${kind}`) ?? weights.get(`${layer}/${kind}:0`);
  if (exact) return exact;
  for (const [name, w] of weights) {
    const bare = name.replace(/:0$/, '');
    if (bare.endsWith(`/${layer}/${kind}`)) return w;
  }
  return undefined;
}

/** Checks a Functional model is a straight chain (each layer fed by the previous one only). */
function checkChain(className: string, layers: KerasLayer[]): void {
  if (className === 'Sequential') return;
  for (let i = 1; i < layers.length; i++) {
    const inbound = JSON.stringify(layers[i].inbound_nodes ?? []);
    const prev = layerName(layers[i - 1]);
    const names = [...inbound.matchAll(/"([^"]+)"/g)].map((m) => m[1]).filter((s) => layers.some((l) => layerName(l) === s));
    if (names.length !== 1 || names[0] !== prev) {
      throw new ModelFormatError('E_MODEL_UNSUPPORTED_OP', `cannot compile to plain JS: layer ${JSON.stringify(layerName(layers[i]))} is not fed by the layer before it only (a ${className} that is not a chain)`, {
        where: layerName(layers[i]),
      });
    }
  }
}

/** Compiles a layers model whose layers are all Dense/Activation/InputLayer/Dropout into a DenseNet. */
export function compileLayersModel(json: ModelJson, weights: Map<string, DecodedWeight>, name = 'tfjs-layers'): DenseNet {
  const { className, layers } = kerasModelConfig(json);
  if (className !== 'Sequential' && className !== 'Functional' && className !== 'Model') {
    throw new ModelFormatError('E_MODEL_UNSUPPORTED_OP', `cannot compile to plain JS: model class ${JSON.stringify(className)}`, { where: 'class_name', value: className });
  }
  for (const layer of layers) {
    if (!COMPILABLE_LAYERS.includes(layer.class_name)) {
      throw new ModelFormatError(
        'E_MODEL_UNSUPPORTED_OP',
        `cannot compile to plain JS: layer ${JSON.stringify(layerName(layer))} is a ${layer.class_name} (supported: ${COMPILABLE_LAYERS.join(', ')})`,
        { where: layerName(layer), value: layer.class_name },
      );
    }
  }
  checkChain(className, layers);
  const denseLayers = layers.filter((l) => l.class_name === 'Dense');
  if (denseLayers.length === 0) throw new ModelFormatError('E_MODEL_UNSUPPORTED_OP', 'cannot compile to plain JS: the model has no Dense layer', { where: 'layers' });
  const declared = layers.map(declaredInputShape).find((s) => s !== null) ?? null;
  if (declared && declared.length !== 2) {
    throw new ModelFormatError('E_MODEL_UNSUPPORTED_OP', `cannot compile to plain JS: input shape [${declared.join(', ')}] is not [batch, features]`, { where: 'input' });
  }
  const firstKernel = findWeight(weights, layerName(denseLayers[0]), 'kernel');
  const width = declared?.[1] ?? firstKernel?.shape[0];
  if (typeof width !== 'number') throw new ModelFormatError('E_MODEL_SHAPE', 'cannot tell the input width: no batch_input_shape and no first kernel', { where: 'input' });

  const builder = new DenseChainBuilder(width, `the input of layer ${JSON.stringify(layerName(layers[0]))}`);
  for (const layer of layers) {
    const lname = layerName(layer);
    if (layer.class_name === 'Activation') builder.activate(activationOf(layer));
    if (layer.class_name !== 'Dense') continue;
    const units = Number(layer.config.units);
    const kernel = findWeight(weights, lname, 'kernel');
    if (!kernel) throw new ModelFormatError('E_MODEL_WEIGHTS', `layer ${JSON.stringify(lname)}: its kernel is not in the weights manifest`, { where: lname });
    if (kernel.shape.length !== 2 || kernel.shape[1] !== units || kernel.shape[0] !== builder.currentWidth) {
      throw new ModelFormatError(
        'E_MODEL_SHAPE',
        `layer ${JSON.stringify(lname)}: kernel ${JSON.stringify(kernel.name)} has shape [${kernel.shape.join(', ')}], expected [${builder.currentWidth}, ${units}] (input width, units)`,
        { where: lname, value: kernel.shape },
      );
    }
    builder.matmul(`layer ${JSON.stringify(lname)}`, Float64Array.from(kernel.values as Float32Array), kernel.shape[0], units);
    if (layer.config.use_bias !== false) {
      const bias = findWeight(weights, lname, 'bias');
      if (!bias) throw new ModelFormatError('E_MODEL_WEIGHTS', `layer ${JSON.stringify(lname)}: its bias is not in the weights manifest`, { where: lname });
      if (bias.shape.length !== 1 || bias.shape[0] !== units) {
        throw new ModelFormatError('E_MODEL_SHAPE', `layer ${JSON.stringify(lname)}: bias ${JSON.stringify(bias.name)} has shape [${bias.shape.join(', ')}], expected [${units}]`, {
          where: lname,
          value: bias.shape,
        });
      }
      builder.add(`layer ${JSON.stringify(lname)}`, Float64Array.from(bias.values as Float32Array));
    }
    builder.activate(activationOf(layer));
  }
  return builder.finish(name);
}
