// Splits formula source into tokens with 1-based columns. Linear time, no backtracking regexes
// over the whole input, and every failure is a ParseError that points at the offending column.
import { ParseError } from './errors';
import { escapeInvisible } from '../../shown-text';

export type TokenKind = 'number' | 'ident' | 'op' | 'end';

export interface Token {
  readonly kind: TokenKind;
  /** The source text of the token ('' for end). */
  readonly text: string;
  /** The numeric value of a number token. */
  readonly value: number;
  /** 1-based column of the token's first character. */
  readonly column: number;
}

/** Operators, longest first so `<=` wins over `<`. */
const OPERATORS = ['<=', '>=', '==', '!=', '+', '-', '*', '/', '^', '(', ')', ',', '?', ':', '<', '>'];

const isDigit = (c: string) => c >= '0' && c <= '9';
const isIdentStart = (c: string) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_';
const isIdentPart = (c: string) => isIdentStart(c) || isDigit(c);
const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r';

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = source.length;
  while (i < n) {
    const c = source[i];
    if (isSpace(c)) {
      i++;
      continue;
    }
    const column = i + 1;
    if (isDigit(c) || (c === '.' && isDigit(source[i + 1] ?? ''))) {
      const start = i;
      while (i < n && isDigit(source[i])) i++;
      if (source[i] === '.') {
        i++;
        while (i < n && isDigit(source[i])) i++;
      }
      if (source[i] === 'e' || source[i] === 'E') {
        let j = i + 1;
        if (source[j] === '+' || source[j] === '-') j++;
        if (!isDigit(source[j] ?? '')) {
          throw new ParseError(`malformed number '${source.slice(start, j)}': an exponent needs digits`, source, column);
        }
        while (j < n && isDigit(source[j])) j++;
        i = j;
      }
      const text = source.slice(start, i);
      const value = Number(text);
      if (!Number.isFinite(value)) throw new ParseError(`number ${text.length > 24 ? text.slice(0, 21) + '...' : text} is out of range`, source, column);
      tokens.push({ kind: 'number', text, value, column });
      continue;
    }
    if (isIdentStart(c)) {
      const start = i;
      while (i < n && isIdentPart(source[i])) i++;
      tokens.push({ kind: 'ident', text: source.slice(start, i), value: NaN, column });
      continue;
    }
    const op = OPERATORS.find((o) => source.startsWith(o, i));
    if (op === undefined) {
      const shown = escapeInvisible(JSON.stringify(String.fromCodePoint(source.codePointAt(i) ?? 0)));
      throw new ParseError(`unexpected character ${shown}`, source, column);
    }
    tokens.push({ kind: 'op', text: op, value: NaN, column });
    i += op.length;
  }
  tokens.push({ kind: 'end', text: '', value: NaN, column: n + 1 });
  return tokens;
}
