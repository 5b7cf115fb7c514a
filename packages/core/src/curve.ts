// The one shape every damping curve takes on its way from a fit (core/fit), a net (core/nn) or a
// TF.js model (core/tfjs) to the elastic engine (core/elastic). Plain data flows one way: the
// engine only ever sees this interface, never the fitting code behind it.

/** A damping curve: finger distance in px to displayed offset in px. */
export interface Curve {
  /** What produced it, for display: "article", "ll3", "mlp", "tfjs-graph", ... */
  readonly name: string;
  /**
   * Displayed offset (px) for a finger distance `x` (px). Sign-symmetric:
   * `evaluate(-x) === -evaluate(x)`. Never returns NaN for a finite `x`.
   */
  evaluate(x: number): number;
  /** Batch form of `evaluate`, writing into `out` when given (length must match). */
  evaluateBatch(xs: ArrayLike<number>, out?: Float64Array): Float64Array;
}

/** True when `value` has the Curve shape (used by option validation in the elastic engine). */
export function isCurve(value: unknown): value is Curve {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Curve).evaluate === 'function' &&
    typeof (value as Curve).evaluateBatch === 'function'
  );
}
