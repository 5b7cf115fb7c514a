// Public API of core/diff (re-exported by src/index.ts).
export * from './symbolic/index';
export * from './compile/index';
export { DiffError } from './errors';
export type { DiffErrorCode } from './errors';
export type { Num, ComparisonOp } from './value';
export { isBoxed } from './value';
export {
  add, sub, mul, div, neg, pow, exp, log, log1p, sqrt, abs, sin, cos, tan, atan, asin, acos, tanh, sigmoid,
  softplus, selu, elu, relu, min, max, clamp, where, square, stopGradient, lt, le, gt, ge, eq, valueOf,
} from './ops';
export { PRIMITIVES, PRIMITIVE_OPS, SELU_ALPHA, SELU_SCALE } from './primitives';
export type { Primitive, PrimitiveOp, UnaryOp, BinaryOp, PartialRule } from './primitives';
export { flatten, unflatten } from './pytree';
export { setDiffLimits } from './limits';
export type { DiffLimits } from './limits';
export type { Tree, TreeDef, Flat } from './pytree';
export { trace, evaluateTrace } from './trace';
export type { Trace, TraceNode, TraceGuard, TraceOp } from './trace';
export { jvp, derivative } from './jvp';
export { grad, valueAndGrad, vjp } from './reverse';
export { jacobian, hessian } from './higher';
export type { JacobianOptions } from './higher';
export { customGradient } from './custom';
export type { Lifted, ParamsOf } from './lifted';
export { numericDerivative, numericDerivativeWithError, numericGradient, numericJacobian, numericHessian } from './numeric';
export type { DerivativeEstimate, RiddersOptions } from './numeric';
export type { NumericOptions } from './numeric';
export * from './tensor/index';
