// Damping-curve fits on the article's nine samples, us and the JavaScript peers in one process
// run: the article model by our bounded LM on AD Jacobians against ml-levenberg-marquardt 5.1 with
// its defaults (time and the SSE each reaches), and our QR polynomial fits against regression-js
// (the SSE each reaches). scipy's optima (bench/reference-figures.md) are quoted as the quality reference.
import { createRequire } from 'node:module';
import { levenbergMarquardt } from 'ml-levenberg-marquardt';
import { ARTICLE_SAMPLES, defaultModelRegistry, fitCurve, toSamples } from '@tensile/core';
import { formatNs, measure, table } from '../measure';
import type { BenchSuite } from '../suite';

interface RegressionResult {
  equation: number[];
  predict(x: number): [number, number];
}
interface RegressionLib {
  polynomial(data: [number, number][], options?: { order?: number; precision?: number }): RegressionResult;
}
// regression-js ships CommonJS without types.
const regression = createRequire(import.meta.url)('regression') as RegressionLib;

const X = [...ARTICLE_SAMPLES.x];
const Y = [...ARTICLE_SAMPLES.y];
/** The start at which ml-levenberg-marquardt's documented failure (SSE 78.6) was measured. */
const PEER_START = [0.8, 4000, 1.1];
/** scipy 1.17 curve_fit optimum of the article model (bench/reference-figures.md). */
const SCIPY_ARTICLE_SSE = 76.18987;

const articleCurve = ([a, b, c]: number[]) => (x: number) => (x === 0 ? 0 : (a * 500) / (1 + b / Math.pow(Math.abs(x), c)));
const sse = (f: (x: number) => number) => X.reduce((s, x, i) => s + (f(x) - Y[i]) ** 2, 0);
const fmt = (v: number, digits = 7) => String(Number(v.toPrecision(digits)));
const ratio = (peerNs: number, oursNs: number) => (peerNs >= oursNs ? `${fmt(peerNs / oursNs, 3)}x faster` : `${fmt(oursNs / peerNs, 3)}x slower`);

