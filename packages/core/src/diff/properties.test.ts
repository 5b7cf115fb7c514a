// Property tests: random programs built from every primitive; forward, reverse and numerical
// gradients must agree, and hessians must agree with finite differences of gradients.
// The seed is fixed (override with TENSILE_FC_SEED); fast-check prints seed and path on failure.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as ops from './ops';
import { PRIMITIVE_OPS, PRIMITIVES } from './primitives';
import type { BinaryOp, PrimitiveOp, UnaryOp } from './primitives';
import { jacobian, hessian } from './higher';
import { grad, valueAndGrad } from './reverse';
import { numericGradient, numericJacobian } from './numeric';
import type { Num } from './value';

const SEED = Number(process.env.TENSILE_FC_SEED ?? 20261128);
const PROGRAMS = 1200;
const HESSIAN_PROGRAMS = 300;
/** Forward vs reverse: the same partials summed in another order. */
const AD_RTOL = 1e-9;
/** AD vs Richardson central differences (error ~ eps^(2/3) * scale). */
const NUMERIC_RTOL = 2e-6;
/** AD hessian vs central differences of the AD gradient. */
const HESSIAN_RTOL = 2e-5;
/** Inputs closer than this to a kink (abs, relu, elu, selu at 0; min/max ties) are skipped by the numeric oracle. */
const KINK_MARGIN = 1e-3;

type Expr =
  | { kind: 'input'; index: number }
  | { kind: 'const'; value: number }
  | { kind: 'unary'; op: UnaryOp; a: Expr }
  | { kind: 'binary'; op: BinaryOp; a: Expr; b: Expr };

const UNARY = PRIMITIVE_OPS.filter((op) => PRIMITIVES[op].arity === 1) as UnaryOp[];
const BINARY = PRIMITIVE_OPS.filter((op) => PRIMITIVES[op].arity === 2) as BinaryOp[];
const N_INPUTS = 3;

/**
 * Uniform reals in [-2, 2] (fc.double is uniform over bit patterns, i.e. mostly tiny numbers, and
 * biased to 0 and repeats: most points would sit on kinks).
 */
const real = fc.noBias(fc.integer({ min: -2_000_000, max: 2_000_000 })).map((k) => k / 1_000_000);
const leaf: fc.Arbitrary<Expr> = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: N_INPUTS - 1 }).map((index) => ({ kind: 'input' as const, index })), weight: 3 },
  { arbitrary: real.map((value) => ({ kind: 'const' as const, value })), weight: 1 },
);
const expr: fc.Memo<Expr> = fc.memo((n) =>
  n <= 1
    ? leaf
    : fc.oneof(
        { arbitrary: leaf, weight: 1 },
        { arbitrary: fc.record({ kind: fc.constant('unary' as const), op: fc.constantFrom(...UNARY), a: expr(n - 1) }), weight: 3 },
        { arbitrary: fc.record({ kind: fc.constant('binary' as const), op: fc.constantFrom(...BINARY), a: expr(n - 1), b: expr(n - 1) }), weight: 3 },
      ),
);
const point = fc.array(real, { minLength: N_INPUTS, maxLength: N_INPUTS });

/**
 * The program as a function of its inputs. Ops with a restricted domain get their argument mapped
 * into it (log of a^2 + 0.5, asin of 0.9 tanh a, ...); the primitive itself is always applied.
 * `frozen` replaces stopGradient subtrees by their value at the base point (the numeric oracle's
 * view of a cut derivative); `kink` collects the distance of every kink argument to its kink.
 */
