// The differentiation engine against plain JS and TF.js 4.22 (CPU backend), in one process run:
// value + gradient of the article SSE (3 parameters, 9 points, y = a*500/(1 + b/x^c)), and one
// Adam training step of the article MLP (1 -> 10 x Dense(10, selu) -> Dense(1), 9 points).
import * as tf from '@tensorflow/tfjs';
import { Tensor, activate, addBias, jacobian, jvp, matmul, mse, tensorValueAndGrad, valueAndGrad, type TensorLike } from '@tensile/core';
import { MLP_SHAPES, P, X, Y, articleMlpWeights, sse, sseHandGrad, ssePlain } from '../article';
import { sseFloorDuals } from '../dual-floor';
import { formatNs, measure, table } from '../measure';
import type { BenchSuite } from '../suite';

const LR = 0.01;
const BETA1 = 0.9;
const BETA2 = 0.999;
const ADAM_EPS = 1e-7; // TF.js's default epsilon

function oursMlpStep(): () => number {
  const w = articleMlpWeights().map((a) => Array.from(a));
  const shapes = MLP_SHAPES;
  const params: Record<string, Tensor> = {};
  shapes.forEach(([nIn, nOut], k) => {
    params[`w${k}`] = Tensor.from(nIn, nOut, w[k]);
    params[`b${k}`] = Tensor.zeros(1, nOut);
  });
  const xs = Tensor.column(X.map((x) => (x - 6000) / 4000));
  const ys = Tensor.column(Y.map((y) => (y - 200) / 150));
  const keys = Object.keys(params);
  const m = keys.map((k) => new Float64Array(params[k].data.length));
  const v = keys.map((k) => new Float64Array(params[k].data.length));
  let t = 0;
  const loss = (p: Record<string, TensorLike>) => {
    let h: TensorLike = xs;
    for (let k = 0; k <= 10; k++) {
      h = addBias(matmul(h, p[`w${k}`]), p[`b${k}`]);
      if (k < 10) h = activate(h, 'selu');
    }
    return mse(h, ys);
  };
  return () => {
    const { value, grad } = tensorValueAndGrad(loss, params);
    t++;
    const c1 = 1 - Math.pow(BETA1, t);
    const c2 = 1 - Math.pow(BETA2, t);
    keys.forEach((key, j) => {
      const p = params[key].data;
      const g = grad[key].data;
      const mj = m[j];
      const vj = v[j];
      for (let i = 0; i < p.length; i++) {
        mj[i] = BETA1 * mj[i] + (1 - BETA1) * g[i];
        vj[i] = BETA2 * vj[i] + (1 - BETA2) * g[i] * g[i];
        p[i] -= (LR * (mj[i] / c1)) / (Math.sqrt(vj[i] / c2) + ADAM_EPS);
      }
    });
    return value;
  };
}

function tfMlpStep(): () => number {
  const w = articleMlpWeights().map((a) => Array.from(a));
  const shapes = MLP_SHAPES;
  const vars = shapes.map(([nIn, nOut], k) => ({ w: tf.variable(tf.tensor2d(w[k], [nIn, nOut])), b: tf.variable(tf.zeros([1, nOut])) }));
  const xs = tf.tensor2d(X.map((x) => (x - 6000) / 4000), [9, 1]);
  const ys = tf.tensor2d(Y.map((y) => (y - 200) / 150), [9, 1]);
  const optimizer = tf.train.adam(LR, BETA1, BETA2, ADAM_EPS);
  return () => {
    const cost = optimizer.minimize(() => {
      let h: tf.Tensor = xs;
      vars.forEach(({ w: wk, b }, k) => {
        h = tf.add(tf.matMul(h as tf.Tensor2D, wk), b);
        if (k < 10) h = tf.selu(h);
      });
      return tf.losses.meanSquaredError(ys, h) as tf.Scalar;
    }, true) as tf.Scalar;
    const value = cost.dataSync()[0];
    cost.dispose();
    return value;
  };
}