const suite: BenchSuite = {
  id: 'fit',
  title: 'Curve fitting: the article model and polynomials on the nine samples',
  async run() {
    const selfStart = defaultModelRegistry.resolve('article').start(toSamples(ARTICLE_SAMPLES));
    const ours = fitCurve(ARTICLE_SAMPLES, { model: 'article' });
    const oursPeerStart = fitCurve(ARTICLE_SAMPLES, { model: 'article', start: PEER_START });
    const peer = levenbergMarquardt({ x: X, y: Y }, articleCurve, { initialValues: PEER_START });
    const peerSelf = levenbergMarquardt({ x: X, y: Y }, articleCurve, { initialValues: selfStart });
    const peerWeighted = levenbergMarquardt({ x: X, y: Y }, articleCurve, { initialValues: PEER_START, weights: 2 });
    const oursWeighted = fitCurve({ ...ARTICLE_SAMPLES, weights: X.map(() => 2) }, { model: 'article', start: PEER_START });

    const tOurs = measure(() => fitCurve(ARTICLE_SAMPLES, { model: 'article' }), { timeMs: 1500 });
    const tOursPeer = measure(() => fitCurve(ARTICLE_SAMPLES, { model: 'article', start: PEER_START }), { timeMs: 1500 });
    const tPeer = measure(() => levenbergMarquardt({ x: X, y: Y }, articleCurve, { initialValues: PEER_START }), { timeMs: 1500 });
    const tLl3 = measure(() => fitCurve(ARTICLE_SAMPLES, { model: 'll3' }), { timeMs: 800 });
    const tAuto = measure(() => fitCurve(ARTICLE_SAMPLES, { model: 'auto' }), { timeMs: 1500 });

    const rows = [
      ['Tensile `fitCurve` article, self-start', formatNs(tOurs.medianNs), `**${ratio(tPeer.medianNs, tOurs.medianNs)}**`, fmt(ours.sse, 10), `${ours.iterations} (${ours.stopReason})`],
      ['Tensile `fitCurve` article, start (0.8, 4000, 1.1)', formatNs(tOursPeer.medianNs), `**${ratio(tPeer.medianNs, tOursPeer.medianNs)}**`, fmt(oursPeerStart.sse, 10), `${oursPeerStart.iterations} (${oursPeerStart.stopReason})`],
      ['ml-levenberg-marquardt 5.1 defaults, start (0.8, 4000, 1.1)', formatNs(tPeer.medianNs), '1x', fmt(sse(articleCurve(peer.parameterValues)), 10), `${peer.iterations} (its maximum)`],
      ['ml-levenberg-marquardt 5.1 defaults, our self-start', '', '', fmt(sse(articleCurve(peerSelf.parameterValues)), 10), `${peerSelf.iterations}`],
      ['Tensile `fitCurve` ll3 (same curve, better conditioned)', formatNs(tLl3.medianNs), ratio(tPeer.medianNs, tLl3.medianNs), fmt(fitCurve(ARTICLE_SAMPLES, { model: 'll3' }).sse, 10), ''],
      ['Tensile `fitCurve` auto (7 models + AICc table)', formatNs(tAuto.medianNs), `${ratio(tPeer.medianNs, tAuto.medianNs)} (7 fits)`, '', ''],
      ['scipy 1.17 `curve_fit` (reference, see "Reference figures" below)', '', '', String(SCIPY_ARTICLE_SSE), ''],
    ];
    const moved = peerWeighted.parameterValues.some((v, i) => v !== PEER_START[i]);

    const polyRows: (string | number)[][] = [];
    for (const order of [2, 3, 5]) {
      const pts = X.map((x, i) => [x, Y[i]] as [number, number]);
      const ourPoly = fitCurve(ARTICLE_SAMPLES, { model: `poly:${order}` });
      const rjs = regression.polynomial(pts, { order });
      const rjs20 = regression.polynomial(pts, { order, precision: 20 });
      const tPoly = measure(() => fitCurve(ARTICLE_SAMPLES, { model: `poly:${order}` }), { timeMs: 300 });
      const tRjs = measure(() => regression.polynomial(pts, { order, precision: 20 }), { timeMs: 300 });
      polyRows.push([
        `poly:${order}`,
        fmt(ourPoly.sse, 10),
        fmt(sse((x) => rjs.predict(x)[1])),
        fmt(sse((x) => rjs20.predict(x)[1]), 10),
        `${formatNs(tPoly.medianNs)} / ${formatNs(tRjs.medianNs)}`,
      ]);
    }

    return [
      'Article model y = a·500/(1 + b/|x|^c) on the nine samples. Times are the median of one whole fit',
      '(ours includes standard errors, confidence intervals, the monotonicity check and the `Curve`).',
      '',
      table(['fit', 'time per fit', 'vs ml-levenberg-marquardt', 'SSE reached', 'iterations'], rows),
      '',
      `ml-levenberg-marquardt with \`weights: 2\` ${moved ? 'moved from the start' : 'returns the start unchanged'} (SSE ${fmt(sse(articleCurve(peerWeighted.parameterValues)))});`,
      `ours with the same weights reaches weighted SSE ${fmt(oursWeighted.sse, 10)} (= 2 x ${fmt(oursWeighted.sse / 2, 10)}).`,
      '',
      'Polynomials (the article\'s second method), SSE each reaches; ours is QR on the domain scaled to [0, 1],',
      'regression-js solves the normal equations in raw pixels and rounds coefficients to `precision` decimals (default 2).',
      'numpy `polyfit` (reference): poly:5 SSE 139.548, poly:3 1689.71, poly:2 10381.5.',
      '',
      table(['model', 'Tensile SSE', 'regression-js SSE (defaults)', 'regression-js SSE (precision 20)', 'time ours / regression-js'], polyRows),
      '',
      'Reproduce: `pnpm bench` (builds, then every suite), or from the sources without a build:',
      '`cd bench && node --conditions=source --import tsx run.ts --only fit`.',
    ].join('\n');
  },
};

export default suite;