function run(e: Expr, x: readonly Num[], o: { frozen?: Map<Expr, number>; kink?: { d: number }; used?: Set<PrimitiveOp> } = {}): Num {
  switch (e.kind) {
    case 'input':
      return x[e.index];
    case 'const':
      return e.value;
    case 'unary': {
      if (e.op === 'stopGradient' && o.frozen?.has(e)) return o.frozen.get(e) as number;
      o.used?.add(e.op);
      const a = run(e.a, x, o);
      const sq = () => ops.add(ops.mul(a, a), 0.5);
      if (o.kink && (e.op === 'abs' || e.op === 'relu' || e.op === 'elu' || e.op === 'selu')) o.kink.d = Math.min(o.kink.d, Math.abs(ops.valueOf(a)));
      switch (e.op) {
        case 'log':
        case 'sqrt':
          return ops[e.op](sq());
        case 'log1p':
          return ops.log1p(ops.mul(a, a));
        case 'exp':
          return ops.exp(ops.mul(2, ops.tanh(a)));
        case 'tan':
          return ops.tan(ops.mul(1.2, ops.tanh(a)));
        case 'asin':
        case 'acos':
          return ops[e.op](ops.mul(0.9, ops.tanh(a)));
        default:
          return ops[e.op](a);
      }
    }
    case 'binary': {
      o.used?.add(e.op);
      const a = run(e.a, x, o);
      const b = run(e.b, x, o);
      if (o.kink && (e.op === 'min' || e.op === 'max')) o.kink.d = Math.min(o.kink.d, Math.abs(ops.valueOf(a) - ops.valueOf(b)));
      switch (e.op) {
        case 'div':
          return ops.div(a, ops.add(ops.mul(b, b), 0.5));
        case 'pow':
          return ops.pow(ops.add(ops.mul(a, a), 0.5), ops.mul(1.5, ops.tanh(b)));
        default:
          return ops[e.op](a, b);
      }
    }
  }
}

/** Values of the stopGradient subtrees at x (what the oracle holds fixed). */
function frozenAt(e: Expr, x: readonly number[], out = new Map<Expr, number>()): Map<Expr, number> {
  if (e.kind === 'unary') {
    if (e.op === 'stopGradient') out.set(e, ops.valueOf(run(e, x)));
    frozenAt(e.a, x, out);
  } else if (e.kind === 'binary') {
    frozenAt(e.a, x, out);
    frozenAt(e.b, x, out);
  }
  return out;
}

function expectClose(actual: readonly number[], expected: readonly number[], rtol: number, scale: number) {
  for (let i = 0; i < actual.length; i++) {
    if (!(Math.abs(actual[i] - expected[i]) <= rtol * scale)) {
      throw new Error(`component ${i}: ${actual[i]} vs ${expected[i]} (tolerance ${rtol} x ${scale})`);
    }
  }
}

describe('random programs over every primitive', () => {
  it(`forward, reverse and numeric gradients agree (${PROGRAMS} programs)`, () => {
    const used = new Set<PrimitiveOp>();
    let numericChecked = 0;
    fc.assert(
      fc.property(expr(5), point, (e, x) => {
        run(e, x, { used });
        const f = (p: Num[]) => run(e, p);
        const { value, grad: rev } = valueAndGrad(f)(x);
        const fwd = jacobian(f, { mode: 'forward' })(x)[0];
        const scale = Math.max(1, Math.abs(value), ...rev.map(Math.abs));
        expectClose(fwd, rev, AD_RTOL, scale);
        const kink = { d: Infinity };
        run(e, x, { kink });
        if (kink.d < KINK_MARGIN) return; // the numeric oracle is wrong across a kink
        const frozen = frozenAt(e, x);
        const num = numericGradient((p: number[]) => ops.valueOf(run(e, p, { frozen })), x);
        expectClose(rev, num, NUMERIC_RTOL, scale);
        numericChecked++;
      }),
      { seed: SEED, numRuns: PROGRAMS },
    );
    expect(numericChecked).toBeGreaterThan(PROGRAMS * 0.8);
    expect([...used].sort()).toEqual([...PRIMITIVE_OPS].sort());
  });

  it(`hessians agree with finite differences of gradients (${HESSIAN_PROGRAMS} programs)`, () => {
    fc.assert(
      fc.property(expr(4), point, (e, x) => {
        const kink = { d: Infinity };
        run(e, x, { kink });
        fc.pre(kink.d >= KINK_MARGIN);
        const frozen = frozenAt(e, x);
        const f = (p: Num[]) => run(e, p, { frozen });
        const h = hessian(f)(x);
        const g = grad(f);
        const n = numericJacobian((p: number[]) => g(p), x);
        const scale = Math.max(1, ...h.flat().map(Math.abs), ...g(x).map(Math.abs));
        h.forEach((row, i) => expectClose(row, n[i], HESSIAN_RTOL, scale));
      }),
      { seed: SEED + 1, numRuns: HESSIAN_PROGRAMS },
    );
  });
});
