// The plain forward pass against hand-computed values, finite differences and its own batch form;
// the DenseNet validation errors; and the sign-symmetric curve with its output rules.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DenseNetError,
  createDenseNet,
  denseNetFromJSON,
  denseNetParamCount,
  denseNetToJSON,
  describeDenseNet,
  validateDenseNet,
  type DenseActivation,
} from './dense-net';
import { activationDerivative, applyActivation, createDenseForward, denseNetCurve } from './dense-forward';

const EXACT = 1e-12; // float64 arithmetic on a handful of operations
const FD_STEP = 1e-6;
const FD_TOL = 1e-6; // central differences at step 1e-6 on smooth functions of O(1)
const FC_SEED = 20261128;

/** A seeded 1 -> width x depth -> 1 net with the given activation (mulberry32, so runs repeat). */
function seededNet(depth: number, width: number, activation: DenseActivation, seed = 7) {
  let s = seed >>> 0;
  const rand = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const layers = [];
  let nIn = 1;
  for (let k = 0; k <= depth; k++) {
    const nOut = k === depth ? 1 : width;
    const lim = Math.sqrt(6 / (nIn + nOut));
    layers.push({
      inputSize: nIn,
      outputSize: nOut,
      weights: Array.from({ length: nIn * nOut }, () => (rand() * 2 - 1) * lim),
      bias: Array.from({ length: nOut }, () => (rand() * 2 - 1) * 0.1),
      activation: k === depth ? ('linear' as const) : activation,
    });
    nIn = nOut;
  }
  return createDenseNet({ layers, inputNorm: { mean: [6000], std: [4000] }, outputNorm: { mean: [200], std: [150] } });
}

describe('activations', () => {
  it('match their textbook values', () => {
    expect(applyActivation('selu', 1)).toBeCloseTo(1.0507009873554805, 15);
    expect(applyActivation('selu', -1)).toBeCloseTo(1.0507009873554805 * 1.6732632423543772 * (Math.exp(-1) - 1), 15);
    expect(applyActivation('elu', -2)).toBeCloseTo(Math.exp(-2) - 1, 15);
    expect(applyActivation('relu', -3)).toBe(0);
    expect(applyActivation('sigmoid', 0)).toBe(0.5);
    expect(applyActivation('sigmoid', -800)).toBe(0); // no NaN from exp overflow
    expect(applyActivation('softplus', 0)).toBeCloseTo(Math.LN2, 15);
    expect(applyActivation('softplus', 800)).toBe(800);
    expect(applyActivation('tanh', 0.5)).toBe(Math.tanh(0.5));
    expect(applyActivation('linear', -7)).toBe(-7);
  });

  it('have derivatives that agree with central differences', () => {
    for (const act of ['selu', 'tanh', 'relu', 'elu', 'sigmoid', 'softplus', 'linear'] as const) {
      for (const x of [-2.3, -0.4, 0.7, 3.1]) {
        const fd = (applyActivation(act, x + FD_STEP) - applyActivation(act, x - FD_STEP)) / (2 * FD_STEP);
        expect(Math.abs(activationDerivative(act, x) - fd), `${act} at ${x}`).toBeLessThan(FD_TOL);
      }
    }
  });
});

