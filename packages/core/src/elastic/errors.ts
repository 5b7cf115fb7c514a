// Typed errors of the elastic engine: bad options, bad curves, misuse of a destroyed engine,
// and the reasons a refresh ends early (timeout, detach), which reach `onRefresh`'s AbortSignal.
import { TensileError, describeValue } from '../errors';

export class ElasticError extends TensileError {
  override readonly name = 'ElasticError';
}

/** Throws an ElasticError naming the option (or argument), its value and what was expected. */
export function invalidOption(where: string, value: unknown, expected: string, code = 'E_ELASTIC_OPTION'): never {
  throw new ElasticError(code, `createElastic: ${where} is ${describeValue(value)}, expected ${expected}`, {
    where,
    value,
  });
}
