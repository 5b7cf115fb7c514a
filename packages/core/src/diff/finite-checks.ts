// Checks shared by forward and reverse mode: a derivative rule that gives NaN, and a result that is
// not finite, reported with the first op of the run that overflowed (kept by the context).
import { DiffError, describeCall } from './errors';
import { primalNumber } from './value';
import type { Num } from './value';

/** Throws E_NAN when a derivative rule gives NaN (e.g. d/db a^b at a < 0). */
export function checkedPartial(p: Num, op: string, argument: number, ...operands: Num[]): Num {
  if (p !== p) {
    const shown = operands.map(primalNumber);
    throw new DiffError('E_NAN', `the derivative of ${op} with respect to argument ${argument} at ${describeCall(op, shown)} is NaN`, {
      where: op,
      value: shown,
    });
  }
  return p;
}

/** The first op of a run that turned finite operands into ±Infinity, kept for error messages. */
export interface Overflow {
  readonly op: string;
  readonly operands: readonly Num[];
  readonly value: number;
}

/** `what` may be a function so the message (and any leaf path) is only built on failure. */
export function assertFiniteResult(x: Num, whatArg: string | (() => string), overflow: Overflow | undefined): void {
  if (typeof x === 'number' && x - x !== 0) {
    const what = typeof whatArg === 'string' ? whatArg : whatArg();
    throw new DiffError(
      x !== x ? 'E_NAN' : 'E_NON_FINITE',
      `${what} is ${x}` + (overflow ? `; the first non-finite value was ${describeCall(overflow.op, overflow.operands.map(primalNumber))} = ${overflow.value}` : ''),
      { where: what, value: x },
    );
  }
}
