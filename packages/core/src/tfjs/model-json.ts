// Parses and validates a TF.js model.json (graph model or layers model) without TF.js: plain
// JSON.parse with a reviver that refuses prototype-polluting keys, then a structural check of the
// fields the loaders rely on. Nothing from the file is ever evaluated as code.
import { describeValue } from '../errors';
import { ModelFormatError } from './errors';
import { checkDistinctShardPaths, checkShardPath } from './shard-paths';
import { MAX_JSON_DEPTH, findExcessNesting } from './json-depth';

/** The two kinds of TF.js model.json: a "graph-model" (tensorflowjs_converter) or a "layers-model" (Keras, tf.LayersModel). */
export type ModelFormat = 'graph-model' | 'layers-model';

/** The storage dtypes a weights manifest may name (TF.js DataType). */
export type WeightDtype = 'float32' | 'int32' | 'bool' | 'string' | 'complex64';
/** Quantised storage written by tensorflowjs_converter --quantize_{uint8,uint16,float16}. */
export interface WeightQuantization {
  readonly dtype: 'uint8' | 'uint16' | 'float16';
  readonly scale?: number;
  readonly min?: number;
  readonly original_dtype?: WeightDtype;
}
/** One weight as a model.json's weightsManifest lists it. */
export interface WeightSpec {
  /** The weight's name (a graph node, or a layer's kernel or bias). */
  readonly name: string;
  /** Its dimensions. */
  readonly shape: readonly number[];
  /** The dtype it is stored as. */
  readonly dtype: WeightDtype;
  /** How it was quantised, if it was. */
  readonly quantization?: WeightQuantization;
}
/** One group of a weightsManifest: shard files (relative to model.json) and the weights they hold, in order. */
export interface WeightsGroup {
  /** Shard file names, concatenated in this order. */
  readonly paths: readonly string[];
  /** The weights stored in those shards, back to back. */
  readonly weights: readonly WeightSpec[];
}

/** A TF.js graph node as stored in model.json (GraphDef JSON). */
export interface GraphNode {
  readonly name: string;
  readonly op: string;
  readonly input?: readonly string[];
  readonly attr?: Readonly<Record<string, GraphAttr>>;
  readonly device?: string;
}
export interface GraphTensorShape {
  readonly dim?: readonly { readonly size?: string | number }[];
  readonly unknownRank?: boolean;
}
export interface GraphAttr {
  readonly type?: string;
  readonly b?: boolean;
  readonly i?: string | number;
  readonly f?: number;
  readonly s?: string;
  readonly shape?: GraphTensorShape;
  readonly tensor?: { readonly dtype?: string; readonly tensorShape?: GraphTensorShape };
  readonly list?: { readonly s?: readonly string[]; readonly i?: readonly (string | number)[]; readonly type?: readonly string[] };
}
export interface GraphTopology {
  readonly node: readonly GraphNode[];
  readonly versions: { readonly producer?: number; readonly minConsumer?: number };
  readonly library?: unknown;
}
export interface SignatureTensor {
  readonly name: string;
  readonly dtype?: string;
  readonly tensorShape?: GraphTensorShape;
}
/** A graph model's signature: its named input and output tensors. */
export interface GraphSignature {
  readonly inputs?: Readonly<Record<string, SignatureTensor>>;
  readonly outputs?: Readonly<Record<string, SignatureTensor>>;
}

/** A model.json after validation. `modelTopology` is a GraphTopology for graph models, Keras JSON for layers models. */
export interface ModelJson {
  readonly format: ModelFormat;
  readonly generatedBy?: string;
  readonly convertedBy?: string | null;
  readonly modelTopology: Record<string, unknown>;
  readonly weightsManifest: readonly WeightsGroup[];
  readonly signature?: GraphSignature;
  readonly userDefinedMetadata?: Record<string, unknown>;
  readonly modelInitializer?: unknown;
  readonly trainingConfig?: unknown;
}

const HOSTILE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const WEIGHT_DTYPES = new Set<WeightDtype>(['float32', 'int32', 'bool', 'string', 'complex64']);
const MAX_RANK = 8;

