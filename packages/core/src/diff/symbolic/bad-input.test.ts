// Bad input at every public entry point of the formula language (parseFormula, Formula.evaluate,
// differentiate, engineFunction): one row per entry point x kind, each answered by a typed error
// whose code is stable and whose message names the argument or value that was wrong.
import { describe, expect, it } from 'vitest';
import { grad } from '../reverse';
import { FormulaError, ParseError, differentiate, engineFunction, parseFormula } from './index';
import { MAX_DERIVATIVE_ORDER } from './differentiate';
import { itRejectsEach, type BadInputRow, throwingGetter } from '../../test-support/bad-input';

const rows: BadInputRow[] = [
  { entry: 'parseFormula', kind: 'empty', run: () => parseFormula(''), error: ParseError, code: 'E_PARSE', names: /column 1/ },
  { entry: 'parseFormula', kind: 'malformed', run: () => parseFormula('1 + * 2'), error: ParseError, code: 'E_PARSE', names: /'\*' at column 5/ },
  { entry: 'parseFormula', kind: 'wrong type', run: () => parseFormula(42 as never), error: ParseError, code: 'E_PARSE', names: /string, got number/ },
  { entry: 'parseFormula', kind: 'non-finite', run: () => parseFormula('1e999 * x'), error: ParseError, code: 'E_PARSE', names: /1e999 is out of range/ },
  { entry: 'parseFormula', kind: 'oversized', run: () => parseFormula('x+'.repeat(60_000) + 'x'), error: ParseError, code: 'E_PARSE', names: /120001 characters long/ },
  { entry: 'parseFormula', kind: 'oversized', run: () => parseFormula('('.repeat(5000) + 'x' + ')'.repeat(5000)), error: ParseError, code: 'E_PARSE', names: /nests more than \d+ levels/ },
  { entry: 'parseFormula', kind: 'hostile', run: () => parseFormula('constructor(1)'), error: ParseError, code: 'E_PARSE', names: /unknown function 'constructor'/ },
  { entry: 'parseFormula', kind: 'hostile', run: () => parseFormula('toString(x)'), error: ParseError, code: 'E_PARSE', names: /unknown function 'toString'/ },
  { entry: 'parseFormula', kind: 'hostile', run: () => parseFormula('x', throwingGetter('maxNodes') as never), error: FormulaError, code: 'E_BAD_ARGUMENT', names: /reading options\.maxNodes threw: getter boom/ },
  { entry: 'Formula.evaluate', kind: 'empty', run: () => parseFormula('x+1').evaluate({}), error: FormulaError, code: 'E_MISSING_VARIABLE', names: /variable "x" has no value/ },
  { entry: 'Formula.evaluate', kind: 'malformed', run: () => parseFormula('x+1').evaluate(null as never), error: FormulaError, code: 'E_BAD_ARGUMENT', names: /object or a Map, got null/ },
  { entry: 'Formula.evaluate', kind: 'non-finite', run: () => parseFormula('x+1').evaluate({ x: NaN }), error: FormulaError, code: 'E_NON_FINITE', names: /"x" must be a finite number, got NaN/ },
  { entry: 'Formula.evaluate', kind: 'non-finite', run: () => parseFormula('log(x)').evaluate({ x: -1 }), error: FormulaError, code: 'E_NAN', names: /log\(x\).*log of -1/ },
  { entry: 'Formula.evaluate', kind: 'wrong type', run: () => parseFormula('x+1').evaluate({ x: '3' } as never), error: FormulaError, code: 'E_NON_FINITE', names: /"x" must be a finite number, got "3"/ },
  { entry: 'Formula.evaluate', kind: 'hostile', run: () => parseFormula('x+1').evaluate(throwingGetter('x') as never), error: FormulaError, code: 'E_BAD_ARGUMENT', names: /variable "x" threw: getter boom/ },
  { entry: 'Formula.evaluate', kind: 'hostile', run: () => parseFormula('constructor + 1').evaluate({}), error: FormulaError, code: 'E_MISSING_VARIABLE', names: /"constructor" has no value/ },
  { entry: 'Formula.evaluate', kind: 'hostile', run: () => parseFormula('x + 1').evaluate(JSON.parse('{"__proto__": {"x": 1}}')), error: FormulaError, code: 'E_NON_FINITE', names: /"__proto__" must be a finite number/ },
  { entry: 'differentiate', kind: 'empty', run: () => differentiate('x^2', ''), error: FormulaError, code: 'E_BAD_VARIABLE', names: /variable name .*got ""/ },
  { entry: 'differentiate', kind: 'malformed', run: () => differentiate('x^', 'x'), error: ParseError, code: 'E_PARSE', names: /column 3/ },
  { entry: 'differentiate', kind: 'wrong type', run: () => differentiate('x^2', 5 as never), error: FormulaError, code: 'E_BAD_VARIABLE', names: /got 5/ },
  { entry: 'differentiate', kind: 'non-finite', run: () => differentiate('x^2', 'x', NaN), error: FormulaError, code: 'E_BAD_ORDER', names: /order .*got NaN/ },
  { entry: 'differentiate', kind: 'oversized', run: () => differentiate('x^2', 'x', 1e9), error: FormulaError, code: 'E_BAD_ORDER', names: new RegExp(`at most ${MAX_DERIVATIVE_ORDER}, got 1000000000`) },
  { entry: 'engineFunction', kind: 'empty', run: () => engineFunction(parseFormula('x'))([]), error: FormulaError, code: 'E_BAD_ARGUMENT', names: /1 values \(x\), got an array of length 0/ },
  { entry: 'engineFunction', kind: 'malformed', run: () => engineFunction(parseFormula('x + y'), ['x']), error: FormulaError, code: 'E_MISSING_VARIABLE', names: /"y" not among the inputs/ },
  { entry: 'engineFunction', kind: 'non-finite', run: () => engineFunction(parseFormula('2*x'))([NaN]), error: FormulaError, code: 'E_NON_FINITE', names: /x \(values\[0\]\) must be a finite number, got NaN/ },
  { entry: 'engineFunction', kind: 'wrong type', run: () => engineFunction('x' as never), error: FormulaError, code: 'E_BAD_ARGUMENT', names: /formula: expected a Formula .*got "x"/ },
  { entry: 'engineFunction', kind: 'wrong type', run: () => engineFunction(parseFormula('2*x'))(['3' as never]), error: FormulaError, code: 'E_NON_FINITE', names: /got "3"/ },
  { entry: 'engineFunction', kind: 'hostile', run: () => engineFunction(parseFormula('x'), '__proto__' as never), error: FormulaError, code: 'E_BAD_ARGUMENT', names: /variables: expected an array of variable names/ },
];

describe('formula language: bad input is a typed error naming what was wrong', () => {
  itRejectsEach(rows);

  it('a variable literally named __proto__ or constructor is an ordinary variable, not a prototype', () => {
    expect(parseFormula('__proto__ * 2 + constructor').evaluate(JSON.parse('{"__proto__": 3, "constructor": 1}'))).toBe(7);
    expect(differentiate('__proto__^2', '__proto__').evaluate(JSON.parse('{"__proto__": 3}'))).toBe(6);
  });

  it('a derivative that reaches 0 stops there: high orders of a polynomial are instant', () => {
    expect(differentiate('x^3 + 2*x', 'x', MAX_DERIVATIVE_ORDER).evaluate({ x: 5 })).toBe(0);
  });

  it('engineFunction still runs on engine values (the finiteness check lets boxed values through)', () => {
    const f = engineFunction(parseFormula('x*y'));
    expect(grad((v: number[]) => f(v))([3, 4])).toEqual([4, 3]);
  });
});
