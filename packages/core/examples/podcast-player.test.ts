// The podcast example as a test: the learned model predicts held-back observations.
import { describe, expect, it } from 'vitest';
import { valueOf } from '@tensile/core';
import { TRUE_MODEL, meanAbsoluteError, observe, trainSpeedModel } from './podcast-player';

/** The observations' noise is uniform in ±0.02, so a right model has a MAE near 0.01. */
const HELD_BACK_MAE = 0.02;
const CLAMP_TOLERANCE = 0.02;

describe('smart podcast player', () => {
  it('learns clamps and multiplier tables that predict held-back observations', () => {
    const train = observe(120, 1);
    const heldBack = observe(40, 2);
    const before = valueOf(meanAbsoluteError(trainSpeedModel(train, 0).model, heldBack));
    const { model } = trainSpeedModel(train);
    const after = valueOf(meanAbsoluteError(model, heldBack));
    expect(after).toBeLessThan(HELD_BACK_MAE);
    expect(after).toBeLessThan(before / 20);
    expect(Math.abs(model.minSpeed - TRUE_MODEL.minSpeed)).toBeLessThan(CLAMP_TOLERANCE);
    expect(Math.abs(model.maxSpeed - TRUE_MODEL.maxSpeed)).toBeLessThan(CLAMP_TOLERANCE);
  });
});
