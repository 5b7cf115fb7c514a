// Bad input at the three commands (`tensile diff | fit | model`): one row per command x kind. Each
// row runs twice: through createProgram, to check the typed error's class and code, and through
// runCli, to check the user sees exactly one "tensile: ..." line naming the value and exit code 1.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiffError, FitDataError, FitOptionsError, ParseError, TensileError } from '@tensile/core';
import { ModelFormatError } from '@tensile/core/tfjs';
import { DiffCommandError } from './commands/diff';
import { createProgram, runCli } from './program';

type Kind = 'empty' | 'malformed' | 'non-finite' | 'oversized' | 'hostile' | 'wrong type';
interface Row {
  command: 'diff' | 'fit' | 'model inspect' | 'model eval';
  kind: Kind;
  /** argv; `$DIR` is replaced by the folder of this file's fixtures. */
  argv: string[];
  error: new (...args: never[]) => TensileError;
  code: string;
  names: RegExp;
}

let dir = '';
const files: Record<string, string> = {
  'empty.csv': '',
  'letters.csv': 'x,y\n1,abc\n',
  'nan.csv': 'x,y\n1,NaN\n2,3\n',
  'proto-model.json': '{"__proto__": {"format": "layers-model"}}',
  'empty-model.json': '',
  'not-a-model.json': '{"weights": []}',
};

