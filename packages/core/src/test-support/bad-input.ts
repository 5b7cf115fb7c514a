// The shared runner of the table-driven bad-input tests: one row is one public entry point called
// with one kind of bad input (empty, malformed, non-finite, oversized, hostile, wrong type), the
// typed error class it must raise, that error's code, and what its message must name.
import { expect, it } from 'vitest';
import type { TensileError } from '../errors';

type ErrorClass = abstract new (...args: never[]) => TensileError;

export interface BadInputRow {
  entry: string;
  kind: string;
  run: () => unknown;
  /** The typed error class; rows without one use the table's default. */
  error?: ErrorClass;
  code: string;
  /** What the message must name (the argument, the value, the row). */
  names: RegExp;
}

/** One test per row: the call throws `row.error ?? defaultError` with `row.code`, naming `row.names`. */
export function itRejectsEach(rows: readonly BadInputRow[], defaultError?: ErrorClass): void {
  it.each(rows.map((r) => [`${r.entry} / ${r.kind}: ${r.names.source.slice(0, 40)}`, r] as const))('%s', (_label, row) => {
    let thrown: unknown;
    try {
      row.run();
    } catch (err) {
      thrown = err;
    }
    const expected = row.error ?? defaultError;
    if (!expected) throw new Error(`bad-input row "${row.entry}" names no error class and the table has no default`);
    expect(thrown).toBeInstanceOf(expected);
    expect((thrown as TensileError).code).toBe(row.code);
    expect((thrown as Error).message).toMatch(row.names);
  });
}
