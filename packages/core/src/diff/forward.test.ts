// The hand-written forward rules of forward.ts (dualAdd ... dualPow, used by ops.ts before the
// table) against the table path (ForwardContext.apply2 with PRIMITIVES): same values and tangents
// bit for bit on random operands, and the same decision to defer (overflow, NaN, stale values).
// Also: inline (k <= 4) and arena (k > 4) duals give the same tangents.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dual4, ForwardContext } from './forward';
import { dualAdd, dualDiv, dualMul, dualPow, dualSub } from './forward-rules';
import { jacobian } from './higher';
import { add, div, exp, log, mul, pow, sub, tanh } from './ops';
import { PRIMITIVES } from './primitives';
import type { Num } from './value';

const SEED = Number(process.env.TENSILE_FC_SEED ?? 20261129);
const RUNS = 2000;

const FAST = { add: dualAdd, sub: dualSub, mul: dualMul, div: dualDiv, pow: dualPow } as const;
type FastOp = keyof typeof FAST;

/** The primal and the k tangents of a forward value, as plain numbers. */
function parts(x: Num, k: number): number[] {
  if (typeof x === 'number') return [x, ...new Array<number>(k).fill(0)];
  const d = x as Dual4;
  return [d.primal, ...(d.tangent as number[])];
}

/** Object.is per entry: +0 and -0, NaN and NaN are told apart as the engine produces them. */
function sameBits(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}

// Operands: ordinary reals, exact zeros and ones (the rules' special cases), huge values (overflow).
const special = fc.constantFrom(0, -0, 1, -1, 2, 0.5, 1e300, -1e300, 1e-300);
const ordinary = fc.double({ min: -50, max: 50, noNaN: true });
/** Large magnitudes, so products, quotients and powers overflow often (the first-overflow record). */
const huge = fc.tuple(fc.double({ min: 1e150, max: 1e308, noNaN: true }), fc.boolean()).map(([v, neg]) => (neg ? -v : v));
const value = fc.oneof({ arbitrary: ordinary, weight: 4 }, { arbitrary: special, weight: 1 }, { arbitrary: huge, weight: 1 });
const tangent = fc.oneof({ arbitrary: fc.double({ min: -5, max: 5, noNaN: true }), weight: 4 }, { arbitrary: special, weight: 1 });
const operand = fc.record({ dual: fc.boolean(), v: value, t: fc.array(tangent, { minLength: 3, maxLength: 3 }) });

describe('hand-written forward rules agree with the primitive table', () => {
  it(`bit-identical values and tangents, or both defer (${RUNS} random operand pairs per op)`, () => {
    let fastTaken = 0;
    (Object.keys(FAST) as FastOp[]).forEach((op, opIndex) => {
      fc.assert(
        fc.property(operand, operand, (x, y) => {
          if (!x.dual && !y.dual) y.dual = true;
          // Three contexts with the same seeds: the table path, the fast rule, the public op.
          const make = () => {
            const ctx = new ForwardContext(3);
            return { ctx, a: x.dual ? ctx.seed(x.v, x.t) : (x.v as Num), b: y.dual ? ctx.seed(y.v, y.t) : (y.v as Num) };
          };
          const T = make();
          let viaTable: number[] | string;
          try {
            viaTable = parts(T.ctx.apply2(PRIMITIVES[op], T.a, T.b), 3);
          } catch (e) {
            viaTable = `throws ${(e as { code?: string }).code}`;
          }
          const F = make();
          const fast = FAST[op](F.a, F.b);
          if (fast !== null) {
            fastTaken++;
            // The fast rule only answers when the table path gives numbers without an error.
            expect(typeof viaTable).not.toBe('string');
            const got = parts(fast, 3);
            if (!sameBits(got, viaTable as number[])) throw new Error(`${op}: fast ${got} vs table ${String(viaTable)}`);
            expect(F.ctx.firstOverflow).toEqual(T.ctx.firstOverflow); // the same op and operands named in a later error
          }
          // Through the public op (fast rule or table), the outcome is the table's either way.
          const O = make();
          let viaOp: number[] | string;
          try {
            viaOp = parts({ add, sub, mul, div, pow }[op](O.a, O.b), 3);
          } catch (e) {
            viaOp = `throws ${(e as { code?: string }).code}`;
          }
          if (typeof viaOp === 'string' || typeof viaTable === 'string') expect(viaOp).toBe(viaTable);
          else if (!sameBits(viaOp, viaTable)) throw new Error(`${op}: op ${viaOp} vs table ${viaTable}`);
          else expect(O.ctx.firstOverflow).toEqual(T.ctx.firstOverflow);
          for (const c of [T, F, O]) c.ctx.active = false;
        }),
        { seed: SEED + opIndex, numRuns: RUNS },
      );
    });
    expect(fastTaken).toBeGreaterThan(RUNS * 3); // most random pairs are served by the fast rules
  });

  it('pow keeps the table special cases: d/db 0^b = 0 and d/da a^0 = 0', () => {
    const ctx = new ForwardContext(2);
    const b = ctx.seed(1.2, [1, 0]);
    const a = ctx.seed(0, [0, 1]);
    expect(parts(dualPow(0, b) as Num, 2)).toEqual([0, 0, 0]);
    expect(parts(dualPow(a, 0) as Num, 2)).toEqual([1, 0, 0]);
    expect(parts(pow(a, b), 2)).toEqual([0, 0, 0]);
  });

  it('defers stale values and values of two contexts to the table path', () => {
    const outer = new ForwardContext(1);
    const inner = new ForwardContext(1);
    const x = outer.seed(2, [1]);
    const y = inner.seed(3, [1]);
    expect(dualMul(x, y)).toBeNull();
    expect(dualAdd(y, x)).toBeNull();
    inner.active = false;
    expect(dualMul(y, 2)).toBeNull();
    expect(() => mul(y, 2)).toThrow(/already returned/);
  });
});

describe('inline and arena duals', () => {
  // The same program with 3 inputs (Dual4) and padded to 6 (arena): equal first columns, zero rest.
  const f = (p: Num[]) => {
    const u = div(mul(p[0], 500), add(1, div(p[1], pow(1500, p[2]))));
    return [sub(u, 210), tanh(mul(p[0], p[2])), exp(log(add(mul(p[1], p[1]), 1)))];
  };
  it('give the same jacobian', () => {
    const x = [0.82231, 4338.47, 1.14791];
    const j3 = jacobian(f, { mode: 'forward' })(x);
    const j6 = jacobian((p: Num[]) => f(p.slice(0, 3)), { mode: 'forward' })([...x, 1, 2, 3]);
    j3.forEach((row, i) => {
      expect(j6[i].slice(0, 3)).toEqual(row);
      expect(j6[i].slice(3)).toEqual([0, 0, 0]);
    });
  });
});
