// poly:N, the article's polynomial fit done properly: least squares by Householder QR on the domain
// scaled to [0, 1] (the normal equations in raw pixels would square a condition number near 1e20),
// optionally through the origin. Coefficients are reported for raw x: y = sum c_k x^k.
import { describeValue } from '../../errors';
import { FitDataError, FitOptionsError } from '../errors';
import type { ModelDefinition, ModelFamily } from '../model';
import { householderQR, rDiagonalRatio, solveLeastSquares } from '../qr';
import { extent } from './start';

/** Highest degree accepted: beyond it the fit is interpolation noise, not a damping curve. */
export const MAX_POLY_DEGREE = 12;

function horner(x: number, p: ArrayLike<number>, first: number): number {
  let v = 0;
  for (let k = p.length - 1; k >= 0; k--) v = v * x + p[k];
  return first === 1 ? v * x : v;
}

export function createPolynomial(degree: number, throughOrigin: boolean): ModelDefinition {
  const first = throughOrigin ? 1 : 0;
  const params = Array.from({ length: degree + 1 - first }, (_, i) => `c${i + first}`);
  const terms = params.map((name, i) => (i + first === 0 ? name : i + first === 1 ? `${name}*x` : `${name}*x^${i + first}`));
  return {
    name: `poly:${degree}`,
    formula: terms.join(' + '),
    formulaSource: { text: params.map((c, i) => (i + first === 0 ? c : `${c}*x^${i + first}`)).join(' + '), params },
    params,
    domain: 'nonnegative',
    settings: { degree, throughOrigin },
    expr: (x, p, o) => {
      let v = o.mul(p[p.length - 1], 1);
      for (let k = p.length - 2; k >= 0; k--) v = o.add(o.mul(v, x), p[k]);
      return first === 1 ? o.mul(v, x) : v;
    },
    evaluate: (x, p) => horner(x, p, first),
    start: () => params.map(() => 0),
    facts: (p) => ({ monotone: 'unknown', asymptote: null, y0: first === 1 ? 0 : p[0] }),
    toJSExpression: (p) => {
      let s = p[p.length - 1];
      for (let k = p.length - 2; k >= 0; k--) s = `(${s}) * x + ${p[k]}`;
      return first === 1 ? `(${s}) * x` : s;
    },
    solve(samples) {
      const { x, y, weights } = samples;
      const n = params.length;
      const distinct = new Set(x).size;
      if (distinct < n) {
        throw new FitDataError(
          'E_FIT_TOO_FEW_POINTS',
          `poly:${degree}${throughOrigin ? ' through the origin' : ''} has ${n} coefficients but the samples have only ${distinct} distinct x values`,
          { where: 'samples.x', value: distinct, needed: n },
        );
      }
      const scale = extent(x).max || 1;
      const m = x.length;
      const a = new Float64Array(m * n);
      const b = new Float64Array(m);
      for (let i = 0; i < m; i++) {
        const sw = weights ? Math.sqrt(weights[i]) : 1;
        const t = x[i] / scale;
        let tk = first === 1 ? t : 1;
        for (let j = 0; j < n; j++) {
          a[i * n + j] = sw * tk;
          tk *= t;
        }
        b[i] = sw * y[i];
      }
      const qr = householderQR(a, m, n);
      const warnings: string[] = [];
      if (rDiagonalRatio(qr) < 1e-13) warnings.push(`poly:${degree}: the scaled design matrix is nearly singular; coefficients are poorly determined`);
      const gamma = solveLeastSquares(qr, b).x;
      const coefficients = new Float64Array(n);
      for (let j = 0; j < n; j++) coefficients[j] = gamma[j] / Math.pow(scale, j + first);
      return { params: coefficients, iterations: 0, stopReason: 'direct', warnings };
    },
  };
}

export const polyFamily: ModelFamily = {
  family: 'poly',
  summary: 'poly:N, sum c_k x^k by QR on a scaled domain (optionally through the origin)',
  monotone: false,
  create(arg, settings) {
    const degree = arg === undefined ? Number(settings.degree ?? NaN) : /^\d+$/.test(arg) ? Number(arg) : NaN;
    if (!Number.isInteger(degree) || degree < 1 || degree > MAX_POLY_DEGREE) {
      throw new FitOptionsError('E_FIT_UNKNOWN_MODEL', `model "poly:N" needs a degree N in 1..${MAX_POLY_DEGREE}, got ${describeValue(arg ?? settings.degree)}`, {
        where: 'model',
        value: arg,
      });
    }
    return createPolynomial(degree, settings.throughOrigin === true);
  },
};
