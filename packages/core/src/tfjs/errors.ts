// Typed errors of core/tfjs. A bad model file always becomes a ModelFormatError whose message says
// what is wrong and where (field, weight or node), never a TypeError from deep inside a loader.
import { TensileError, type TensileErrorDetails } from '../errors';

/** Stable codes of ModelFormatError, so callers can branch without parsing messages. */
export type ModelFormatCode =
  | 'E_MODEL_NOT_JSON'
  | 'E_MODEL_FORMAT'
  | 'E_MODEL_HOSTILE_KEY'
  | 'E_MODEL_WEIGHTS'
  | 'E_MODEL_SHAPE'
  | 'E_MODEL_NON_FINITE'
  | 'E_MODEL_UNSUPPORTED_OP'
  | 'E_MODEL_TOO_LARGE'
  | 'E_MODEL_SOURCE'
  | 'E_MODEL_INPUT';

/** A model file (model.json, a weight shard, a source) that is not a usable TF.js model. */
export class ModelFormatError extends TensileError {
  // Spelled out: a minifier renames the class, and the base class takes `name` from it.
  override readonly name = 'ModelFormatError';
  declare readonly code: ModelFormatCode;
  constructor(code: ModelFormatCode, message: string, details: TensileErrorDetails = {}, options?: { cause?: unknown }) {
    super(code, message, details, options);
  }
}

/** `@tensorflow/tfjs` was needed (execution fallback, tests) but is not installed. */
export class TfjsUnavailableError extends TensileError {
  override readonly name = 'TfjsUnavailableError';
}
