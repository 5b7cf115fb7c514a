// The shared runner of the table-driven bad-input tests: one row is one public entry point called
// with one kind of bad input, the typed error class it must raise, that error's code, and what its
// message must name. Also the hostile inputs several tables build the same way.
import { expect, it } from 'vitest';
import type { TensileError } from '../errors';

type ErrorClass = abstract new (...args: never[]) => TensileError;

export type BadInputKind = 'empty' | 'malformed' | 'non-finite' | 'oversized' | 'hostile' | 'wrong type';

export interface BadInputRow {
  entry: string;
  kind: BadInputKind;
  run: () => unknown;
  /** The typed error class; rows without one use the table's default. */
  error?: ErrorClass;
  code: string;
  /** What the message must name (the argument, the value, the row). */
  names: RegExp;
}

/** A row whose entry point is async: it must reject (not throw synchronously, not resolve). */
export interface AsyncBadInputRow extends Omit<BadInputRow, 'run'> {
  run: () => Promise<unknown>;
}

/** An object whose own enumerable `key` throws when read (a hostile options or data object). */
export const throwingGetter = (key: string): object =>
  Object.defineProperty({}, key, { enumerable: true, get: () => { throw new Error('getter boom'); } });

const label = (r: BadInputRow | AsyncBadInputRow) => `${r.entry} / ${r.kind}: ${r.names.source.slice(0, 40)}`;

function check(thrown: unknown, row: BadInputRow | AsyncBadInputRow, defaultError?: ErrorClass): void {
  const expected = row.error ?? defaultError;
  if (!expected) throw new Error(`bad-input row "${row.entry}" names no error class and the table has no default`);
  expect(thrown).toBeInstanceOf(expected);
  expect((thrown as TensileError).code).toBe(row.code);
  expect((thrown as Error).message).toMatch(row.names);
}

/** One test per row: the call throws `row.error ?? defaultError` with `row.code`, naming `row.names`. */
export function itRejectsEach(rows: readonly BadInputRow[], defaultError?: ErrorClass): void {
  it.each(rows.map((r) => [label(r), r] as const))('%s', (_label, row) => {
    let thrown: unknown;
    try {
      row.run();
    } catch (err) {
      thrown = err;
    }
    check(thrown, row, defaultError);
  });
}

/** The same for async entry points: the returned promise rejects with the typed error. */
export function itRejectsEachAsync(rows: readonly AsyncBadInputRow[], defaultError?: ErrorClass): void {
  it.each(rows.map((r) => [label(r), r] as const))('%s', async (_label, row) => {
    check(await row.run().then(() => undefined, (err: unknown) => err), row, defaultError);
  });
}
