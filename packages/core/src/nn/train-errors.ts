// The typed error of net training (core/nn/train.ts): bad options, bad samples, and a loss that
// stopped being a finite number (named with the epoch it happened in).
import { TensileError } from '../errors';

/** The `code` of a TrainError. */
export type TrainErrorCode =
  /** An option out of range or of the wrong type (units 0, negative epochs, unknown activation...). */
  | 'E_TRAIN_OPTION'
  /** Samples that cannot be trained on (empty, length mismatch, non-finite, constant x). */
  | 'E_TRAIN_DATA'
  /** The loss or a gradient became NaN or infinite during training. */
  | 'E_TRAIN_DIVERGED';

/**
 * Thrown by trainDenseNet and the optimisers: a bad option, untrainable samples, or a diverged training
 * (`code`: TrainErrorCode; `details.where` names the option or sample, `details.epoch` the epoch).
 */
export class TrainError extends TensileError {
  override readonly name = 'TrainError';
  declare readonly code: TrainErrorCode;
  constructor(code: TrainErrorCode, message: string, details: { where?: string; value?: unknown; epoch?: number } = {}, options?: { cause?: unknown }) {
    super(code, message, details, options);
  }
}
