// The TF.js side: imports `@tensorflow/tfjs` lazily (only when a model must actually run in TF.js),
// hands our validated artifacts to stock loadGraphModel/loadLayersModel through tf.io.fromMemory,
// and wraps a model as a Curve or a batch evaluator, compiled to plain JS whenever it can be.
import type * as TF from '@tensorflow/tfjs';
import type { Curve } from '../curve';
import { describeValue } from '../errors';
import { denseNetCurve, createDenseForward } from '../nn/dense-forward';
import type { DenseNet } from '../nn/dense-net';
import { ModelFormatError, TfjsUnavailableError } from './errors';
import { manifestWeights } from './model-json';
import { INSTALL_TFJS, tfjsFromModule } from './tfjs-module';
import { assertTfjsModel, loadTfjsModel, tryCompileTfjsModel, type LoadModelOptions, type TfjsModel } from './model';
import { readArgument, type ModelSource } from './sources';

/** The `@tensorflow/tfjs` module, as loadTfjs returns it (an optional peer dependency, loaded on first use). */
export type Tfjs = typeof TF;

let tfPromise: Promise<Tfjs> | null = null;

/** Imports `@tensorflow/tfjs` on first use (an optional peer dependency) and waits for its backend. */
export function loadTfjs(): Promise<Tfjs> {
  tfPromise ??= (async () => {
    let tf: Tfjs;
    try {
      tf = tfjsFromModule(await import('@tensorflow/tfjs'));
    } catch (err) {
      tfPromise = null;
      if (err instanceof TfjsUnavailableError) throw err;
      throw new TfjsUnavailableError(
        'E_TFJS_UNAVAILABLE',
        `this model needs TensorFlow.js to run (it is not a dense stack that compiles to plain JS): ${INSTALL_TFJS}`,
        { where: '@tensorflow/tfjs' },
        { cause: err },
      );
    }
    await tf.ready();
    return tf;
  })();
  return tfPromise;
}

/** The artifacts stock TF.js loaders take, from our validated model (no second parse, no fetch). */
export function toModelArtifacts(model: TfjsModel): TF.io.ModelArtifacts {
  assertTfjsModel(model, 'toModelArtifacts');
  const { json } = model;
  return {
    modelTopology: json.modelTopology as TF.io.ModelArtifacts['modelTopology'],
    weightSpecs: manifestWeights(json) as TF.io.WeightsManifestEntry[],
    weightData: model.weightData,
    format: json.format,
    generatedBy: json.generatedBy,
    convertedBy: json.convertedBy ?? undefined,
    ...(json.signature ? { signature: json.signature as object } : {}),
    ...(json.userDefinedMetadata ? { userDefinedMetadata: json.userDefinedMetadata as Record<string, object> } : {}),
    ...(json.modelInitializer ? { modelInitializer: json.modelInitializer as object } : {}),
  };
}

/** A stock TF.js model built from ours: GraphModel for graph models, LayersModel for layers models. */
export async function toTfjsModel(model: TfjsModel): Promise<TF.GraphModel | TF.LayersModel> {
  assertTfjsModel(model, 'toTfjsModel');
  const tf = await loadTfjs();
  const handler = tf.io.fromMemory(toModelArtifacts(model));
  try {
    return model.format === 'graph-model' ? await tf.loadGraphModel(handler) : await tf.loadLayersModel(handler);
  } catch (err) {
    throw new ModelFormatError('E_MODEL_FORMAT', `TF.js could not build the ${model.format} from ${model.origin}: ${(err as Error).message}`, { where: model.origin }, { cause: err });
  }
}

/** Deepest input accepted (TF.js tensors go to rank 6; a cyclic array would otherwise never end). */
const MAX_INPUT_RANK = 8;
/** Most input elements accepted: 16 M floats (64 MB), far above any per-frame curve evaluation. */
const MAX_INPUT_ELEMENTS = 1 << 24;

