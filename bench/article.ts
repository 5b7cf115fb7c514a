// What several bench suites measure on: the article's nine samples, its SSE written three ways
// (plain JS, by hand with its gradient, with the engine's polymorphic ops), and seeded
// Glorot-uniform weights for the article's MLP. One copy, so every suite times the same function.
import { ARTICLE_SAMPLES, add, div, glorotUniform, mul, mulberry32, pow, sub, type Num } from '@tensile/core';

export const X: readonly number[] = [...ARTICLE_SAMPLES.x];
export const Y: readonly number[] = [...ARTICLE_SAMPLES.y];
/** The article's hand-fitted parameters (a, b, c) of y = a*500/(1 + b/x^c). */
export const P: readonly number[] = [0.82231, 4338.47, 1.14791];

/** The 1x baseline: the SSE's value in plain JS. */
export function ssePlain(p: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < 9; i++) {
    const r = (p[0] * 500) / (1 + p[1] / Math.pow(X[i], p[2])) - Y[i];
    s += r * r;
  }
  return s;
}

/** The gradient by hand (what a person writes with pencil and paper, x = 0 handled). */
export function sseHandGrad(p: readonly number[], g: Float64Array): number {
  const [a, b, c] = p;
  let s = 0;
  g.fill(0);
  for (let i = 0; i < 9; i++) {
    const x = X[i];
    if (x === 0) {
      s += Y[i] * Y[i]; // the curve is 0 at x = 0 and so are its derivatives
      continue;
    }
    const u = Math.pow(x, c);
    const den = 1 + b / u;
    const r = (a * 500) / den - Y[i];
    s += r * r;
    const k = (2 * r * a * 500) / (den * den * u);
    g[0] += (2 * r * 500) / den;
    g[1] -= k;
    g[2] += k * b * Math.log(x);
  }
  return s;
}

/** The same SSE written once with the polymorphic ops: runs in forward, reverse and compile. */
export function sse(p: Num[]): Num {
  let s: Num = 0;
  for (let i = 0; i < 9; i++) {
    const r = sub(div(mul(p[0], 500), add(1, div(p[1], pow(X[i], p[2])))), Y[i]);
    s = add(s, mul(r, r));
  }
  return s;
}

/** Layer shapes of the article's MLP: 1 -> 10 x Dense(10) -> Dense(1). */
export const MLP_SHAPES: readonly (readonly [number, number])[] = Array.from({ length: 11 }, (_, k) => [k === 0 ? 1 : 10, k === 10 ? 1 : 10] as const);

/** Glorot-uniform weights (row-major [in x out]) for the article MLP from a fixed seed. */
export function articleMlpWeights(seed = 2026): Float64Array[] {
  const random = mulberry32(seed);
  return MLP_SHAPES.map(([nIn, nOut]) => glorotUniform(nIn, nOut, random));
}
