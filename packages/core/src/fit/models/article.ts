// The article's form y = a*max/(1 + b/|x|^c) with max fixed (default 500). Same curve family as
// ll3 but badly conditioned (corr(b, c) = 0.996); b, c >= 0 removes the c < 0 basin where the
// curve is identically 0.
import { FitOptionsError } from '../errors';
import type { ModelFamily } from '../model';
import { ll3Start } from './ll3';

/** The article's `max` (px): the largest offset the designer allows. */
export const DEFAULT_ARTICLE_MAX = 500;

export const articleFamily: ModelFamily = {
  family: 'article',
  summary: 'a*max/(1 + b/|x|^c), the article\'s form (max fixed, default 500)',
  monotone: true,
  create(arg, settings) {
    if (arg !== undefined) throw new FitOptionsError('E_FIT_UNKNOWN_MODEL', `model "article" takes no ":${arg}" argument`, { where: 'model', value: arg });
    const max = settings.max ?? DEFAULT_ARTICLE_MAX;
    if (typeof max !== 'number' || !Number.isFinite(max) || max <= 0) {
      throw new FitOptionsError('E_FIT_BAD_OPTION', `max must be a positive finite number (px), got ${String(max)}`, { where: 'max', value: max });
    }
    return {
      name: 'article',
      // Printed with max substituted, in the formula language, so `formula:` refits the same curve.
      formula: `a*${max}/(1 + b/x^c)`,
      params: ['a', 'b', 'c'],
      lower: [-Infinity, 0, 0],
      upper: [Infinity, Infinity, Infinity],
      domain: 'nonnegative',
      settings: { max },
      formulaSource: { text: `a*${max}/(1 + b/x^c)`, params: ['a', 'b', 'c'] },
      // x is data, so branching on it is exact: y(0) = 0 with zero derivatives (the limit for c > 0).
      expr: (x, [a, b, c], o) => (x === 0 ? o.mul(a, 0) : o.div(o.mul(a, max), o.add(1, o.div(b, o.pow(x, c))))),
      evaluate: (x, p) => (x === 0 ? 0 : (p[0] * max) / (1 + p[1] / Math.pow(x, p[2]))),
      start(samples) {
        const { b, e, d } = ll3Start(samples);
        return [d / max, Math.pow(e, b), b];
      },
      facts: (p) => ({
        monotone: p[0] === 0 || p[2] === 0 ? 'constant' : p[0] > 0 ? 'increasing' : 'decreasing',
        asymptote: p[2] > 0 ? p[0] * max : null,
        y0: 0,
      }),
      toJSExpression: ([a, b, c]) => `${a} * max / (1 + ${b} / Math.pow(x, ${c}))`,
    };
  },
};
