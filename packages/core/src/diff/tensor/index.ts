// Public API of the tensor-level reverse mode (re-exported by src/diff/index.ts).
//
// Usage (a dense layer and an MSE loss):
//   const params = { w: Tensor.from(1, 10, w0), b: Tensor.zeros(1, 10) };
//   const loss = (p: TensorVars<typeof params>) => mse(activate(addBias(matmul(x, p.w), p.b), 'selu'), y);
//   const { value, grad } = tensorValueAndGrad(loss, params); // grad.w, grad.b: Tensors
// Every op also accepts plain Tensors and then just computes (inference without a tape).
// Gradients are first order; for higher order use the scalar engine (grad, hessian).
export { Tensor } from './tensor';
export { TensorVar, matmul, addBias, tensorAdd, tensorSub, tensorMul, tensorScale, activate, tensorSum, tensorMean, tensorSquare, mse } from './ops';
export type { TensorLike, ElementwiseOp } from './ops';
export { tensorValueAndGrad } from './grad';
export type { TensorTree, TensorVars } from './grad';
