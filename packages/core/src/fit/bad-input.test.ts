// Bad input at every public entry point of core/fit (fitCurve, toSamples, parseSamples,
// curveFromJSON, FittedCurve, formulaModel, defineModel, checkModelDefinition, the registry):
// one row per entry point x kind, each a typed error with its code and a message naming the culprit.
import { describe, expect, it } from 'vitest';
import {
  ARTICLE_SAMPLES,
  FitDataError,
  FitOptionsError,
  checkModelDefinition,
  createModelRegistry,
  curveFromJSON,
  defineModel,
  fitCurve,
  formulaModel,
  parseSamples,
  toSamples,
} from './index';
import { itRejectsEach, type BadInputRow, throwingGetter } from '../test-support/bad-input';

const cyclic: Record<string, unknown> = { x: [1, 2] };
cyclic.y = cyclic;
// One fit shared by the curve rows (fitting in every row would cost time, not coverage).
const fitted = fitCurve(ARTICLE_SAMPLES);
const goodJSON = fitted.curve.toJSON();

const rows: BadInputRow[] = [
  { entry: 'fitCurve', kind: 'empty', run: () => fitCurve({ x: [], y: [] }), error: FitDataError, code: 'E_FIT_EMPTY', names: /samples are empty/ },
  { entry: 'fitCurve', kind: 'malformed', run: () => fitCurve({ x: [1, 2], y: [1] }), error: FitDataError, code: 'E_FIT_LENGTH_MISMATCH', names: /samples\.x has 2 values but samples\.y has 1/ },
  { entry: 'fitCurve', kind: 'non-finite', run: () => fitCurve({ x: [1, NaN, 3, 4], y: [1, 2, 3, 4] }), error: FitDataError, code: 'E_FIT_NON_FINITE', names: /row 2: x is NaN/ },
  { entry: 'fitCurve', kind: 'oversized', run: () => fitCurve({ x: new Float64Array(11), y: new Float64Array(11) }, { maxPoints: 10 }), error: FitDataError, code: 'E_FIT_TOO_LARGE', names: /11 values, more than maxPoints = 10/ },
  { entry: 'fitCurve', kind: 'wrong type', run: () => fitCurve({ x: ['1', 2, 3, 4], y: [1, 2, 3, 4] } as never), error: FitDataError, code: 'E_FIT_MALFORMED', names: /row 1: x must be a number, got "1"/ },
  { entry: 'fitCurve', kind: 'wrong type', run: () => fitCurve('1,2' as never), error: FitDataError, code: 'E_FIT_MALFORMED', names: /samples must be .* got "1,2"/ },
  { entry: 'fitCurve', kind: 'hostile', run: () => fitCurve(throwingGetter('x') as never), error: FitDataError, code: 'E_FIT_MALFORMED', names: /samples could not be read: getter boom/ },
  { entry: 'fitCurve', kind: 'hostile', run: () => fitCurve(cyclic as never), error: FitDataError, code: 'E_FIT_MALFORMED', names: /samples\.y must be an array of numbers/ },
  { entry: 'fitCurve', kind: 'hostile', run: () => fitCurve(JSON.parse('{"__proto__": {"y": [1, 2]}, "x": [1, 2]}')), error: FitDataError, code: 'E_FIT_MALFORMED', names: /samples\.y must be an array/ },
  { entry: 'fitCurve options', kind: 'hostile', run: () => fitCurve(ARTICLE_SAMPLES, throwingGetter('model') as never), error: FitOptionsError, code: 'E_FIT_BAD_OPTION', names: /reading options\.model threw: getter boom/ },
  { entry: 'parseSamples', kind: 'hostile', run: () => parseSamples('1,2\n', throwingGetter('maxPoints') as never), error: FitOptionsError, code: 'E_FIT_BAD_OPTION', names: /reading options\.maxPoints threw: getter boom/ },
  { entry: 'curveFromJSON', kind: 'hostile', run: () => curveFromJSON(throwingGetter('format')), error: FitOptionsError, code: 'E_FIT_BAD_CURVE_JSON', names: /reading format threw: getter boom/ },
  { entry: 'curveFromJSON', kind: 'hostile', run: () => curveFromJSON({ ...goodJSON, params: throwingGetter('a') }), error: FitOptionsError, code: 'E_FIT_BAD_CURVE_JSON', names: /reading params\.a threw: getter boom/ },
  { entry: 'fitCurve options', kind: 'empty', run: () => fitCurve(ARTICLE_SAMPLES, { model: '' }), error: FitOptionsError, code: 'E_FIT_UNKNOWN_MODEL', names: /non-empty name, got ""/ },
  { entry: 'fitCurve options', kind: 'malformed', run: () => fitCurve(ARTICLE_SAMPLES, { start: [1, 2] }), error: FitOptionsError, code: 'E_FIT_BAD_START', names: /start has 2 values but model "article" has 3/ },
  { entry: 'fitCurve options', kind: 'non-finite', run: () => fitCurve(ARTICLE_SAMPLES, { max: NaN }), error: FitOptionsError, code: 'E_FIT_BAD_OPTION', names: /max must be a positive finite number, got NaN/ },
  { entry: 'fitCurve options', kind: 'non-finite', run: () => fitCurve(ARTICLE_SAMPLES, { maxPoints: NaN }), error: FitOptionsError, code: 'E_FIT_BAD_OPTION', names: /maxPoints must be a positive integer, got NaN/ },
  { entry: 'fitCurve options', kind: 'non-finite', run: () => fitCurve(ARTICLE_SAMPLES, { start: [NaN, 1, 1] }), error: FitOptionsError, code: 'E_FIT_BAD_START', names: /start\.a must be a finite number, got NaN/ },
  { entry: 'fitCurve options', kind: 'non-finite', run: () => fitCurve(ARTICLE_SAMPLES, { confidence: NaN }), error: FitOptionsError, code: 'E_FIT_BAD_OPTION', names: /confidence .* got NaN/ },
  { entry: 'fitCurve options', kind: 'oversized', run: () => fitCurve(ARTICLE_SAMPLES, { model: 'poly:100000' }), error: FitOptionsError, code: 'E_FIT_UNKNOWN_MODEL', names: /degree N in 1\.\.\d+, got "100000"/ },
  { entry: 'fitCurve options', kind: 'wrong type', run: () => fitCurve(ARTICLE_SAMPLES, 'article' as never), error: FitOptionsError, code: 'E_FIT_BAD_OPTION', names: /options must be an object, got "article"/ },
  { entry: 'fitCurve options', kind: 'wrong type', run: () => fitCurve(ARTICLE_SAMPLES, { max: '500' as never }), error: FitOptionsError, code: 'E_FIT_BAD_OPTION', names: /max .* got "500"/ },
  { entry: 'fitCurve options', kind: 'hostile', run: () => fitCurve(ARTICLE_SAMPLES, { model: '__proto__' }), error: FitOptionsError, code: 'E_FIT_UNKNOWN_MODEL', names: /unknown model "__proto__"/ },
  { entry: 'fitCurve options', kind: 'hostile', run: () => fitCurve(ARTICLE_SAMPLES, { model: 'constructor' }), error: FitOptionsError, code: 'E_FIT_UNKNOWN_MODEL', names: /unknown model "constructor"/ },
  { entry: 'fitCurve options', kind: 'hostile', run: () => fitCurve(ARTICLE_SAMPLES, { model: 'formula:__proto__*x' }), error: FitOptionsError, code: 'E_FIT_BAD_MODEL', names: /"__proto__" is reserved/ },
  { entry: 'fitCurve options', kind: 'hostile', run: () => fitCurve(ARTICLE_SAMPLES, { start: JSON.parse('{"__proto__": {"a": 1}}') }), error: FitOptionsError, code: 'E_FIT_BAD_START', names: /no parameter __proto__/ },
  { entry: 'toSamples', kind: 'empty', run: () => toSamples([]), error: FitDataError, code: 'E_FIT_EMPTY', names: /samples are empty/ },
  { entry: 'toSamples', kind: 'malformed', run: () => toSamples([[1, 2, 3, 4]] as never), error: FitDataError, code: 'E_FIT_MALFORMED', names: /row 1: expected \[x, y\]/ },
  { entry: 'toSamples', kind: 'non-finite', run: () => toSamples([[1, 2], [Infinity, 3]]), error: FitDataError, code: 'E_FIT_NON_FINITE', names: /row 2: x is Infinity/ },
  { entry: 'toSamples', kind: 'oversized', run: () => toSamples([[1, 2], [2, 3], [3, 4]], { maxPoints: 2 }), error: FitDataError, code: 'E_FIT_TOO_LARGE', names: /3 rows, more than maxPoints = 2/ },
  { entry: 'toSamples', kind: 'wrong type', run: () => toSamples({ x: 'abc', y: 'def' } as never), error: FitDataError, code: 'E_FIT_MALFORMED', names: /samples\.x must be an array of numbers, got "abc"/ },
  { entry: 'toSamples', kind: 'hostile', run: () => toSamples([Object.assign(throwingGetter('x'), { y: 1 })] as never), error: FitDataError, code: 'E_FIT_MALFORMED', names: /samples could not be read: getter boom/ },
  { entry: 'toSamples', kind: 'hostile', run: () => toSamples({ x: [1], y: [1] }, { maxPoints: '5' as never }), error: FitOptionsError, code: 'E_FIT_BAD_OPTION', names: /maxPoints .* got "5"/ },
  { entry: 'parseSamples', kind: 'empty', run: () => parseSamples(''), error: FitDataError, code: 'E_FIT_EMPTY', names: /sample text is empty/ },
  { entry: 'parseSamples', kind: 'malformed', run: () => parseSamples('a,b\n1,zz\n'), error: FitDataError, code: 'E_FIT_MALFORMED', names: /line 2: "b" is "zz", not a number/ },
  { entry: 'parseSamples', kind: 'non-finite', run: () => parseSamples('x,y\n1,NaN\n2,3\n'), error: FitDataError, code: 'E_FIT_NON_FINITE', names: /line 2: "y" is "NaN"/ },
  { entry: 'parseSamples', kind: 'oversized', run: () => parseSamples('1,2\n2,3\n3,4\n', { maxPoints: 2 }), error: FitDataError, code: 'E_FIT_TOO_LARGE', names: /3 rows, more than maxPoints = 2/ },
  { entry: 'parseSamples', kind: 'oversized', run: () => parseSamples('1,2\n', { maxPoints: Infinity }), error: FitOptionsError, code: 'E_FIT_BAD_OPTION', names: /maxPoints .* got Infinity/ },
  { entry: 'parseSamples', kind: 'wrong type', run: () => parseSamples(42 as never), error: FitDataError, code: 'E_FIT_MALFORMED', names: /sample text must be a string, got 42/ },
  { entry: 'curveFromJSON', kind: 'empty', run: () => curveFromJSON({}), error: FitOptionsError, code: 'E_FIT_BAD_CURVE_JSON', names: /format must be "tensile-curve", got undefined/ },
  { entry: 'curveFromJSON', kind: 'malformed', run: () => curveFromJSON({ ...goodJSON, params: { a: 'x' } }), error: FitOptionsError, code: 'E_FIT_BAD_CURVE_JSON', names: /params\.a/ },
  { entry: 'curveFromJSON', kind: 'non-finite', run: () => curveFromJSON({ ...goodJSON, params: { ...goodJSON.params, b: null } }), error: FitOptionsError, code: 'E_FIT_BAD_CURVE_JSON', names: /params\.b must be a finite number, got null/ },
  { entry: 'curveFromJSON', kind: 'wrong type', run: () => curveFromJSON(42), error: FitOptionsError, code: 'E_FIT_BAD_CURVE_JSON', names: /got 42/ },
  { entry: 'curveFromJSON', kind: 'hostile', run: () => curveFromJSON(JSON.parse(JSON.stringify({ ...goodJSON, model: '__proto__' }))), error: FitOptionsError, code: 'E_FIT_UNKNOWN_MODEL', names: /"__proto__"/ },
  { entry: 'FittedCurve.evaluate', kind: 'non-finite', run: () => fitted.curve.evaluate(NaN), error: FitOptionsError, code: 'E_FIT_CURVE_NAN', names: /at x = NaN/ },
  { entry: 'FittedCurve.evaluate', kind: 'wrong type', run: () => fitted.curve.evaluate('5' as never), error: FitOptionsError, code: 'E_FIT_CURVE_NAN', names: /at x = "5"/ },
  { entry: 'FittedCurve.evaluateBatch', kind: 'malformed', run: () => fitted.curve.evaluateBatch([1, 2], new Float64Array(1)), error: FitOptionsError, code: 'E_FIT_BAD_OPTION', names: /out has length 1 but xs has 2/ },
  { entry: 'FittedCurve.evaluateBatch', kind: 'non-finite', run: () => fitted.curve.evaluateBatch([1, NaN]), error: FitOptionsError, code: 'E_FIT_CURVE_NAN', names: /at x = NaN/ },
  { entry: 'formulaModel', kind: 'empty', run: () => formulaModel(''), error: FitOptionsError, code: 'E_FIT_BAD_MODEL', names: /non-empty formula string, got ""/ },
  { entry: 'formulaModel', kind: 'malformed', run: () => formulaModel('a*x+'), error: FitOptionsError, code: 'E_FIT_BAD_MODEL', names: /does not parse: .*column 5/ },
  { entry: 'formulaModel', kind: 'wrong type', run: () => formulaModel(5 as never), error: FitOptionsError, code: 'E_FIT_BAD_MODEL', names: /got 5/ },
  { entry: 'formulaModel', kind: 'hostile', run: () => formulaModel('__proto__*x'), error: FitOptionsError, code: 'E_FIT_BAD_MODEL', names: /"__proto__" is reserved/ },
  { entry: 'defineModel', kind: 'empty', run: () => defineModel({} as never), error: FitOptionsError, code: 'E_FIT_BAD_MODEL', names: /fn must be a function/ },
  { entry: 'defineModel', kind: 'wrong type', run: () => defineModel(5 as never), error: FitOptionsError, code: 'E_FIT_BAD_MODEL', names: /expected options, got 5/ },
  { entry: 'defineModel', kind: 'hostile', run: () => defineModel({ name: 'm', params: ['__proto__'], fn: (x: never) => x } as never), error: FitOptionsError, code: 'E_FIT_BAD_MODEL', names: /params must be .*"__proto__"/ },
  { entry: 'checkModelDefinition', kind: 'empty', run: () => checkModelDefinition({} as never), error: FitOptionsError, code: 'E_FIT_BAD_MODEL', names: /name must be a non-empty string, got undefined/ },
  { entry: 'checkModelDefinition', kind: 'wrong type', run: () => checkModelDefinition(null as never), error: FitOptionsError, code: 'E_FIT_BAD_MODEL', names: /expected an object, got null/ },
  { entry: 'checkModelDefinition', kind: 'hostile', run: () => checkModelDefinition({ name: 'm', params: ['__proto__'] } as never), error: FitOptionsError, code: 'E_FIT_BAD_MODEL', names: /reserved name "__proto__"/ },
  { entry: 'createModelRegistry', kind: 'wrong type', run: () => createModelRegistry(5 as never), error: FitOptionsError, code: 'E_FIT_BAD_OPTION', names: /families must be an array .*got 5/ },
  { entry: 'createModelRegistry', kind: 'hostile', run: () => createModelRegistry([{ family: '__proto__' } as never]), error: FitOptionsError, code: 'E_FIT_BAD_MODEL', names: /model family needs a name/ },
];

describe('core/fit: bad input is a typed error naming what was wrong', () => {
  itRejectsEach(rows);

  it('a parameter named constructor survives the fit and the JSON round trip', () => {
    const r = fitCurve(ARTICLE_SAMPLES, { model: 'formula:constructor*x' });
    expect(Object.keys(r.params)).toEqual(['constructor']);
    const back = curveFromJSON(JSON.parse(JSON.stringify(r.curve.toJSON())));
    expect(back.evaluate(100)).toBe(r.curve.evaluate(100));
  });
});
