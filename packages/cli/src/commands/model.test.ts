// `tensile model inspect|eval` end to end through runCli: on a net we export, on converter-shaped
// fixtures, and on the real converter model (basic-pitch); bad input gives one stderr line and exit 1.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDenseForward, createDenseNet } from '@tensile/core';
import { saveDenseNet } from '@tensile/core/tfjs';
import { runCaptured } from '../test-support/run-cli';

const fixtures = fileURLToPath(new URL('../../../core/test-fixtures/tfjs/', import.meta.url));
const FLOAT32_REL = 2e-5;

/** `tensile <argv...>`, captured. */
const run = (...argv: string[]) => runCaptured(argv);

const net = createDenseNet({
  layers: [
    { inputSize: 1, outputSize: 4, weights: [0.9, -0.4, 0.3, 1.2], bias: [0.1, 0.2, -0.1, 0], activation: 'selu' },
    { inputSize: 4, outputSize: 1, weights: [0.5, -0.7, 0.2, 0.8], bias: [0.05] },
  ],
  inputNorm: { mean: [6000], std: [4000] },
  outputNorm: { mean: [200], std: [150] },
});
let tmp: string;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'tensile-cli-model-'));
  await saveDenseNet(net, path.join(tmp, 'graph'), 'graph-model');
  await saveDenseNet(net, path.join(tmp, 'layers'), 'layers-model');
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('tensile model inspect', () => {
  it('--json prints the issue-5 object for our graph export', async () => {
    const { code, stdout, stderr } = await run('model', 'inspect', path.join(tmp, 'graph', 'model.json'), '--json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      format: 'graph-model',
      inputs: [{ name: 'x', shape: [null, 1], dtype: 'float32' }],
      outputs: [{ name: 'Identity', shape: [null, 1], dtype: 'float32' }],
      ops: { Const: 4, _FusedMatMul: 2, Identity: 1, Placeholder: 1, Selu: 1 },
      params: 13,
      weightBytes: 52,
      compiles: true,
    });
  });

  it('--json on our layers export and on the real converter model', async () => {
    const layers = JSON.parse((await run('model', 'inspect', path.join(tmp, 'layers'), '--json')).stdout);
    expect(layers).toMatchObject({ format: 'layers-model', ops: { Dense: 2 }, params: 13, compiles: true });
    const real = JSON.parse((await run('model', 'inspect', path.join(fixtures, 'basic-pitch', 'model.json'), '--json')).stdout);
    expect(Object.keys(real)).toEqual(['format', 'inputs', 'outputs', 'ops', 'params', 'weightBytes', 'compiles']);
    expect(real).toMatchObject({ format: 'graph-model', weightBytes: 742392, compiles: false });
    expect(real.inputs).toEqual([{ name: 'input_2', shape: [null, 43844, 1], dtype: 'float32' }]);
  });

  it('prints a readable summary that says why a model does not compile', async () => {
    const ours = await run('model', 'inspect', path.join(tmp, 'graph'));
    expect(ours.stdout).toMatch(/compiles: {4}yes \(1 -> 4 selu -> 1 linear\)/);
    const real = await run('model', 'inspect', path.join(fixtures, 'basic-pitch'));
    expect(real.stdout).toMatch(/inputs: {6}input_2 \[\?, 43844, 1\] float32/);
    expect(real.stdout).toMatch(/compiles: {4}no, runs in TF.js \(cannot compile to plain JS: a dense stack has one output, this graph has 3/);
  });
});

describe('tensile model eval', () => {
  it('--json runs our export as plain JS with the DenseNet outputs', async () => {
    const { code, stdout } = await run('model', 'eval', path.join(tmp, 'graph'), '--input', '[[0],[500]]', '--json');
    expect(code).toBe(0);
    const { outputs } = JSON.parse(stdout);
    const want = createDenseForward(net).batch([0, 500]);
    expect(outputs).toHaveLength(1);
    outputs[0].forEach((row: number[], i: number) => expect(Math.abs(row[0] - want[i])).toBeLessThan(FLOAT32_REL * Math.abs(want[i])));
  });

  it('gives the same numbers compiled and through TF.js (--no-compile) on a converter-shaped model', async () => {
    const model = path.join(fixtures, 'converter-uint16', 'model.json');
    const a = JSON.parse((await run('model', 'eval', model, '--input', '[[0],[500],[12000]]', '--json')).stdout).outputs[0].flat();
    const b = JSON.parse((await run('model', 'eval', model, '--input', '[[0],[500],[12000]]', '--json', '--no-compile')).stdout).outputs[0].flat();
    a.forEach((v: number, i: number) => expect(Math.abs(v - b[i])).toBeLessThanOrEqual(FLOAT32_REL * Math.max(1, Math.abs(b[i]))));
    const text = await run('model', 'eval', model, '--input', '[[0],[500]]');
    expect(text.stdout).toMatch(/^Identity: \[\[.*\],\[.*\]\]\n\(compiled: plain JS, no TF.js\)\n$/);
  });

  it('runs the real converter model in TF.js from --input-file: three outputs', async () => {
    const inputFile = path.join(tmp, 'audio.json');
    await writeFile(inputFile, JSON.stringify([Array.from({ length: 43844 }, (_, i) => [Math.sin(i / 10) * 0.3])]));
    const { code, stdout, stderr } = await run('model', 'eval', path.join(fixtures, 'basic-pitch'), '--input-file', inputFile, '--json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const { outputs } = JSON.parse(stdout);
    expect(outputs.map((o: number[][][]) => [o.length, o[0].length, o[0][0].length])).toEqual([
      [1, 172, 264],
      [1, 172, 88],
      [1, 172, 88],
    ]);
  }, 60_000);

  it.each([
    [['--input', '[[0],[500]'], /^tensile: --input must be a JSON nested array like \[\[0\],\[500\]\]: --input is not JSON/],
    [['--input', '[[0],[1,2]]'], /^tensile: input\[1\] must be an array of 1 \(the input is not rectangular\)/],
    [['--input', '[["a"]]'], /^tensile: input\[0\]\[0\] must be a finite number, got "a"/],
    [['--input', '[[0,1]]'], /^tensile: input has shape \[1, 2\], the model takes \[batch, 1\]/],
    [[], /^tensile: give the input as --input/],
    [['--input', '[[0]]', '--max-bytes', 'lots'], /^tensile: --max-bytes must be a positive whole number/],
  ])('bad input %j -> one stderr line, exit 1', async (args, message) => {
    const { code, stdout, stderr } = await run('model', 'eval', path.join(tmp, 'graph'), ...args);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('bad model files -> one stderr line, exit 1', async () => {
    const notJson = path.join(tmp, 'bad.json');
    await writeFile(notJson, 'this is not a model');
    for (const [target, message] of [
      [notJson, /^tensile: .*bad.json is not JSON/],
      [path.join(tmp, 'missing', 'model.json'), /^tensile: cannot read model.json at/],
    ] as const) {
      const { code, stderr } = await run('model', 'inspect', target, '--json');
      expect(code).toBe(1);
      expect(stderr).toMatch(message);
      expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    }
  });
});
