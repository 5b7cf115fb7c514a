// `tensile fit --model mlp...` end to end through runCli: the issue-4 JSON shape with params
// replaced by the architecture, emitted code that reproduces the net, --save as a TF.js model that
// loads back with the same outputs, the progress bar (on a TTY only, never with --json), errors.
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTICLE_SAMPLES, fitMlp, toSamples } from '@tensile/core';
import { createModelCurve, loadTfjsModel } from '@tensile/core/tfjs';
import { runCaptured } from '../test-support/run-cli';
import { maybeRunMlpFit } from './mlp-run';

function load(code: string): (x: number, max?: number) => number {
  return new Function(`${code.replace(/^export /gm, '')}\nreturn damping;`)() as (x: number, max?: number) => number;
}

/** The issue-4 keys every `tensile fit --json` object has. */
const KEYS = ['model', 'params', 'stderr', 'sse', 'rmse', 'r2', 'aicc', 'maxAbsResidual', 'monotone', 'iterations', 'stopReason', 'warnings', 'ms', 'code'];
/** Saved TF.js models hold float32 weights. */
const FLOAT32_RTOL = 1e-5;
const XS = [0, 250, 500, 1000, 2500, 6000, 12000, 20000];

describe('tensile fit --model mlp', () => {
  it('--json prints one object in the issue-4 shape, with params replaced by the architecture, and code that reproduces the net', async () => {
    const { code, stdout, stderr } = await runCaptured(['fit', '--model', 'mlp:3x6:tanh', '--epochs', '300', '--seed', '2', '--json']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const out = JSON.parse(lines[0]);
    for (const k of KEYS) expect(out).toHaveProperty(k);
    expect(out.model).toBe('mlp:3x6:tanh');
    expect(out.params.architecture).toBe('1 -> 6 tanh -> 6 tanh -> 6 tanh -> 1 linear');
    expect(out.params.paramCount).toBe(1 * 6 + 6 + 2 * (36 + 6) + 6 + 1);
    expect(out.stderr).toBeNull();
    expect(out.aicc).toBeNull();
    expect(out.iterations).toBe(300);
    const same = fitMlp(ARTICLE_SAMPLES, { model: 'mlp:3x6:tanh', epochs: 300, seed: 2 });
    expect(out.sse).toBe(same.sse);
    const damping = load(out.code);
    for (const x of XS) expect(Math.abs(damping(x) - same.curve.evaluate(x))).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(same.curve.evaluate(x))));
    expect(damping(-700)).toBe(-damping(700));
  });

  it('--monotone --zero-at-origin --save DIR writes a TF.js model that loads with the same outputs', async () => {
    const dir = path.join(await mkdtemp(path.join(os.tmpdir(), 'tensile-mlp-')), 'net');
    const { code, stdout } = await runCaptured(['fit', '--model', 'mlp:2x5', '--monotone', '--zero-at-origin', '--epochs', '200', '--save', dir, '--json']);
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.monotone).toBe(true);
    expect(out.params).toMatchObject({ monotone: true, zeroAtOrigin: true, extrapolation: 'clamp' });
    expect(out.saved).toBe(path.join(dir, 'model.json'));
    const damping = load(out.code);
    const model = await loadTfjsModel(out.saved);
    const curve = await createModelCurve(model);
    for (const x of XS.filter((v) => v <= 12000)) {
      expect(Math.abs(curve.evaluate(x) - damping(x))).toBeLessThanOrEqual(FLOAT32_RTOL * Math.max(1, Math.abs(damping(x))));
    }
    for (let x = 0; x < 20000; x += 50) expect(damping(x + 50)).toBeGreaterThanOrEqual(damping(x));

    const layersDir = path.join(path.dirname(dir), 'layers');
    const layers = JSON.parse((await runCaptured(['fit', '--model', 'mlp:1x3', '--epochs', '20', '--save', layersDir, '--save-format', 'layers', '--json'])).stdout);
    const loaded = await loadTfjsModel(layers.saved);
    expect(loaded.format).toBe('layers-model');
    const layersCurve = await createModelCurve(loaded);
    expect(Math.abs(layersCurve.evaluate(3000) - load(layers.code)(3000))).toBeLessThanOrEqual(FLOAT32_RTOL * 400);
  });

  it('prints a readable report and --emit js; the progress bar goes to a TTY stderr and never with --json', async () => {
    const { code, stdout, stderr } = await runCaptured(['fit', '--model', 'mlp:2x4:elu', '--epochs', '50', '--emit', 'js']);
    expect(code).toBe(0);
    // --emit: the report on stderr, stdout only the code.
    expect(stderr).toMatch(/^model {6}mlp:2x4:elu: 1 -> 4 elu -> 4 elu -> 1 linear \(33 parameters\)/);
    expect(stderr).toMatch(/training {3}50 epochs \(stop: epochs\), seed 1/);
    expect(stdout).toMatch(/export function damping\(x, max\)/);
    expect(stdout).not.toMatch(/^(model|training) /m);

    let drawn = '';
    const tty = Object.assign(Object.create(null), { isTTY: true, columns: 100, write: (t: string) => ((drawn += t), true) });
    const samples = toSamples(ARTICLE_SAMPLES);
    await maybeRunMlpFit({ epochs: '40' }, samples, { model: 'mlp:1x3', write: () => {}, progressStream: tty });
    expect(drawn).toMatch(/epoch \d+\/40/);
    drawn = '';
    await maybeRunMlpFit({ epochs: '40' }, samples, { model: 'mlp:1x3', json: true, write: () => {}, progressStream: tty });
    expect(drawn).toBe('');
  });

  it('bad options get one-line typed errors', async () => {
    const cases: [string[], RegExp][] = [
      [['--model', 'mlp:10x0'], /UNITS must be in 1\.\.1024, got 0/],
      [['--model', 'mlp:2x2:gelu'], /unknown activation "gelu"/],
      [['--model', 'mlp', '--epochs', '-3'], /--epochs must be an integer >= 1, got "-3"/],
      [['--model', 'mlp', '--seed', 'abc'], /--seed must be an integer >= 0/],
      [['--model', 'mlp', '--extrapolate', 'mirror'], /--extrapolate must be clamp, linear or none/],
      [['--model', 'mlp', '--save-format', 'layers'], /--save-format needs --save DIR/],
      [['--model', 'mlp', '--learning-rate', '0'], /--learning-rate must be a positive number/],
      [['--model', 'll3', '--monotone'], /--monotone applies only to --model mlp \(got --model ll3\)/],
      [['--model', 'mlp:2x2', '--learning-rate', '1e150', '--epochs', '100'], /training diverged at epoch \d+/],
    ];
    for (const [args, message] of cases) {
      const { code, stdout, stderr } = await runCaptured(['fit', ...args, '--json']);
      expect(code, args.join(' ')).toBe(1);
      expect(stdout).toBe('');
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toMatch(message);
    }
  });
});
