// Helpers for the self-starting guesses: the drc way of linearising a curve family (logit of the
// normalised response against log x, 1/y against 1/x, ...) and fitting a straight line to it.
import type { Samples } from '../samples';

/** Least-squares line through (u, v) pairs, or null with fewer than two distinct u. */
export function fitLine(u: readonly number[], v: readonly number[]): { slope: number; intercept: number } | null {
  const n = u.length;
  if (n < 2) return null;
  let mu = 0;
  let mv = 0;
  for (let i = 0; i < n; i++) {
    mu += u[i];
    mv += v[i];
  }
  mu /= n;
  mv /= n;
  let suu = 0;
  let suv = 0;
  for (let i = 0; i < n; i++) {
    suu += (u[i] - mu) ** 2;
    suv += (u[i] - mu) * (v[i] - mv);
  }
  if (!(suu > 0)) return null;
  const slope = suv / suu;
  const r = { slope, intercept: mv - slope * mu };
  return Number.isFinite(r.slope) && Number.isFinite(r.intercept) ? r : null;
}

export function extent(a: ArrayLike<number>): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < a.length; i++) {
    min = Math.min(min, a[i]);
    max = Math.max(max, a[i]);
  }
  return { min, max };
}

export function median(a: ArrayLike<number>): number {
  const s = Array.from(a).sort((p, q) => p - q);
  const k = s.length >> 1;
  return s.length % 2 ? s[k] : (s[k - 1] + s[k]) / 2;
}

/** Whether y grows with x overall (the sign of the x-y covariance). */
export function increasing(s: Samples): boolean {
  const n = s.x.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += s.x[i];
    my += s.y[i];
  }
  mx /= n;
  my /= n;
  let c = 0;
  for (let i = 0; i < n; i++) c += (s.x[i] - mx) * (s.y[i] - my);
  return c >= 0;
}

/**
 * The log-logistic self-start shared by ll3, 4pl, 5pl and article: with lower asymptote `low`
 * and upper `high`, log((y - low)/(high - y)) = b log x - b log e is a line in log x.
 */
export function logLogisticStart(s: Samples, low: number, high: number): { b: number; e: number } {
  const u: number[] = [];
  const v: number[] = [];
  for (let i = 0; i < s.x.length; i++) {
    const x = s.x[i];
    const t = (s.y[i] - low) / (high - s.y[i]);
    if (x > 0 && t > 0 && Number.isFinite(t)) {
      u.push(Math.log(x));
      v.push(Math.log(t));
    }
  }
  const line = fitLine(u, v);
  const positiveX = Array.from(s.x).filter((x) => x > 0);
  const fallback = { b: 1, e: positiveX.length ? median(positiveX) : 1 };
  if (!line || !(line.slope > 0)) return fallback;
  const e = Math.exp(-line.intercept / line.slope);
  return Number.isFinite(e) && e > 0 ? { b: line.slope, e } : fallback;
}

/** Upper and lower plateaus a little beyond the data, as drc's self-starters place them. */
export function plateaus(s: Samples): { low: number; high: number } {
  const { min, max } = extent(s.y);
  const pad = 0.05 * (max - min || Math.abs(max) || 1);
  return { low: min - pad, high: max + pad };
}
