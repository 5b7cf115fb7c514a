// `tensile fit --model mlp...`: trains the net (fitMlp) with a progress bar on stderr (not with
// --json), prints a short report or the issue-4 JSON object with `params` replaced by the
// architecture and parameter count, and with --save writes the net as a TF.js model.
import { writeFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import cliProgress from 'cli-progress';
import { FitOptionsError, TRAIN_DEFAULTS, fitMlp } from '@tensile/core';
import type { MlpFitResult, Samples } from '@tensile/core';
import { renderFitSvg } from './plot';
import { fitJson } from './report';
import { progressLines } from './progress-lines';
import { isMlpModel, readMlpOptions, rejectMlpOnlyOptions } from './mlp-options';
import type { MlpCliOptions } from './mlp-options';

export { addMlpOptions } from './mlp-options';

export interface MlpRunContext {
  model: string;
  json?: boolean;
  plot?: string;
  emit?: string;
  write: (text: string) => void;
  /** Where progress lines go under --json (default: process.stderr). */
  writeErr?: (text: string) => void;
  /** Where the readable report goes (default `write`; the caller sends it to stderr with --emit). */
  report?: (text: string) => void;
  /** Where the progress bar goes; default process.stderr (cli-progress draws only on a TTY). */
  progressStream?: NodeJS.WritableStream;
}

/** Ends on the best loss: the weights kept, whose MSE the report prints. */
export const MLP_PROGRESS_FORMAT = 'training {bar} {percentage}% | epoch {value}/{total} | MSE {loss} px² | best weights kept: MSE {best} px²';

const num = (v: number, digits = 6) => (Number.isFinite(v) ? String(Number(v.toPrecision(digits))) : String(v));

/** The --json object: issue 4's keys, `params` holding the architecture and parameter count. */
export function mlpFitJson(r: MlpFitResult, ms: number, extra: { seed: number; monotone: boolean; saved: string | null }): Record<string, unknown> {
  const rules = r.net.outputRules ?? {};
  return {
    ...fitJson(r, ms),
    params: {
      architecture: r.architecture,
      paramCount: r.paramCount,
      monotone: extra.monotone,
      zeroAtOrigin: rules.zeroAtOrigin ?? false,
      extrapolation: rules.extrapolation ?? 'none',
      domain: rules.domain ?? null,
      seed: extra.seed,
    },
    stderr: null,
    stopReason: r.trainStopReason,
    loss: r.sse / r.n,
    saved: extra.saved,
  };
}

function report(r: MlpFitResult, ms: number, seed: number, saved: string | null): string {
  const rules = r.net.outputRules ?? {};
  const lines = [
    `model      ${r.model}: ${r.architecture} (${r.paramCount} parameters${r.facts?.monotone === 'increasing' ? ', monotone by construction' : ''})`,
    `training   ${r.iterations} epochs (stop: ${r.trainStopReason}), seed ${seed}, ${ms.toFixed(0)} ms; y(0) = 0 ${rules.zeroAtOrigin ? 'exactly' : 'not enforced'}; beyond [${rules.domain?.min}, ${rules.domain?.max}] px: ${rules.extrapolation}`,
    '',
    `MSE ${num(r.sse / r.n)} px²   SSE ${num(r.sse, 7)}   RMSE ${num(r.rmse, 4)} px   R² ${num(r.r2)}   max |residual| ${num(r.maxAbsResidual, 4)} px   monotone ${r.monotone ? 'yes' : 'no'}`,
    ...(saved ? [`saved      ${saved}`] : []),
    ...r.warnings.map((w) => `warning: ${w}`),
  ];
  return lines.join('\n') + '\n';
}

/**
 * Runs the fit when `ctx.model` is an mlp and returns true; otherwise checks that no mlp-only
 * option was given and returns false (the caller fits the other model).
 */
export async function maybeRunMlpFit(commandOptions: object, samples: Samples, ctx: MlpRunContext): Promise<boolean> {
  const opts = commandOptions as MlpCliOptions;
  if (!isMlpModel(ctx.model)) {
    rejectMlpOnlyOptions(ctx.model, opts);
    return false;
  }
  const { saveFormat, ...options } = readMlpOptions(ctx.model, opts);
  const epochs = options.epochs ?? TRAIN_DEFAULTS.epochs;
  const seed = options.seed ?? TRAIN_DEFAULTS.seed;
  // The bar shows the epoch's loss and the best so far: training keeps the best weights, not the
  // last, so its final frame shows the loss of the kept weights, the MSE the report prints.
  const bar = ctx.json
    ? null
    : new cliProgress.SingleBar(
        { stream: ctx.progressStream ?? process.stderr, format: MLP_PROGRESS_FORMAT, barsize: 20, hideCursor: true, clearOnComplete: false },
        cliProgress.Presets.shades_classic,
      );
  bar?.start(epochs, 0, { loss: '-', best: '-' });
  const lines = ctx.json ? progressLines(epochs, ctx.writeErr ?? ((text) => process.stderr.write(text))) : null;
  const started = performance.now();
  let result: MlpFitResult | undefined;
  let best = Infinity;
  try {
    const onBar = bar
      ? (epoch: number, loss: number) => {
          best = Math.min(best, loss);
          bar.update(epoch, { loss: num(loss, 4), best: num(best, 4) });
        }
      : null;
    const onProgress = onBar ?? lines;
    result = fitMlp(samples, { ...options, ...(onProgress ? { onProgress } : {}) });
  } finally {
    if (bar && result) bar.update(result.iterations, { best: num(result.sse / result.n) });
    bar?.stop();
  }
  const ms = performance.now() - started;
  let saved: string | null = null;
  if (opts.save !== undefined) {
    const { saveDenseNet } = await import('@tensile/core/tfjs');
    saved = await saveDenseNet(result.net, opts.save, saveFormat).catch((err: Error) => {
      throw new FitOptionsError('E_FIT_BAD_OPTION', `cannot write --save ${opts.save}: ${err.message}`, { where: '--save' });
    });
  }
  if (ctx.plot !== undefined) {
    const svg = renderFitSvg({
      title: `tensile fit --model ${ctx.model}: ${result.paramCount} parameters, MSE ${num(result.sse / result.n, 4)} px²`,
      x: samples.x,
      y: samples.y,
      curves: [{ label: result.model, curve: result.curve, primary: true }],
      residuals: result.residuals,
    });
    await writeFile(ctx.plot, svg).catch((err: Error) => {
      throw new FitOptionsError('E_FIT_BAD_OPTION', `cannot write --plot ${ctx.plot}: ${err.message}`, { where: '--plot' });
    });
  }
  if (ctx.json) {
    ctx.write(JSON.stringify(mlpFitJson(result, ms, { seed, monotone: options.monotone === true, saved })) + '\n');
    return true;
  }
  const say = ctx.report ?? ctx.write;
  say(report(result, ms, seed, saved));
  if (ctx.plot !== undefined) say(`plot       ${ctx.plot}\n`);
  if (ctx.emit) ctx.write(ctx.emit === 'ts' ? result.curve.toTS() : result.curve.toJS());
  return true;
}
