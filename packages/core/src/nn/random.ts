// Seeded randomness for reproducible training: mulberry32 (32-bit state, fast, well mixed; the same
// generator the bench uses) and Glorot-uniform initialisation as Keras and TF.js do it.
import { describeValue } from '../errors';
import { MAX_DENSE_UNITS, MAX_DENSE_WEIGHTS } from './dense-net';
import { TrainError } from './train-errors';

/** A generator of uniform numbers in [0, 1) from a 32-bit seed; the same seed gives the same stream. */
export function mulberry32(seed: number): () => number {
  // A NaN or string seed would quietly become 0 (every such run the same "random" stream).
  if (typeof seed !== 'number' || !Number.isFinite(seed)) {
    throw new TrainError('E_TRAIN_OPTION', `mulberry32: seed must be a finite number, got ${describeValue(seed)}`, { where: 'seed', value: seed });
  }
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
  for (const [where, n] of [['fanIn', fanIn], ['fanOut', fanOut]] as const) {
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > MAX_DENSE_UNITS) {
      throw new TrainError('E_TRAIN_OPTION', `glorotUniform: ${where} must be an integer in 1..${MAX_DENSE_UNITS}, got ${describeValue(n)}`, { where, value: n });
    }
  }
  if (fanIn * fanOut > MAX_DENSE_WEIGHTS) {
    throw new TrainError('E_TRAIN_OPTION', `glorotUniform: ${fanIn} x ${fanOut} weights exceed the limit of ${MAX_DENSE_WEIGHTS}`, { where: 'fanIn', value: fanIn * fanOut });
  }
  if (typeof random !== 'function') throw new TrainError('E_TRAIN_OPTION', `glorotUniform: random must be a function, got ${describeValue(random)}`, { where: 'random', value: random });
  const limit = Math.sqrt(6 / (fanIn + fanOut));
  const w = new Float64Array(fanIn * fanOut);
  for (let i = 0; i < w.length; i++) w[i] = (random() * 2 - 1) * limit;
  return w;
}
