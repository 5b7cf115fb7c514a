// core/nn re-exports the mlp fit model, which sits in a cycle (fit/curve -> registry -> models ->
// mlp). Importing nn first (as a bundle split might) must still initialise the mlp family.
import { describe, expect, it } from 'vitest';
import { fitMlp, mlpFamily } from './index';

describe('import order', () => {
  it('importing core/nn first gives a working mlp family and fitMlp', () => {
    expect(mlpFamily.family).toBe('mlp');
    expect(typeof fitMlp).toBe('function');
    expect(fitMlp({ x: [0, 1000, 2000], y: [0, 100, 150] }, { model: 'mlp:1x2', epochs: 2 }).paramCount).toBe(7);
  });
});
