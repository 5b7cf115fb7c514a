// Shared by the hostile-input fuzz tests (issue 14): a fixed seed that is printed (override with
// TENSILE_FC_SEED to explore), and the one property they all assert: an input is either accepted
// or refused with a typed error, never a TypeError/RangeError from inside.
import { TensileError } from '../errors';
import { liveHeapBytes } from './heap';

/** The seed for one fuzz suite: TENSILE_FC_SEED (or the fixed default) plus the suite's offset, printed. */
export function fuzzSeed(suite: string, offset: number): number {
  const seed = Number(process.env.TENSILE_FC_SEED ?? 20261204) + offset;
  console.info(`[fuzz] ${suite}: fast-check seed ${seed} (set TENSILE_FC_SEED to change it)`);
  return seed;
}

/** Runs `attempt`; returns normally when it succeeds or throws a TensileError, rethrows anything else. */
export async function typedOrValid(attempt: () => unknown): Promise<'valid' | 'typed'> {
  try {
    await attempt();
    return 'valid';
  } catch (err) {
    if (err instanceof TensileError) return 'typed';
    throw err;
  }
}

/** Live heap growth across `run` (after a full collection both sides). */
export async function heapGrowthOf(run: () => Promise<unknown> | unknown): Promise<number> {
  const before = liveHeapBytes();
  await run();
  return liveHeapBytes() - before;
}
