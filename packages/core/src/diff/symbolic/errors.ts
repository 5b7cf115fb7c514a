// Typed errors of the formula language: ParseError points at a column with a caret line,
// FormulaError covers evaluation, differentiation and printing of parsed formulas.
import { TensileError, type TensileErrorDetails } from '../../errors';
import { escapeCodePoint, isInvisible } from '../../shown-text';

/** How much of the source a caret line shows on each side of the column (keeps messages short). */
const CARET_WINDOW = 36;

/** A formula that does not parse: `column` is 1-based, `caret` is the two-line excerpt with `^` under it. */
export class ParseError extends TensileError {
  override readonly name = 'ParseError';
  readonly column: number;
  readonly caret: string;

  constructor(message: string, source: string, column: number, details: TensileErrorDetails = {}) {
    const caret = caretLine(source, column);
    super('E_PARSE', `${message} at column ${column}\n${caret}`, { where: `column ${column}`, ...details });
    this.column = column;
    this.caret = caret;
  }
}

/** Evaluation, differentiation or printing of a formula failed (missing variable, NaN, too large...). */
export class FormulaError extends TensileError {
  override readonly name = 'FormulaError';
}

/** Two lines: an excerpt of `source` around `column` and a caret under that column. */
export function caretLine(source: string, column: number): string {
  const at = Math.max(0, Math.min(column - 1, source.length));
  const from = Math.max(0, at - CARET_WINDOW);
  const to = Math.min(source.length, at + CARET_WINDOW);
  const prefix = from > 0 ? '...' : '';
  const suffix = to < source.length ? '...' : '';
  // Invisible characters (controls, zero-width and bidi marks, odd spaces) are written as escapes,
  // and the caret moves by each escape's width so it still points at the column.
  let excerpt = '';
  let caretAt = prefix.length;
  for (let k = from; k < to; k++) {
    const ch = source[k];
    const shown = isInvisible(ch) ? escapeCodePoint(ch) : ch;
    if (k < at) caretAt += shown.length;
    excerpt += shown;
  }
  return `  ${prefix}${excerpt}${suffix}\n  ${' '.repeat(caretAt)}^`;
}

/**
 * A shallow copy of an options or data object's own properties, read once at the API boundary, so
 * a getter that throws becomes `onThrow(key, error)` (a typed error naming the key) instead of a
 * bare Error from deep inside. Own "__proto__" keys (from JSON.parse) stay plain data.
 */
export function readOwnProperties<T extends object>(value: T, onThrow: (key: string, err: unknown) => never): T {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    let v: unknown;
    try {
      v = (value as Record<string, unknown>)[key];
    } catch (err) {
      onThrow(key, err);
    }
    Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
  }
  return out as T;
}

/** The message of whatever a getter threw. */
export const thrownMessage = (err: unknown): string => (err instanceof Error ? err.message : String(err));