describe('createDenseForward', () => {
  // 2 -> 2 (relu) -> 1 (linear), worked by hand below.
  const net = createDenseNet({
    layers: [
      { inputSize: 2, outputSize: 2, weights: [1, -1, 2, 0.5], bias: [0.5, -1], activation: 'relu' },
      { inputSize: 2, outputSize: 1, weights: [3, -2], bias: [0.25] },
    ],
    inputNorm: { mean: [1, 0], std: [2, 1] },
    outputNorm: { mean: [10], std: [0.5] },
  });

  it('computes a small net exactly as worked by hand', () => {
    // x = (5, 1): normalised (2, 1); hidden = relu(2*1 + 1*2 + 0.5, 2*-1 + 1*0.5 - 1) = relu(4.5, -2.5) = (4.5, 0)
    // out = 4.5*3 + 0*-2 + 0.25 = 13.75; denormalised 13.75 * 0.5 + 10 = 16.875
    const f = createDenseForward(net);
    expect(f.run([5, 1])[0]).toBeCloseTo(16.875, 12);
    const out = new Float64Array(1);
    expect(f.run([5, 1], out)).toBe(out);
    expect(f.batch([5, 1, 1, 0])).toEqual(new Float64Array([16.875, 0.5 * (3 * 0.5 + 0.25) + 10]));
  });

  it('batch equals one run per sample, and the scalar path equals run', () => {
    const deep = seededNet(10, 10, 'selu');
    const f = createDenseForward(deep);
    const xs = Float64Array.from({ length: 50 }, (_, i) => i * 250);
    const ys = f.batch(xs);
    for (let i = 0; i < xs.length; i++) {
      expect(Math.abs(ys[i] - f.scalar(xs[i]))).toBeLessThanOrEqual(EXACT);
      expect(Math.abs(ys[i] - f.run([xs[i]])[0])).toBeLessThanOrEqual(EXACT);
    }
  });

  it('gives exact slopes (forward-mode) that agree with central differences', () => {
    for (const act of ['selu', 'tanh', 'elu', 'sigmoid', 'softplus'] as const) {
      const f = createDenseForward(seededNet(3, 5, act, 11));
      const out = new Float64Array(2);
      for (const x of [100, 3000, 9000]) {
        f.scalarWithSlope(x, out);
        expect(out[0]).toBeCloseTo(f.scalar(x), 12);
        const h = 1e-3; // px; the net varies on a scale of thousands of px
        const fd = (f.scalar(x + h) - f.scalar(x - h)) / (2 * h);
        expect(Math.abs(out[1] - fd), `${act} at ${x}`).toBeLessThan(1e-7);
      }
    }
  });

  it('rejects wrong input lengths and scalar calls on wider nets', () => {
    const f = createDenseForward(net);
    expect(() => f.run([1])).toThrow(/input must have 2 values, got 1/);
    expect(() => f.run([1, 2], new Float64Array(3))).toThrow(/out must have 1 values/);
    expect(() => f.batch([1, 2, 3])).toThrow(/not a whole number of 2-value samples/);
    expect(() => f.scalar(1)).toThrow(DenseNetError);
    expect(() => denseNetCurve(net)).toThrow(/needs a 1 -> 1 net, got 2 -> 1/);
  });
});

describe('DenseNet validation', () => {
  const layer = { inputSize: 1, outputSize: 2, weights: [1, 2], bias: [0, 0], activation: 'tanh' as const };
  it.each([
    ['no layers', { layers: [] }, /layers: expected a non-empty array/],
    ['weights of the wrong length', { layers: [{ ...layer, weights: [1] }] }, /layers\[0\].weights: expected 1 x 2 = 2 values, got 1/],
    ['a NaN weight', { layers: [{ ...layer, weights: [1, NaN] }] }, /layers\[0\].weights\[1\]: expected a finite number, got NaN/],
    ['an infinite bias', { layers: [{ ...layer, bias: [0, Infinity] }] }, /bias\[1\]: expected a finite number, got Infinity/],
    ['an unknown activation', { layers: [{ ...layer, activation: 'gelu' }] }, /activation: expected one of selu, tanh/],
    ['a fractional size', { layers: [{ ...layer, outputSize: 1.5 }] }, /outputSize: expected an integer/],
    ['mismatched layers', { layers: [layer, { ...layer }] }, /layers\[1\].inputSize: expected 2/],
    ['a zero std', { layers: [layer], inputNorm: { mean: [0], std: [0] } }, /inputNorm.std\[0\]: expected a non-zero scale/],
    ['a norm of the wrong length', { layers: [layer], outputNorm: { mean: [0], std: [1] } }, /outputNorm.mean: expected length 2/],
    ['extrapolation without a domain', { layers: [layer], outputRules: { extrapolation: 'clamp' } }, /needs a domain/],
    ['an empty domain', { layers: [layer], outputRules: { domain: { min: 5, max: 5 } } }, /finite min < max/],
    ['an unknown extrapolation', { layers: [layer], outputRules: { extrapolation: 'cubic', domain: { min: 0, max: 1 } } }, /"none", "clamp" or "linear"/],
  ])('rejects %s', (_label, init, message) => {
    expect(() => createDenseNet(init as never)).toThrow(DenseNetError);
    expect(() => createDenseNet(init as never)).toThrow(message);
  });

  it('rejects objects that are not DenseNets', () => {
    expect(() => validateDenseNet(null as never)).toThrow(/expected an object, got null/);
    expect(() => validateDenseNet({ kind: 'graph' } as never)).toThrow(/kind: expected "dense-net"/);
    const net = createDenseNet({ layers: [layer] });
    expect(() => validateDenseNet({ ...net, layers: [{ ...net.layers[0], weights: [1, 2] }] } as never)).toThrow(/expected a Float64Array, got an array/);
  });

  it('counts parameters and describes the architecture', () => {
    const article = seededNet(10, 10, 'selu');
    expect(denseNetParamCount(article)).toBe(1021); // the article's Keras summary
    expect(describeDenseNet(article)).toBe('1 -> ' + Array(10).fill('10 selu').join(' -> ') + ' -> 1 linear');
  });
});