const suite: BenchSuite = {
  id: 'diff',
  title: 'Differentiation engine: article SSE gradient and MLP training step',
  async run() {
    await tf.setBackend('cpu');
    await tf.ready();
    const g = new Float64Array(3);
    const reverse = valueAndGrad(sse);
    const forward = jacobian(sse, { mode: 'forward' });
    const xs = tf.tensor1d([...X]);
    const ys = tf.tensor1d([...Y]);
    const tfVg = tf.valueAndGrads((a: tf.Tensor, b: tf.Tensor, c: tf.Tensor) =>
      tf.sum(tf.square(tf.sub(tf.div(tf.mul(a, 500), tf.add(1, tf.div(b, tf.pow(xs, c)))), ys))),
    );
    const tfCall = () =>
      tf.tidy(() => {
        const { value, grads } = tfVg([tf.scalar(P[0]), tf.scalar(P[1]), tf.scalar(P[2])]);
        return [value.dataSync()[0], ...grads.map((gr) => gr.dataSync()[0])];
      });

    // Same numbers from every method first (TF.js is float32 and NaN at x = 0, as reported).
    const ref = valueAndGrad(sse)(P);
    const check = [
      ['hand-written', sseHandGrad(P, g), Array.from(g)],
      ['forward', ssePlain(P), forward(P)[0]],
      ['minimal duals', ...((r) => [r[0], r.slice(1)])(sseFloorDuals(P))],
      ['TF.js', ...((r) => [r[0], r.slice(1)])(tfCall())],
    ] as [string, number, number[]][];
    const agree = check.map(([name, value, grad]) => {
      const err = grad.reduce((worst, gi, i) => Math.max(worst, Math.abs(gi - ref.grad[i]) / Math.max(1, Math.abs(ref.grad[i]))), Math.abs(value - ref.value) / ref.value);
      if (!Number.isFinite(err)) return `${name}: gradient [${grad.map((v) => v.toPrecision(6)).join(', ')}] (NaN from the x = 0 sample, where b / x^c is Infinity)`;
      return `${name}: max relative difference to reverse mode ${err.toExponential(1)}`;
    });

    // Interleaved rounds, best of each: the machine is shared, the minimum is the least disturbed.
    const rows: [string, () => unknown, number | null][] = [
      ['plain JS value only (baseline)', () => ssePlain(P), null],
      ['hand-written value + gradient', () => sseHandGrad(P, g), null],
      ['tensile forward mode (`jacobian(sse, { mode: "forward" })`)', () => forward(P), 4],
      ['tensile reverse mode (`valueAndGrad(sse)`)', () => reverse(P), 15],
      ['TF.js 4.22 `tf.valueAndGrads` (cpu)', tfCall, null],
      ['(for reference) tensile forward, one directional derivative (`jvp`)', () => jvp(sse, P, [0, 0, 1]), null],
      ['(floor of the technique) minimal duals: 3 lanes, one op per call, no checks (bench/dual-floor.ts)', () => sseFloorDuals(P), null],
    ];
    const best = rows.map(() => Infinity);
    for (let round = 0; round < 3; round++) {
      rows.forEach(([, fn], i) => {
        best[i] = Math.min(best[i], measure(fn, { timeMs: i === 4 ? 300 : 500, warmupMs: 100 }).medianNs);
      });
    }
    const sseTable = table(
      ['method', 'median per call', 'x plain value', 'target', 'met'],
      rows.map(([name, , target], i) => {
        const ratio = best[i] / best[0];
        return [name, formatNs(best[i]), ratio.toFixed(1) + 'x', target ? `<= ${target}x` : '', target ? (ratio <= target ? 'yes' : '**no**') : ''];
      }),
    );

    const ours = oursMlpStep();
    const theirs = tfMlpStep();
    const stepBest = [Infinity, Infinity];
    for (let round = 0; round < 3; round++) {
      stepBest[0] = Math.min(stepBest[0], measure(ours, { timeMs: 600, warmupMs: 200 }).medianNs);
      stepBest[1] = Math.min(stepBest[1], measure(theirs, { timeMs: 600, warmupMs: 200 }).medianNs);
    }
    const speedup = stepBest[1] / stepBest[0];
    const mlpTable = table(
      ['one Adam step, 9 points, 1021 parameters', 'median per step', 'speed-up vs TF.js', 'target', 'met'],
      [
        ['tensile `tensorValueAndGrad` + Adam', formatNs(stepBest[0]), speedup.toFixed(1) + 'x', '>= 5x', speedup >= 5 ? 'yes' : '**no**'],
        ['TF.js 4.22 `optimizer.minimize` (adam, cpu)', formatNs(stepBest[1]), '1.0x', '', ''],
      ],
    );
    xs.dispose();
    ys.dispose();

    return [
      'Reproduce: `cd bench && node --conditions=source --import tsx run.ts --only diff` (or `pnpm bench`).',
      '',
      '### Value + gradient of the article SSE (3 parameters, 9 points, x = 0 included)',
      '',
      sseTable,
      '',
      'The forward-mode target is missed, and the last row is why: dual numbers as such cannot meet it',
      'on V8 when user code calls one function per op. That row is the least such a forward mode can',
      'do (bench/dual-floor.ts: three tangent lanes, the number-or-dual dispatch and one object per op,',
      'with no stale-value checks, no NaN errors, no overflow bookkeeping, no nesting), and it already',
      'sits at about 4x. V8 does not inline the op functions into the caller, so every op is a call',
      'that boxes its doubles and allocates its result; reusing pooled duals instead of allocating',
      'saved only about 15% in a separate experiment. Ours adds what the issue asks of the engine',
      '(typed errors for NaN and stale values, overflow reports, nesting, any tangent count): duals',
      'with up to four tangents keep them in fields and + - * / pow take hand-written forward rules',
      '(checked bit for bit against the primitive table by forward.test.ts), which took this row from',
      'about 12x to about 6-7x. Code without a call and an object per op is what meets such targets:',
      '`compile` (see the compile section) runs this value + gradient at about 1.2x.',
      '',
      'Agreement: ' + agree.join('; ') + '.',
      '',
      '### One training step of the article MLP (1 -> 10 x Dense(10, selu) -> Dense(1))',
      '',
      mlpTable,
    ].join('\n');
  },
};

export default suite;
