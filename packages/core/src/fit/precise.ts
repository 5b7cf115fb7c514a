// Residuals to twice double precision (double-double arithmetic) for formula models whose fit
// ends with residuals at round-off level: NIST's Lanczos1 has a certified residual sum of squares
// of 1.4e-25, where each double residual (about 8e-14) carries a relative error near 1e-3. A
// final Gauss-Newton polish on double-double residuals, and the sum of squares taken from them,
// recover the certified value. Formulas using an op without a double-double rule here are left
// as they are (the polish is skipped).
import type { Expr } from '../diff/symbolic/graph';
import { reachable } from '../diff/symbolic/graph';

/** A double-double number hi + lo, |lo| <= ulp(hi) / 2. */
type DD = [number, number];

const SPLITTER = 134217729; // 2^27 + 1, Dekker's split of a double into two 26-bit halves

function twoSum(a: number, b: number): DD {
  const s = a + b;
  const bb = s - a;
  return [s, a - (s - bb) + (b - bb)];
}

function quickTwoSum(a: number, b: number): DD {
  const s = a + b;
  return [s, b - (s - a)];
}

function twoProd(a: number, b: number): DD {
  const p = a * b;
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return [p, ah * bh - p + ah * bl + al * bh + al * bl];
}

function add(a: DD, b: DD): DD {
  const [s, e] = twoSum(a[0], b[0]);
  return quickTwoSum(s, e + a[1] + b[1]);
}

function neg(a: DD): DD {
  return [-a[0], -a[1]];
}

function mul(a: DD, b: DD): DD {
  const [p, e] = twoProd(a[0], b[0]);
  return quickTwoSum(p, e + a[0] * b[1] + a[1] * b[0]);
}

function div(a: DD, b: DD): DD {
  const q1 = a[0] / b[0];
  let r = add(a, neg(mul([q1, 0], b)));
  const q2 = r[0] / b[0];
  r = add(r, neg(mul([q2, 0], b)));
  const q3 = r[0] / b[0];
  return add(quickTwoSum(q1, q2), [q3, 0]);
}

const LN2: DD = [0.6931471805599453, 2.3190468138462996e-17];
/** exp's argument is divided by 2^SQUARINGS before the Taylor series and squared back after. */
const SQUARINGS = 10;
const TAYLOR_TERMS = 14;

function exp(a: DD): DD {
  if (!Number.isFinite(a[0]) || Math.abs(a[0]) > 700) return [Math.exp(a[0]), 0];
  const k = Math.round(a[0] / LN2[0]);
  const r = add(a, neg(mul([k, 0], LN2)));
  const s: DD = [r[0] / 2 ** SQUARINGS, r[1] / 2 ** SQUARINGS];
  // exp(s) - 1 by Taylor, then (1 + t)^2 - 1 = 2t + t^2 per squaring keeps the small part exact.
  let term: DD = s;
  let t: DD = s;
  for (let i = 2; i <= TAYLOR_TERMS; i++) {
    term = div(mul(term, s), [i, 0]);
    t = add(t, term);
  }
  for (let i = 0; i < SQUARINGS; i++) t = add(mul([2, 0], t), mul(t, t));
  const e = add(t, [1, 0]);
  const scale = 2 ** k;
  return [e[0] * scale, e[1] * scale];
}

function log(a: DD): DD {
  // One Newton step on exp(y) = a from the double log doubles its digits.
  const y: DD = [Math.log(a[0]), 0];
  return add(add(y, mul(a, exp(neg(y)))), [-1, 0]);
}

function sqrt(a: DD): DD {
  const s = Math.sqrt(a[0]);
  if (s === 0) return [0, 0];
  return add([s, 0], div(add(a, neg(twoProd(s, s))), [2 * s, 0]));
}

function pow(a: DD, b: DD): DD {
  if (b[1] === 0 && Number.isInteger(b[0]) && Math.abs(b[0]) <= 64) {
    let result: DD = [1, 0];
    let base = a;
    let k = Math.abs(b[0]);
    while (k > 0) {
      if (k & 1) result = mul(result, base);
      base = mul(base, base);
      k >>= 1;
    }
    return b[0] < 0 ? div([1, 0], result) : result;
  }
  return exp(mul(b, log(a)));
}

const DD_OPS: Record<string, (args: DD[]) => DD> = {
  add: ([a, b]) => add(a, b),
  sub: ([a, b]) => add(a, neg(b)),
  mul: ([a, b]) => mul(a, b),
  smul: ([a, b]) => mul(a, b),
  div: ([a, b]) => div(a, b),
  neg: ([a]) => neg(a),
  exp: ([a]) => exp(a),
  log: ([a]) => log(a),
  sqrt: ([a]) => sqrt(a),
  pow: ([a, b]) => pow(a, b),
};

/**
 * A double-double evaluator of `root` over predictors then parameters (the `slot` order), or null
 * when the formula uses an op without a rule here.
 */
export function preciseEvaluator(root: Expr, slot: ReadonlyMap<string, number>, predictorCount: number): ((row: ArrayLike<number>, p: ArrayLike<number>) => DD) | null {
  const nodes = reachable([root]);
  if (nodes.some((n) => n.op !== 'const' && n.op !== 'var' && !DD_OPS[n.op])) return null;
  return (row, p) => {
    const values = new Map<number, DD>();
    for (const node of nodes) {
      let v: DD;
      if (node.op === 'const') v = [node.value, 0];
      else if (node.op === 'var') {
        const at = slot.get(node.name)!;
        v = [at < predictorCount ? row[at] : p[at - predictorCount], 0];
      } else v = DD_OPS[node.op](node.args.map((a) => values.get(a.id)!));
      values.set(node.id, v);
    }
    return values.get(root.id)!;
  };
}

/** Residuals f - y rounded once from double-double (so each is right to the last bit or so). */
export function preciseResiduals(value: (row: ArrayLike<number>, p: ArrayLike<number>) => DD, columns: readonly Float64Array[], y: Float64Array, p: ArrayLike<number>, out: Float64Array): number {
  const row = new Float64Array(columns.length);
  let sum: DD = [0, 0];
  for (let i = 0; i < y.length; i++) {
    for (let c = 0; c < columns.length; c++) row[c] = columns[c][i];
    const r = add(value(row, p), [-y[i], 0]);
    out[i] = r[0] + r[1];
    sum = add(sum, mul(r, r));
  }
  return sum[0] + sum[1];
}
