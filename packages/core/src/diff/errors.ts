// The typed errors of the differentiation engine (forward, reverse, trace, numeric, tensors).
// Codes are stable: callers branch on `error.code`, the message is for people.
import { TensileError, describeValue } from '../errors';
import type { TensileErrorDetails } from '../errors';

/** The `code` of a DiffError, one per kind of mistake; stable across versions. */
export type DiffErrorCode =
  /** An op produced NaN from non-NaN operands (log(-1), sqrt(-2), Infinity - Infinity, ...). */
  | 'E_NAN'
  /** A value or gradient that must be finite is not (the message names the op that first overflowed). */
  | 'E_NON_FINITE'
  /** grad/valueAndGrad of a function whose output is not one scalar. */
  | 'E_NOT_SCALAR'
  /** Inputs, tangents, cotangents or tensors of the wrong shape or type. */
  | 'E_SHAPE'
  /** A value from a finished grad/jvp/trace (or from a tape that is not enclosing this one) was used. */
  | 'E_STALE_VALUE'
  /** An input tree, a tape or a trace larger than the configured limits (see setDiffLimits). */
  | 'E_TOO_LARGE'
  /** A traced value was turned into a plain number or string (x > 0, Math.max(x, 0), `${x}`): its answer would be wrong. */
  | 'E_COERCION'
  /** A numerical derivative whose step estimates disagree: the step cannot resolve the function there. */
  | 'E_UNRELIABLE'
  /** Any other bad argument (not a function, bad option, too deep a tree, ...). */
  | 'E_ARGUMENT';

/**
 * Thrown by the differentiation engine (grad, jvp, trace, the ops, tensors...) for bad input and for
 * results that would be wrong (NaN, non-finite, a leaked traced value). `code` says which (DiffErrorCode).
 */
export class DiffError extends TensileError {
  override readonly name = 'DiffError';
  declare readonly code: DiffErrorCode;
  constructor(code: DiffErrorCode, message: string, details: TensileErrorDetails = {}) {
    super(code, message, details);
  }
}

/** "log(-1)" / "pow(-2, 0.5)": an op applied to the primal values of its operands, for messages. */
export function describeCall(op: string, operands: readonly unknown[]): string {
  return `${op}(${operands.map(describeValue).join(', ')})`;
}

export function argumentError(where: string, value: unknown, expected: string): DiffError {
  return new DiffError('E_ARGUMENT', `${where}: expected ${expected}, got ${describeValue(value)}`, { where, value });
}

/**
 * Reads `options[key]` once at an entry point: undefined options give undefined; options that
 * are not an object, or a getter that throws, are E_ARGUMENT naming the option. Only own
 * properties count (a polluted Object.prototype cannot set an option).
 */
export function readOption(options: unknown, key: string, where: string): unknown {
  if (options === undefined) return undefined;
  if (typeof options !== 'object' || options === null) throw argumentError(`${where}: options`, options, 'an object or undefined');
  try {
    return Object.prototype.hasOwnProperty.call(options, key) ? (options as Record<string, unknown>)[key] : undefined;
  } catch (err) {
    throw new DiffError('E_ARGUMENT', `${where}: reading options.${key} threw: ${err instanceof Error ? err.message : describeValue(err)}`, {
      where: `options.${key}`,
      cause: err,
    });
  }
}
