// Least squares squares the residuals: data near 1e-300 underflows every square to 0 (a flat curve
// then "fits exactly": stop reason exact, R² 1, AICc -Infinity) and data near 1e300 overflows them.
// Rather than rescale silently behind the user's parameters, such samples are refused with the
// factor that would bring them into range.
import { FitDataError } from './errors';
import type { Samples } from './samples';

/** Smallest and largest magnitude (of the largest |x|, |y| or weight) at which squares stay exact. */
export const SAMPLE_SCALE_MIN = 1e-100;
export const SAMPLE_SCALE_MAX = 1e100;

function largestMagnitude(values: ArrayLike<number>): number {
  let largest = 0;
  for (let i = 0; i < values.length; i++) largest = Math.max(largest, Math.abs(values[i]));
  return largest;
}

/** Throws E_FIT_BAD_SCALE when x, y or the weights are all tiny or huge (all zero is fine: nothing to square). */
export function checkSampleScale(samples: Samples): void {
  const columns: [string, ArrayLike<number> | undefined][] = [
    ['y', samples.y],
    ['x', samples.x],
    ['weights', samples.weights],
  ];
  for (const [name, values] of columns) {
    if (!values) continue;
    const largest = largestMagnitude(values);
    if (largest === 0 || (largest >= SAMPLE_SCALE_MIN && largest <= SAMPLE_SCALE_MAX)) continue;
    const factor = 10 ** -Math.round(Math.log10(largest));
    throw new FitDataError(
      'E_FIT_BAD_SCALE',
      `samples.${name}: the largest |${name}| is ${largest}, outside ${SAMPLE_SCALE_MIN}..${SAMPLE_SCALE_MAX} where squared residuals neither underflow to 0 nor overflow; ` +
        `rescale the ${name} column (e.g. multiply it by ${factor}) and fit again`,
      { where: `samples.${name}`, value: largest, factor },
    );
  }
}
