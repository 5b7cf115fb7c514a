// The typed error of compile-to-JS: bad functions or inputs, NaN results, forbidden `new Function`.
import { TensileError } from '../../errors';

/**
 * Thrown by compile() and compiled functions: a bad function or input, a NaN result, or code generation
 * forbidden with no fallback. `code` says which.
 */
export class CompileError extends TensileError {
  override readonly name = 'CompileError';
}
