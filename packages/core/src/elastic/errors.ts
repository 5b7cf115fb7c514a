// Typed errors of the elastic engine: bad options, bad curves, misuse of a destroyed engine,
// and the reasons a refresh ends early (timeout, detach), which reach `onRefresh`'s AbortSignal.
import { TensileError, describeValue } from '../errors';

/**
 * Thrown by the elastic engine and the adapters for programmer mistakes: a bad option or curve
 * (`E_ELASTIC_OPTION`, `E_ELASTIC_CURVE`), an element that cannot be attached (`E_ELASTIC_TARGET`) or
 * is driven by another engine (`E_ELASTIC_ATTACHED`), a destroyed engine (`E_ELASTIC_DESTROYED`),
 * refresh() without an attached element or the pullToRefresh option (`E_ELASTIC_REFRESH`).
 * A refresh that ends early (`E_ELASTIC_TIMEOUT`, `E_ELASTIC_DETACHED`) is the abort reason of its signal.
 */
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
