// Small saturating and power families: the iOS rubber band x*d*c/(d + c*x) (c = initial slope,
// d = limit; UIScrollView's constant is c = 0.55), the power law k*x^p and the exponential
// saturation d*(1 - exp(-x/k)).
import { FitOptionsError } from '../errors';
import type { ModelFamily } from '../model';
import { extent, fitLine } from './start';

function noArgument(name: string, arg: string | undefined): void {
  if (arg !== undefined) throw new FitOptionsError('E_FIT_UNKNOWN_MODEL', `model "${name}" takes no ":${arg}" argument`, { where: 'model', value: arg });
}

export const rubberbandFamily: ModelFamily = {
  family: 'rubberband',
  summary: 'x*d*c/(d + c*x), the iOS rubber band (c, d > 0)',
  monotone: true,
  create(arg) {
    noArgument('rubberband', arg);
    return {
      name: 'rubberband',
      formula: 'x*d*c/(d + c*x)',
      formulaSource: { text: 'x*d*c/(d + c*x)', params: ['c', 'd'] },
      params: ['c', 'd'],
      lower: [0, 0],
      upper: [Infinity, Infinity],
      domain: 'nonnegative',
      settings: {},
      expr: (x, [c, d], o) => o.div(o.mul(x, o.mul(d, c)), o.add(d, o.mul(c, x))),
      evaluate: (x, [c, d]) => (x === 0 ? 0 : (x * d * c) / (d + c * x)),
      // 1/y = (1/c)(1/x) + 1/d is a line in 1/x.
      start(s) {
        const u: number[] = [];
        const v: number[] = [];
        for (let i = 0; i < s.x.length; i++) {
          if (s.x[i] > 0 && s.y[i] > 0) {
            u.push(1 / s.x[i]);
            v.push(1 / s.y[i]);
          }
        }
        const line = fitLine(u, v);
        if (line && line.slope > 0 && line.intercept > 0) return [1 / line.slope, 1 / line.intercept];
        const { max } = extent(s.y);
        const { max: xmax } = extent(s.x);
        return [Math.max(max, 1) / Math.max(xmax, 1), 1.2 * Math.max(max, 1)];
      },
      facts: ([c, d]) => ({ monotone: c === 0 || d === 0 ? 'constant' : 'increasing', asymptote: d, y0: 0 }),
      toJSExpression: ([c, d]) => `x * ${d} * ${c} / (${d} + ${c} * x)`,
    };
  },
};

export const powerFamily: ModelFamily = {
  family: 'power',
  summary: 'k*x^p, power law (p >= 0)',
  monotone: true,
  create(arg) {
    noArgument('power', arg);
    return {
      name: 'power',
      formula: 'k*x^p',
      formulaSource: { text: 'k*x^p', params: ['k', 'p'] },
      params: ['k', 'p'],
      lower: [-Infinity, 0],
      upper: [Infinity, Infinity],
      domain: 'nonnegative',
      settings: {},
      expr: (x, [k, p], o) => (x === 0 ? o.mul(k, 0) : o.mul(k, o.pow(x, p))),
      evaluate: (x, [k, p]) => (x === 0 ? 0 : k * Math.pow(x, p)),
      // log y = log k + p log x.
      start(s) {
        const u: number[] = [];
        const v: number[] = [];
        for (let i = 0; i < s.x.length; i++) {
          if (s.x[i] > 0 && s.y[i] > 0) {
            u.push(Math.log(s.x[i]));
            v.push(Math.log(s.y[i]));
          }
        }
        const line = fitLine(u, v);
        return line && line.slope > 0 ? [Math.exp(line.intercept), line.slope] : [1, 1];
      },
      facts: ([k, p]) => ({
        monotone: k === 0 || p === 0 ? 'constant' : k > 0 ? 'increasing' : 'decreasing',
        asymptote: p === 0 ? k : null,
        y0: 0,
      }),
      toJSExpression: ([k, p]) => `${k} * Math.pow(x, ${p})`,
    };
  },
};

export const expsatFamily: ModelFamily = {
  family: 'expsat',
  summary: 'd*(1 - exp(-x/k)), exponential saturation (k > 0)',
  monotone: true,
  create(arg) {
    noArgument('expsat', arg);
    return {
      name: 'expsat',
      formula: 'd*(1 - exp(-x/k))',
      formulaSource: { text: 'd*(1 - exp(-x/k))', params: ['d', 'k'] },
      params: ['d', 'k'],
      lower: [-Infinity, 0],
      upper: [Infinity, Infinity],
      domain: 'nonnegative',
      settings: {},
      expr: (x, [d, k], o) => o.mul(d, o.sub(1, o.exp(o.neg(o.div(x, k))))),
      evaluate: (x, [d, k]) => d * (1 - Math.exp(-x / k)),
      // With d 5% above the data, log(1 - y/d) = -x/k is a line through the origin.
      start(s) {
        const { max } = extent(s.y);
        const d = max > 0 ? 1.05 * max : 1;
        let sxx = 0;
        let sxl = 0;
        for (let i = 0; i < s.x.length; i++) {
          const l = Math.log(1 - s.y[i] / d);
          if (Number.isFinite(l)) {
            sxx += s.x[i] * s.x[i];
            sxl += s.x[i] * l;
          }
        }
        const k = sxl < 0 ? -sxx / sxl : extent(s.x).max / 3 || 1;
        return [d, k];
      },
      facts: ([d, k]) => ({
        monotone: d === 0 ? 'constant' : d > 0 === k > 0 ? 'increasing' : 'decreasing',
        asymptote: k > 0 ? d : null,
        y0: 0,
      }),
      toJSExpression: ([d, k]) => `${d} * (1 - Math.exp(-x / ${k}))`,
    };
  },
};
