// Box bounds by change of variables (the MINUIT/lmfit transforms): the LM solver works on an
// unbounded internal vector q and every parameter p = T(q) stays inside [lower, upper]. This keeps
// the article form out of its c < 0 basin without a constrained solver.

export interface Bound {
  readonly lower: number;
  readonly upper: number;
}

/** Internal -> external for one parameter. */
export function toExternal(q: number, { lower, upper }: Bound): number {
  const lo = Number.isFinite(lower);
  const hi = Number.isFinite(upper);
  if (lo && hi) return lower + ((upper - lower) * (Math.sin(q) + 1)) / 2;
  if (lo) return lower - 1 + Math.sqrt(q * q + 1);
  if (hi) return upper + 1 - Math.sqrt(q * q + 1);
  return q;
}

/** dp/dq for one parameter. */
export function externalSlope(q: number, { lower, upper }: Bound): number {
  const lo = Number.isFinite(lower);
  const hi = Number.isFinite(upper);
  if (lo && hi) return ((upper - lower) * Math.cos(q)) / 2;
  if (lo) return q / Math.sqrt(q * q + 1);
  if (hi) return -q / Math.sqrt(q * q + 1);
  return 1;
}

/**
 * External -> internal. A start on (or outside) a bound is first moved a little inside, because
 * the transforms have zero slope there and LM could never leave.
 */
export function toInternal(p: number, { lower, upper }: Bound): number {
  const lo = Number.isFinite(lower);
  const hi = Number.isFinite(upper);
  const span = lo && hi ? upper - lower : Math.max(1, Math.abs(p)) * 1e3;
  const inset = 1e-6 * Math.min(span, Math.max(1, Math.abs(p)));
  let v = p;
  if (lo && v <= lower + inset) v = lower + inset;
  if (hi && v >= upper - inset) v = upper - inset;
  if (lo && hi) return Math.asin((2 * (v - lower)) / (upper - lower) - 1);
  if (lo) return Math.sqrt((v - lower + 1) ** 2 - 1);
  if (hi) return Math.sqrt((upper - v + 1) ** 2 - 1);
  return v;
}
