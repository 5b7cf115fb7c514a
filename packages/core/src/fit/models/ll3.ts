// Three-parameter log-logistic y = d/(1 + (e/x)^b) (drc's LL.3): the article's curve family in
// its well-conditioned form; e is the drag (px) at half the plateau d.
import { FitOptionsError } from '../errors';
import type { ModelFamily } from '../model';
import type { Samples } from '../samples';
import { extent, logLogisticStart } from './start';

/** Plateaus tried by the self-start, as multiples of the largest y. */
const PLATEAU_FACTORS = [1.01, 1.03, 1.05, 1.1, 1.2, 1.35, 1.5];

/**
 * drc-style start: for a few plateaus d a little above the largest y, the logit line in log x
 * gives b and e; keep the triple with the smallest SSE (a short grid search, as drc does for
 * some self-starters). Each try is one straight-line fit, so this costs microseconds and saves
 * LM iterations.
 */
export function ll3Start(s: Samples): { b: number; e: number; d: number } {
  const { max } = extent(s.y);
  if (!(max > 0)) return { ...logLogisticStart(s, 0, 1), d: 1 };
  let best = { b: 1, e: 1, d: max, sse: Infinity };
  for (const f of PLATEAU_FACTORS) {
    const d = f * max;
    const { b, e } = logLogisticStart(s, 0, d);
    let sse = 0;
    for (let i = 0; i < s.x.length; i++) {
      const y = s.x[i] === 0 ? 0 : d / (1 + Math.pow(e / s.x[i], b));
      sse += (y - s.y[i]) ** 2;
    }
    if (sse < best.sse) best = { b, e, d, sse };
  }
  return { b: best.b, e: best.e, d: best.d };
}

export const ll3Family: ModelFamily = {
  family: 'll3',
  summary: 'd/(1 + (e/x)^b), log-logistic; e = drag at half the plateau d',
  monotone: true,
  create(arg) {
    if (arg !== undefined) throw new FitOptionsError('E_FIT_UNKNOWN_MODEL', `model "ll3" takes no ":${arg}" argument`, { where: 'model', value: arg });
    return {
      name: 'll3',
      formula: 'd/(1 + (e/x)^b)',
      params: ['b', 'e', 'd'],
      lower: [0, 0, -Infinity],
      upper: [Infinity, Infinity, Infinity],
      domain: 'nonnegative',
      settings: {},
      formulaSource: { text: 'd/(1 + (h/x)^b)', params: ['b', 'h', 'd'] },
      // x is data, so branching on it is exact: y(0) = 0 with zero derivatives (the limit for b > 0).
      expr: (x, [b, e, d], o) => (x === 0 ? o.mul(d, 0) : o.div(d, o.add(1, o.pow(o.div(e, x), b)))),
      evaluate: (x, p) => (x === 0 ? 0 : p[2] / (1 + Math.pow(p[1] / x, p[0]))),
      start(samples) {
        const { b, e, d } = ll3Start(samples);
        return [b, e, d];
      },
      facts: (p) => ({
        monotone: p[2] === 0 || p[0] === 0 ? 'constant' : p[2] > 0 ? 'increasing' : 'decreasing',
        asymptote: p[0] > 0 ? p[2] : null,
        y0: 0,
      }),
      toJSExpression: ([b, e, d]) => `${d} / (1 + Math.pow(${e} / x, ${b}))`,
    };
  },
};