/** A nested numeric array checked to be rectangular and finite, flattened with its shape. */
export function flattenInput(input: unknown): { shape: number[]; values: Float32Array } {
  const shape: number[] = [];
  let probe: unknown = input;
  let size = 1;
  while (Array.isArray(probe)) {
    if (probe.length === 0) throw new ModelFormatError('E_MODEL_INPUT', `input has an empty dimension at depth ${shape.length}`, { where: 'input' });
    if (shape.length === MAX_INPUT_RANK) {
      throw new ModelFormatError('E_MODEL_INPUT', `input nests deeper than ${MAX_INPUT_RANK} levels (a cyclic or runaway array?)`, { where: 'input' });
    }
    size *= probe.length;
    if (size > MAX_INPUT_ELEMENTS) {
      throw new ModelFormatError('E_MODEL_TOO_LARGE', `input has more than ${MAX_INPUT_ELEMENTS} elements (shape starts [${[...shape, probe.length].join(', ')}])`, { where: 'input' });
    }
    shape.push(probe.length);
    probe = probe[0];
  }
  if (shape.length === 0) throw new ModelFormatError('E_MODEL_INPUT', `input must be a nested array of numbers like [[0],[500]], got ${describeValue(input)}`, { where: 'input' });
  const values = new Float32Array(size);
  let at = 0;
  const walk = (node: unknown, depth: number, path: string): void => {
    if (depth === shape.length) {
      if (typeof node !== 'number' || !Number.isFinite(node)) {
        throw new ModelFormatError('E_MODEL_INPUT', `input${path} must be a finite number, got ${describeValue(node)}`, { where: `input${path}`, value: node });
      }
      values[at++] = node;
      return;
    }
    if (!Array.isArray(node) || node.length !== shape[depth]) {
      throw new ModelFormatError('E_MODEL_INPUT', `input${path} must be an array of ${shape[depth]} (the input is not rectangular), got ${describeValue(node)}`, { where: `input${path}` });
    }
    node.forEach((child, i) => walk(child, depth + 1, `${path}[${i}]`));
  };
  walk(input, 0, '');
  return { shape, values };
}

function unflatten(values: ArrayLike<number>, shape: readonly number[]): unknown {
  if (shape.length === 0) return values[0];
  const step = shape.slice(1).reduce((a, b) => a * b, 1);
  return Array.from({ length: shape[0] }, (_, i) => unflatten(Array.prototype.slice.call(values, i * step, (i + 1) * step), shape.slice(1)));
}

/** Options of evaluateTfjsModel and createModelCurve: the load options plus whether to compile the model to plain JavaScript. */
export interface EvaluateOptions extends LoadModelOptions {
  /** "auto" (default): plain JS when the model compiles, else TF.js; "never": always TF.js; "require": fail unless it compiles. */
  compile?: 'auto' | 'never' | 'require';
}

async function resolveModel(source: ModelSource | TfjsModel, opts: LoadModelOptions): Promise<TfjsModel> {
  return isTfjsModel(source) ? source : loadTfjsModel(source, opts);
}

function isTfjsModel(v: unknown): v is TfjsModel {
  return typeof v === 'object' && v !== null && 'weights' in v && 'json' in v && 'format' in v;
}

function chooseCompiled(model: TfjsModel, mode: EvaluateOptions['compile'] = 'auto'): DenseNet | null {
  if (mode !== 'auto' && mode !== 'never' && mode !== 'require') {
    throw new ModelFormatError('E_MODEL_INPUT', `compile must be "auto", "never" or "require", got ${describeValue(mode)}`, { where: 'compile', value: mode });
  }
  if (mode === 'never') return null;
  const { net, error } = tryCompileTfjsModel(model);
  if (error && mode === 'require') throw error;
  return net;
}

async function runTfjs(tfModel: TF.GraphModel | TF.LayersModel, x: TF.Tensor): Promise<TF.Tensor[]> {
  const tf = await loadTfjs();
  if (tfModel instanceof tf.LayersModel) {
    const y = tfModel.predict(x);
    return Array.isArray(y) ? y : [y];
  }
  const graph = tfModel as TF.GraphModel;
  let y: TF.Tensor | TF.Tensor[] | TF.NamedTensorMap;
  try {
    y = graph.execute(x);
  } catch (err) {
    // Graphs with control flow or dynamic shapes only run asynchronously.
    if (!/executeAsync/.test((err as Error).message)) throw err;
    y = await graph.executeAsync(x);
  }
  return Array.isArray(y) ? y : y instanceof tf.Tensor ? [y] : Object.values(y);
}

/**
 * Evaluates a model on a nested array (e.g. [[0], [500]]): one nested array per model output.
 * Dense stacks run as plain JS (no TF.js loaded); anything else runs in TF.js.
 */
export async function evaluateTfjsModel(source: ModelSource | TfjsModel, input: unknown, opts: EvaluateOptions = {}): Promise<{ outputs: unknown[]; compiled: boolean }> {
  opts = readArgument(opts, 'options');
  const model = await resolveModel(source, opts);
  const { shape, values } = flattenInput(input);
  const net = chooseCompiled(model, opts.compile);
  if (net) {
    const forward = createDenseForward(net);
    if (shape.length !== 2 || shape[1] !== forward.inputSize) {
      throw new ModelFormatError('E_MODEL_INPUT', `input has shape [${shape.join(', ')}], the model takes [batch, ${forward.inputSize}]`, { where: 'input', value: shape });
    }
    const ys = forward.batch(Float64Array.from(values));
    return { outputs: [unflatten(ys, [shape[0], forward.outputSize])], compiled: true };
  }
  const tf = await loadTfjs();
  const tfModel = await toTfjsModel(model);
  try {
    const x = tf.tensor(values, shape);
    let ys: TF.Tensor[];
    try {
      ys = await runTfjs(tfModel, x);
    } catch (err) {
      throw new ModelFormatError('E_MODEL_INPUT', `TF.js could not run the model on input of shape [${shape.join(', ')}]: ${(err as Error).message}`, { where: 'input' }, { cause: err });
    } finally {
      x.dispose();
    }
    const outputs = await Promise.all(ys.map((y) => y.array()));
    ys.forEach((y) => y.dispose());
    return { outputs, compiled: false };
  } finally {
    tfModel.dispose();
  }
}

