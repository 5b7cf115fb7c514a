// Curve JSON is untrusted input: the training caps apply when a curve is read (issue 14, point 5:
// a 117-byte "mlp:64x1024" curve built 67M parameter names, 3.8 GB, before its error), and the
// checks on params are linear in their count.
import { describe, expect, it } from 'vitest';
import { MAX_TRAIN_PARAMS } from '../nn/train-options';
import { curveFromJSON } from './curve';
import { FitOptionsError } from './errors';
import { liveHeapBytes } from '../test-support/heap';


function refusal(json: unknown): FitOptionsError {
  try {
    curveFromJSON(json);
  } catch (err) {
    expect(err).toBeInstanceOf(FitOptionsError);
    return err as FitOptionsError;
  }
  throw new Error('expected a FitOptionsError');
}

describe('curveFromJSON caps', () => {
  it('refuses the 117-byte mlp:64x1024 curve before building its parameters', () => {
    const text = '{"format":"tensile-curve","version":1,"model":"mlp:64x1024","settings":{},"params":{"w1_0_0":1},"domain":"x","x":"y"}';
    expect(text.length).toBeLessThanOrEqual(117);
    const before = liveHeapBytes();
    const error = refusal(text);
    expect(liveHeapBytes() - before).toBeLessThan(20 * 1024 * 1024);
    expect(error.message).toMatch(new RegExp(`64 x 1024 units make 66\\d{6} parameters, more than the cap of ${MAX_TRAIN_PARAMS}`));
  });

  it('refuses every architecture over the parameter cap, accepts one just under it', () => {
    expect(refusal({ format: 'tensile-curve', version: 1, model: 'mlp:2x1024', settings: {}, params: {} }).message).toMatch(/more than the cap/);
    // 1 x 1024 = 3073 parameters: allowed; the error is then about the missing weights.
    expect(refusal({ format: 'tensile-curve', version: 1, model: 'mlp:1x1024', settings: {}, params: {} }).message).not.toMatch(/more than the cap/);
  });

  it('checks 200k unknown parameter names in linear time, naming a few of them', () => {
    const params: Record<string, number> = {};
    for (let i = 0; i < 200_000; i++) params[`junk${i}`] = 1;
    const error = refusal({ format: 'tensile-curve', version: 1, model: 'mlp:10x10', settings: { xStd: 1 }, params });
    expect(error.message).toMatch(/has no parameter "junk0", "junk1", "junk2", "junk3", "junk4" \(and 199995 more\)/);
  });
});
