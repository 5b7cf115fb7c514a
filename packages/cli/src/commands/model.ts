// `tensile model inspect PATH` and `tensile model eval PATH --input JSON`: any model.json that
// stock TF.js loads (graph or layers, converter-made or ours). Dense stacks run as plain JS; other
// models run in TF.js (@tensorflow/tfjs, loaded only then).
import type { Command } from 'commander';
import { readTextFileWithin } from '../read-text-file';
import { describeDenseNet } from '@tensile/core';
import {
  ModelFormatError,
  evaluateTfjsModel,
  inspectTfjsModel,
  loadTfjsModel,
  parseJsonSafely,
  tryCompileTfjsModel,
  type ModelInfo,
  type TensorInfo,
} from '@tensile/core/tfjs';

interface CommonOptions {
  json?: boolean;
  maxBytes?: string;
}

function parseMaxBytes(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) {
    throw new ModelFormatError('E_MODEL_INPUT', `--max-bytes must be a positive whole number of bytes, got ${JSON.stringify(raw)}`, { where: '--max-bytes' });
  }
  return n;
}

const shapeText = (t: TensorInfo) => `${t.name} ${t.shape ? `[${t.shape.map((d) => (d === null ? '?' : d)).join(', ')}]` : '[unknown]'} ${t.dtype}`;

function formatInfo(info: ModelInfo, compileNote: string): string {
  const ops = Object.entries(info.ops)
    .map(([op, n]) => `${op} ${n}`)
    .join(', ');
  return [
    `format:      ${info.format}`,
    ...info.inputs.map((t, i) => `${i === 0 ? 'inputs:     ' : '            '} ${shapeText(t)}`),
    ...info.outputs.map((t, i) => `${i === 0 ? 'outputs:    ' : '            '} ${shapeText(t)}`),
    `ops:         ${ops}`,
    `params:      ${info.params}`,
    `weightBytes: ${info.weightBytes}`,
    `compiles:    ${compileNote}`,
    '',
  ].join('\n');
}

async function readInput(opts: { input?: string; inputFile?: string }): Promise<unknown> {
  if ((opts.input === undefined) === (opts.inputFile === undefined)) {
    throw new ModelFormatError('E_MODEL_INPUT', "give the input as --input '[[0],[500]]' or --input-file PATH (exactly one)", { where: '--input' });
  }
  const text =
    opts.input ?? (await readTextFileWithin(opts.inputFile as string, '--input-file', (message) => new ModelFormatError('E_MODEL_INPUT', message, { where: '--input-file' })));
  try {
    return parseJsonSafely(text, '--input');
  } catch (err) {
    throw new ModelFormatError('E_MODEL_INPUT', `--input must be a JSON nested array like [[0],[500]]: ${(err as Error).message}`, { where: '--input' }, { cause: err });
  }
}

export function installModelCommand(program: Command): void {
  const model = program.command('model').description('Inspect and run TF.js models (model.json + weight shards)');
  const write = (text: string) => program.configureOutput().writeOut?.(text);

  model
    .command('inspect')
    .description('Print a model\'s format, inputs, outputs, op histogram, parameter count, weight bytes, and whether it compiles to plain JS')
    .argument('<path>', 'The model.json (or its folder), or an http(s) URL')
    .option('--json', 'Print one JSON object instead of the table')
    .option('--max-bytes <n>', 'Size cap for model.json and all shards together, in bytes (default: 64 MiB)')
    .action(async (path: string, opts: CommonOptions) => {
      const loaded = await loadTfjsModel(path, { maxBytes: parseMaxBytes(opts.maxBytes) });
      const info = inspectTfjsModel(loaded);
      if (opts.json) {
        write(JSON.stringify(info) + '\n');
        return;
      }
      const { net, error } = tryCompileTfjsModel(loaded);
      write(formatInfo(info, net ? `yes (${describeDenseNet(net)})` : `no, runs in TF.js (${error.message})`));
    });

  model
    .command('eval')
    .description('Run the model on a nested array, e.g. --input \'[[0],[500]]\' (one row per sample)')
    .argument('<path>', 'The model.json (or its folder), or an http(s) URL')
    .option('--input <json>', 'The input as a JSON nested array, one row per sample (default: none; this or --input-file is needed)')
    .option('--input-file <path>', 'Read the input JSON from this file, for inputs too long for a command line (default: none)')
    .option('--json', 'Print {"outputs": [...]} instead of the table')
    .option('--no-compile', 'Run in TF.js even when the model compiles to plain JS')
    .option('--max-bytes <n>', 'Size cap for model.json and all shards together, in bytes (default: 64 MiB)')
    .action(async (path: string, opts: CommonOptions & { input?: string; inputFile?: string; compile: boolean }) => {
      const input = await readInput(opts);
      const loaded = await loadTfjsModel(path, { maxBytes: parseMaxBytes(opts.maxBytes) });
      const { outputs, compiled } = await evaluateTfjsModel(loaded, input, { compile: opts.compile ? 'auto' : 'never' });
      if (opts.json) {
        write(JSON.stringify({ outputs }) + '\n');
        return;
      }
      const names = inspectTfjsModel(loaded).outputs.map((o) => o.name);
      const lines = outputs.map((o, i) => `${names[i] ?? `output ${i}`}: ${JSON.stringify(o)}`);
      write(`${lines.join('\n')}\n(${compiled ? 'compiled: plain JS, no TF.js' : 'ran in TF.js'})\n`);
    });
}
