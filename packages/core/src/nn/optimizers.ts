// First-order optimisers that update Float64Array parameters in place from their gradients:
// Adam (Kingma & Ba 2015, with TF.js's defaults) and plain SGD with optional momentum.

export type OptimizerName = 'adam' | 'sgd';

export interface OptimizerOptions {
  /** Step size; default 0.01. */
  learningRate?: number;
  /** Adam: decay of the first moment; default 0.9. */
  beta1?: number;
  /** Adam: decay of the second moment; default 0.999. */
  beta2?: number;
  /** Adam: added to sqrt(v) (TF.js's default 1e-7). */
  epsilon?: number;
  /** SGD: momentum in [0, 1); default 0 (plain gradient descent). */
  momentum?: number;
}

export const OPTIMIZER_DEFAULTS = {
  learningRate: 0.01,
  beta1: 0.9,
  beta2: 0.999,
  epsilon: 1e-7,
  momentum: 0,
} as const;

/** Updates `params[k]` from `grads[k]` (same lengths) in place; keeps its own state between steps. */
export interface Optimizer {
  step(params: readonly Float64Array[], grads: readonly Float64Array[]): void;
}

export function createOptimizer(name: OptimizerName, sizes: readonly number[], opts: Required<OptimizerOptions>): Optimizer {
  const m = sizes.map((n) => new Float64Array(n));
  if (name === 'sgd') {
    const { learningRate: lr, momentum: mu } = opts;
    return {
      step(params, grads) {
        for (let k = 0; k < params.length; k++) {
          const p = params[k];
          const g = grads[k];
          const vk = m[k];
          for (let i = 0; i < p.length; i++) {
            vk[i] = mu * vk[i] - lr * g[i];
            p[i] += vk[i];
          }
        }
      },
    };
  }
  const v = sizes.map((n) => new Float64Array(n));
  const { learningRate: lr, beta1: b1, beta2: b2, epsilon: eps } = opts;
  let t = 0;
  return {
    step(params, grads) {
      t++;
      const c1 = 1 - Math.pow(b1, t);
      const c2 = 1 - Math.pow(b2, t);
      for (let k = 0; k < params.length; k++) {
        const p = params[k];
        const g = grads[k];
        const mk = m[k];
        const vk = v[k];
        for (let i = 0; i < p.length; i++) {
          const gi = g[i];
          mk[i] = b1 * mk[i] + (1 - b1) * gi;
          vk[i] = b2 * vk[i] + (1 - b2) * gi * gi;
          p[i] -= (lr * (mk[i] / c1)) / (Math.sqrt(vk[i] / c2) + eps);
        }
      }
    },
  };
}
