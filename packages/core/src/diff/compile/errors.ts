// The typed error of compile-to-JS: bad functions or inputs, NaN results, forbidden `new Function`.
import { TensileError } from '../../errors';

export class CompileError extends TensileError {
  override readonly name = 'CompileError';
}
