// Bad model files: each becomes a ModelFormatError with a stable code and a message that says what
// is wrong. Built by breaking a good converter-shaped fixture one way at a time.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TensileError } from '../errors';
import { ModelFormatError } from './errors';
import { compileTfjsModel, inspectTfjsModel, loadTfjsModel } from './model';
import { parseModelJson } from './model-json';
import type { InMemoryModel } from './sources';
import { decodeWeights, float16ToNumber } from './weights';

const dir = fileURLToPath(new URL('../../test-fixtures/tfjs/converter-fused/', import.meta.url));
const goodJson = readFileSync(path.join(dir, 'model.json'), 'utf8');
const goodBin = new Uint8Array(readFileSync(path.join(dir, 'group1-shard1of1.bin')));

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
function variant(edit: (json: Json) => void, bin: Uint8Array = goodBin): InMemoryModel {
  const json = JSON.parse(goodJson) as Json;
  edit(json);
  return { modelJson: JSON.stringify(json), weightData: bin };
}

async function expectModelError(source: Parameters<typeof loadTfjsModel>[0], code: string, message: RegExp, opts = {}) {
  const err = await loadTfjsModel(source, opts).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ModelFormatError);
  expect(err).toBeInstanceOf(TensileError);
  expect((err as ModelFormatError).code).toBe(code);
  expect((err as Error).message).toMatch(message);
}

