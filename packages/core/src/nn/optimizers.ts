// First-order optimisers that update Float64Array parameters in place from their gradients:
// Adam (Kingma & Ba 2015, with TF.js's defaults) and plain SGD with optional momentum.
import { describeValue } from '../errors';
import { MAX_DENSE_WEIGHTS } from './dense-net';
import { TrainError } from './train-errors';

/** The optimisers trainDenseNet can use: "adam" (the default) or "sgd" (with optional momentum). */
export type OptimizerName = 'adam' | 'sgd';

/** The optimisers' hyperparameters (part of TrainOptions); defaults are OPTIMIZER_DEFAULTS. */
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

/** Default hyperparameters of both optimisers (the TF.js defaults, with learning rate 0.01). */
export const OPTIMIZER_DEFAULTS = {
  learningRate: 0.01,
  beta1: 0.9,
  beta2: 0.999,
  epsilon: 1e-7,
  momentum: 0,
} as const;

/** Updates `params[k]` from `grads[k]` (same lengths) in place; keeps its own state between steps. */
export interface Optimizer {
  /** Applies one update: moves every `params[k]` against `grads[k]` in place. */
  step(params: readonly Float64Array[], grads: readonly Float64Array[]): void;
}

function optimizerError(where: string, expected: string, value: unknown): TrainError {
  return new TrainError('E_TRAIN_OPTION', `createOptimizer: ${where} must be ${expected}, got ${describeValue(value)}`, { where, value });
}

/**
 * Creates an Adam or SGD optimiser for parameter arrays of the given sizes (what trainDenseNet uses; for
 * your own training loops). Throws TrainError `E_TRAIN_OPTION` for an unknown name, a bad size or a
 * non-finite hyperparameter.
 */
export function createOptimizer(name: OptimizerName, sizes: readonly number[], opts: Required<OptimizerOptions>): Optimizer {
  if (name !== 'adam' && name !== 'sgd') throw optimizerError('name', 'adam or sgd', name);
  if (!Array.isArray(sizes) || sizes.some((n) => typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > MAX_DENSE_WEIGHTS)) {
    throw optimizerError('sizes', `an array of parameter counts (integers in 0..${MAX_DENSE_WEIGHTS})`, sizes);
  }
  if (typeof opts !== 'object' || opts === null) throw optimizerError('opts', 'an object', opts);
  // NaN hyperparameters would turn every weight into NaN on the first step.
  for (const key of name === 'adam' ? (['learningRate', 'beta1', 'beta2', 'epsilon'] as const) : (['learningRate', 'momentum'] as const)) {
    const v = opts[key];
    if (typeof v !== 'number' || !Number.isFinite(v)) throw optimizerError(`opts.${key}`, 'a finite number', v);
  }
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