function formatError(where: string, message: string, value?: unknown): ModelFormatError {
  return new ModelFormatError('E_MODEL_FORMAT', `model.json ${where}: ${message}`, { where, value });
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function nestedTooDeep(what: string, where: string): ModelFormatError {
  return new ModelFormatError('E_MODEL_FORMAT', `${what} is nested deeper than ${MAX_JSON_DEPTH} levels (${where}); TF.js model files nest under 20`, { where: what, value: MAX_JSON_DEPTH });
}

/** JSON.parse that refuses `__proto__`, `constructor` and `prototype` keys anywhere in the document. */
export function parseJsonSafely(text: string, what = 'model.json'): unknown {
  // JSON.parse(5) or JSON.parse(null) would "parse" a non-string instead of saying it is not JSON text.
  if (typeof text !== 'string') throw new ModelFormatError('E_MODEL_NOT_JSON', `${what} must be JSON text (a string), got ${describeValue(text)}`, { where: what, value: text });
  const tooDeep = findExcessNesting(text, MAX_JSON_DEPTH);
  if (tooDeep >= 0) throw nestedTooDeep(what, `at character ${tooDeep}`);
  try {
    return JSON.parse(text, function reviver(key, value) {
      if (HOSTILE_KEYS.has(key)) {
        throw new ModelFormatError('E_MODEL_HOSTILE_KEY', `${what}: refusing the key ${JSON.stringify(key)} (prototype pollution)`, { where: key });
      }
      return value;
    });
  } catch (err) {
    if (err instanceof ModelFormatError) throw err;
    const head = text.trimStart().slice(0, 40);
    throw new ModelFormatError(
      'E_MODEL_NOT_JSON',
      `${what} is not JSON (${(err as Error).message}); it starts with ${JSON.stringify(head)}`,
      { where: what },
      { cause: err },
    );
  }
}

/** Detects the format from the topology when `format` is absent (older converters and Keras exports omit it). */
function inferFormat(topology: Record<string, unknown>): ModelFormat | null {
  if (Array.isArray(topology.node)) return 'graph-model';
  if (isRecord(topology.model_config) || typeof topology.class_name === 'string') return 'layers-model';
  return null;
}

function checkShape(where: string, shape: unknown): readonly number[] {
  if (!Array.isArray(shape) || shape.length > MAX_RANK || !shape.every((d) => Number.isInteger(d) && d >= 0)) {
    throw formatError(where, `expected a shape (up to ${MAX_RANK} non-negative integers), got ${describeValue(shape)}`, shape);
  }
  return shape as number[];
}

function checkQuantization(where: string, q: unknown): WeightQuantization {
  if (!isRecord(q)) throw formatError(where, `expected an object, got ${describeValue(q)}`);
  if (q.dtype === 'float16') return q as unknown as WeightQuantization;
  if (q.dtype !== 'uint8' && q.dtype !== 'uint16') {
    throw formatError(`${where}.dtype`, `expected "uint8", "uint16" or "float16", got ${describeValue(q.dtype)}`, q.dtype);
  }
  for (const key of ['scale', 'min'] as const) {
    if (typeof q[key] !== 'number' || !Number.isFinite(q[key])) {
      throw formatError(`${where}.${key}`, `expected a finite number for ${q.dtype} quantisation, got ${describeValue(q[key])}`, q[key]);
    }
  }
  return q as unknown as WeightQuantization;
}

function checkManifest(manifest: unknown): WeightsGroup[] {
  if (manifest === undefined) return [];
  if (!Array.isArray(manifest)) throw formatError('weightsManifest', `expected an array of groups, got ${describeValue(manifest)}`);
  const seen = new Set<string>();
  const groups = manifest.map((group, g) => {
    const at = `weightsManifest[${g}]`;
    if (!isRecord(group)) throw formatError(at, `expected { paths, weights }, got ${describeValue(group)}`);
    if (!Array.isArray(group.paths)) throw formatError(`${at}.paths`, `expected an array of shard file names, got ${describeValue(group.paths)}`);
    group.paths.forEach((p, i) => checkShardPath(`${at}.paths[${i}]`, p));
    if (!Array.isArray(group.weights)) throw formatError(`${at}.weights`, `expected an array, got ${describeValue(group.weights)}`);
    group.weights.forEach((w, i) => {
      const wat = `${at}.weights[${i}]`;
      if (!isRecord(w)) throw formatError(wat, `expected { name, shape, dtype }, got ${describeValue(w)}`);
      if (typeof w.name !== 'string' || w.name.length === 0) throw formatError(`${wat}.name`, `expected a non-empty string, got ${describeValue(w.name)}`);
      if (seen.has(w.name)) throw formatError(`${wat}.name`, `weight ${JSON.stringify(w.name)} is listed twice`);
      seen.add(w.name);
      checkShape(`${wat}.shape (${w.name})`, w.shape);
      if (!WEIGHT_DTYPES.has(w.dtype as WeightDtype)) {
        throw formatError(`${wat}.dtype (${w.name})`, `expected one of ${[...WEIGHT_DTYPES].join(', ')}, got ${describeValue(w.dtype)}`, w.dtype);
      }
      if (w.quantization !== undefined) checkQuantization(`${wat}.quantization (${w.name})`, w.quantization);
    });
    if (group.weights.length > 0 && group.paths.length === 0) throw formatError(`${at}.paths`, 'lists weights but no shard files');
    return group as unknown as WeightsGroup;
  });
  checkDistinctShardPaths(groups.flatMap((group, g) => (group.paths as string[]).map((path, i) => ({ where: `weightsManifest[${g}].paths[${i}]`, path }))));
  return groups;
}

function checkGraphTopology(topology: Record<string, unknown>): void {
  if (!Array.isArray(topology.node)) throw formatError('modelTopology.node', `expected an array of nodes, got ${describeValue(topology.node)}`);
  if (!isRecord(topology.versions)) {
    throw formatError('modelTopology.versions', `missing: a graph model's GraphDef must say which producer wrote it (e.g. {"producer": 1286}), got ${describeValue(topology.versions)}`);
  }
  const names = new Set<string>();
  topology.node.forEach((node, i) => {
    const at = `modelTopology.node[${i}]`;
    if (!isRecord(node)) throw formatError(at, `expected a node object, got ${describeValue(node)}`);
    if (typeof node.name !== 'string' || node.name.length === 0) throw formatError(`${at}.name`, `expected a non-empty string, got ${describeValue(node.name)}`);
    if (typeof node.op !== 'string' || node.op.length === 0) throw formatError(`${at}.op (${node.name})`, `expected an op name, got ${describeValue(node.op)}`);
    if (names.has(node.name)) throw formatError(`${at}.name`, `node ${JSON.stringify(node.name)} appears twice`);
    names.add(node.name);
    if (node.input !== undefined && (!Array.isArray(node.input) || !node.input.every((s) => typeof s === 'string'))) {
      throw formatError(`${at}.input (${node.name})`, `expected an array of node names, got ${describeValue(node.input)}`);
    }
    if (node.attr !== undefined && !isRecord(node.attr)) throw formatError(`${at}.attr (${node.name})`, `expected an object, got ${describeValue(node.attr)}`);
    for (const [key, value] of Object.entries(node.attr ?? {})) checkAttr(`${at}.attr.${key} (${node.name})`, value);
  });
  // Inputs must name nodes of this graph ("name", "name:1" or "^name" for control edges).
  for (const node of topology.node as GraphNode[]) {
    for (const input of node.input ?? []) {
      const ref = nodeNameOf(input);
      if (!names.has(ref)) throw formatError(`node ${JSON.stringify(node.name)}`, `input ${JSON.stringify(input)} names no node of the graph`);
    }
  }
}

const ATTR_SCALARS: Readonly<Record<string, string>> = { type: 'string', s: 'string', b: 'boolean', f: 'number' };

/** A GraphDef attribute as the compiler reads it: typed scalars, lists of the right kinds, shapes as objects. */
function checkAttr(at: string, value: unknown): void {
  if (!isRecord(value)) throw formatError(at, `expected an attribute object like {"type": "DT_FLOAT"}, got ${describeValue(value)}`);
  for (const [key, expected] of Object.entries(ATTR_SCALARS)) {
    if (value[key] !== undefined && typeof value[key] !== expected) throw formatError(`${at}.${key}`, `expected a ${expected}, got ${describeValue(value[key])}`);
  }
  if (value.i !== undefined && typeof value.i !== 'string' && typeof value.i !== 'number') throw formatError(`${at}.i`, `expected an integer (number or string), got ${describeValue(value.i)}`);
  for (const key of ['shape', 'tensor', 'list'] as const) {
    if (value[key] !== undefined && !isRecord(value[key])) throw formatError(`${at}.${key}`, `expected an object, got ${describeValue(value[key])}`);
  }
  const list = value.list as Record<string, unknown> | undefined;
  for (const key of ['s', 'i', 'type'] as const) {
    const items = list?.[key];
    if (items !== undefined && (!Array.isArray(items) || !items.every((v) => typeof v === 'string' || (key === 'i' && typeof v === 'number')))) {
      throw formatError(`${at}.list.${key}`, `expected an array of ${key === 'i' ? 'integers' : 'strings'}, got ${describeValue(items)}`);
    }
  }
}

/** "dense/MatMul:0" -> "dense/MatMul"; "^init" -> "init". */
export function nodeNameOf(input: string): string {
  const bare = input.startsWith('^') ? input.slice(1) : input;
  const colon = bare.lastIndexOf(':');
  return colon > 0 && /^\d+$/.test(bare.slice(colon + 1)) ? bare.slice(0, colon) : bare;
}

function checkLayersTopology(topology: Record<string, unknown>): void {
  const config = isRecord(topology.model_config) ? topology.model_config : topology;
  if (typeof config.class_name !== 'string') {
    throw formatError('modelTopology.class_name', `expected the Keras model class (e.g. "Sequential"), got ${describeValue(config.class_name)}`);
  }
  const inner = config.config;
  const layers = Array.isArray(inner) ? inner : isRecord(inner) ? inner.layers : undefined;
  if (!Array.isArray(layers)) throw formatError('modelTopology.config.layers', `expected an array of layers, got ${describeValue(layers)}`);
  layers.forEach((layer, i) => {
    if (!isRecord(layer) || typeof layer.class_name !== 'string' || !isRecord(layer.config)) {
      throw formatError(`modelTopology.config.layers[${i}]`, `expected { class_name, config }, got ${describeValue(layer)}`);
    }
  });
}

/** Parses model.json text (or an already-parsed object) and checks its structure. */
export function parseModelJson(input: string | Record<string, unknown>, what = 'model.json'): ModelJson {
  const raw = typeof input === 'string' ? parseJsonSafely(input, what) : input;
  if (typeof input !== 'string') assertNoHostileKeys(raw, 'model.json');
  if (!isRecord(raw)) throw formatError('(root)', `expected a JSON object, got ${describeValue(raw)}`);
  if (!isRecord(raw.modelTopology)) {
    throw formatError(
      'modelTopology',
      `missing: this is neither a TF.js graph model nor a layers model (top-level keys: ${Object.keys(raw).slice(0, 8).join(', ') || 'none'})`,
    );
  }
  const topology = raw.modelTopology;
  const inferred = inferFormat(topology);
  let format: ModelFormat;
  if (raw.format === undefined) {
    if (inferred === null) {
      throw formatError('format', 'missing, and modelTopology is neither a graph (node list) nor a Keras model config');
    }
    format = inferred;
  } else if (raw.format === 'graph-model' || raw.format === 'layers-model') {
    format = raw.format;
    if (inferred !== null && inferred !== format) {
      throw formatError('format', `says ${JSON.stringify(format)} but modelTopology holds a ${inferred}`, format);
    }
  } else {
    throw formatError('format', `expected "graph-model" or "layers-model", got ${describeValue(raw.format)}`, raw.format);
  }
  if (format === 'graph-model') checkGraphTopology(topology);
  else checkLayersTopology(topology);
  const weightsManifest = checkManifest(raw.weightsManifest);
  if (raw.signature !== undefined) checkSignature(raw.signature);
  if (raw.userDefinedMetadata !== undefined && !isRecord(raw.userDefinedMetadata)) {
    throw formatError('userDefinedMetadata', `expected an object, got ${describeValue(raw.userDefinedMetadata)}`);
  }
  return { ...(raw as unknown as ModelJson), format, weightsManifest };
}

/** signature.inputs/outputs: records of { name, dtype?, tensorShape? } (what inspect and compile read). */
function checkSignature(signature: unknown): void {
  if (!isRecord(signature)) throw formatError('signature', `expected an object, got ${describeValue(signature)}`);
  for (const kind of ['inputs', 'outputs'] as const) {
    const tensors = signature[kind];
    if (tensors === undefined) continue;
    if (!isRecord(tensors)) throw formatError(`signature.${kind}`, `expected an object of tensors, got ${describeValue(tensors)}`);
    for (const [key, tensor] of Object.entries(tensors)) {
      const at = `signature.${kind}.${key}`;
      if (!isRecord(tensor) || typeof tensor.name !== 'string' || tensor.name.length === 0) throw formatError(at, `expected { name, dtype, tensorShape } with a tensor name, got ${describeValue(tensor)}`);
      if (tensor.dtype !== undefined && typeof tensor.dtype !== 'string') throw formatError(`${at}.dtype`, `expected a string like "DT_FLOAT", got ${describeValue(tensor.dtype)}`);
      if (tensor.tensorShape !== undefined && !isRecord(tensor.tensorShape)) throw formatError(`${at}.tensorShape`, `expected an object, got ${describeValue(tensor.tensorShape)}`);
    }
  }
}

/** For objects handed over in memory: the same hostile-key rule JSON text gets. */
function assertNoHostileKeys(value: unknown, what: string, depth = 0, path = new Set<object>(), done = new Set<object>()): void {
  if (typeof value !== 'object' || value === null) return;
  if (depth > MAX_JSON_DEPTH) throw nestedTooDeep(what, 'an in-memory object');
  // `path` catches cycles (no JSON has them); `done` keeps shared subobjects from being walked twice,
  // which for { a: o, b: o } nested 64 deep would otherwise take 2^64 steps.
  if (path.has(value)) throw new ModelFormatError('E_MODEL_FORMAT', `${what}: the object refers to itself (cyclic), so it is not JSON data`, { where: '(root)' });
  if (done.has(value)) return;
  path.add(value);
  for (const key of Object.keys(value)) {
    if (HOSTILE_KEYS.has(key)) throw new ModelFormatError('E_MODEL_HOSTILE_KEY', `${what}: refusing the key ${JSON.stringify(key)} (prototype pollution)`, { where: key });
    let child: unknown;
    try {
      child = (value as Record<string, unknown>)[key];
    } catch (err) {
      throw new ModelFormatError('E_MODEL_FORMAT', `${what}: reading the key ${JSON.stringify(key)} threw: ${err instanceof Error ? err.message : String(err)}`, { where: key });
    }
    assertNoHostileKeys(child, what, depth + 1, path, done);
  }
  path.delete(value);
  done.add(value);
}

/** All weight specs of the manifest, in storage order. */
export function manifestWeights(json: ModelJson): WeightSpec[] {
  return json.weightsManifest.flatMap((g) => g.weights);
}

/** "DT_FLOAT" -> "float32" (the dtypes TF.js maps GraphDef types to). */
export function graphDtype(dtype: string | undefined): string {
  switch (dtype) {
    case 'DT_FLOAT':
    case 'DT_HALF':
    case 'DT_DOUBLE':
      return 'float32';
    case 'DT_INT32':
    case 'DT_INT64':
    case 'DT_INT16':
    case 'DT_INT8':
    case 'DT_UINT8':
      return 'int32';
    case 'DT_BOOL':
      return 'bool';
    case 'DT_STRING':
      return 'string';
    case 'DT_COMPLEX64':
      return 'complex64';
    default:
      return dtype ? dtype.toLowerCase() : 'unknown';
  }
}

/** A GraphDef shape as numbers, null for unknown dimensions (-1), or null for unknown rank. */
export function graphShape(shape: GraphTensorShape | undefined): (number | null)[] | null {
  // Attributes and signatures come from the file: anything that is not a dim list reads as unknown.
  if (!isRecord(shape) || shape.unknownRank) return null;
  if (shape.dim !== undefined && !Array.isArray(shape.dim)) return null;
  return (shape.dim ?? []).map((d) => {
    const n = Number(isRecord(d) ? (d.size ?? 0) : NaN);
    return Number.isFinite(n) && n >= 0 ? n : null;
  });
}
