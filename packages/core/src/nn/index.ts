// Public API of core/nn (re-exported by src/index.ts).
export {};
export {
  DENSE_ACTIVATIONS,
  MAX_DENSE_UNITS,
  MAX_DENSE_WEIGHTS,
  DenseNetError,
  createDenseNet,
  validateDenseNet,
  denseNetParamCount,
  describeDenseNet,
  denseNetToJSON,
  denseNetFromJSON,
} from './dense-net';
export type {
  DenseActivation,
  DenseLayer,
  DenseNormalisation,
  DenseExtrapolation,
  DenseOutputRules,
  DenseNet,
  DenseNetInit,
  DenseNetJSON,
} from './dense-net';
export { applyActivation, activationDerivative, createDenseForward, denseNetCurve } from './dense-forward';
export type { DenseForward } from './dense-forward';
export { trainDenseNet } from './train';
export { TRAIN_DEFAULTS, MAX_TRAIN_LAYERS, MAX_TRAIN_UNITS, MAX_TRAIN_EPOCHS, MAX_TRAIN_SAMPLES, MAX_TRAIN_PARAMS, MAX_TRAIN_ACTIVATIONS } from './train-options';
export type { TrainSamples, TrainOptions, TrainResult } from './train-options';
export { TrainError } from './train-errors';
export type { TrainErrorCode } from './train-errors';
export { createOptimizer, OPTIMIZER_DEFAULTS } from './optimizers';
export type { Optimizer, OptimizerName, OptimizerOptions } from './optimizers';
export { mulberry32, glorotUniform } from './random';
export { parseMlpName, mlpModelName, createMlpModel, mlpFamily, DEFAULT_MLP_ARCHITECTURE } from '../fit/models/mlp';
export type { MlpArchitecture } from '../fit/models/mlp';
export { fitMlp } from '../fit/models/mlp-fit';
export type { MlpFitOptions, MlpFitResult } from '../fit/models/mlp-fit';
