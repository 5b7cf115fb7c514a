// loadTfjs when a bundler put an empty stand-in where @tensorflow/tfjs should be (Vite 4-7
// production builds emit `export default {}` for a missing optional peer): dense stacks still run
// as plain JS, TF.js work fails with TfjsUnavailableError, never `TypeError: tf.ready is not a function`.
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { TfjsUnavailableError } from './errors';
import { loadTfjsModel } from './model';
import { createModelCurve, evaluateTfjsModel, loadTfjs } from './runtime';

vi.mock('@tensorflow/tfjs', () => ({ default: {} }));

const fixture = fileURLToPath(new URL('../../test-fixtures/tfjs/converter-fused/model.json', import.meta.url));

describe('with an empty stand-in for @tensorflow/tfjs', () => {
  it('dense stacks still compile and run', async () => {
    const curve = await createModelCurve(await loadTfjsModel(fixture));
    expect(curve.compiled).toBe(true);
    expect(Number.isFinite(curve.evaluate(500))).toBe(true);
  });

  it('TF.js work rejects with TfjsUnavailableError (E_TFJS_UNAVAILABLE), every time it is asked', async () => {
    const model = await loadTfjsModel(fixture);
    await expect(createModelCurve(model, { compile: 'never' })).rejects.toThrow(TfjsUnavailableError);
    await expect(evaluateTfjsModel(model, [[500]], { compile: 'never' })).rejects.toMatchObject({ code: 'E_TFJS_UNAVAILABLE', name: 'TfjsUnavailableError' });
    await expect(loadTfjs()).rejects.toThrow(/empty module .*install @tensorflow\/tfjs 4\.22/);
  });
});
