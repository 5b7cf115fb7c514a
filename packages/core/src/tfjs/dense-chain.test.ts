// Memory bombs for the dense-chain compiler (issue 14, point 4): a small graph whose Placeholder
// declares a wide input and chains many scalar Add/Mul ops used to build a width x width identity
// per op (2.4 GB for 56 KB); a layers model declaring [null, 100000] died with an untyped
// RangeError. Elementwise ops are now diagonal and widths past the cap are a typed refusal.
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { createDenseForward } from '../nn/dense-forward';
import { MAX_COMPILED_WIDTH } from './dense-chain';
import { ModelFormatError } from './errors';
import { compileTfjsModel, inspectTfjsModel, loadTfjsModel } from './model';
import { liveHeapBytes } from '../test-support/heap';
import { measurePeakMemory } from '../test-support/peak-memory';
import { bombGraph } from '../test-support/tfjs-bombs';

function compileError(run: () => unknown): ModelFormatError {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(ModelFormatError);
    return err as ModelFormatError;
  }
  throw new Error('expected a ModelFormatError');
}

describe('dense-chain compiler against memory bombs', () => {
  it(`compiles a ${MAX_COMPILED_WIDTH}-wide graph of 1000 scalar Add/Mul ops (about 56 KB) in under 100 MB of heap growth, to the right values`, async () => {
    const bomb = bombGraph(MAX_COMPILED_WIDTH, 1000);
    expect(bomb.modelJson.length).toBeGreaterThan(50_000);
    const before = liveHeapBytes();
    const model = await loadTfjsModel(bomb);
    const info = inspectTfjsModel(model);
    const net = compileTfjsModel(model);
    expect(liveHeapBytes() - before).toBeLessThan(100 * 1024 * 1024);
    expect(info.compiles).toBe(true);
    expect(net.layers).toHaveLength(1);
    // Oracle: the chain applied to each feature in float64, then the kernel.
    const input = Float64Array.from({ length: MAX_COMPILED_WIDTH }, (_, j) => (j % 11) / 10 - 0.5);
    let expected = 0;
    input.forEach((v, j) => {
      let feature = v;
      bomb.scalars.forEach((c, i) => (feature = i % 2 === 0 ? feature + c : feature * c));
      expected += feature * Math.fround(bomb.kernel[j]);
    });
    const forward = createDenseForward(net);
    expect(forward.run(input)[0]).toBeCloseTo(expected, 3);
  });

  it('peak memory of inspect on the bomb (measured in a fresh process) stays under 100 MB', () => {
    const setup = `import { bombGraph } from './src/test-support/tfjs-bombs.ts';
import { inspectTfjsModel, loadTfjsModel } from './src/tfjs/model.ts';
const bomb = bombGraph(${MAX_COMPILED_WIDTH}, 1000);
const wide = bombGraph(100000, 1000);`;
    const { peakGrowthBytes, result } = measurePeakMemory(setup, 'return [inspectTfjsModel(await loadTfjsModel(bomb)).compiles, inspectTfjsModel(await loadTfjsModel(wide)).compiles];');
    expect(result).toEqual([true, false]);
    expect(peakGrowthBytes).toBeLessThan(100 * 1024 * 1024);
  });

  it('compiles Add/Mul/Relu before a MatMul to the outputs of stock TF.js', async () => {
    const small = bombGraph(5, 6, { reluBeforeMatMul: true });
    const net = compileTfjsModel(await loadTfjsModel(small));
    const rows = [
      [-3, -1, 0, 1, 2],
      [0.5, -0.5, 4, -4, 0],
    ];
    const scalars = small.scalars.map((c) => Math.fround(c));
    const theirs = tf.tidy(() => {
      let t = tf.tensor2d(rows);
      scalars.forEach((c, i) => (t = i % 2 === 0 ? t.add(c) : t.mul(c)));
      return t.relu().matMul(tf.tensor2d(small.kernel, [5, 1])).dataSync();
    });
    const forward = createDenseForward(net);
    rows.forEach((row, r) => expect(forward.run(row)[0]).toBeCloseTo(theirs[r], 4));
  });

  it('a graph Placeholder declaring 100000 features does not compile: typed, naming the width and the cap', async () => {
    const bomb = bombGraph(100_000, 10);
    const before = liveHeapBytes();
    const model = await loadTfjsModel(bomb);
    expect(inspectTfjsModel(model).compiles).toBe(false);
    const error = compileError(() => compileTfjsModel(model));
    expect(liveHeapBytes() - before).toBeLessThan(100 * 1024 * 1024);
    expect(error.code).toBe('E_MODEL_UNSUPPORTED_OP');
    expect(error.message).toMatch(/node "x" \(Placeholder\) does not compile: width 100000 over the cap of 4096 features/);
  });

  it('a diagonal layer (Relu right after scalar ops) at the width cap is over the per-layer weight cap: typed', async () => {
    const model = await loadTfjsModel(bombGraph(MAX_COMPILED_WIDTH, 4, { reluBeforeMatMul: true }));
    expect(compileError(() => compileTfjsModel(model)).message).toMatch(/node "relu" \(Relu\) does not compile: 4096 x 4096 weights over the cap of 4194304 per layer/);
  });

  it('a layers model with batch_input_shape [null, 100000] is "does not compile", not "Invalid typed array length"', async () => {
    const json = {
      format: 'layers-model',
      modelTopology: {
        model_config: {
          class_name: 'Sequential',
          config: {
            layers: [
              { class_name: 'InputLayer', config: { batch_input_shape: [null, 100000], name: 'in' } },
              { class_name: 'Dense', config: { name: 'dense', units: 1, activation: 'linear', use_bias: false } },
            ],
          },
        },
      },
      weightsManifest: [{ paths: ['w.bin'], weights: [{ name: 'dense/kernel', shape: [1, 1], dtype: 'float32' }] }],
    };
    const model = await loadTfjsModel({ modelJson: JSON.stringify(json), weightData: new Float32Array([1]).buffer });
    expect(inspectTfjsModel(model).compiles).toBe(false);
    const error = compileError(() => compileTfjsModel(model));
    expect(error.message).toMatch(/the input of layer "in" does not compile: width 100000 over the cap of 4096 features/);
  });
});
