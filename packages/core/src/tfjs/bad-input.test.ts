// Bad input at every public entry point of @tensile/core/tfjs: one row per entry point x kind
// (a model.json that lies about its shapes, hostile keys, cyclic or runaway inputs, getters that
// throw, wrong types), each a typed error with its code and a message naming the culprit.
// Every row runs without loading TF.js: the models are dense stacks, which run as plain JS.
import { describe, expect, it } from 'vitest';
import { DenseNetError, createDenseNet } from '../nn/dense-net';
import {
  ModelFormatError,
  compileTfjsModel,
  decodeWeights,
  evaluateTfjsModel,
  exportDenseNet,
  flattenInput,
  inspectTfjsModel,
  loadTfjsModel,
  parseJsonSafely,
  parseModelJson,
  readModelArtifacts,
  toModelArtifacts,
  toTfjsModel,
  tryCompileTfjsModel,
  createModelCurve,
  type InMemoryModel,
} from './index';
import { itRejectsEach, itRejectsEachAsync, type AsyncBadInputRow, type BadInputRow, throwingGetter } from '../test-support/bad-input';

const net = createDenseNet({ layers: [{ weights: [2], bias: [1], inputSize: 1, outputSize: 1 }], name: 'double' });
const exported = exportDenseNet(net, 'layers-model');
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
/** The exported model with its model.json edited one way (to lie about shapes, say). */
function variant(edit: (json: Json) => void, weightData: ArrayBuffer = exported.weightData): InMemoryModel {
  const json = JSON.parse(JSON.stringify(exported.modelJson)) as Json;
  edit(json);
  return { modelJson: JSON.stringify(json), weightData };
}
const good = variant(() => {});
const cyclicArray: unknown[] = [];
cyclicArray.push(cyclicArray);
// { a: o, b: o } nested: without memoising, the hostile-key walk would take 2^depth steps.
let wide: Record<string, unknown> = { leaf: 1 };
for (let i = 0; i < 60; i++) wide = { a: wide, b: wide };
const cyclicObject: Record<string, unknown> = { modelTopology: {} };
(cyclicObject.modelTopology as Record<string, unknown>).self = cyclicObject;