const rows: Row[] = [
  { command: 'diff', kind: 'empty', argv: ['diff', ''], error: ParseError, code: 'E_PARSE', names: /column 1/ },
  { command: 'diff', kind: 'malformed', argv: ['diff', 'x +'], error: ParseError, code: 'E_PARSE', names: /column 4/ },
  { command: 'diff', kind: 'malformed', argv: ['diff', 'x^2', '--at', 'x=1,x=2'], error: DiffCommandError, code: 'E_DIFF_BAD_OPTION', names: /--at gives x twice/ },
  { command: 'diff', kind: 'non-finite', argv: ['diff', 'x^2', '--at', 'x=NaN'], error: DiffCommandError, code: 'E_DIFF_BAD_OPTION', names: /--at x: expected a finite number, got "NaN"/ },
  { command: 'diff', kind: 'non-finite', argv: ['diff', 'x^2', '--at', 'x=1e999'], error: DiffCommandError, code: 'E_DIFF_BAD_OPTION', names: /got "1e999"/ },
  { command: 'diff', kind: 'non-finite', argv: ['diff', 'log(x)', '--at', 'x=-1'], error: DiffError, code: 'E_NAN', names: /log\(-1\) is NaN/ },
  { command: 'diff', kind: 'oversized', argv: ['diff', 'x+'.repeat(60_000) + 'x'], error: ParseError, code: 'E_PARSE', names: /120001 characters long/ },
  { command: 'diff', kind: 'oversized', argv: ['diff', 'x^2', '--at', 'x=1', '--order', '99'], error: DiffCommandError, code: 'E_DIFF_BAD_OPTION', names: /--order must be 1 or 2, got "99"/ },
  { command: 'diff', kind: 'wrong type', argv: ['diff', 'x^2', '--at', 'x=abc'], error: DiffCommandError, code: 'E_DIFF_BAD_OPTION', names: /--at x: expected a finite number, got "abc"/ },
  { command: 'diff', kind: 'hostile', argv: ['diff', 'x^2', '--at', 'x=1', '--mode', 'constructor'], error: DiffCommandError, code: 'E_DIFF_BAD_OPTION', names: /--mode must be one of .*got "constructor"/ },
  { command: 'diff', kind: 'hostile', argv: ['diff', 'x^2', '--at', 'x=1', '--wrt', '__proto__'], error: DiffCommandError, code: 'E_DIFF_BAD_OPTION', names: /--wrt __proto__: the formula has no variable __proto__/ },
  { command: 'diff', kind: 'hostile', argv: ['diff', 'constructor(x)', '--at', 'x=1'], error: ParseError, code: 'E_PARSE', names: /unknown function 'constructor'/ },
  { command: 'fit', kind: 'empty', argv: ['fit', '--data', '$DIR/empty.csv'], error: FitDataError, code: 'E_FIT_EMPTY', names: /sample text is empty/ },
  { command: 'fit', kind: 'empty', argv: ['fit', '--model', ''], error: FitOptionsError, code: 'E_FIT_UNKNOWN_MODEL', names: /non-empty name, got ""/ },
  { command: 'fit', kind: 'malformed', argv: ['fit', '--data', '$DIR/letters.csv'], error: FitDataError, code: 'E_FIT_MALFORMED', names: /line 2: "y" is "abc", not a number/ },
  { command: 'fit', kind: 'non-finite', argv: ['fit', '--data', '$DIR/nan.csv'], error: FitDataError, code: 'E_FIT_NON_FINITE', names: /line 2: "y" is "NaN"/ },
  { command: 'fit', kind: 'non-finite', argv: ['fit', '--max', 'Infinity'], error: FitOptionsError, code: 'E_FIT_BAD_OPTION', names: /--max must be a positive number of px, got "Infinity"/ },
  { command: 'fit', kind: 'oversized', argv: ['fit', '--model', 'poly:99999'], error: FitOptionsError, code: 'E_FIT_UNKNOWN_MODEL', names: /degree N in 1\.\.\d+, got "99999"/ },
  { command: 'fit', kind: 'oversized', argv: ['fit', '--model', 'mlp:100000x100000'], error: FitOptionsError, code: 'E_FIT_UNKNOWN_MODEL', names: /LAYERS must be in 0\.\.\d+, got 100000/ },
  { command: 'fit', kind: 'wrong type', argv: ['fit', '--max', 'abc'], error: FitOptionsError, code: 'E_FIT_BAD_OPTION', names: /--max .*got "abc"/ },
  { command: 'fit', kind: 'wrong type', argv: ['fit', '--emit', 'constructor'], error: FitOptionsError, code: 'E_FIT_BAD_OPTION', names: /--emit must be js or ts, got "constructor"/ },
  { command: 'fit', kind: 'hostile', argv: ['fit', '--model', '__proto__'], error: FitOptionsError, code: 'E_FIT_UNKNOWN_MODEL', names: /unknown model "__proto__"/ },
  { command: 'fit', kind: 'hostile', argv: ['fit', '--model', 'formula:__proto__*x'], error: FitOptionsError, code: 'E_FIT_BAD_MODEL', names: /"__proto__" is reserved/ },
  { command: 'fit', kind: 'hostile', argv: ['fit', '--data', '$DIR/nan.csv', '--weights', '__proto__'], error: FitOptionsError, code: 'E_FIT_BAD_OPTION', names: /weights column "__proto__" not found/ },
  { command: 'model inspect', kind: 'empty', argv: ['model', 'inspect', '$DIR/empty-model.json'], error: ModelFormatError, code: 'E_MODEL_NOT_JSON', names: /empty-model\.json is not JSON/ },
  { command: 'model inspect', kind: 'empty', argv: ['model', 'inspect', ''], error: ModelFormatError, code: 'E_MODEL_SOURCE', names: /got ""/ },
  { command: 'model inspect', kind: 'malformed', argv: ['model', 'inspect', '$DIR/not-a-model.json'], error: ModelFormatError, code: 'E_MODEL_FORMAT', names: /neither a TF\.js graph model nor a layers model/ },
  { command: 'model inspect', kind: 'non-finite', argv: ['model', 'inspect', '$DIR/not-a-model.json', '--max-bytes', 'NaN'], error: ModelFormatError, code: 'E_MODEL_INPUT', names: /--max-bytes .*got "NaN"/ },
  { command: 'model inspect', kind: 'oversized', argv: ['model', 'inspect', '$DIR/not-a-model.json', '--max-bytes', '4'], error: ModelFormatError, code: 'E_MODEL_TOO_LARGE', names: /over the size cap of 4 bytes/ },
  { command: 'model inspect', kind: 'wrong type', argv: ['model', 'inspect', '$DIR/not-a-model.json', '--max-bytes', '-5'], error: ModelFormatError, code: 'E_MODEL_INPUT', names: /--max-bytes .*got "-5"/ },
  { command: 'model inspect', kind: 'hostile', argv: ['model', 'inspect', '$DIR/proto-model.json'], error: ModelFormatError, code: 'E_MODEL_HOSTILE_KEY', names: /refusing the key "__proto__"/ },
  { command: 'model eval', kind: 'empty', argv: ['model', 'eval', '$DIR/not-a-model.json'], error: ModelFormatError, code: 'E_MODEL_INPUT', names: /--input/ },
  { command: 'model eval', kind: 'malformed', argv: ['model', 'eval', '$DIR/not-a-model.json', '--input', '[[1]'], error: ModelFormatError, code: 'E_MODEL_INPUT', names: /--input must be a JSON nested array/ },
  { command: 'model eval', kind: 'non-finite', argv: ['model', 'eval', '$DIR/not-a-model.json', '--input', '[[NaN]]'], error: ModelFormatError, code: 'E_MODEL_INPUT', names: /--input .*"\[\[NaN\]\]"/ },
  { command: 'model eval', kind: 'hostile', argv: ['model', 'eval', '$DIR/not-a-model.json', '--input', '{"__proto__": 1}'], error: ModelFormatError, code: 'E_MODEL_INPUT', names: /refusing the key "__proto__"/ },
];

const argvOf = (row: Row) => row.argv.map((a) => a.replace('$DIR', dir));

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'tensile-cli-bad-'));
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('tensile diff | fit | model: bad input is one typed error line and exit code 1', () => {
  it.each(rows.map((r) => [`${r.command} / ${r.kind}: ${r.names.source.slice(0, 40)}`, r] as const))('%s', async (_label, row) => {
    const quiet = { stdout: () => {}, stderr: () => {} };
    const thrown = await createProgram(quiet)
      .parseAsync(argvOf(row), { from: 'user' })
      .then(() => undefined, (err: unknown) => err);
    expect(thrown).toBeInstanceOf(row.error);
    expect((thrown as TensileError).code).toBe(row.code);

    let stdout = '';
    let stderr = '';
    const code = await runCli(argvOf(row), { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^tensile: [^\n]+\n$/);
    expect(stderr).toMatch(row.names);
  });
});
