// Types shared by the transformations: how a parameter tree looks to the differentiated function,
// and the strong-zero product used when derivatives are combined.
import { mul } from './ops';
import { primalNumber } from './value';
import type { Boxed, Num } from './value';

/** A parameter tree as the differentiated function sees it: numbers become Num, typed arrays Num[]. */
export type Lifted<P> = P extends number | Boxed
  ? Num
  : P extends Float64Array | Float32Array
    ? Num[]
    : P extends readonly unknown[]
      ? { -readonly [K in keyof P]: Lifted<P[K]> }
      : P extends object
        ? { [K in keyof P]: Lifted<P[K]> }
        : P;

/**
 * The parameters a differentiated function with argument type L accepts: wherever L has a Num
 * a number (or an enclosing transformation's value) may go, and a Float64Array may stand for a
 * Num[]. The gradient comes back with the type (and typed arrays) of the actual argument.
 */
export type ParamsOf<L> = L extends Num
  ? Num
  : L extends readonly (infer E)[]
    ? readonly ParamsOf<E>[] | (E extends Num ? Float64Array : never)
    : L extends object
      ? { readonly [K in keyof L]: ParamsOf<L[K]> }
      : never;

/**
 * p * t where an exact zero wins over Infinity: a derivative contribution that is structurally
 * zero stays zero. This is what gives the right limit at the article's x = 0, where b / x^c is
 * Infinity and its partial meets a zero adjoint (IEEE would say 0 * Infinity = NaN).
 */
export function mulStrongZero(p: Num, t: Num): Num {
  if (p === 0 || t === 0) return 0;
  if (typeof p === 'number' && typeof t === 'number') {
    const c = p * t;
    return c === c ? c : 0;
  }
  // Nested: the same rule on the values underneath, for the product and all its derivatives.
  const pv = primalNumber(p);
  const tv = primalNumber(t);
  if ((pv === 0 && tv - tv !== 0) || (tv === 0 && pv - pv !== 0)) return 0;
  return mul(p, t);
}
