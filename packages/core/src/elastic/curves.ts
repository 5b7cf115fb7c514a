// Damping curves: finger travel past an edge (px) to displayed offset (px). Each is sign-symmetric,
// monotone in |x| and bounded; `resolveDamping` turns any curve option into one safe function.
import { isCurve } from '../curve';
import type { Curve } from '../curve';
import { ElasticError, invalidOption } from './errors';
import type { DampingCurveOption, DampingFunction } from './types';

/** The article's hand fit to nine designer samples: 0.82231*max / (1 + 4338.47/|x|^1.14791). */
export function articleDamping(x: number, max = 500): number {
  // |x|^c is 0 at x = 0, so the fraction is 4338/0 = Infinity and the offset exactly 0.
  return Math.sign(x) * ((0.82231 * max) / (1 + 4338.47 / Math.abs(x) ** 1.14791));
}

/**
 * The rubber band of UIScrollView: (1 - 1/(|x|*c/size + 1)) * size, c = 0.55 on iOS. Tends to
 * `size` (the container's height or width) and has slope c at 0. use-gesture uses c = 0.15.
 */
export function rubberBand(x: number, size: number, c = 0.55): number {
  const a = Math.abs(x);
  return Math.sign(x) * ((a * size * c) / (size + c * a));
}

/** Android 12's stretch, as an exponential approach to a quarter of the container (px). */
export function androidStretch(x: number, size: number): number {
  const limit = size / 4;
  return Math.sign(x) * limit * (1 - Math.exp((-0.6 * Math.abs(x)) / limit));
}

// Each built-in takes (distance >= 0, container size px, max px).
const BUILT_IN: Record<string, (d: number, size: number, max: number) => number> = {
  article: (d, _s, max) => articleDamping(d, max),
  ios: (d, s) => rubberBand(d, s),
  'use-gesture': (d, s) => rubberBand(d, s, 0.15),
  // antd-mobile's PullToRefresh: use-gesture's band over 5 x its 40 px head, constant 0.5.
  antd: (d) => rubberBand(d, 200, 0.5),
  // Framework7's pull-to-refresh: touchesDiff ** 0.85 (unbounded; the engine caps it at max).
  framework7: (d) => d ** 0.85,
  android: androidStretch,
  linear: (d) => d,
};

/** Finger distance covered by a tabulated Curve (beyond it the curve is held flat), px. */
const TABLE_RANGE = 4000;
const TABLE_POINTS = 401;
const TABLE_STEP = TABLE_RANGE / (TABLE_POINTS - 1);
/** A curve may dip this much (px) between samples and still count as monotone (float noise). */
const MONOTONE_SLACK = 1e-6;
/** Container size used to check size-relative functions once, px. */
const CHECK_SIZE = 800;

/**
 * Each Curve or function already checked, by object, to its unclamped (distance, size) -> offset:
 * the sampling grid depends on neither `max` nor the container size, so options set again (a
 * re-render on every frame of a drag) or a second engine never pay for a Curve twice. A Curve is
 * taken to be immutable: pass a new object to change it.
 */
const CHECKED = new WeakMap<object, DampingFunction>();

/**
 * Resolves a curve option to the `damping(x, max)`-style function (distance, size) -> offset.
 * A Curve is tabulated once per object with one `evaluateBatch` call (a TF.js model pays its cost
 * here, not per move event) and interpolated linearly; a Curve or a plain function is checked once
 * on the same grid to be finite and monotone. Every call is sign-symmetric and clamped into
 * [-max, max] (so a curve can never push the content past `max` or the wrong way).
 */
export function resolveDamping(option: DampingCurveOption, max: number): DampingFunction {
  // Own keys only: 'constructor' or '__proto__' must not resolve to Object.prototype's members.
  const builtIn = typeof option === 'string' && Object.hasOwn(BUILT_IN, option) && BUILT_IN[option];
  const curve = isCurve(option);
  if (!builtIn && !curve && typeof option !== 'function') {
    return invalidOption('curve', option, `one of ${Object.keys(BUILT_IN).join(', ')}, a Curve or a function`);
  }
  let f = builtIn ? (d: number, s: number) => builtIn(d, s, max) : CHECKED.get(option as object);
  if (!f) {
    const xs = new Float64Array(TABLE_POINTS).map((_, i) => i * TABLE_STEP);
    const ys = curve ? (option as Curve).evaluateBatch(xs, new Float64Array(TABLE_POINTS)) : Array.from(xs, (d) => (option as DampingFunction)(d, CHECK_SIZE));
    const what = curve ? `curve "${(option as Curve).name}"` : 'curve function';
    ys.forEach((y, i) => {
      const before = ys[i - 1];
      const fail = (problem: string, expected: string) => {
        throw new ElasticError('E_ELASTIC_CURVE', `${what} ${problem}, expected ${expected}`, { where: what, value: y });
      };
      if (!Number.isFinite(y)) fail(`returned ${y} at sample ${i}`, 'finite offsets');
      if (y < before - MONOTONE_SLACK) fail(`decreases at sample ${i} (${before} then ${y})`, 'a monotone curve');
    });
    f = curve
      ? (d) => {
          const i = Math.min(Math.floor(d / TABLE_STEP), TABLE_POINTS - 2);
          return ys[i] + (ys[i + 1] - ys[i]) * Math.min(d / TABLE_STEP - i, 1);
        }
      : (option as DampingFunction);
    CHECKED.set(option as object, f);
  }
  return (d, s) => {
    const y = f(Math.abs(d), s);
    // A non-finite value (a function misbehaving at a size never checked) holds the content still.
    const bounded = y > 0 ? Math.min(y, max) : 0;
    return d < 0 ? -bounded : bounded;
  };
}

/** Finger distance that shows `offset` (bisection; the curve is monotone), px. */
export function invertDamping(f: DampingFunction, offset: number, size: number): number {
  let lo = 0;
  let hi = 1;
  while (f(hi, size) < offset && hi < 1e6) hi *= 2;
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2;
    if (f(mid, size) < offset) lo = mid;
    else hi = mid;
  }
  return hi;
}
