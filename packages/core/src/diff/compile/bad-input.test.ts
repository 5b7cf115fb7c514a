// Bad input at compile() and at the functions it returns: one row per entry point x kind, each a
// typed error (ParseError, CompileError, DiffError) with its code and a message naming the culprit.
import { describe, expect, it } from 'vitest';
import { DiffError } from '../errors';
import { FormulaError, ParseError } from '../symbolic/index';
import { CompileError, compile } from './index';
import { itRejectsEach, type BadInputRow } from '../../test-support/bad-input';

const cyclic: Record<string, unknown> = { a: 1 };
cyclic.self = cyclic;
const twice = compile('x*2');

const rows: BadInputRow[] = [
  { entry: 'compile', kind: 'empty', run: () => compile(''), error: ParseError, code: 'E_PARSE', names: /column 1/ },
  { entry: 'compile', kind: 'malformed', run: () => compile('x +'), error: ParseError, code: 'E_PARSE', names: /column 4/ },
  { entry: 'compile', kind: 'wrong type', run: () => compile(42 as never), error: CompileError, code: 'E_ARGUMENT', names: /a Formula, a formula string or a function, got 42/ },
  { entry: 'compile', kind: 'wrong type', run: () => compile('x', { backend: 'nope' as never }), error: CompileError, code: 'E_ARGUMENT', names: /options\.backend .*got "nope"/ },
  { entry: 'compile', kind: 'oversized', run: () => compile('x+'.repeat(60_000) + 'x'), error: ParseError, code: 'E_PARSE', names: /120001 characters long/ },
  { entry: 'compile', kind: 'hostile', run: () => compile((p: { a: number }) => p.a, { example: cyclic }), error: DiffError, code: 'E_SHAPE', names: /nested deeper than 64 levels at self\.self/ },
  { entry: 'compile', kind: 'hostile', run: () => compile('constructor(x)'), error: ParseError, code: 'E_PARSE', names: /unknown function 'constructor'/ },
  {
    entry: 'compile',
    kind: 'hostile',
    run: () => compile('x', Object.defineProperty({}, 'backend', { enumerable: true, get: () => { throw new Error('getter boom'); } })),
    error: CompileError,
    code: 'E_ARGUMENT',
    names: /reading options\.backend threw: getter boom/,
  },
  { entry: 'compiled function', kind: 'empty', run: () => twice({}), error: CompileError, code: 'E_MISSING_VARIABLE', names: /variable "x" has no value/ },
  { entry: 'compiled function', kind: 'malformed', run: () => twice([1, 2]), error: CompileError, code: 'E_SHAPE', names: /expected 1 input \(x\), got 2/ },
  { entry: 'compiled function', kind: 'non-finite', run: () => twice({ x: NaN }), error: CompileError, code: 'E_NON_FINITE', names: /input x must be a finite number, got NaN/ },
  { entry: 'compiled function', kind: 'non-finite', run: () => compile('log(x)')({ x: -1 }), error: FormulaError, code: 'E_NAN', names: /log\(x\) gives NaN \(log of -1\)/ },
  { entry: 'compiled function', kind: 'wrong type', run: () => twice({ x: 'a' }), error: CompileError, code: 'E_NON_FINITE', names: /input x must be a finite number, got "a"/ },
  { entry: 'compiled function', kind: 'wrong type', run: () => twice('x' as never), error: CompileError, code: 'E_ARGUMENT', names: /expected 1 input values .*got "x"/ },
  {
    entry: 'compiled function',
    kind: 'hostile',
    run: () => twice(Object.defineProperty({}, 'x', { enumerable: true, get: () => { throw new Error('getter boom'); } })),
    error: CompileError,
    code: 'E_ARGUMENT',
    names: /reading input "x" threw: getter boom/,
  },
  { entry: 'compiled function', kind: 'hostile', run: () => twice(JSON.parse('{"__proto__": {"x": 1}}')), error: CompileError, code: 'E_MISSING_VARIABLE', names: /"x" has no value/ },
];

describe('compile: bad input is a typed error naming what was wrong', () => {
  itRejectsEach(rows);

  it('variables named constructor and __proto__ compile and read own properties only', () => {
    const f = compile('constructor + __proto__');
    expect(f(JSON.parse('{"constructor": 1, "__proto__": 2}')).value).toBe(3);
  });
});
