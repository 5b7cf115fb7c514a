// Three-parameter log-logistic y = d/(1 + (e/x)^b) (drc's LL.3): the article's curve family in
// its well-conditioned form; e is the drag (px) at half the plateau d.
import { FitOptionsError } from '../errors';
import type { ModelFamily } from '../model';
import type { Samples } from '../samples';
import { extent, logLogisticStart } from './start';

/** drc-style start: plateau 5% above the largest y, then the logit line in log x. */
export function ll3Start(s: Samples): { b: number; e: number; d: number } {
  const { max } = extent(s.y);
  const d = max > 0 ? 1.05 * max : 1;
  const { b, e } = logLogisticStart(s, 0, d);
  return { b, e, d };
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
