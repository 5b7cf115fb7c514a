// @tensile/core: differentiable programming, damping-curve fits and the elastic engine.
// Side-effect free: importing this module touches no global and loads no TF.js
// (TF.js interop lives in the separate subpath "@tensile/core/tfjs").
export { TensileError, describeValue } from './errors';
export type { TensileErrorDetails } from './errors';
export { isCurve } from './curve';
export type { Curve } from './curve';
export * from './diff/index';
export * from './fit/index';
export * from './nn/index';
export * from './elastic/index';
