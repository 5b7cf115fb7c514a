import { loadNistSuite } from './src/test-support/nist';
import { fitCurve, formulaModel } from './src/index';
const suite = loadNistSuite();
const run = () => {
  const per: Record<string, number> = {};
  const t0 = performance.now();
  for (const d of suite) for (const s of [0, 1]) {
    const t = performance.now();
    const samples = Object.fromEntries(d.columns.map((c) => [c, d.data[c]]));
    fitCurve(samples as never, { model: formulaModel(d.formula, { params: d.params, start: d.starts[s], predictors: d.columns.filter((c) => c !== 'y') }) });
    per[d.name] = (per[d.name] ?? 0) + performance.now() - t;
  }
  return { total: performance.now() - t0, per };
};
for (let k = 0; k < 8; k++) { const r = run(); console.log(r.total.toFixed(1), Object.entries(r.per).sort((a,b)=>b[1]-a[1]).slice(0,6).map(([n,t])=>`${n}:${t.toFixed(1)}`).join(' ')); }