/** A Curve backed by a loaded model; `compiled` tells whether it runs as plain JS. */
export interface ModelCurve extends Curve {
  readonly compiled: boolean;
  /** The DenseNet when compiled. */
  readonly net: DenseNet | null;
  /** Frees TF.js memory (no-op when compiled). */
  dispose(): void;
}

/**
 * A 1 -> 1 model as a sign-symmetric damping Curve, warm-up call done. Compiles to plain JS when
 * the model is a dense stack (per-frame cost: microseconds), else runs TF.js synchronously per call.
 */
export async function createModelCurve(source: ModelSource | TfjsModel, opts: EvaluateOptions & { name?: string } = {}): Promise<ModelCurve> {
  opts = readArgument(opts, 'options');
  const model = await resolveModel(source, opts);
  const name = opts.name ?? (model.format === 'graph-model' ? 'tfjs-graph' : 'tfjs-layers');
  const net = chooseCompiled(model, opts.compile);
  if (net) {
    const curve = denseNetCurve(net, name);
    curve.evaluate(1); // warm-up, and proof it runs
    return { ...curve, name, compiled: true, net, dispose() {} };
  }
  const tf = await loadTfjs();
  const tfModel = await toTfjsModel(model);
  const run = (us: Float32Array): Float32Array => {
    return tf.tidy(() => {
      const y = tfModel instanceof tf.LayersModel ? tfModel.predict(tf.tensor2d(us, [us.length, 1])) : (tfModel as TF.GraphModel).execute(tf.tensor2d(us, [us.length, 1]));
      const first = Array.isArray(y) ? y[0] : (y as TF.Tensor);
      if (first.size !== us.length) {
        throw new ModelFormatError('E_MODEL_INPUT', `a curve needs one output value per input; the model gave shape [${first.shape.join(', ')}] for ${us.length} inputs`, { where: 'output' });
      }
      return first.dataSync() as Float32Array;
    });
  };
  try {
    run(new Float32Array([1])); // warm-up: the first TF.js call compiles kernels and allocates
  } catch (err) {
    tfModel.dispose();
    if (err instanceof ModelFormatError) throw err;
    throw new ModelFormatError('E_MODEL_INPUT', `${name}: the model does not take one number per sample ([batch, 1]): ${(err as Error).message}`, { where: 'input' }, { cause: err });
  }
  const one = new Float32Array(1);
  const check = (x: number, y: number): number => {
    if (!Number.isFinite(y)) throw new ModelFormatError('E_MODEL_INPUT', `${name}.evaluate: the model returned ${describeValue(y)} at x = ${x}`, { where: 'x', value: x });
    return y;
  };
  const evaluate = (x: number): number => {
    if (!Number.isFinite(x)) throw new ModelFormatError('E_MODEL_INPUT', `${name}.evaluate: x must be a finite number of px, got ${describeValue(x)}`, { where: 'x', value: x });
    if (x === 0) return x;
    one[0] = Math.abs(x);
    const y = check(x, run(one)[0]);
    return x < 0 ? -y : y;
  };
  return {
    name,
    compiled: false,
    net: null,
    evaluate,
    evaluateBatch(xs: ArrayLike<number>, out?: Float64Array): Float64Array {
      const target = out ?? new Float64Array(xs.length);
      if (target.length !== xs.length) throw new ModelFormatError('E_MODEL_INPUT', `${name}.evaluateBatch: out has ${target.length} values for ${xs.length} inputs`, { where: 'out' });
      if (xs.length === 0) return target;
      const us = new Float32Array(xs.length);
      for (let i = 0; i < xs.length; i++) {
        if (!Number.isFinite(xs[i])) throw new ModelFormatError('E_MODEL_INPUT', `${name}.evaluateBatch: xs[${i}] must be finite, got ${describeValue(xs[i])}`, { where: `xs[${i}]` });
        us[i] = Math.abs(xs[i]);
      }
      const ys = run(us);
      for (let i = 0; i < xs.length; i++) target[i] = xs[i] === 0 ? xs[i] : Math.sign(xs[i]) * check(xs[i], ys[i]);
      return target;
    },
    dispose: () => tfModel.dispose(),
  };
}