describe('bad model.json', () => {
  it('not JSON', async () => {
    await expectModelError({ modelJson: '<html>404 Not Found</html>' }, 'E_MODEL_NOT_JSON', /model.json is not JSON .* starts with "<html>404/);
  });

  it('neither format', async () => {
    await expectModelError({ modelJson: '{"weights": []}' }, 'E_MODEL_FORMAT', /neither a TF.js graph model nor a layers model \(top-level keys: weights\)/);
    await expectModelError({ modelJson: '{"modelTopology": {"foo": 1}}' }, 'E_MODEL_FORMAT', /format: missing, and modelTopology is neither/);
    await expectModelError({ modelJson: '[1, 2]' }, 'E_MODEL_FORMAT', /expected a JSON object, got an array/);
  });

  it('a format that is unknown or contradicts the topology', async () => {
    await expectModelError(variant((j) => (j.format = 'saved-model')), 'E_MODEL_FORMAT', /expected "graph-model" or "layers-model", got "saved-model"/);
    await expectModelError(variant((j) => (j.format = 'layers-model')), 'E_MODEL_FORMAT', /says "layers-model" but modelTopology holds a graph-model/);
  });

  it('missing versions', async () => {
    await expectModelError(variant((j) => delete j.modelTopology.versions), 'E_MODEL_FORMAT', /modelTopology.versions: missing/);
  });

  it('hostile keys anywhere, as text or as an object', async () => {
    await expectModelError(variant((j) => (j.modelTopology.node[0].attr = JSON.parse('{"__proto__": {"polluted": 1}}'))), 'E_MODEL_HOSTILE_KEY', /refusing the key "__proto__"/);
    await expectModelError({ modelJson: '{"modelTopology": {"constructor": {"prototype": {}}}}' }, 'E_MODEL_HOSTILE_KEY', /refusing the key "(constructor|prototype)"/);
    expect(() => parseModelJson(JSON.parse('{"format": "graph-model", "modelTopology": {"node": [], "versions": {}, "__proto__": {}}}'))).toThrow(/refusing the key "__proto__"/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a node input that names no node', async () => {
    await expectModelError(variant((j) => j.modelTopology.node.at(-1).input.push('nowhere:0')), 'E_MODEL_FORMAT', /input "nowhere:0" names no node/);
  });

  it('shard paths that leave the model folder', async () => {
    await expectModelError(variant((j) => (j.weightsManifest[0].paths = ['../../etc/passwd'])), 'E_MODEL_FORMAT', /must be relative to model.json without ".." segments/);
    await expectModelError(variant((j) => (j.weightsManifest[0].paths = ['https://evil.example/w.bin'])), 'E_MODEL_FORMAT', /must be relative/);
  });

  it('a malformed manifest entry', async () => {
    await expectModelError(variant((j) => (j.weightsManifest[0].weights[0].dtype = 'float64')), 'E_MODEL_FORMAT', /dtype .*expected one of float32, int32/);
    await expectModelError(variant((j) => (j.weightsManifest[0].weights[1].shape = [-1])), 'E_MODEL_FORMAT', /shape .*expected a shape/);
    await expectModelError(
      variant((j) => (j.weightsManifest[0].weights[0].quantization = { dtype: 'uint8', scale: 'big' })),
      'E_MODEL_FORMAT',
      /quantization.*scale: expected a finite number for uint8 quantisation/,
    );
  });
});

describe('bad weight data', () => {
  it('a weight listed in the manifest but absent from the bytes', async () => {
    await expectModelError(variant(() => {}, goodBin.subarray(0, 200)), 'E_MODEL_WEIGHTS', /is absent from the weight data: the shards hold 200 bytes but the manifest describes 348/);
  });

  it('bytes left over', async () => {
    const longer = new Uint8Array(goodBin.byteLength + 8);
    longer.set(goodBin);
    await expectModelError(variant(() => {}, longer), 'E_MODEL_WEIGHTS', /weight data is 356 bytes but the manifest describes 348/);
  });

  it('non-finite weights, named', async () => {
    const bad = goodBin.slice();
    new DataView(bad.buffer).setFloat32(4, NaN, true);
    await expectModelError(variant(() => {}, bad), 'E_MODEL_NON_FINITE', /weight ".*dense\/MatMul\/ReadVariableOp" holds NaN at element 1/);
    // Opting in loads the model; it then runs only in TF.js, and the compiler says why.
    const loaded = await loadTfjsModel(variant(() => {}, bad), { allowNonFinite: true });
    expect(inspectTfjsModel(loaded).compiles).toBe(false);
    expect(() => compileTfjsModel(loaded)).toThrow(/cannot compile to plain JS: DenseNet layers\[0\].weights\[\d+\]: expected a finite number, got NaN/);
    const half = new Uint8Array([0x00, 0x7c]); // +Infinity as float16
    expect(() => decodeWeights([{ name: 'h', shape: [1], dtype: 'float32', quantization: { dtype: 'float16' } }], half.buffer)).toThrow(/holds Infinity/);
  });

  it('decodes float16 exactly', () => {
    expect(float16ToNumber(0x3c00)).toBe(1);
    expect(float16ToNumber(0xc000)).toBe(-2);
    expect(float16ToNumber(0x0001)).toBe(2 ** -24);
    expect(float16ToNumber(0x7bff)).toBe(65504);
  });
});

describe('a model.json that lies about its shapes', () => {
  it('a Const node whose declared shape differs from the manifest', async () => {
    await expectModelError(
      variant((j) => (j.modelTopology.node[0].attr.value.tensor.tensorShape = { dim: [{ size: '6' }, { size: '1' }] })),
      'E_MODEL_SHAPE',
      /declares shape \[6, 1\] but the weights manifest stores \[1, 6\]/,
    );
  });

  it('a kernel that does not fit its input (compile)', async () => {
    // Swap the second kernel's shape [6, 6] for [4, 9]: same bytes, wrong matrix.
    const model = await loadTfjsModel(
      variant((j) => {
        const name = j.weightsManifest[0].weights[2].name;
        j.weightsManifest[0].weights[2].shape = [4, 9];
        j.modelTopology.node.find((n: Json) => n.name === name).attr.value.tensor.tensorShape = { dim: [{ size: '4' }, { size: '9' }] };
      }),
    );
    expect(() => compileTfjsModel(model)).toThrow(/the weight has 4 input rows but its input has 6 features/);
  });

  it('a layers model whose Dense units disagree with its kernel', async () => {
    const kerasDir = fileURLToPath(new URL('../../test-fixtures/tfjs/keras-layers/', import.meta.url));
    const json = JSON.parse(readFileSync(path.join(kerasDir, 'model.json'), 'utf8'));
    json.modelTopology.model_config.config.layers[1].config.units = 5;
    const model = await loadTfjsModel({
      modelJson: json,
      weightData: [readFileSync(path.join(kerasDir, 'group1-shard1of2.bin')), readFileSync(path.join(kerasDir, 'group1-shard2of2.bin'))],
    });
    expect(() => compileTfjsModel(model)).toThrow(/layer "dense": kernel "dense\/kernel" has shape \[1, 8\], expected \[1, 5\]/);
  });
});

describe('compile refuses what is not a dense stack, by name', () => {
  it('an op outside the dense-stack set', async () => {
    const model = await loadTfjsModel(variant((j) => (j.modelTopology.node.find((n: Json) => n.op === 'Tanh').op = 'Relu6')));
    expect(() => compileTfjsModel(model)).toThrow(/node ".*dense_1\/Tanh" uses op Relu6, which is not part of a dense stack/);
  });

  it('a fused op with no plain-JS equivalent', async () => {
    const model = await loadTfjsModel(variant((j) => j.modelTopology.node.find((n: Json) => n.op === '_FusedMatMul').attr.fused_ops.list.s.push(btoa('LeakyRelu'))));
    expect(() => compileTfjsModel(model)).toThrow(/fuses op LeakyRelu/);
  });
});

describe('sources and size caps', () => {
  it('a file over the configurable size cap', async () => {
    await expectModelError(path.join(dir, 'model.json'), 'E_MODEL_TOO_LARGE', /model.json .* is \d+ bytes, over the size cap of 1000 bytes/, { maxBytes: 1000 });
    await expectModelError({ modelJson: JSON.parse(goodJson), weightData: goodBin }, 'E_MODEL_TOO_LARGE', /weight data is 348 bytes, over the size cap of 300/, { maxBytes: 300 });
    await expectModelError(variant(() => {}), 'E_MODEL_TOO_LARGE', /model.json is \d+ bytes, over the size cap of 300/, { maxBytes: 300 });
  });

  it('a missing shard or model file', async () => {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'tensile-bad-'));
    try {
      await writeFile(path.join(tmp, 'model.json'), goodJson);
      await expectModelError(tmp, 'E_MODEL_SOURCE', /cannot read weight shard at .*group1-shard1of1.bin/);
      await expectModelError(path.join(tmp, 'nope.json'), 'E_MODEL_SOURCE', /cannot read model.json at .*nope.json/);
      await writeFile(path.join(tmp, 'binary.json'), new Uint8Array([0xff, 0xfe, 0x00, 0x81]));
      await expectModelError(path.join(tmp, 'binary.json'), 'E_MODEL_NOT_JSON', /not even UTF-8 text/);
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  });

  it('URLs: HTTP errors and a declared length over the cap, through an injected fetch', async () => {
    const fetch404 = async () => ({ ok: false, status: 404, statusText: 'Not Found', headers: new Headers(), arrayBuffer: async () => new ArrayBuffer(0) });
    await expectModelError('https://models.example/m/model.json', 'E_MODEL_SOURCE', /failed: HTTP 404 Not Found/, { fetch: fetch404 });
    const huge = async () => ({ ok: true, status: 200, headers: new Headers({ 'content-length': '999999999' }), arrayBuffer: async () => new ArrayBuffer(0) });
    await expectModelError('https://models.example/m/model.json', 'E_MODEL_TOO_LARGE', /over the size cap/, { fetch: huge });
    await expectModelError('ftp://models.example/model.json', 'E_MODEL_SOURCE', /cannot load a model from a ftp: URL/);
    await expectModelError(42 as never, 'E_MODEL_SOURCE', /must be a path, a URL or \{ modelJson, weightData \}, got 42/);
    await expectModelError('x', 'E_MODEL_SOURCE', /maxBytes must be a positive number/, { maxBytes: -1 });
  });
});
