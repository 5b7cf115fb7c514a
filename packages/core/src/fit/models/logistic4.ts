// Four- and five-parameter logistic curves in x (drc's LL.4 / LL.5 with the names):
// 4pl y = d + (a - d)/(1 + (x/c)^b), 5pl y = d + (a - d)/(1 + (x/c)^b)^g. a = y(0), d = plateau.
import { FitOptionsError } from '../errors';
import type { ModelFacts, ModelFamily } from '../model';
import type { Samples } from '../samples';
import { increasing, logLogisticStart, plateaus } from './start';

/** drc-style start: a and d a little beyond the data's ends, b and c from the logit line. */
export function logistic4Start(s: Samples): number[] {
  const { low, high } = plateaus(s);
  const up = increasing(s);
  const a = up ? low : high;
  const d = up ? high : low;
  // (y - a)/(d - y) = (x/c)^b for either direction.
  const { b, e } = up ? logLogisticStart(s, a, d) : logLogisticStart({ x: s.x, y: s.y.map((v) => -v) }, -a, -d);
  return [a, b, e, d];
}

function facts(a: number, b: number, d: number): ModelFacts {
  return {
    monotone: a === d || b === 0 ? 'constant' : d > a ? 'increasing' : 'decreasing',
    asymptote: b > 0 ? d : null,
    y0: b > 0 ? a : (a + d) / 2,
  };
}

function noArgument(name: string, arg: string | undefined): void {
  if (arg !== undefined) throw new FitOptionsError('E_FIT_UNKNOWN_MODEL', `model "${name}" takes no ":${arg}" argument`, { where: 'model', value: arg });
}

export const logistic4Family: ModelFamily = {
  family: '4pl',
  summary: 'd + (a - d)/(1 + (x/c)^b), four-parameter logistic',
  monotone: true,
  create(arg) {
    noArgument('4pl', arg);
    return {
      name: '4pl',
      formula: 'd + (a - d)/(1 + (x/c)^b)',
      formulaSource: { text: 'd + (a - d)/(1 + (x/c)^b)', params: ['a', 'b', 'c', 'd'] },
      params: ['a', 'b', 'c', 'd'],
      originParameter: 'a',
      lower: [-Infinity, 0, 0, -Infinity],
      upper: [Infinity, Infinity, Infinity, Infinity],
      domain: 'nonnegative',
      settings: {},
      // y(0) = a exactly (for b > 0): branching on the data keeps d/dc away from 0^(b-1).
      expr: (x, [a, b, c, d], o) => (x === 0 ? o.mul(a, 1) : o.add(d, o.div(o.sub(a, d), o.add(1, o.pow(o.div(x, c), b))))),
      evaluate: (x, p) => p[3] + (p[0] - p[3]) / (1 + Math.pow(x / p[2], p[1])),
      start: logistic4Start,
      facts: (p) => facts(p[0], p[1], p[3]),
      toJSExpression: ([a, b, c, d]) => `${d} + (${a} - ${d}) / (1 + Math.pow(x / ${c}, ${b}))`,
    };
  },
};

export const logistic5Family: ModelFamily = {
  family: '5pl',
  summary: 'd + (a - d)/(1 + (x/c)^b)^g, five-parameter (asymmetric) logistic',
  monotone: true,
  create(arg) {
    noArgument('5pl', arg);
    return {
      name: '5pl',
      formula: 'd + (a - d)/(1 + (x/c)^b)^g',
      formulaSource: { text: 'd + (a - d)/(1 + (x/c)^b)^g', params: ['a', 'b', 'c', 'd', 'g'] },
      params: ['a', 'b', 'c', 'd', 'g'],
      originParameter: 'a',
      lower: [-Infinity, 0, 0, -Infinity, 0],
      upper: [Infinity, Infinity, Infinity, Infinity, Infinity],
      domain: 'nonnegative',
      settings: {},
      expr: (x, [a, b, c, d, g], o) =>
        x === 0 ? o.mul(a, 1) : o.add(d, o.div(o.sub(a, d), o.pow(o.add(1, o.pow(o.div(x, c), b)), g))),
      evaluate: (x, p) => p[3] + (p[0] - p[3]) / Math.pow(1 + Math.pow(x / p[2], p[1]), p[4]),
      start: (s) => [...logistic4Start(s), 1],
      facts: (p) => facts(p[0], p[1] * p[4], p[3]),
      toJSExpression: ([a, b, c, d, g]) => `${d} + (${a} - ${d}) / Math.pow(1 + Math.pow(x / ${c}, ${b}), ${g})`,
    };
  },
};
