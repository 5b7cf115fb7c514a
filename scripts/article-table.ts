// The article's data and hand-fitted curve, and the table `pnpm start` prints: the curve at the
// nine samples with dy/dx, and the SSE with its gradient with respect to (a, b, c), all through
// the differentiation engine. Kept separate from main.ts so later jobs can reuse the pieces.
import { abs, add, derivative, div, jacobian, mul, pow, sub, valueAndGrad, numericGradient, valueOf } from '../packages/core/src/index';
import type { Num } from '../packages/core/src/index';

/** The nine designer samples (shared/data/article.csv): finger drag (px) -> displayed offset (px). */
export const ARTICLE_SAMPLES: readonly (readonly [number, number])[] = [
  [0, 0], [500, 90], [1000, 160], [1500, 210], [2500, 260], [6000, 347.5], [8000, 357.5], [10000, 367.5], [12000, 377.5],
];
/** The article's hand fit: y = a * max / (1 + b / |x|^c) with max = 500. */
export const ARTICLE_PARAMS = { a: 0.82231, b: 4338.47, c: 1.14791 } as const;
export const ARTICLE_MAX = 500; // px

/** The article's curve, written once with the polymorphic ops (runs on numbers and in every AD mode). */
export function articleCurve(x: Num, p: { a: Num; b: Num; c: Num }): Num {
  return div(mul(p.a, ARTICLE_MAX), add(1, div(p.b, pow(abs(x), p.c))));
}

/** Sum of squared residuals over the samples. */
export function articleSse(p: { a: Num; b: Num; c: Num }): Num {
  let s: Num = 0;
  for (const [x, y] of ARTICLE_SAMPLES) {
    const r = sub(articleCurve(x, p), y);
    s = add(s, mul(r, r));
  }
  return s;
}

const fmt = (v: number, digits = 4) => (Math.abs(v) >= 1e5 || (v !== 0 && Math.abs(v) < 1e-3) ? v.toExponential(digits - 1) : v.toFixed(digits));

/** The printed table (a string, so tests and other jobs can use it). */
export function articleTable(): string {
  const p = ARTICLE_PARAMS;
  const dydx = derivative((x: Num) => articleCurve(x, p));
  const lines = [
    'The article curve y = 0.82231*500/(1+4338.47/|x|^1.14791) at the nine samples (derivatives by forward-mode AD)',
    '',
    '  drag x (px) | sample y (px) | curve y (px) | residual (px) | dy/dx',
    '  ----------- | ------------- | ------------ | ------------- | ------',
  ];
  for (const [x, y] of ARTICLE_SAMPLES) {
    const yc = valueOf(articleCurve(x, p));
    lines.push(
      `  ${String(x).padStart(11)} | ${y.toFixed(1).padStart(13)} | ${yc.toFixed(3).padStart(12)} | ${(yc - y).toFixed(3).padStart(13)} | ${fmt(valueOf(dydx(x)), 5)}`,
    );
  }
  const { value, grad } = valueAndGrad(articleSse)({ ...p });
  const fwd = jacobian(articleSse, { mode: 'forward' })({ ...p })[0];
  const num = numericGradient((q: { a: number; b: number; c: number }) => valueOf(articleSse(q)), { ...p });
  lines.push(
    '',
    `SSE = ${value.toFixed(4)} px^2 (scipy's optimum: 76.18987 at a=0.820915, b=4563.58, c=1.15400)`,
    '',
    '  gradient of SSE | reverse mode | forward mode | central differences',
    '  --------------- | ------------ | ------------ | -------------------',
  );
  (['a', 'b', 'c'] as const).forEach((k, i) => {
    lines.push(`  d SSE / d ${k}     | ${fmt(grad[k], 8).padStart(12)} | ${fmt(fwd[i], 8).padStart(12)} | ${fmt(num[k], 8).padStart(19)}`);
  });
  return lines.join('\n');
}
