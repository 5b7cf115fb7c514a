// Public API of the tensor-level reverse mode (re-exported by src/diff/index.ts).
export { Tensor } from './tensor';
export { TensorVar, matmul, addBias, tensorAdd, tensorSub, tensorMul, tensorScale, activate, tensorSum, tensorMean, tensorSquare, mse } from './ops';
export type { TensorLike, ElementwiseOp } from './ops';
export { tensorValueAndGrad } from './grad';
export type { TensorTree, TensorVars } from './grad';
