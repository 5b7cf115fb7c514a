// Damping curves: finger travel past an edge (px) to displayed offset (px). Each is sign-symmetric,
// monotone in |x| and bounded; `resolveDamping` turns any curve option into one safe function.
//
// The curve contract: a curve maps px to px and means the same whatever the container. A Curve is
// called as evaluate(distance) and a function as curve(distance), so code emitted by `tensile fit`
// (`damping(x, max)`, `max` defaulting to the fitted one) shows exactly the fitted curve. A curve
// that scales with the container (the iOS rubber band) says so with `scalesWithContainer: true`
// and is called as curve(distance, size).
import { isCurve } from '../curve';
import type { Curve } from '../curve';
import { ElasticError, invalidOption } from './errors';
import type { ContainerDampingFunction, DampingCurveName, DampingCurveOption, DampingFunction, ResolvedDamping } from './types';

/** Marks `curve` as scaling with the container (it is then called with the container's size). */
const scalesWithContainer = <F extends (distance: number, size: number) => number>(curve: F): F & ContainerDampingFunction =>
  Object.assign(curve, { scalesWithContainer: true as const });

/** The article's hand fit to nine designer samples: 0.82231*max / (1 + 4338.47/|x|^1.14791). */
export function articleDamping(x: number, max = 500): number {
  // |x|^c is 0 at x = 0, so the fraction is 4338/0 = Infinity and the offset exactly 0.
  return Math.sign(x) * ((0.82231 * max) / (1 + 4338.47 / Math.abs(x) ** 1.14791));
}

/**
 * The rubber band of UIScrollView: (1 - 1/(|x|*c/size + 1)) * size, c = 0.55 on iOS. Tends to
 * `size` (the container's height or width) and has slope c at 0. use-gesture uses c = 0.15.
 */
export const rubberBand = /* @__PURE__ */ scalesWithContainer((x: number, size: number, c = 0.55): number => {
  const a = Math.abs(x);
  return Math.sign(x) * ((a * size * c) / (size + c * a));
});

/** Android 12's stretch, as an exponential approach to a quarter of the container (px). */
export const androidStretch = /* @__PURE__ */ scalesWithContainer((x: number, size: number): number => {
  const limit = size / 4;
  return Math.sign(x) * limit * (1 - Math.exp((-0.6 * Math.abs(x)) / limit));
});

// Under the same contract as a user's curve ('article' is built per `max` in resolveDamping).
const BUILT_IN: Record<Exclude<DampingCurveName, 'article'>, DampingFunction> = {
  ios: rubberBand,
  'use-gesture': /* @__PURE__ */ scalesWithContainer((d, s) => rubberBand(d, s, 0.15)),
  // antd-mobile's PullToRefresh: use-gesture's band over 5 x its 40 px head, constant 0.5.
  antd: (d) => rubberBand(d, 200, 0.5),
  // Framework7's pull-to-refresh: touchesDiff ** 0.85 (unbounded; the engine caps it at max).
  framework7: (d) => d ** 0.85,
  android: androidStretch,
  linear: (d) => d,
};
const NAMES = ['article', ...Object.keys(BUILT_IN)];

/** Finger distance covered by a tabulated Curve (beyond it the curve is held flat), px. */
const TABLE_RANGE = 4000;
const TABLE_POINTS = 401;
const TABLE_STEP = TABLE_RANGE / (TABLE_POINTS - 1);
/** A curve may dip this much (px) between samples and still count as monotone (float noise). */
const MONOTONE_SLACK = 1e-6;
/**
 * A fit may start a fraction of a pixel below 0 (a 4PL with a < 0): clamped to 0, which no eye
 * sees. Further below 0 the curve would pull the content the wrong way: an error.
 */
const NEGATIVE_SLACK = 0.5;
/** Container sizes a container-scaled function is checked at: a small widget to a tall page, px. */
const CHECK_SIZES = [100, 800, 4000];

