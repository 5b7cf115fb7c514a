// "Did you mean": near names only, by edit distance scaled to the name's length.
import { describe, expect, it } from 'vitest';
import { editDistance, nearestName } from './nearest-name';
import { FORMULA_FUNCTIONS } from './ops';
import { parseFormula } from '../../index';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and neighbour swaps as one edit each', () => {
    expect(editDistance('sin', 'sin')).toBe(0);
    expect(editDistance('sine', 'sin')).toBe(1);
    expect(editDistance('tahn', 'tanh')).toBe(1);
    expect(editDistance('foo', 'log')).toBe(2);
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe('nearestName', () => {
  it('suggests a function one edit away (two for longer names), swaps included', () => {
    expect(nearestName('sine', FORMULA_FUNCTIONS)).toBe('sin');
    expect(nearestName('tnah', FORMULA_FUNCTIONS)).toBe('tanh');
    expect(nearestName('sigmod', FORMULA_FUNCTIONS)).toBe('sigmoid');
    expect(nearestName('SQRT', FORMULA_FUNCTIONS)).toBe('sqrt');
  });

  it('suggests nothing for a name that is not near any (foo is two edits from log)', () => {
    expect(nearestName('foo', FORMULA_FUNCTIONS)).toBeUndefined();
    expect(nearestName('banana', FORMULA_FUNCTIONS)).toBeUndefined();
    expect(nearestName('', FORMULA_FUNCTIONS)).toBeUndefined();
    expect(nearestName('x'.repeat(10_000), FORMULA_FUNCTIONS)).toBeUndefined();
  });

  it('reaches the parse error: foo(x) lists the known functions instead of guessing', () => {
    expect(() => parseFormula('foo(x)')).toThrow(/unknown function 'foo'; known functions: /);
    expect(() => parseFormula('sine(x)')).toThrow(/did you mean sin\?/);
  });
});
