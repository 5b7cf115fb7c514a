// When @tensorflow/tfjs is not installed (it is an optional peer), dense stacks still load, compile
// and evaluate; only a model that needs TF.js fails, with TfjsUnavailableError saying what to install.
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { TfjsUnavailableError } from './errors';
import { loadTfjsModel } from './model';
import { createModelCurve, evaluateTfjsModel, loadTfjs } from './runtime';

vi.mock('@tensorflow/tfjs', () => {
  throw new Error("Cannot find package '@tensorflow/tfjs'");
});

const fixture = fileURLToPath(new URL('../../test-fixtures/tfjs/converter-fused/model.json', import.meta.url));

describe('without @tensorflow/tfjs', () => {
  it('dense stacks still run as plain JS', async () => {
    const model = await loadTfjsModel(fixture);
    const curve = await createModelCurve(model);
    expect(curve.compiled).toBe(true);
    expect(Number.isFinite(curve.evaluate(500))).toBe(true);
    expect((await evaluateTfjsModel(model, [[500]])).compiled).toBe(true);
  });

  it('running in TF.js fails with TfjsUnavailableError naming the package, and retries on the next call', async () => {
    const model = await loadTfjsModel(fixture);
    await expect(evaluateTfjsModel(model, [[500]], { compile: 'never' })).rejects.toThrow(TfjsUnavailableError);
    await expect(loadTfjs()).rejects.toThrow(/install @tensorflow\/tfjs 4.22/);
  });
});
