// @tensile/core/tfjs: TensorFlow.js interop, its own subpath so importing @tensile/core never loads TF.js.
// Even this subpath loads TF.js only when a function needs it (runtime.ts, `await import`):
// parsing, inspecting, compiling and exporting models are plain TypeScript.
export { ModelFormatError, TfjsUnavailableError } from './errors';
export type { ModelFormatCode } from './errors';
export { parseModelJson, parseJsonSafely, manifestWeights } from './model-json';
export type { ModelFormat, ModelJson, WeightSpec, WeightsGroup, WeightQuantization, WeightDtype, GraphNode, GraphSignature } from './model-json';
export { decodeWeights, float16ToNumber, concatShards } from './weights';
export type { DecodedWeight } from './weights';
export { readModelArtifacts, DEFAULT_MAX_MODEL_BYTES } from './sources';
export type { ModelSource, InMemoryModel, ModelReadOptions, ModelArtifactsRead } from './sources';
export { loadTfjsModel, inspectTfjsModel, compileTfjsModel, tryCompileTfjsModel } from './model';
export type { TfjsModel, ModelInfo, TensorInfo, LoadModelOptions } from './model';
export { COMPILABLE_GRAPH_OPS, decodeFusedOp } from './graph-dense';
export { COMPILABLE_LAYERS } from './layers-dense';
export { denseNetToGraphModel, denseNetToLayersModel, exportDenseNet, saveDenseNet, foldNormalisation, SHARD_NAME } from './export';
export type { ExportedModel } from './export';
export { loadTfjs, toModelArtifacts, toTfjsModel, evaluateTfjsModel, createModelCurve, flattenInput } from './runtime';
export type { Tfjs, EvaluateOptions, ModelCurve } from './runtime';
