// Every bad-input case of the issue gets a typed error naming the problem and the row; CSV input
// in every dialect the issue lists parses to the same samples.
import { describe, expect, it } from 'vitest';
import { FitDataError, FitOptionsError } from './errors';
import { fitCurve } from './fit';
import { parseSamples } from './parse';
import { toSamples } from './samples';

const X = [0, 500, 1000, 1500];
const Y = [0, 90, 160, 210];

function expectDataError(fn: () => unknown, code: string, message: RegExp): FitDataError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(FitDataError);
    expect((e as FitDataError).code).toBe(code);
    expect((e as Error).message).toMatch(message);
    return e as FitDataError;
  }
  throw new Error('expected a FitDataError');
}

describe('CSV dialects', () => {
  const cases: [string, string][] = [
    ['header, comma, LF', 'drag_px,offset_px\n0,0\n500,90\n1000,160\n1500,210\n'],
    ['no header', '0,0\n500,90\n1000,160\n1500,210'],
    ['semicolon', 'x;y\n0;0\n500;90\n1000;160\n1500;210\n'],
    ['tab', 'x\ty\n0\t0\n500\t90\n1000\t160\n1500\t210\n'],
    ['CRLF', 'x,y\r\n0,0\r\n500,90\r\n1000,160\r\n1500,210\r\n'],
    ['BOM', '\uFEFFx,y\n0,0\n500,90\n1000,160\n1500,210'],
    ['quoted fields', '"drag, px","offset"\n"0","0"\n"500",90\n1000,"160"\n"1500","210"\n'],
    ['blank lines and spaces', '\nx,y\n\n0, 0\n  \n500 ,90\n1000,160\n\n1500,210\n\n'],
    ['exponent notation', 'x,y\n0,0\n5e2,9E1\n1.0e3,1.6e+2\n1500,210'],
  ];
  for (const [name, text] of cases) {
    it(name, () => {
      const s = parseSamples(text);
      expect(Array.from(s.x)).toEqual(X);
      expect(Array.from(s.y)).toEqual(Y);
      expect(s.weights).toBeUndefined();
    });
  }

  it('picks columns by name or index, with weights', () => {
    const text = 'w,offset,drag\n1,0,0\n2,90,500\n1,160,1000\n0.5,210,1500\n';
    const s = parseSamples(text, { x: 'drag', y: 'offset', weights: 'w' });
    expect(Array.from(s.x)).toEqual(X);
    expect(Array.from(s.weights!)).toEqual([1, 2, 1, 0.5]);
    const t = parseSamples(text, { x: 2, y: 1, weights: 0 });
    expect(Array.from(t.y)).toEqual(Y);
    expect(() => parseSamples(text, { weights: 'weight' })).toThrow(/weights column "weight" not found; columns: "w", "offset", "drag"/);
    expect(() => parseSamples(text, { x: 7 })).toThrow(FitOptionsError);
  });

  it('uses columns named x and y when the header has them', () => {
    const s = parseSamples('id,y,x\n1,0,0\n2,90,500\n3,160,1000\n4,210,1500');
    expect(Array.from(s.x)).toEqual(X);
    expect(Array.from(s.y)).toEqual(Y);
  });
});

describe('JSON samples', () => {
  it('accepts rows as objects or pairs, and an object of columns', () => {
    for (const text of [
      JSON.stringify(X.map((x, i) => ({ x, y: Y[i] }))),
      JSON.stringify(X.map((x, i) => [x, Y[i]])),
      JSON.stringify({ x: X, y: Y }),
      JSON.stringify({ drag: X, offset: Y }),
    ]) {
      const s = parseSamples(text);
      expect(Array.from(s.x)).toEqual(X);
      expect(Array.from(s.y)).toEqual(Y);
    }
    const w = parseSamples(JSON.stringify({ x: X, y: Y, w: [1, 1, 2, 2] }), { weights: 'w' });
    expect(Array.from(w.weights!)).toEqual([1, 1, 2, 2]);
  });

  it('malformed JSON and wrong shapes are typed errors', () => {
    expectDataError(() => parseSamples('[{"x": 1, "y": 2}'), 'E_FIT_MALFORMED', /does not parse/);
    expectDataError(() => parseSamples('[1, 2, 3]'), 'E_FIT_MALFORMED', /row 1: expected an object or an \[x, y\] array, got 1/);
    expectDataError(() => parseSamples('[]'), 'E_FIT_EMPTY', /no rows/);
    expectDataError(() => parseSamples('{"x": [1, "a"], "y": [1, 2]}'), 'E_FIT_MALFORMED', /row 2: x must be a number, got "a"/);
  });
});

