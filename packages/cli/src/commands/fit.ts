// `tensile fit`: fits a damping curve to samples (the article's nine by default) and prints a
// table, or one JSON object with --json; --emit prints the standalone code, --plot writes an SVG.
import { writeFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import type { Command } from 'commander';
import { ARTICLE_SAMPLES, DEFAULT_ARTICLE_MAX, FitOptionsError, fitCurve, parseSamples, toSamples } from '@tensile/core';
import type { Samples } from '@tensile/core';
import { renderFitSvg } from '../fit/plot';
import { fitJson, formatFitReport } from '../fit/report';
import { readTextFileWithin } from '../read-text-file';
import { addMlpOptions, maybeRunMlpFit } from '../fit/mlp-run';
import { addSolverOptions, solverOptions } from '../fit/solver-options';
import type { SolverCliOptions } from '../fit/solver-options';

interface FitCommandOptions extends SolverCliOptions {
  data?: string;
  model: string;
  max?: string;
  weights?: string;
  json?: boolean;
  plot?: string;
  emit?: string;
}

function optionError(where: string, message: string): FitOptionsError {
  return new FitOptionsError('E_FIT_BAD_OPTION', message, { where });
}

async function loadSamples(opts: FitCommandOptions): Promise<Samples> {
  if (opts.data === undefined) {
    if (opts.weights !== undefined) throw optionError('--weights', '--weights COLUMN needs --data FILE (the embedded article samples have no weight column)');
    return toSamples(ARTICLE_SAMPLES);
  }
  const text = await readTextFileWithin(opts.data, '--data', (message) => optionError('--data', message));
  const format = /\.json$/i.test(opts.data) ? 'json' : /\.(csv|tsv|txt)$/i.test(opts.data) ? 'csv' : undefined;
  const weights = opts.weights === undefined ? undefined : /^\d+$/.test(opts.weights) ? Number(opts.weights) : opts.weights;
  // A formula may read several named columns (Nelson's y, x1, x2): keep every numeric column for it.
  return parseSamples(text, { format, weights, ...(opts.model.startsWith('formula:') ? { predictors: 'auto' as const } : {}) });
}

function parseMax(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_ARTICLE_MAX;
  const v = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(v) || v <= 0) throw optionError('--max', `--max must be a positive number of px, got ${JSON.stringify(raw)}`);
  return v;
}

export function installFitCommand(program: Command): void {
  program
    .command('fit')
    .description("Fit a damping curve (finger px -> displayed px) to samples and print the fit; --emit prints it as standalone code, --plot draws it")
    .option('--data <file>', 'Samples as CSV (header or none; comma, semicolon or tab) or JSON, x and y in px (default: the article\'s nine samples)')
    .option('--model <name>', 'The model: article, ll3, 4pl, 5pl, poly:N, rubberband, power, expsat, formula:<expr>, auto (every monotone family, ranked by AICc) or mlp[:LAYERSxUNITS[:activation]]', 'article')
    .option('--max <px>', "The article model's max, in px", String(DEFAULT_ARTICLE_MAX))
    .option('--weights <column>', 'Column of per-sample weights, by name or 0-based index (default: every sample weighs 1)')
    .option('--json', 'Print one JSON object (model, params, stderr, sse, rmse, r2, aicc, maxAbsResidual, monotone, iterations, stopReason, warnings, ms, code) instead of the table')
    .option('--plot <file.svg>', 'Write an SVG of the samples, the fitted curve(s) and the residuals to this file (default: no plot)')
    .option('--emit <lang>', 'Print only the fitted curve on stdout, as an ES module exporting damping(x, max), the elastic engine\'s curve: js or ts; the report goes to stderr (default: no code)')
    .action(async (opts: FitCommandOptions) => {
      const write = (text: string) => program.configureOutput().writeOut?.(text);
      const writeErr = (text: string) => program.configureOutput().writeErr?.(text);
      // With --emit, stdout is the code alone (`tensile fit --emit js > damping.js`): the report goes to stderr.
      const report = opts.emit === undefined ? write : writeErr;
      if (opts.emit !== undefined && opts.emit !== 'js' && opts.emit !== 'ts') throw optionError('--emit', `--emit must be js or ts, got ${JSON.stringify(opts.emit)}`);
      if (opts.plot !== undefined && !/\.svg$/i.test(opts.plot)) throw optionError('--plot', `--plot needs a file name ending in .svg, got ${JSON.stringify(opts.plot)}`);
      const max = parseMax(opts.max);
      const samples = await loadSamples(opts);
      if (await maybeRunMlpFit(opts, samples, { model: opts.model, json: opts.json, plot: opts.plot, emit: opts.emit, write, writeErr, report })) return;
      const started = performance.now();
      const result = fitCurve(samples, { model: opts.model, max, ...solverOptions(opts) });
      const ms = performance.now() - started;
      if (opts.plot !== undefined) {
        const curves = result.selection
          ? result.selection.filter((s) => s.curve).map((s, i) => ({ label: s.model, curve: s.curve!, primary: i === 0 }))
          : [{ label: result.model, curve: result.curve, primary: true }];
        const svg = renderFitSvg({
          title: `tensile fit --model ${opts.model}${result.model === opts.model ? '' : ` → ${result.model}`}: SSE ${result.sse.toPrecision(7)}, RMSE ${result.rmse.toPrecision(4)} px`,
          x: samples.x,
          y: samples.y,
          curves,
          residuals: result.residuals,
        });
        await writeFile(opts.plot, svg).catch((err: Error) => {
          throw optionError('--plot', `cannot write --plot ${opts.plot}: ${err.message}`);
        });
      }
      if (opts.json) {
        write(JSON.stringify(fitJson(result, ms)) + '\n');
        return;
      }
      report(formatFitReport(result, ms, samples.x.length));
      if (opts.plot !== undefined) report(`plot       ${opts.plot}\n`);
      if (opts.emit) write(opts.emit === 'ts' ? result.curve.toTS() : result.curve.toJS());
    });
  addSolverOptions(program.commands.find((c) => c.name() === 'fit')!);
  addMlpOptions(program.commands.find((c) => c.name() === 'fit')!);
}
