// Seeded randomness for reproducible training: mulberry32 (32-bit state, fast, well mixed; the same
// generator the bench uses) and Glorot-uniform initialisation as Keras and TF.js do it.

/** A generator of uniform numbers in [0, 1) from a 32-bit seed; the same seed gives the same stream. */
export function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Glorot (Xavier) uniform: U(-l, l) with l = sqrt(6 / (fanIn + fanOut)), the Keras Dense default. */
export function glorotUniform(fanIn: number, fanOut: number, random: () => number): Float64Array {
  const limit = Math.sqrt(6 / (fanIn + fanOut));
  const w = new Float64Array(fanIn * fanOut);
  for (let i = 0; i < w.length; i++) w[i] = (random() * 2 - 1) * limit;
  return w;
}