describe('bad samples: typed errors naming the problem and the row', () => {
  it('empty input', () => {
    expectDataError(() => parseSamples(''), 'E_FIT_EMPTY', /empty/);
    expectDataError(() => parseSamples('\n\n  \n'), 'E_FIT_EMPTY', /empty/);
    expectDataError(() => parseSamples('x,y\n'), 'E_FIT_EMPTY', /header but no data rows/);
    expectDataError(() => toSamples({ x: [], y: [] }), 'E_FIT_EMPTY', /empty/);
    expectDataError(() => fitCurve([]), 'E_FIT_EMPTY', /empty/);
  });

  it('length mismatch', () => {
    expectDataError(() => toSamples({ x: [1, 2, 3], y: [1, 2] }), 'E_FIT_LENGTH_MISMATCH', /x has 3 values but samples.y has 2/);
    const e = expectDataError(() => parseSamples('x,y\n0,0\n500\n1000,160'), 'E_FIT_LENGTH_MISMATCH', /line 3 has 1 field, expected at least 2/);
    expect(e.details.line).toBe(3);
    expectDataError(() => toSamples({ x: [1, 2], y: [1, 2], weights: [1] }), 'E_FIT_LENGTH_MISMATCH', /weights has 1 values but there are 2/);
  });

  it('NaN and Infinity', () => {
    expectDataError(() => toSamples({ x: [0, 1, NaN], y: [0, 1, 2] }), 'E_FIT_NON_FINITE', /row 3: x is NaN/);
    expectDataError(() => toSamples({ x: [0, 1, 2], y: [0, Infinity, 2] }), 'E_FIT_NON_FINITE', /row 2: y is Infinity/);
    const e = expectDataError(() => parseSamples('x,y\n0,0\n500,NaN\n'), 'E_FIT_NON_FINITE', /line 3: "y" is "NaN"/);
    expect(e.details.line).toBe(3);
    expectDataError(() => parseSamples('0,0\n-inf,1\n'), 'E_FIT_NON_FINITE', /line 2/);
    expectDataError(() => parseSamples('0,0\n1e999,1\n'), 'E_FIT_NON_FINITE', /line 2: column 1 is "1e999", which overflows/);
    expectDataError(() => parseSamples('x,y\n0,0\n5OO,90\n'), 'E_FIT_MALFORMED', /line 3: "x" is "5OO", not a number/);
  });

  it('fewer points than parameters', () => {
    expectDataError(() => fitCurve({ x: [0, 1000], y: [0, 150] }, { model: 'll3' }), 'E_FIT_TOO_FEW_POINTS', /"ll3" has 3 parameters \(b, e, d\) but only 2 samples count; need at least 3/);
    expectDataError(() => fitCurve({ x: [0, 1, 2, 3, 4], y: [0, 1, 2, 3, 4] }, { model: 'poly:5' }), 'E_FIT_TOO_FEW_POINTS', /6 parameters/);
    expectDataError(() => fitCurve({ x: [0, 0, 1, 1], y: [0, 0, 1, 1] }, { model: 'poly:2' }), 'E_FIT_TOO_FEW_POINTS', /only 2 distinct x/);
    expectDataError(
      () => fitCurve({ x: [0, 1000, 2000, 3000], y: [0, 1, 2, 3], weights: [1, 1, 0, 0] }, { model: 'll3' }),
      'E_FIT_TOO_FEW_POINTS',
      /only 2 samples count/,
    );
  });

  it('all-equal x', () => {
    expectDataError(() => fitCurve({ x: [5, 5, 5, 5], y: [1, 2, 3, 4] }, { model: 'll3' }), 'E_FIT_CONSTANT_X', /every x equals 5/);
  });

  it('negative x where the model needs x >= 0 (names the row); a "real" model accepts it', () => {
    const e = expectDataError(
      () => fitCurve({ x: [0, 500, -1000, 1500], y: [0, 90, -160, 210] }, { model: 'rubberband' }),
      'E_FIT_NEGATIVE_X',
      /row 3: x is -1000 but model "rubberband" needs x >= 0/,
    );
    expect(e.details.row).toBe(3);
  });

  it('samples parsed from CSV: errors found after parsing name the file line, blank lines and header counted', () => {
    const csv = 'x,y\n0,0\n\n-5,1\n3,2\n4,5';
    const negative = expectDataError(() => fitCurve(parseSamples(csv), { model: 'power' }), 'E_FIT_NEGATIVE_X', /^line 4: x is -5/);
    expect(negative.details).toMatchObject({ where: 'line 4', line: 4, row: 2 });
    expectDataError(() => parseSamples('x,y,w\n0,0,1\n1,1,1\n\n2,2,-3\n', { weights: 'w' }), 'E_FIT_BAD_WEIGHT', /^line 5: weight is -3/);
    const response = 'x1,x2,y\n1,2,3\n2,3,4\n3,4,0\n4,5,6\n5,6,7\n';
    expectDataError(() => fitCurve(parseSamples(response, { predictors: 'auto' }), { model: 'formula:log(y) = b1 - b2*x1*exp(-b3*x2)' }), 'E_FIT_NON_FINITE', /^line 4: the response log\(y\) is -Infinity at y = 0/);
    // The same data as arrays still name the sample's row.
    expectDataError(() => fitCurve({ x: [0, -5, 3, 4], y: [0, 1, 2, 5] }, { model: 'power' }), 'E_FIT_NEGATIVE_X', /^row 2: x is -5/);
  });

  it('bad weights', () => {
    expectDataError(() => toSamples({ x: [0, 1], y: [0, 1], weights: [1, -2] }), 'E_FIT_BAD_WEIGHT', /row 2: weight is -2/);
    expectDataError(() => toSamples({ x: [0, 1], y: [0, 1], weights: [0, 0] }), 'E_FIT_BAD_WEIGHT', /every weight is 0/);
    expectDataError(() => toSamples({ x: [0, 1], y: [0, 1], weights: [1, NaN] }), 'E_FIT_NON_FINITE', /row 2: weight is NaN/);
  });

  it('malformed and hostile input', () => {
    expectDataError(() => toSamples(null as never), 'E_FIT_MALFORMED', /got null/);
    expectDataError(() => toSamples({ x: 'abc', y: [1] } as never), 'E_FIT_MALFORMED', /samples.x must be an array/);
    expectDataError(() => toSamples([[1, 2], [3]] as never), 'E_FIT_MALFORMED', /row 2: expected \[x, y\]/);
    expectDataError(() => toSamples([{ x: 1, y: '2' }] as never), 'E_FIT_MALFORMED', /row 1: y must be a number, got "2"/);
    expectDataError(() => parseSamples(42 as never), 'E_FIT_MALFORMED', /must be a string/);
    expectDataError(() => parseSamples('x,y\n"0,0\n1,1'), 'E_FIT_MALFORMED', /line 2: Quoted field unterminated/);
    expectDataError(() => toSamples({ x: [1, 2, 3], y: [1, 2, 3] }, { maxPoints: 2 }), 'E_FIT_TOO_LARGE', /more than maxPoints = 2/);
    expectDataError(() => parseSamples('1,1\n2,2\n3,3\n', { maxPoints: 2 }), 'E_FIT_TOO_LARGE', /3 rows/);
    expectDataError(() => parseSamples('only\n1\n2\n'), 'E_FIT_MALFORMED', /1 column; need at least 2/);
  });

  it('rows as pairs or objects, with optional weights', () => {
    const s = toSamples([
      [0, 0],
      [1, 2],
    ]);
    expect(Array.from(s.y)).toEqual([0, 2]);
    const w = toSamples([
      { x: 0, y: 0, weight: 2 },
      { x: 1, y: 2 },
    ]);
    expect(Array.from(w.weights!)).toEqual([2, 1]);
  });
});
