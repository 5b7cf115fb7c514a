// Tensor-level reverse mode against the scalar engine and finite differences, plus shape errors.
import { describe, expect, it } from 'vitest';
import { Tensor } from './tensor';
import { activate, addBias, matmul, mse, tensorAdd, tensorMean, tensorMul, tensorScale, tensorSub, tensorSum } from './ops';
import type { ElementwiseOp, TensorLike } from './ops';
import { tensorValueAndGrad } from './grad';
import { numericGradient } from '../numeric';
import { DiffError } from '../errors';

/** Tensor gradients vs central differences with Richardson. */
const NUMERIC_RTOL = 1e-6;

const x = Tensor.column([0, 0.5, 1, 1.5, 2.5, 6, 8, 10, 12].map((v) => v / 12));
const y = Tensor.column([0, 90, 160, 210, 260, 347.5, 357.5, 367.5, 377.5].map((v) => v / 400));

function net(p: Record<string, TensorLike>, act: ElementwiseOp): TensorLike {
  const h = activate(addBias(matmul(x, p.w1), p.b1), act);
  const h2 = activate(tensorAdd(matmul(h, p.w2), p.b2), act);
  return tensorSub(tensorMul(addBias(matmul(h2, p.w3), p.b3), Tensor.from(9, 1, new Array(9).fill(1.5))), tensorScale(y, 0.5));
}

function params(): Record<string, Tensor> {
  let s = 7;
  const r = () => ((s = (s * 16807) % 2147483647) / 2147483647 - 0.5) * 1.5;
  const m = (rows: number, cols: number) => Tensor.from(rows, cols, Array.from({ length: rows * cols }, r));
  return { w1: m(1, 4), b1: m(1, 4), w2: m(4, 3), b2: m(1, 3), w3: m(3, 1), b3: m(1, 1) };
}

describe('tensorValueAndGrad', () => {
  for (const act of ['selu', 'tanh', 'sigmoid', 'elu', 'softplus', 'relu', 'sin'] as const) {
    it(`matches finite differences through ${act}`, () => {
      const p = params();
      const loss = (q: Record<string, TensorLike>) => mse(net(q, act), Tensor.zeros(9, 1));
      const { value, grad } = tensorValueAndGrad(loss, p);
      const flat = (q: Record<string, Tensor>) => Object.keys(q).map((k) => Array.from(q[k].data));
      const plainLoss = (leaves: number[][]) => {
        const q: Record<string, Tensor> = {};
        Object.keys(p).forEach((k, i) => (q[k] = Tensor.from(p[k].rows, p[k].cols, leaves[i])));
        return (loss(q) as Tensor).data[0];
      };
      expect(value).toBeCloseTo(plainLoss(flat(p)), 12);
      const n = numericGradient(plainLoss, flat(p));
      const g = flat(grad);
      const scale = Math.max(1, ...n.flat().map(Math.abs));
      g.forEach((row, i) => row.forEach((v, j) => expect(Math.abs(v - n[i][j])).toBeLessThanOrEqual(NUMERIC_RTOL * scale)));
    });
  }

  it('sum and mean reduce to 1 x 1 and inference needs no tape', () => {
    const t = Tensor.fromRows([[1, 2], [3, 4]]);
    expect((tensorSum(t) as Tensor).data[0]).toBe(10);
    expect((tensorMean(t) as Tensor).data[0]).toBe(2.5);
    const { grad } = tensorValueAndGrad((p) => tensorMean(tensorMul(p.a, p.a)), { a: t });
    expect(Array.from(grad.a.data)).toEqual([0.5, 1, 1.5, 2]);
  });

  it('broadcasts a 1 x 1 tensor and sums its gradient over every element', () => {
    const a = Tensor.fromRows([[1, 2], [3, 4]]);
    const { grad } = tensorValueAndGrad((p) => tensorSum(tensorMul(tensorSub(p.a, p.s), tensorAdd(p.a, p.s))), { a, s: Tensor.from(1, 1, [1]) });
    // d/ds sum((a - s)(a + s)) = sum(-2 s) = -8; d/da = 2a
    expect(grad.s.data[0]).toBe(-8);
    expect(Array.from(grad.a.data)).toEqual([2, 4, 6, 8]);
  });

  it('rejects mixing tensors of two tensorValueAndGrad calls and unknown ops', () => {
    const a = Tensor.zeros(1, 1);
    expect(() =>
      tensorValueAndGrad((p) => {
        let inner: TensorLike = a;
        tensorValueAndGrad((q) => {
          inner = tensorAdd(p.a, q.b);
          return tensorSum(q.b);
        }, { b: a });
        return tensorSum(inner);
      }, { a }),
    ).toThrow(/different tensorValueAndGrad calls/);
    expect(() => activate(a, 'stopGradient' as ElementwiseOp)).toThrow(/unknown elementwise op/);
    expect(() => activate(a, 'nope' as ElementwiseOp)).toThrow(DiffError);
  });

  it('rejects bad shapes, non-scalar losses and leaked vars with typed errors', () => {
    const a = Tensor.zeros(2, 3);
    expect(() => matmul(a, a)).toThrow(/a's columns must equal b's rows/);
    expect(() => addBias(a, Tensor.zeros(1, 2))).toThrow(DiffError);
    expect(() => tensorValueAndGrad((p) => p.a, { a })).toThrow(/1 x 1 loss/);
    expect(() => Tensor.fromRows([[1, 2], [3]])).toThrow(/row 1/);
    expect(() => Tensor.column([1, NaN])).toThrow(/element 1/);
    expect(() => activate(Tensor.column([-1]), 'log')).toThrow(/log\(-1\)/);
    let leaked: TensorLike = a;
    tensorValueAndGrad((p) => tensorSum((leaked = p.a)), { a });
    expect(() => tensorSum(leaked)).toThrow(/already returned/);
    expect(() => Tensor.zeros(0, 3)).toThrow(/positive integer/);
  });
});
