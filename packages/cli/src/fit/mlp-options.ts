// The options `tensile fit` takes for `--model mlp[:LAYERSxUNITS[:activation]]`, declared once and
// read into fitMlp options; mlp-only options given with another model are an error, not ignored.
import { Option } from 'commander';
import type { Command } from 'commander';
import { FitOptionsError } from '@tensile/core';
import type { MlpFitOptions } from '@tensile/core';

/** The raw option values commander hands over (strings, booleans). */
export interface MlpCliOptions {
  monotone?: boolean;
  zeroAtOrigin?: boolean;
  epochs?: string;
  seed?: string;
  targetLoss?: string;
  learningRate?: string;
  extrapolate?: string;
  save?: string;
  saveFormat?: string;
}

const MLP_ONLY: (keyof MlpCliOptions)[] = ['monotone', 'zeroAtOrigin', 'epochs', 'seed', 'targetLoss', 'learningRate', 'extrapolate', 'save', 'saveFormat'];
const FLAG: Record<keyof MlpCliOptions, string> = {
  monotone: '--monotone',
  zeroAtOrigin: '--zero-at-origin',
  epochs: '--epochs',
  seed: '--seed',
  targetLoss: '--target-loss',
  learningRate: '--learning-rate',
  extrapolate: '--extrapolate',
  save: '--save',
  saveFormat: '--save-format',
};

/** Adds the mlp options to the `fit` command (after its own options in --help). */
export function addMlpOptions(fit: Command): void {
  fit
    .addOption(new Option('--monotone', 'For --model mlp: guarantee a non-decreasing curve (non-negative weights)'))
    .addOption(new Option('--zero-at-origin', 'For --model mlp: train f(x) - f(0) so that y(0) = 0 exactly'))
    .addOption(new Option('--epochs <n>', 'For --model mlp: full-batch Adam epochs at most (default: 2000)'))
    .addOption(new Option('--seed <n>', 'For --model mlp: seed (an integer) of the Glorot-uniform initialisation (default: 1)'))
    .addOption(new Option('--target-loss <px2>', 'For --model mlp: stop once the MSE is at or below this, in px² (default: train every epoch)'))
    .addOption(new Option('--learning-rate <lr>', 'For --model mlp: Adam step size, a factor on the gradient (default: 0.01)'))
    .addOption(new Option('--extrapolate <rule>', 'For --model mlp: the curve beyond the samples\' x range: clamp (flat), linear (edge tangent) or none (default: clamp)'))
    .addOption(new Option('--save <dir>', 'For --model mlp: write the trained net as a TF.js model (model.json + weights) into this folder (default: not saved)'))
    .addOption(new Option('--save-format <format>', 'For --model mlp with --save: graph (for tf.loadGraphModel) or layers (for tf.loadLayersModel) (default: graph)'));
}

export function isMlpModel(model: string): boolean {
  return model === 'mlp' || model.startsWith('mlp:');
}

function optionError(flag: string, message: string): FitOptionsError {
  return new FitOptionsError('E_FIT_BAD_OPTION', message, { where: flag });
}

/** Throws when an mlp-only option came with another model. */
export function rejectMlpOnlyOptions(model: string, opts: MlpCliOptions): void {
  const given = MLP_ONLY.filter((k) => opts[k] !== undefined);
  if (given.length) throw optionError(FLAG[given[0]], `${given.map((k) => FLAG[k]).join(', ')} ${given.length > 1 ? 'apply' : 'applies'} only to --model mlp (got --model ${model})`);
}

function integer(flag: string, raw: string | undefined, min: number): number | undefined {
  if (raw === undefined) return undefined;
  const v = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(v) || v < min) throw optionError(flag, `${flag} must be an integer >= ${min}, got ${JSON.stringify(raw)}`);
  return v;
}

function positive(flag: string, raw: string | undefined, allowZero: boolean): number | undefined {
  if (raw === undefined) return undefined;
  const v = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(v) || v < 0 || (!allowZero && v === 0)) {
    throw optionError(flag, `${flag} must be a ${allowZero ? 'non-negative' : 'positive'} number, got ${JSON.stringify(raw)}`);
  }
  return v;
}

/** The fitMlp options for the command line's values (training progress is added by the caller). */
export function readMlpOptions(model: string, opts: MlpCliOptions): MlpFitOptions & { saveFormat: 'graph-model' | 'layers-model' } {
  const extrapolation = opts.extrapolate ?? 'clamp';
  if (extrapolation !== 'clamp' && extrapolation !== 'linear' && extrapolation !== 'none') {
    throw optionError('--extrapolate', `--extrapolate must be clamp, linear or none, got ${JSON.stringify(extrapolation)}`);
  }
  const format = opts.saveFormat ?? 'graph';
  if (format !== 'graph' && format !== 'layers') throw optionError('--save-format', `--save-format must be graph or layers, got ${JSON.stringify(format)}`);
  if (opts.saveFormat !== undefined && opts.save === undefined) throw optionError('--save-format', '--save-format needs --save DIR');
  const epochs = integer('--epochs', opts.epochs, 1);
  const seed = integer('--seed', opts.seed, 0);
  const targetLoss = positive('--target-loss', opts.targetLoss, true);
  const learningRate = positive('--learning-rate', opts.learningRate, false);
  return {
    model,
    extrapolation,
    monotone: opts.monotone === true,
    zeroAtOrigin: opts.zeroAtOrigin === true,
    ...(epochs !== undefined ? { epochs } : {}),
    ...(seed !== undefined ? { seed } : {}),
    ...(targetLoss !== undefined ? { targetLoss } : {}),
    ...(learningRate !== undefined ? { learningRate } : {}),
    saveFormat: format === 'graph' ? 'graph-model' : 'layers-model',
  };
}
