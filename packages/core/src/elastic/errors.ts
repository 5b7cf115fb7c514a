// Typed errors of the elastic engine: bad options, bad curves, misuse of a destroyed engine,
// and the reasons a refresh ends early (timeout, detach), which reach `onRefresh`'s AbortSignal.
import { TensileError, describeValue } from '../errors';

export class ElasticError extends TensileError {}

/** Throws an ElasticError naming the option, its value and what was expected. */
export function invalidOption(where: string, value: unknown, expected: string): never {
  throw new ElasticError('E_ELASTIC_OPTION', `createElastic: ${where} is ${describeValue(value)}, expected ${expected}`, {
    where,
    value,
  });
}
