// Size limits of the differentiation engine: how many leaves an input tree may have and how many
// nodes a tape or trace may record before a typed E_TOO_LARGE error, instead of running the
// process out of memory on a hostile or accidental input (a 5e7-element array, a runaway loop).
import { DiffError, argumentError } from './errors';

/**
 * The size limits of the differentiation engine (see setDiffLimits): past them a call throws
 * DiffError `E_TOO_LARGE` instead of running out of memory.
 */
export interface DiffLimits {
  /** Leaves plus containers one input/output tree may hold (default 10,000,000). */
  readonly maxLeaves: number;
  /**
   * Nodes one reverse-mode tape or trace may record (default 10,000,000: about 320 MB of tape).
   * Forward mode with n > 4 tangents per value (forward jacobians, hessians) may hold 4 times
   * this many tangent floats, the same memory.
   */
  readonly maxTapeNodes: number;
}

const DEFAULTS: DiffLimits = { maxLeaves: 10_000_000, maxTapeNodes: 10_000_000 };

/** The current limits; read by flatten, the reverse tape and the tracer (only on their slow paths). */
export const limits: { maxLeaves: number; maxTapeNodes: number } = { ...DEFAULTS };

/**
 * Changes the size limits for this process (omitted fields keep their value; `null` restores all
 * defaults) and returns the limits now in force. Each must be an integer from 1 to 2^31 - 1 (the
 * tape indexes nodes with Int32Array).
 *
 * @example
 * setDiffLimits({ maxTapeNodes: 50_000_000 }); // a long unrolled simulation
 */
export function setDiffLimits(next: Partial<DiffLimits> | null): DiffLimits {
  if (next === null) {
    Object.assign(limits, DEFAULTS);
    return { ...limits };
  }
  if (typeof next !== 'object') throw argumentError('setDiffLimits: limits', next, 'an object { maxLeaves?, maxTapeNodes? } or null');
  const read = (key: keyof DiffLimits): number | undefined => {
    let v: unknown;
    try {
      v = Object.prototype.hasOwnProperty.call(next, key) ? (next as Record<string, unknown>)[key] : undefined;
    } catch (err) {
      throw new DiffError('E_ARGUMENT', `setDiffLimits: reading limits.${key} threw: ${err instanceof Error ? err.message : String(err)}`, { where: `limits.${key}` });
    }
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 0x7fffffff) {
      throw argumentError(`setDiffLimits: limits.${key}`, v, 'an integer from 1 to 2147483647');
    }
    return v;
  };
  const maxLeaves = read('maxLeaves');
  const maxTapeNodes = read('maxTapeNodes');
  if (maxLeaves !== undefined) limits.maxLeaves = maxLeaves;
  if (maxTapeNodes !== undefined) limits.maxTapeNodes = maxTapeNodes;
  return { ...limits };
}

/** The E_TOO_LARGE error: `what` names the tree or tape, `count` what it would hold. */
export function tooLarge(what: string, count: number, cap: number, unit: string, key: keyof DiffLimits): DiffError {
  return new DiffError(
    'E_TOO_LARGE',
    `${what}: ${count} ${unit} exceed the limit of ${cap} (raise it with setDiffLimits({ ${key} }) if this is intended)`,
    { where: what, value: count, limit: cap },
  );
}
