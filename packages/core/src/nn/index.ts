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
