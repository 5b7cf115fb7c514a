// The models the demos load, written by `pnpm start` into apps/shared/public/models/ (Vite copies
// that folder into every demo's build):
// - ll3.json: the article's nine samples fitted with ll3 (core/fit), as FittedCurve.toJSON().
// - net/model.json + group1-shard1of1.bin: a small dense net as a TF.js layers model, exported
//   with core/tfjs's DenseNet export. How the net is fitted: one hidden layer of two tanh units,
//   y = v1·(tanh(w1·u + b1) − tanh(b1)) + v2·(tanh(w2·u + b2) − tanh(b2)), u = x / 1000 px,
//   fitted by core/fit's Levenberg-Marquardt (exact AD Jacobians) with w, v >= 0. Non-negative
//   weights through a monotone activation make the net non-decreasing, and the constant output
//   bias −Σ v·tanh(b) makes y(0) = 0 exactly: the two facts a damping curve needs.
// Workspace packages are imported by path: the repository root, where scripts/ lives, has no
// dependency on them, and tsx runs their TypeScript sources directly.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createDenseNet, denseNetCurve, fitCurve, type DenseNet, type ModelDefinition, type ModelOps } from '../../packages/core/src/index';
import { exportDenseNet } from '../../packages/core/src/tfjs/index';
import { ARTICLE_SAMPLES } from '../../apps/shared/src/article-samples';

/** Input scale of the net: u = x / INPUT_SCALE, so the weights stay near 1. */
const INPUT_SCALE = 1000; // px
const UNITS = 2;

function tanh<N>(z: N, o: ModelOps<N>): N {
  // tanh(z) = 1 − 2/(e^(2z) + 1), in the ops the fit's AD engine understands.
  return o.sub(1, o.div(2, o.add(o.exp(o.mul(2, z)), 1)));
}

/** The two-unit tanh net as a core/fit model (params w1, b1, v1, w2, b2, v2). */
export const tanhNetModel: ModelDefinition = {
  name: 'tanh-net-2',
  formula: 'Σk vk·(tanh(wk·x/1000 + bk) − tanh(bk)), k = 1..2',
  params: ['w1', 'b1', 'v1', 'w2', 'b2', 'v2'],
  lower: [0, -Infinity, 0, 0, -Infinity, 0],
  domain: 'nonnegative',
  settings: {},
  expr<N>(x: number, p: readonly N[], o: ModelOps<N>): N {
    const u = x / INPUT_SCALE;
    let y: N | number = 0;
    for (let k = 0; k < UNITS; k++) {
      const [w, b, v] = [p[3 * k], p[3 * k + 1], p[3 * k + 2]];
      y = o.add(y, o.mul(v, o.sub(tanh(o.add(o.mul(w, u), b), o), tanh(b, o))));
    }
    return y as N;
  },
  // A fast unit for the first few hundred px and a slow one for the long tail.
  start: () => [0.8, 0, 250, 0.15, 0, 200],
};

/** The fitted parameters as a 1 -> 2 (tanh) -> 1 (linear) DenseNet. */
export function tanhNetToDenseNet(params: Record<string, number>): DenseNet {
  const w = [params.w1, params.w2];
  const b = [params.b1, params.b2];
  const v = [params.v1, params.v2];
  return createDenseNet({
    name: 'mlp 1x2 tanh (article samples)',
    inputNorm: { mean: [0], std: [INPUT_SCALE] },
    layers: [
      { inputSize: 1, outputSize: UNITS, weights: w, bias: b, activation: 'tanh' },
      { inputSize: UNITS, outputSize: 1, weights: v, bias: [-(v[0] * Math.tanh(b[0]) + v[1] * Math.tanh(b[1]))], activation: 'linear' },
    ],
  });
}

export interface WrittenModels {
  /** Lines for the console. */
  readonly summary: string[];
}

export async function writeDemoModels(dir: string): Promise<WrittenModels> {
  const samples = ARTICLE_SAMPLES.map(([x, y]) => [x, y] as [number, number]);
  const ll3 = fitCurve(samples, { model: 'll3' });
  await mkdir(join(dir, 'net'), { recursive: true });
  await writeFile(join(dir, 'll3.json'), `${JSON.stringify(ll3.curve.toJSON(), null, 2)}\n`);

  const fit = fitCurve(samples, { model: tanhNetModel });
  const net = tanhNetToDenseNet(fit.params);
  const curve = denseNetCurve(net);
  // The exported net must reproduce the fit (the same function, written as layers).
  for (const [x] of samples) {
    const drift = Math.abs(curve.evaluate(x) - fit.curve.evaluate(x));
    if (!(drift < 1e-6)) throw new Error(`the exported net differs from its fit by ${drift} px at x = ${x}`);
  }
  const exported = exportDenseNet(net, 'layers-model');
  await writeFile(join(dir, 'net', 'model.json'), `${JSON.stringify(exported.modelJson)}\n`);
  await writeFile(join(dir, 'net', exported.shardName), new Uint8Array(exported.weightData));

  const p = ll3.params;
  return {
    summary: [
      `ll3: b = ${p.b.toFixed(5)}, e = ${p.e.toFixed(2)} px, d = ${p.d.toFixed(3)} px, SSE ${ll3.sse.toFixed(5)} -> ${join(dir, 'll3.json')}`,
      `net: 1x2 tanh, ${fit.paramNames.length + 1} weights, SSE ${fit.sse.toFixed(2)}, y(500) = ${curve.evaluate(500).toFixed(1)} px -> ${join(dir, 'net', 'model.json')}`,
    ],
  };
}