const rows: BadInputRow[] = [
  { entry: 'parseJsonSafely', kind: 'empty', run: () => parseJsonSafely(''), error: ModelFormatError, code: 'E_MODEL_NOT_JSON', names: /model\.json is not JSON/ },
  { entry: 'parseJsonSafely', kind: 'malformed', run: () => parseJsonSafely('{'), error: ModelFormatError, code: 'E_MODEL_NOT_JSON', names: /it starts with "\{"/ },
  { entry: 'parseJsonSafely', kind: 'oversized', run: () => parseJsonSafely('['.repeat(200_000) + ']'.repeat(200_000)), error: ModelFormatError, code: 'E_MODEL_FORMAT', names: /model\.json is nested deeper than 256 levels \(at character 256\)/ },
  { entry: 'parseJsonSafely', kind: 'wrong type', run: () => parseJsonSafely(5 as never), error: ModelFormatError, code: 'E_MODEL_NOT_JSON', names: /must be JSON text \(a string\), got 5/ },
  { entry: 'parseJsonSafely', kind: 'hostile', run: () => parseJsonSafely('{"__proto__": {"a": 1}}'), error: ModelFormatError, code: 'E_MODEL_HOSTILE_KEY', names: /refusing the key "__proto__"/ },
  { entry: 'parseModelJson', kind: 'empty', run: () => parseModelJson({}), error: ModelFormatError, code: 'E_MODEL_FORMAT', names: /modelTopology: missing.*top-level keys: none/ },
  { entry: 'parseModelJson', kind: 'malformed', run: () => parseModelJson('{"format": 5}'), error: ModelFormatError, code: 'E_MODEL_FORMAT', names: /top-level keys: format/ },
  { entry: 'parseModelJson', kind: 'wrong type', run: () => parseModelJson(5 as never), error: ModelFormatError, code: 'E_MODEL_FORMAT', names: /expected a JSON object, got 5/ },
  { entry: 'parseModelJson', kind: 'hostile', run: () => parseModelJson(JSON.parse('{"__proto__": {"format": "layers-model"}}')), error: ModelFormatError, code: 'E_MODEL_HOSTILE_KEY', names: /"__proto__"/ },
  { entry: 'parseModelJson', kind: 'hostile', run: () => parseModelJson({ modelTopology: throwingGetter('config') }), error: ModelFormatError, code: 'E_MODEL_FORMAT', names: /reading the key "config" threw: getter boom/ },
  { entry: 'parseModelJson', kind: 'hostile', run: () => parseModelJson(cyclicObject), error: ModelFormatError, code: 'E_MODEL_FORMAT', names: /cyclic/ },
  { entry: 'parseModelJson', kind: 'oversized', run: () => parseModelJson({ modelTopology: wide }), error: ModelFormatError, code: 'E_MODEL_FORMAT', names: /modelTopology/ },
  {
    entry: 'parseModelJson',
    kind: 'malformed',
    run: () => parseModelJson(variant((j) => { j.weightsManifest[0].weights[0].shape = [-1, 1e12]; }).modelJson as string),
    error: ModelFormatError,
    code: 'E_MODEL_FORMAT',
    names: /weightsManifest\[0\]\.weights\[0\]\.shape .*expected a shape/,
  },
  { entry: 'decodeWeights', kind: 'empty', run: () => decodeWeights([{ name: 'k', shape: [2], dtype: 'float32' }], new ArrayBuffer(0)), error: ModelFormatError, code: 'E_MODEL_WEIGHTS', names: /weight "k" .* absent from the weight data/ },
  { entry: 'decodeWeights', kind: 'non-finite', run: () => decodeWeights([{ name: 'k', shape: [1], dtype: 'float32' }], new Float32Array([NaN]).buffer), error: ModelFormatError, code: 'E_MODEL_NON_FINITE', names: /weight "k" holds NaN at element 0/ },
  { entry: 'decodeWeights', kind: 'oversized', run: () => decodeWeights([{ name: 'k', shape: [1e10], dtype: 'float32' }], new ArrayBuffer(8)), error: ModelFormatError, code: 'E_MODEL_WEIGHTS', names: /weight "k" \(shape \[10000000000\]/ },
  { entry: 'decodeWeights', kind: 'wrong type', run: () => decodeWeights([{ name: 'k', shape: [1], dtype: 'float32' }], 'abcd' as never), error: ModelFormatError, code: 'E_MODEL_WEIGHTS', names: /data must be an ArrayBuffer, got "abcd"/ },
  { entry: 'decodeWeights', kind: 'wrong type', run: () => decodeWeights(null as never, new ArrayBuffer(4)), error: ModelFormatError, code: 'E_MODEL_WEIGHTS', names: /specs must be an array .*got null/ },
  { entry: 'flattenInput', kind: 'empty', run: () => flattenInput([]), error: ModelFormatError, code: 'E_MODEL_INPUT', names: /empty dimension at depth 0/ },
  { entry: 'flattenInput', kind: 'malformed', run: () => flattenInput([[1, 2], [3]]), error: ModelFormatError, code: 'E_MODEL_INPUT', names: /input\[1\] must be an array of 2/ },
  { entry: 'flattenInput', kind: 'non-finite', run: () => flattenInput([[NaN]]), error: ModelFormatError, code: 'E_MODEL_INPUT', names: /input\[0\]\[0\] must be a finite number, got NaN/ },
  { entry: 'flattenInput', kind: 'wrong type', run: () => flattenInput([['a']]), error: ModelFormatError, code: 'E_MODEL_INPUT', names: /input\[0\]\[0\] .*got "a"/ },
  { entry: 'flattenInput', kind: 'hostile', run: () => flattenInput(cyclicArray), error: ModelFormatError, code: 'E_MODEL_INPUT', names: /nests deeper than 8 levels/ },
  { entry: 'flattenInput', kind: 'oversized', run: () => flattenInput([new Array(5000).fill([0]), ...new Array(4999).fill(new Array(5000).fill([0]))]), error: ModelFormatError, code: 'E_MODEL_TOO_LARGE', names: /more than 16777216 elements/ },
  { entry: 'compileTfjsModel', kind: 'wrong type', run: () => compileTfjsModel(null as never), error: ModelFormatError, code: 'E_MODEL_FORMAT', names: /compileTfjsModel: model must be a loaded model .*got null/ },
  { entry: 'tryCompileTfjsModel', kind: 'wrong type', run: () => tryCompileTfjsModel(exported.modelJson as never), error: ModelFormatError, code: 'E_MODEL_FORMAT', names: /tryCompileTfjsModel: model must be/ },
  { entry: 'inspectTfjsModel', kind: 'wrong type', run: () => inspectTfjsModel(null as never), error: ModelFormatError, code: 'E_MODEL_FORMAT', names: /inspectTfjsModel: model must be .*got null/ },
  { entry: 'toModelArtifacts', kind: 'wrong type', run: () => toModelArtifacts(null as never), error: ModelFormatError, code: 'E_MODEL_FORMAT', names: /toModelArtifacts: model must be/ },
  { entry: 'exportDenseNet', kind: 'wrong type', run: () => exportDenseNet(null as never, 'graph-model'), error: DenseNetError, code: 'E_DENSE_NET', names: /expected an object, got null/ },
  { entry: 'exportDenseNet', kind: 'hostile', run: () => exportDenseNet(net, '__proto__' as never), error: ModelFormatError, code: 'E_MODEL_FORMAT', names: /format must be "graph-model" or "layers-model", got "__proto__"/ },
];

const asyncRows: AsyncBadInputRow[] = [
  { entry: 'readModelArtifacts', kind: 'empty', run: () => readModelArtifacts(''), error: ModelFormatError, code: 'E_MODEL_SOURCE', names: /got ""/ },
  { entry: 'readModelArtifacts', kind: 'empty', run: () => readModelArtifacts({ modelJson: '' }), error: ModelFormatError, code: 'E_MODEL_NOT_JSON', names: /model\.json is not JSON/ },
  { entry: 'readModelArtifacts', kind: 'malformed', run: () => readModelArtifacts('ftp://example.com/model.json'), error: ModelFormatError, code: 'E_MODEL_SOURCE', names: /ftp: URL/ },
  { entry: 'readModelArtifacts', kind: 'non-finite', run: () => readModelArtifacts(good, { maxBytes: NaN }), error: ModelFormatError, code: 'E_MODEL_SOURCE', names: /maxBytes .*got NaN/ },
  { entry: 'readModelArtifacts', kind: 'oversized', run: () => readModelArtifacts(good, { maxBytes: 10 }), error: ModelFormatError, code: 'E_MODEL_TOO_LARGE', names: /over the size cap of 10 bytes/ },
  { entry: 'readModelArtifacts', kind: 'wrong type', run: () => readModelArtifacts(5 as never), error: ModelFormatError, code: 'E_MODEL_SOURCE', names: /got 5/ },
  { entry: 'readModelArtifacts', kind: 'hostile', run: () => readModelArtifacts({ modelJson: '{"__proto__": {}}' }), error: ModelFormatError, code: 'E_MODEL_HOSTILE_KEY', names: /"__proto__"/ },
  {
    entry: 'readModelArtifacts',
    kind: 'hostile',
    run: () => readModelArtifacts(variant((j) => { j.weightsManifest[0].paths = ['../../etc/passwd']; })),
    error: ModelFormatError,
    code: 'E_MODEL_FORMAT',
    names: /shard path "\.\.\/\.\.\/etc\/passwd" .* without "\.\." segments/,
  },
  { entry: 'readModelArtifacts', kind: 'hostile', run: () => readModelArtifacts(good, throwingGetter('maxBytes') as never), error: ModelFormatError, code: 'E_MODEL_SOURCE', names: /options: reading maxBytes threw: getter boom/ },
  { entry: 'readModelArtifacts', kind: 'hostile', run: () => readModelArtifacts(Object.assign(throwingGetter('weightData'), { modelJson: good.modelJson }) as never), error: ModelFormatError, code: 'E_MODEL_SOURCE', names: /source: reading weightData threw: getter boom/ },
  { entry: 'loadTfjsModel', kind: 'hostile', run: () => loadTfjsModel(good, throwingGetter('allowNonFinite') as never), error: ModelFormatError, code: 'E_MODEL_SOURCE', names: /options: reading allowNonFinite threw: getter boom/ },
  { entry: 'evaluateTfjsModel', kind: 'hostile', run: () => evaluateTfjsModel(good, [[1]], throwingGetter('compile') as never), error: ModelFormatError, code: 'E_MODEL_SOURCE', names: /options: reading compile threw: getter boom/ },
  { entry: 'createModelCurve', kind: 'hostile', run: () => createModelCurve(good, throwingGetter('name') as never), error: ModelFormatError, code: 'E_MODEL_SOURCE', names: /options: reading name threw: getter boom/ },
  { entry: 'loadTfjsModel', kind: 'wrong type', run: () => loadTfjsModel(null as never), error: ModelFormatError, code: 'E_MODEL_SOURCE', names: /got null/ },
  { entry: 'loadTfjsModel', kind: 'malformed', run: () => loadTfjsModel(variant(() => {}, new Float32Array([2]).buffer)), error: ModelFormatError, code: 'E_MODEL_WEIGHTS', names: /is absent from the weight data: the shards hold 4 bytes but the manifest describes 8/ },
  {
    entry: 'loadTfjsModel',
    kind: 'malformed',
    run: () => loadTfjsModel(variant((j) => { j.weightsManifest[0].weights[0].shape = [3, 1]; })),
    error: ModelFormatError,
    code: 'E_MODEL_WEIGHTS',
    names: /manifest describes 16/,
  },
  { entry: 'loadTfjsModel', kind: 'non-finite', run: () => loadTfjsModel(variant(() => {}, new Float32Array([NaN, 1]).buffer)), error: ModelFormatError, code: 'E_MODEL_NON_FINITE', names: /holds NaN at element 0/ },
  { entry: 'evaluateTfjsModel', kind: 'empty', run: () => evaluateTfjsModel(good, []), error: ModelFormatError, code: 'E_MODEL_INPUT', names: /empty dimension at depth 0/ },
  { entry: 'evaluateTfjsModel', kind: 'non-finite', run: () => evaluateTfjsModel(good, [[NaN]]), error: ModelFormatError, code: 'E_MODEL_INPUT', names: /input\[0\]\[0\] must be a finite number, got NaN/ },
  { entry: 'evaluateTfjsModel', kind: 'wrong type', run: () => evaluateTfjsModel(good, 'abc'), error: ModelFormatError, code: 'E_MODEL_INPUT', names: /nested array of numbers .*got "abc"/ },
  { entry: 'evaluateTfjsModel', kind: 'hostile', run: () => evaluateTfjsModel(good, cyclicArray), error: ModelFormatError, code: 'E_MODEL_INPUT', names: /nests deeper than 8 levels/ },
  { entry: 'evaluateTfjsModel', kind: 'hostile', run: () => evaluateTfjsModel(good, [[1]], { compile: 'constructor' as never }), error: ModelFormatError, code: 'E_MODEL_INPUT', names: /compile must be .*got "constructor"/ },
  { entry: 'createModelCurve', kind: 'wrong type', run: () => createModelCurve(null as never), error: ModelFormatError, code: 'E_MODEL_SOURCE', names: /got null/ },
  { entry: 'createModelCurve.evaluate', kind: 'non-finite', run: async () => (await createModelCurve(good)).evaluate(NaN), error: DenseNetError, code: 'E_DENSE_INPUT', names: /x must be a finite number of px, got NaN/ },
  { entry: 'createModelCurve.evaluate', kind: 'wrong type', run: async () => (await createModelCurve(good)).evaluate('3' as never), error: DenseNetError, code: 'E_DENSE_INPUT', names: /got "3"/ },
  { entry: 'toTfjsModel', kind: 'wrong type', run: () => toTfjsModel(null as never), error: ModelFormatError, code: 'E_MODEL_FORMAT', names: /toTfjsModel: model must be/ },
];

describe('@tensile/core/tfjs: bad input is a typed error naming what was wrong', () => {
  itRejectsEach(rows);

  itRejectsEachAsync(asyncRows);

  it('the untouched export evaluates as plain JS (the rows above fail for their one edit only)', async () => {
    const { outputs, compiled } = await evaluateTfjsModel(good, [[3]]);
    expect(compiled).toBe(true);
    expect(outputs).toEqual([[[7]]]);
  });
});
