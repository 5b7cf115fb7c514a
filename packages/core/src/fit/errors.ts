// Typed errors of core/fit: bad samples (FitDataError, naming the row) and bad options or model
// definitions (FitOptionsError, naming the option). Codes are stable so callers can branch on them.
import { TensileError } from '../errors';
import type { TensileErrorDetails } from '../errors';

/**
 * The `code` of a FitDataError: what is wrong with the samples (empty, lengths differ, a non-finite
 * value, too few points, constant or negative x, a bad weight, unreadable text, too many rows...).
 */
export type FitDataErrorCode =
  | 'E_FIT_EMPTY'
  | 'E_FIT_LENGTH_MISMATCH'
  | 'E_FIT_NON_FINITE'
  | 'E_FIT_TOO_FEW_POINTS'
  | 'E_FIT_CONSTANT_X'
  | 'E_FIT_NEGATIVE_X'
  | 'E_FIT_BAD_WEIGHT'
  | 'E_FIT_MALFORMED'
  | 'E_FIT_TOO_LARGE'
  | 'E_FIT_MISSING_PREDICTOR'
  | 'E_FIT_BAD_SCALE';

/** The samples cannot be fitted: the message names the problem, the row and the value. */
export class FitDataError extends TensileError {
  override readonly name = 'FitDataError';
  declare readonly code: FitDataErrorCode;
  constructor(code: FitDataErrorCode, message: string, details: TensileErrorDetails = {}) {
    super(code, message, details);
  }
}

/** The `code` of a FitOptionsError: an unknown model, a bad option value, or a malformed model definition. */
export type FitOptionsErrorCode =
  | 'E_FIT_UNKNOWN_MODEL'
  | 'E_FIT_BAD_OPTION'
  | 'E_FIT_BAD_MODEL'
  | 'E_FIT_BAD_CURVE_JSON'
  | 'E_FIT_NOT_EXPORTABLE'
  | 'E_FIT_BAD_START'
  | 'E_FIT_CURVE_NAN'
  | 'E_FIT_UNKNOWN_OPTION'
  | 'E_FIT_BAD_BOUNDS';

/** An option, a model definition or a serialised curve is not what fitting expects. */
export class FitOptionsError extends TensileError {
  override readonly name = 'FitOptionsError';
  declare readonly code: FitOptionsErrorCode;
  constructor(code: FitOptionsErrorCode, message: string, details: TensileErrorDetails = {}) {
    super(code, message, details);
  }
}

// Reading options and data once at the boundary (a throwing getter becomes a typed error); shared with core/diff.
export { readOwnProperties, thrownMessage } from '../diff/symbolic/errors';