describe('denseNetCurve', () => {
  it('is sign-symmetric and zero at 0 (property, fixed seed)', () => {
    const curve = denseNetCurve(seededNet(4, 8, 'tanh'));
    fc.assert(
      fc.property(fc.double({ min: -50000, max: 50000, noNaN: true }), (x) => {
        expect(curve.evaluate(-x)).toBe(-curve.evaluate(x));
      }),
      { seed: FC_SEED, numRuns: 300 },
    );
    expect(curve.evaluate(0)).toBe(0);
  });

  it('subtracts net(0) with zeroAtOrigin so the curve is continuous at 0', () => {
    const base = seededNet(3, 6, 'selu');
    const raw = createDenseForward(base);
    const curve = denseNetCurve({ ...base, outputRules: { zeroAtOrigin: true } });
    expect(curve.evaluate(1000)).toBeCloseTo(raw.scalar(1000) - raw.scalar(0), 9);
    expect(Math.abs(curve.evaluate(1e-9))).toBeLessThan(1e-6);
  });

  it('clamps or continues linearly outside the domain', () => {
    const base = seededNet(3, 6, 'selu');
    const raw = createDenseForward(base);
    const domain = { min: 0, max: 12000 };
    const clamped = denseNetCurve({ ...base, outputRules: { domain, extrapolation: 'clamp' } });
    expect(clamped.evaluate(40000)).toBe(raw.scalar(12000));
    expect(clamped.evaluate(5000)).toBe(raw.scalar(5000));
    const linear = denseNetCurve({ ...base, outputRules: { domain, extrapolation: 'linear' } });
    const slope = createDenseForward(base).scalarWithSlope(12000, new Float64Array(2))[1];
    expect(linear.evaluate(40000)).toBeCloseTo(raw.scalar(12000) + slope * 28000, 8);
    expect(linear.evaluate(12000 + 1e-6)).toBeCloseTo(raw.scalar(12000), 5); // continuous at the edge
  });

  it('throws instead of returning NaN and checks batch buffers', () => {
    const curve = denseNetCurve(seededNet(2, 3, 'relu'));
    expect(() => curve.evaluate(NaN)).toThrow(/x must be a finite number of px, got NaN/);
    expect(() => curve.evaluate(Infinity)).toThrow(DenseNetError);
    expect(() => curve.evaluateBatch([1, 2], new Float64Array(3))).toThrow(/out has 3 values for 2 inputs/);
    const out = new Float64Array(3);
    expect(curve.evaluateBatch([-5, 0, 5], out)).toBe(out);
    expect(out[0]).toBe(-out[2]);
  });
});

describe('DenseNet JSON', () => {
  it('round-trips exactly through JSON.stringify/parse', () => {
    const net = { ...seededNet(3, 4, 'elu'), outputRules: { zeroAtOrigin: true, domain: { min: 0, max: 12000 }, extrapolation: 'linear' as const }, name: 'n' };
    const back = denseNetFromJSON(JSON.parse(JSON.stringify(denseNetToJSON(net))));
    expect(back).toEqual(net);
    expect(createDenseForward(back).scalar(4321)).toBe(createDenseForward(net).scalar(4321));
  });

  it('rejects malformed or hostile JSON with typed errors', () => {
    const good = denseNetToJSON(seededNet(1, 2, 'tanh'));
    expect(() => denseNetFromJSON('net')).toThrow(/expected a DenseNet JSON object, got "net"/);
    expect(() => denseNetFromJSON({ ...good, kind: 'mlp' })).toThrow(/kind: expected "dense-net"/);
    expect(() => denseNetFromJSON({ ...good, layers: [{ ...good.layers[0], weights: ['1', 2] }] })).toThrow(/layers\[0\].weights: expected an array of numbers/);
    expect(() => denseNetFromJSON({ ...good, layers: [{ ...good.layers[0], weights: [null, 2] }] })).toThrow(DenseNetError);
    expect(() => denseNetFromJSON({ ...good, inputNorm: { mean: [0] } })).toThrow(/inputNorm.std: expected an array of numbers/);
    expect(() => denseNetFromJSON(JSON.parse('{"kind":"dense-net","version":1,"layers":[],"__proto__":{"x":1}}'))).toThrow(/layers: expected a non-empty array/);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
