// A plain Node ESM script on the installed @tensile/core: the core README's examples, the article
// fit, and the subpath entries (elastic and tfjs load in Node without a DOM or TF.js).
import { ARTICLE_SAMPLES, fitCurve, mul, parseFormula, pow, valueAndGrad } from '@tensile/core';
import { ELASTIC_DEFAULTS, createElastic } from '@tensile/core/elastic';
import { inspectTfjsModel } from '@tensile/core/tfjs';

const fit = fitCurve(ARTICLE_SAMPLES, { model: 'll3' });
const code = fit.curve.toJS({ name: 'damping', round: 6 });
// The emitted code is an ES module with no dependency: import it as a user's file would be.
const { damping } = await import(`data:text/javascript,${encodeURIComponent(code)}`);
const formula = parseFormula('0.82231*max/(1 + 4338.47/abs(x)^1.14791)');
const result = {
  sse: fit.sse,
  emitted: damping(500),
  evaluated: fit.curve.evaluate(500),
  gradient: valueAndGrad((p) => mul(p.a, pow(p.b, 2)))({ a: 2, b: 3 }),
  derivative: formula.derivative('x').evaluate({ x: 1000, max: 500 }),
  elastic: typeof createElastic === 'function' && typeof ELASTIC_DEFAULTS === 'object',
  tfjs: typeof inspectTfjsModel === 'function',
};
process.stdout.write(JSON.stringify(result) + '\n');
