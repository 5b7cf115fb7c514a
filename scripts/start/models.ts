// The models the demos load, written by `pnpm start` into apps/shared/public/models/ (Vite copies
// that folder into every demo's build):
// - ll3.json: the article's nine samples fitted with ll3 (core/fit), as FittedCurve.toJSON().
// - net/model.json + group1-shard1of1.bin: a small dense net trained on the same samples
//   (core/nn: 2 hidden layers of 8 tanh units, Adam, monotone and zero at the origin, fixed seed)
//   and exported as a TF.js layers model (core/tfjs). Monotone and y(0) = 0 are the two facts the
//   elastic engine checks a curve for; the export folds both into plain weights.
// Workspace packages are imported by path: the repository root, where scripts/ lives, has no
// dependency on them, and tsx runs their TypeScript sources directly.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ARTICLE_SAMPLES, denseNetCurve, denseNetParamCount, fitCurve, trainDenseNet } from '../../packages/core/src/index';
import { exportDenseNet } from '../../packages/core/src/tfjs/index';

/** The demo net: small enough to ship in a few hundred bytes, trained in well under a second. */
export const DEMO_NET = {
  layers: 2,
  units: 8,
  activation: 'tanh',
  epochs: 3000,
  seed: 1,
  monotone: true,
  zeroAtOrigin: true,
  name: 'mlp 2x8 tanh, monotone (article samples)',
} as const;

export interface WrittenModels {
  /** Lines for the console. */
  readonly summary: string[];
}

export async function writeDemoModels(dir: string): Promise<WrittenModels> {
  const ll3 = fitCurve(ARTICLE_SAMPLES, { model: 'll3' });
  await mkdir(join(dir, 'net'), { recursive: true });
  await writeFile(join(dir, 'll3.json'), `${JSON.stringify(ll3.curve.toJSON(), null, 2)}\n`);

  const trained = trainDenseNet(ARTICLE_SAMPLES, DEMO_NET);
  const exported = exportDenseNet(trained.net, 'layers-model');
  await writeFile(join(dir, 'net', 'model.json'), `${JSON.stringify(exported.modelJson)}\n`);
  await writeFile(join(dir, 'net', exported.shardName), new Uint8Array(exported.weightData));

  const p = ll3.params;
  const curve = denseNetCurve(trained.net);
  return {
    summary: [
      `ll3: b = ${p.b.toFixed(5)}, e = ${p.e.toFixed(2)} px, d = ${p.d.toFixed(3)} px, SSE ${ll3.sse.toFixed(5)} -> ${join(dir, 'll3.json')}`,
      `net: ${DEMO_NET.name}, ${denseNetParamCount(trained.net)} weights, MSE ${trained.loss.toFixed(2)} px² after ${trained.epochs} epochs`
        + ` (${trained.ms.toFixed(0)} ms), y(500) = ${curve.evaluate(500).toFixed(1)} px -> ${join(dir, 'net', 'model.json')}`,
    ],
  };
}
