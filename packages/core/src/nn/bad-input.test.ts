// Bad input at every public entry point of core/nn (dense nets, their JSON, the per-frame forward
// pass and curve, training, optimisers, seeded init, mlp names and fits): one row per entry point
// x kind, each a typed error with its code and a message naming the argument or value.
import { describe, expect, it } from 'vitest';
import { FitDataError, FitOptionsError } from '../fit/errors';
import {
  DenseNetError,
  TrainError,
  activationDerivative,
  applyActivation,
  createDenseForward,
  createDenseNet,
  createMlpModel,
  createOptimizer,
  denseNetCurve,
  denseNetFromJSON,
  denseNetParamCount,
  denseNetToJSON,
  describeDenseNet,
  fitMlp,
  glorotUniform,
  mlpModelName,
  mulberry32,
  parseMlpName,
  trainDenseNet,
  validateDenseNet,
  OPTIMIZER_DEFAULTS,
} from './index';
import { itRejectsEach, type BadInputRow, throwingGetter } from '../test-support/bad-input';

const one = () => createDenseNet({ layers: [{ weights: [2], inputSize: 1, outputSize: 1 }] });
const json = () => denseNetToJSON(one());
const samples = { x: [0, 100, 200, 400], y: [0, 50, 90, 140] };

const rows: BadInputRow[] = [
  { entry: 'createDenseNet', kind: 'empty', run: () => createDenseNet({ layers: [] }), error: DenseNetError, code: 'E_DENSE_NET', names: /layers: expected a non-empty array/ },
  { entry: 'createDenseNet', kind: 'malformed', run: () => createDenseNet({ layers: [{ weights: [1, 2], inputSize: 1, outputSize: 1 }] }), error: DenseNetError, code: 'E_DENSE_NET', names: /layers\[0\]\.weights: expected 1 x 1 = 1 values, got 2/ },
  { entry: 'createDenseNet', kind: 'non-finite', run: () => createDenseNet({ layers: [{ weights: [NaN], inputSize: 1, outputSize: 1 }] }), error: DenseNetError, code: 'E_DENSE_NET', names: /layers\[0\]\.weights\[0\]: expected a finite number, got NaN/ },
  { entry: 'createDenseNet', kind: 'oversized', run: () => createDenseNet({ layers: [{ weights: [], inputSize: 1e6, outputSize: 1e6 }] }), error: DenseNetError, code: 'E_DENSE_NET', names: /inputSize: expected an integer in 1\.\.65536, got 1000000/ },
  { entry: 'createDenseNet', kind: 'wrong type', run: () => createDenseNet({ layers: [{ weights: ['1' as never], inputSize: 1, outputSize: 1 }] }), error: DenseNetError, code: 'E_DENSE_NET', names: /weights\[0\]: expected a finite number, got "1"/ },
  { entry: 'createDenseNet', kind: 'wrong type', run: () => createDenseNet({ layers: [null as never] }), error: DenseNetError, code: 'E_DENSE_NET', names: /layers\[0\]: expected a layer object, got null/ },
  { entry: 'createDenseNet', kind: 'hostile', run: () => createDenseNet({ layers: [{ weights: [1], inputSize: 1, outputSize: 1, activation: '__proto__' as never }] }), error: DenseNetError, code: 'E_DENSE_NET', names: /activation: expected one of .*got "__proto__"/ },
  { entry: 'createDenseNet', kind: 'hostile', run: () => createDenseNet(null as never), error: DenseNetError, code: 'E_DENSE_NET', names: /expected an object with "layers", got null/ },
  { entry: 'createDenseNet', kind: 'hostile', run: () => createDenseNet(throwingGetter('layers') as never), error: DenseNetError, code: 'E_DENSE_NET', names: /reading layers threw: getter boom/ },
  { entry: 'denseNetFromJSON', kind: 'hostile', run: () => denseNetFromJSON(throwingGetter('kind')), error: DenseNetError, code: 'E_DENSE_NET', names: /kind: reading it threw: getter boom/ },
  { entry: 'fitMlp', kind: 'hostile', run: () => fitMlp(samples, throwingGetter('epochs') as never), error: FitOptionsError, code: 'E_FIT_BAD_OPTION', names: /reading options\.epochs threw: getter boom/ },
  { entry: 'denseNetFromJSON', kind: 'empty', run: () => denseNetFromJSON({}), error: DenseNetError, code: 'E_DENSE_NET', names: /kind: expected "dense-net", got undefined/ },
  { entry: 'denseNetFromJSON', kind: 'malformed', run: () => denseNetFromJSON({ ...json(), layers: [{ ...json().layers[0], inputSize: 100, outputSize: 100 }] }), error: DenseNetError, code: 'E_DENSE_NET', names: /layers\[0\]\.weights: expected 100 x 100/ },
  { entry: 'denseNetFromJSON', kind: 'non-finite', run: () => denseNetFromJSON({ ...json(), layers: [{ ...json().layers[0], weights: [null] }] }), error: DenseNetError, code: 'E_DENSE_NET', names: /layers\[0\]\.weights: expected an array of numbers/ },
  { entry: 'denseNetFromJSON', kind: 'wrong type', run: () => denseNetFromJSON('{}'), error: DenseNetError, code: 'E_DENSE_NET', names: /expected a DenseNet JSON object, got "\{\}"/ },
  { entry: 'validateDenseNet', kind: 'wrong type', run: () => validateDenseNet(null as never), error: DenseNetError, code: 'E_DENSE_NET', names: /expected an object, got null/ },
  { entry: 'denseNetParamCount', kind: 'wrong type', run: () => denseNetParamCount(null as never), error: DenseNetError, code: 'E_DENSE_NET', names: /expected an object, got null/ },
  { entry: 'describeDenseNet', kind: 'malformed', run: () => describeDenseNet({ kind: 'dense-net', version: 1, layers: [] } as never), error: DenseNetError, code: 'E_DENSE_NET', names: /layers: expected a non-empty array/ },
  { entry: 'createDenseForward', kind: 'wrong type', run: () => createDenseForward(null as never), error: DenseNetError, code: 'E_DENSE_NET', names: /got null/ },
  { entry: 'denseNetCurve', kind: 'wrong type', run: () => denseNetCurve(null as never), error: DenseNetError, code: 'E_DENSE_NET', names: /got null/ },
  { entry: 'denseNetCurve', kind: 'wrong type', run: () => denseNetCurve(one(), 5 as never), error: DenseNetError, code: 'E_DENSE_NET', names: /name must be a string, got 5/ },
  { entry: 'denseNetCurve.evaluate', kind: 'non-finite', run: () => denseNetCurve(one()).evaluate(NaN), error: DenseNetError, code: 'E_DENSE_INPUT', names: /x must be a finite number of px, got NaN/ },
  { entry: 'denseNetCurve.evaluate', kind: 'wrong type', run: () => denseNetCurve(one()).evaluate('3' as never), error: DenseNetError, code: 'E_DENSE_INPUT', names: /got "3"/ },
  { entry: 'applyActivation', kind: 'hostile', run: () => applyActivation('__proto__' as never, 1), error: DenseNetError, code: 'E_DENSE_NET', names: /unknown activation "__proto__"/ },
  { entry: 'activationDerivative', kind: 'hostile', run: () => activationDerivative('constructor' as never, 1), error: DenseNetError, code: 'E_DENSE_NET', names: /unknown activation "constructor"/ },
  { entry: 'trainDenseNet', kind: 'empty', run: () => trainDenseNet({ x: [], y: [] }), error: TrainError, code: 'E_TRAIN_DATA', names: /samples are empty/ },
  { entry: 'trainDenseNet', kind: 'malformed', run: () => trainDenseNet({ x: [1, 2], y: [1] }), error: TrainError, code: 'E_TRAIN_DATA', names: /samples\.x has 2 values but samples\.y has 1/ },
  { entry: 'trainDenseNet', kind: 'non-finite', run: () => trainDenseNet({ x: [1, NaN], y: [1, 2] }), error: TrainError, code: 'E_TRAIN_DATA', names: /row 2: x must be a finite number, got NaN/ },
  { entry: 'trainDenseNet', kind: 'non-finite', run: () => trainDenseNet(samples, { epochs: NaN }), error: TrainError, code: 'E_TRAIN_OPTION', names: /epochs must be an integer .*got NaN/ },
  { entry: 'trainDenseNet', kind: 'oversized', run: () => trainDenseNet(samples, { units: 1e9 }), error: TrainError, code: 'E_TRAIN_OPTION', names: /units must be an integer in 1\.\.\d+, got 1000000000/ },
  { entry: 'trainDenseNet', kind: 'wrong type', run: () => trainDenseNet({ x: '12', y: '12' } as never), error: TrainError, code: 'E_TRAIN_DATA', names: /samples\.x must be an array of numbers, got "12"/ },
  { entry: 'trainDenseNet', kind: 'hostile', run: () => trainDenseNet(samples, { activation: '__proto__' as never }), error: TrainError, code: 'E_TRAIN_OPTION', names: /activation must be one of .*got "__proto__"/ },
  { entry: 'trainDenseNet', kind: 'hostile', run: () => trainDenseNet(samples, { optimizer: 'constructor' as never }), error: TrainError, code: 'E_TRAIN_OPTION', names: /optimizer must be one of adam, sgd, got "constructor"/ },
  { entry: 'trainDenseNet', kind: 'hostile', run: () => trainDenseNet(throwingGetter('x') as never), error: TrainError, code: 'E_TRAIN_DATA', names: /samples could not be read: getter boom/ },
  { entry: 'trainDenseNet', kind: 'hostile', run: () => trainDenseNet(samples, throwingGetter('epochs') as never), error: TrainError, code: 'E_TRAIN_OPTION', names: /options could not be read: getter boom/ },
  { entry: 'createOptimizer', kind: 'empty', run: () => createOptimizer('' as never, [], OPTIMIZER_DEFAULTS), error: TrainError, code: 'E_TRAIN_OPTION', names: /name must be adam or sgd, got ""/ },
  { entry: 'createOptimizer', kind: 'malformed', run: () => createOptimizer('adam', [1.5], OPTIMIZER_DEFAULTS), error: TrainError, code: 'E_TRAIN_OPTION', names: /sizes must be an array of parameter counts/ },
  { entry: 'createOptimizer', kind: 'non-finite', run: () => createOptimizer('adam', [1], { ...OPTIMIZER_DEFAULTS, learningRate: NaN }), error: TrainError, code: 'E_TRAIN_OPTION', names: /opts\.learningRate must be a finite number, got NaN/ },
  { entry: 'createOptimizer', kind: 'oversized', run: () => createOptimizer('sgd', [2 ** 40], OPTIMIZER_DEFAULTS), error: TrainError, code: 'E_TRAIN_OPTION', names: /sizes must be/ },
  { entry: 'createOptimizer', kind: 'hostile', run: () => createOptimizer('__proto__' as never, [1], OPTIMIZER_DEFAULTS), error: TrainError, code: 'E_TRAIN_OPTION', names: /got "__proto__"/ },
  { entry: 'mulberry32', kind: 'non-finite', run: () => mulberry32(NaN), error: TrainError, code: 'E_TRAIN_OPTION', names: /seed must be a finite number, got NaN/ },
  { entry: 'mulberry32', kind: 'wrong type', run: () => mulberry32('a' as never), error: TrainError, code: 'E_TRAIN_OPTION', names: /seed .*got "a"/ },
  { entry: 'glorotUniform', kind: 'empty', run: () => glorotUniform(0, 0, Math.random), error: TrainError, code: 'E_TRAIN_OPTION', names: /fanIn must be an integer in 1\.\.\d+, got 0/ },
  { entry: 'glorotUniform', kind: 'non-finite', run: () => glorotUniform(NaN, 1, Math.random), error: TrainError, code: 'E_TRAIN_OPTION', names: /fanIn .*got NaN/ },
  { entry: 'glorotUniform', kind: 'oversized', run: () => glorotUniform(60_000, 60_000, Math.random), error: TrainError, code: 'E_TRAIN_OPTION', names: /60000 x 60000 weights exceed/ },
  { entry: 'glorotUniform', kind: 'wrong type', run: () => glorotUniform(1, 1, 5 as never), error: TrainError, code: 'E_TRAIN_OPTION', names: /random must be a function, got 5/ },
  { entry: 'parseMlpName', kind: 'malformed', run: () => parseMlpName('mlp:axb'), error: FitOptionsError, code: 'E_FIT_UNKNOWN_MODEL', names: /cannot read "axb"/ },
  { entry: 'parseMlpName', kind: 'non-finite', run: () => parseMlpName('mlp:Infinityx2'), error: FitOptionsError, code: 'E_FIT_UNKNOWN_MODEL', names: /"Infinityx2"/ },
  { entry: 'parseMlpName', kind: 'oversized', run: () => parseMlpName('mlp:100000x100000'), error: FitOptionsError, code: 'E_FIT_UNKNOWN_MODEL', names: /LAYERS must be in 0\.\.\d+, got 100000/ },
  { entry: 'parseMlpName', kind: 'wrong type', run: () => parseMlpName(5 as never), error: FitOptionsError, code: 'E_FIT_UNKNOWN_MODEL', names: /not a string/ },
  { entry: 'parseMlpName', kind: 'hostile', run: () => parseMlpName('mlp:2x2:__proto__'), error: FitOptionsError, code: 'E_FIT_UNKNOWN_MODEL', names: /"2x2:__proto__"/ },
  { entry: 'mlpModelName', kind: 'non-finite', run: () => mlpModelName({ layers: 1, units: NaN, activation: 'selu' }), error: FitOptionsError, code: 'E_FIT_UNKNOWN_MODEL', names: /UNITS must be an integer .*got NaN/ },
  { entry: 'createMlpModel', kind: 'malformed', run: () => createMlpModel({ layers: -1, units: 2, activation: 'selu' }), error: FitOptionsError, code: 'E_FIT_UNKNOWN_MODEL', names: /LAYERS must be an integer .*got -1/ },
  { entry: 'createMlpModel', kind: 'wrong type', run: () => createMlpModel(null as never), error: FitOptionsError, code: 'E_FIT_UNKNOWN_MODEL', names: /\{ layers, units, activation \}/ },
  { entry: 'createMlpModel', kind: 'hostile', run: () => createMlpModel({ layers: 1, units: 2, activation: 'constructor' as never }), error: FitOptionsError, code: 'E_FIT_UNKNOWN_MODEL', names: /unknown activation "constructor"/ },
  { entry: 'fitMlp', kind: 'empty', run: () => fitMlp({ x: [], y: [] }), error: FitDataError, code: 'E_FIT_EMPTY', names: /samples are empty/ },
  { entry: 'fitMlp', kind: 'non-finite', run: () => fitMlp({ x: [1, 2, NaN], y: [1, 2, 3] }), error: FitDataError, code: 'E_FIT_NON_FINITE', names: /row 3: x is NaN/ },
  { entry: 'fitMlp', kind: 'non-finite', run: () => fitMlp(samples, { epochs: NaN }), error: TrainError, code: 'E_TRAIN_OPTION', names: /epochs .*got NaN/ },
  { entry: 'fitMlp', kind: 'hostile', run: () => fitMlp(samples, { model: 'mlp:1x1:__proto__' }), error: FitOptionsError, code: 'E_FIT_UNKNOWN_MODEL', names: /__proto__/ },
];

describe('core/nn: bad input is a typed error naming what was wrong', () => {
  itRejectsEach(rows);

  it('typed-array weights and an explicit curve name still work', () => {
    const net = createDenseNet({ layers: [{ weights: new Float32Array([2]), inputSize: 1, outputSize: 1 }] });
    expect(denseNetCurve(net, 'double').evaluate(-3)).toBe(-6);
    expect(describeDenseNet(net)).toBe('1 -> 1 linear');
    expect(denseNetParamCount(net)).toBe(2);
  });
});