/** An unchecked damping: (distance, container size) -> offset, px. */
type Damping = (distance: number, size: number) => number;

/**
 * Each Curve or function already checked, by object, to its unclamped (distance, size) -> offset:
 * the sampling grid depends on neither `max` nor the container size, so options set again (a
 * re-render on every frame of a drag) or a second engine never pay for a Curve twice. A Curve is
 * taken to be immutable: pass a new object to change it.
 */
const CHECKED = new WeakMap<object, Damping>();

/**
 * Resolves a curve option to (distance, size) -> offset, the form the engine calls. A Curve is
 * tabulated once per object with one `evaluateBatch` call (a TF.js model pays its cost here, not
 * per move event) and interpolated linearly; a Curve or a function is checked once on the same
 * grid to be finite, >= 0 and monotone (a container-scaled function at several sizes). Every call
 * is sign-symmetric and clamped into [-max, max] (so a curve can never push the content past
 * `max` or the wrong way).
 */
export function resolveDamping(option: DampingCurveOption, max: number): ResolvedDamping {
  // Own keys only: 'constructor' or '__proto__' must not resolve to Object.prototype's members.
  const builtIn = option === 'article' ? (d: number) => articleDamping(d, max) : typeof option === 'string' && Object.hasOwn(BUILT_IN, option) && BUILT_IN[option as keyof typeof BUILT_IN];
  const curve = isCurve(option);
  if (!builtIn && !curve && typeof option !== 'function') {
    return invalidOption('curve', option, `one of ${NAMES.join(', ')}, a Curve or a function`);
  }
  const fn = (builtIn || option) as DampingFunction;
  const scaled = !curve && fn.scalesWithContainer === true;
  // Exactly one argument unless it scales with the container: a second one would reach emitted
  // `damping(x, max)` as its max (the container's size where the fit meant 500 px).
  const call: Damping = scaled ? fn : (d) => (fn as unknown as (distance: number) => number)(d);
  let f = builtIn ? call : CHECKED.get(option as object);
  if (!f) {
    const xs = new Float64Array(TABLE_POINTS).map((_, i) => i * TABLE_STEP);
    const what = curve ? `curve "${(option as Curve).name}"` : 'curve function';
    for (const size of scaled ? CHECK_SIZES : [0]) {
      const ys = curve ? (option as Curve).evaluateBatch(xs, new Float64Array(TABLE_POINTS)) : Array.from(xs, (d) => call(d, size));
      ys.forEach((y, i) => {
        const expected = !Number.isFinite(y) ? 'a finite offset' : y < -NEGATIVE_SLACK ? 'an offset >= 0' : y < ys[i - 1] - MONOTONE_SLACK ? `>= ${ys[i - 1]} (a monotone curve)` : '';
        if (expected) {
          // A two-parameter function that fails probably expects the size (the contract before issue 11).
          const hint = !scaled && fn.length > 1 ? '; to get the size set scalesWithContainer' : '';
          throw new ElasticError('E_ELASTIC_CURVE', `createElastic: ${what} returned ${y} at ${i * TABLE_STEP} px${size ? ` in a ${size} px container` : ''}, expected ${expected}${hint}`, { where: 'curve', value: y });
        }
      });
      f = curve
        ? (d) => {
            const i = Math.min(Math.floor(d / TABLE_STEP), TABLE_POINTS - 2);
            return ys[i] + (ys[i + 1] - ys[i]) * Math.min(d / TABLE_STEP - i, 1);
          }
        : call;
    }
    CHECKED.set(option as object, f!);
  }
  const damping = f!;
  return (d, s) => {
    const y = damping(Math.abs(d), s);
    // A non-finite value (a function misbehaving at a size never checked) holds the content still.
    const bounded = y > 0 ? Math.min(y, max) : 0;
    return d < 0 ? -bounded : bounded;
  };
}

/** Finger distance that shows `offset` (bisection; the curve is monotone), px. */
export function invertDamping(f: ResolvedDamping, offset: number, size: number): number {
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
