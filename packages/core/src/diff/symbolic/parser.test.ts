// The formula parser: precedence and associativity, typed errors with columns and carets, and
// fuzzing that it never throws anything but ParseError and never hangs, on any input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TensileError } from '../../errors';
import { ParseError } from './errors';
import { parseFormula } from './formula';
import { MAX_FORMULA_DEPTH, MAX_FORMULA_LENGTH } from './parser';

const SEED = 20261128;
const value = (src: string, vars: Record<string, number> = {}) => parseFormula(src).evaluate(vars);

function parseErrorOf(src: string): ParseError {
  try {
    parseFormula(src);
  } catch (err) {
    if (err instanceof ParseError) return err;
    throw err;
  }
  throw new Error(`expected ${JSON.stringify(src)} not to parse`);
}

describe('parseFormula', () => {
  it('reads numbers in every form', () => {
    expect(value('1e-3')).toBe(1e-3);
    expect(value('2.5E+2')).toBe(250);
    expect(value('.5 + 3.')).toBe(3.5);
    expect(value('pi')).toBe(Math.PI);
    expect(value('e')).toBe(Math.E);
  });

  it('follows precedence: ^ right-associative and above unary minus, * above +, comparisons, ?:', () => {
    expect(value('2^3^2')).toBe(512);
    expect(value('-2^2')).toBe(-4);
    expect(value('2^-1')).toBe(0.5);
    expect(value('1 - 2 - 3')).toBe(-4);
    expect(value('8 / 4 / 2')).toBe(1);
    expect(value('1 + 2 * 3 ^ 2')).toBe(19);
    expect(value('1 < 2 ? 10 : 20')).toBe(10);
    expect(value('x >= 0 ? x : -x', { x: -3 })).toBe(3);
    expect(value('0 ? 1 : 0 ? 2 : 3')).toBe(3);
    expect(value('(1 + 2) * 3 == 9')).toBe(1);
    expect(value('2 != 2')).toBe(0);
  });

  it('evaluates the article model and every function', () => {
    const f = parseFormula('0.82231*max/(1 + 4338.47/abs(x)^1.14791)');
    expect(f.variables).toEqual(['max', 'x']);
    expect(f.evaluate({ max: 500, x: 1000 })).toBeCloseTo((0.82231 * 500) / (1 + 4338.47 / 1000 ** 1.14791), 12);
    expect(value('clamp(x, 0, 1) + min(x, 2) + max(x, -1)', { x: 3 })).toBe(1 + 2 + 3);
    expect(value('sigmoid(0) + softplus(0) + relu(-1) + elu(0) + selu(0) + tanh(0)')).toBeCloseTo(0.5 + Math.LN2, 15);
    expect(value('where(x < 1, 5, 6)', { x: 0 })).toBe(5);
    expect(value('pow(2, 10) + log1p(0) + stopGradient(3)')).toBe(1027);
  });

  it('reports unknown functions and variables by name, with column and caret', () => {
    const err = parseErrorOf('2 * foo(x)');
    expect(err).toBeInstanceOf(TensileError);
    expect(err.code).toBe('E_PARSE');
    expect(err.column).toBe(5);
    expect(err.message).toMatch(/^unknown function 'foo'.* at column 5\n {2}2 \* foo\(x\)\n {6}\^$/);
    expect(parseErrorOf('ln(x)').message).toMatch(/^unknown function 'ln'; did you mean log\? at column 1/);
    expect(parseErrorOf('sine(x)').message).toMatch(/did you mean sin\?/);
    expect(parseErrorOf('qqqqqq(x)').message).toMatch(/known functions: exp, log/);
    const v = parseErrorOf2('a + bb', ['a']);
    expect(v.message).toMatch(/unknown variable 'bb' \(known: a\) at column 5/);
  });

  it('points at the column of each kind of mistake', () => {
    const cases: [string, number, RegExp][] = [
      ['2 * (x + 1', 11, /expected '\)'/],
      ['x + * 2', 5, /expected a number, a variable or '\(' but found '\*'/],
      ['1e', 1, /malformed number/],
      ['x # 2', 3, /unexpected character "#"/],
      ['1 < x < 2', 7, /comparisons do not chain/],
      ['x ? 1', 6, /expected ':'/],
      ['(x))', 4, /unmatched '\)'/],
      ['2x', 2, /expected an operator or the end of the formula but found 'x'/],
      ['pow(x)', 4, /pow takes 2 arguments but got 1/],
      ['pi(2)', 1, /unknown function 'pi' \('pi' is a constant\)/],
      ['', 1, /ends where a value was expected/],
      ['1e999', 1, /out of range/],
    ];
    for (const [src, column, message] of cases) {
      const err = parseErrorOf(src);
      expect(err.column, src).toBe(column);
      expect(err.message, src).toMatch(message);
      // Short sources are shown whole after a two-space indent, so the caret sits at 2 + column - 1.
      expect(err.caret.split('\n')[1].indexOf('^'), src).toBe(2 + column - 1);
    }
  });

  it('treats __proto__, constructor and other hostile names as plain variables', () => {
    const f = parseFormula('__proto__ * constructor + toString + hasOwnProperty');
    expect(f.variables).toEqual(['__proto__', 'constructor', 'toString', 'hasOwnProperty']);
    const values = JSON.parse('{"__proto__": 2, "constructor": 3, "toString": 4, "hasOwnProperty": 5}');
    expect(f.evaluate(values)).toBe(15);
    expect(() => f.evaluate({})).toThrow(/variable "__proto__" has no value/);
    expect(parseErrorOf('constructor(1)').message).toMatch(/unknown function 'constructor'/);
    expect(parseErrorOf('__proto__(1)').message).toMatch(/unknown function '__proto__'/);
  });

  it('caps nesting depth and length with typed errors instead of overflowing the stack', () => {
    const deep = '('.repeat(100_000) + 'x' + ')'.repeat(100_000);
    expect(parseErrorOf(deep.slice(0, MAX_FORMULA_LENGTH)).message).toMatch(/nests more than/);
    expect(parseErrorOf('-'.repeat(MAX_FORMULA_DEPTH + 5) + 'x').message).toMatch(/nests more than/);
    expect(parseErrorOf('x+'.repeat(60_000) + 'x').message).toMatch(/at most 100000 are accepted/);
    expect(value('-'.repeat(MAX_FORMULA_DEPTH - 10) + '1')).toBe(1);
    // Long flat chains are fine and stay iterative everywhere (parse, evaluate, print, differentiate).
    const chain = parseFormula('x*x+'.repeat(20_000) + 'x');
    expect(chain.evaluate({ x: 1 })).toBe(20_001);
    expect(chain.derivative('x').evaluate({ x: 1 })).toBe(40_001);
    expect(chain.toString().length).toBeGreaterThan(80_000);
  }, 60_000);

  it('rejects a non-string source with a ParseError', () => {
    expect(() => parseFormula(42 as unknown as string)).toThrow(ParseError);
  });

  it('never throws anything but ParseError on arbitrary strings (fuzz)', () => {
    const alphabet = fc.constantFrom(...'0123456789.eE+-*/^(),?:<>=! \txyz_abcpowlgsin'.split(''), 'pi', 'exp(', 'clamp(', '__proto__', 'constructor');
    const source = fc.oneof(fc.string({ maxLength: 80 }), fc.array(alphabet, { maxLength: 60 }).map((a) => a.join('')));
    fc.assert(
      fc.property(source, (src) => {
        try {
          const f = parseFormula(src);
          // Whatever parses also prints back to something that parses to the same DAG shape.
          expect(parseFormula(f.toString()).toString()).toBe(f.toString());
        } catch (err) {
          if (!(err instanceof ParseError)) throw err;
          expect(err.column).toBeGreaterThanOrEqual(1);
          expect(err.column).toBeLessThanOrEqual(src.length + 1);
        }
      }),
      { seed: SEED, numRuns: 3000, verbose: 1 },
    );
  }, 60_000); // about a second alone; CI runs every package's tests at once

  it('never hangs on deeply nested or long generated input (fuzz)', () => {
    const nested = fc.tuple(fc.nat({ max: 400 }), fc.constantFrom('(', '-', 'exp(', 'x^', '1?', 'x<')).map(([n, open]) => open.repeat(n) + 'x');
    fc.assert(
      fc.property(nested, (src) => {
        const started = Date.now();
        try {
          parseFormula(src);
        } catch (err) {
          if (!(err instanceof ParseError)) throw err;
        }
        expect(Date.now() - started).toBeLessThan(5_000); // a generous hang detector, not a timing test
      }),
      { seed: SEED, numRuns: 300, verbose: 1 },
    );
  }, 60_000);
});

function parseErrorOf2(src: string, variables: string[]): ParseError {
  try {
    parseFormula(src, { variables });
  } catch (err) {
    if (err instanceof ParseError) return err;
    throw err;
  }
  throw new Error(`expected ${JSON.stringify(src)} not to parse`);
}
