// fitMlp: trains the mlp model (core/nn's trainDenseNet) and reports it like fitCurve: SSE, RMSE,
// R², residuals, the monotone flag and a FittedCurve. Apart from mlp.ts so that the family (which
// the registry loads) does not import FittedCurve, which imports the registry.
import { describeValue } from '../../errors';
import { describeDenseNet } from '../../nn/dense-net';
import type { DenseNet } from '../../nn/dense-net';
import { trainDenseNet } from '../../nn/train';
import type { TrainOptions, TrainResult } from '../../nn/train-options';
import { computeDiagnostics, monotoneOnRange } from '../diagnostics';
import { FitOptionsError, readOwnProperties, thrownMessage } from '../errors';
import type { FitResult } from '../fit';
import { assembleFitResult } from '../result';
import { checkSamplesFor, toSamples } from '../samples';
import { extent } from './start';
import type { Samples, SamplesInput } from '../samples';
import { createMlpModel, mlpModelName, mlpNetSettings, mlpNetToParams, parseMlpName } from './mlp';

/** Options of fitMlp: the architecture as a model name plus trainDenseNet's training options. */
export interface MlpFitOptions extends Omit<TrainOptions, 'layers' | 'units' | 'activation'> {
  /** "mlp", "mlp:LAYERSxUNITS" or "mlp:LAYERSxUNITS:activation"; default "mlp" (10 x 10 selu). */
  model?: string;
  /** Confidence level carried into the result (nets have no standard errors); default 0.95. */
  confidence?: number;
  /** Largest accepted sample count (see toSamples). */
  maxPoints?: number;
}

/** A FitResult plus what only a net has. `iterations` counts epochs; `stopReason` is "custom". */
export interface MlpFitResult extends FitResult {
  net: DenseNet;
  /** e.g. "1 -> 10 selu -> ... -> 1 linear". */
  architecture: string;
  /** Trainable parameters (weights + biases). */
  paramCount: number;
  /** What ended training: the target loss, or the epoch budget. */
  trainStopReason: TrainResult['stopReason'];
  lossHistory: Float64Array;
  /** Wall time of the training loop, ms. */
  trainMs: number;
}

/**
 * Trains an mlp on damping samples (x >= 0, mirrored for x < 0) and reports it like `fitCurve`:
 * SSE, RMSE, R², residuals, monotone flag and a FittedCurve (evaluate, toJS, toJSON). A net has
 * more parameters than samples, so it has no standard errors and its AICc is Infinity.
 */
export function fitMlp(input: SamplesInput | Samples, options: MlpFitOptions = {}): MlpFitResult {
  if (typeof options !== 'object' || options === null) {
    throw new FitOptionsError('E_FIT_BAD_OPTION', `options must be an object, got ${describeValue(options)}`, { where: 'options', value: options });
  }
  const { model: name = 'mlp', confidence = 0.95, maxPoints, ...train } = readOwnProperties(options, (key, err) => {
    throw new FitOptionsError('E_FIT_BAD_OPTION', `reading options.${key} threw: ${thrownMessage(err)}`, { where: `options.${key}` });
  });
  if (typeof confidence !== 'number' || !(confidence > 0 && confidence < 1)) {
    throw new FitOptionsError('E_FIT_BAD_OPTION', `confidence must be in (0, 1), got ${describeValue(confidence)}`, { where: 'confidence', value: confidence });
  }
  const arch = parseMlpName(name);
  const samples = toSamples(input, { maxPoints });
  // Two points make a curve; x >= 0 as for every damping model (fitted on the positive half).
  checkSamplesFor(samples, { name: mlpModelName(arch), params: ['x0', 'x1'], domain: 'nonnegative' });
  const trained = trainDenseNet(
    { x: samples.x, y: samples.y, ...(samples.weights ? { weights: samples.weights } : {}) },
    { extrapolation: 'clamp', ...train, ...arch, name: mlpModelName(arch) },
  );
  const model = createMlpModel(arch, { ...mlpNetSettings(trained.net, arch, train.monotone === true) });
  const params = mlpNetToParams(trained.net);
  const predicted = Float64Array.from(samples.x, (v) => model.evaluate!(v, params));
  const d = computeDiagnostics(samples, params, predicted, null, confidence);
  const facts = model.facts!(params);
  const monotone = facts.monotone === 'increasing' || monotoneOnRange((v) => model.evaluate!(v, params), samples.x);
  const warnings: string[] = [];
  const range = extent(samples.x);
  if (!monotone) warnings.push(`${model.name}: the fitted net is not monotone on the data range [${range.min}, ${range.max}] px (try --monotone)`);
  if (trained.stopReason === 'epochs' && train.targetLoss !== undefined) {
    warnings.push(`${model.name}: stopped after ${trained.epochs} epochs at MSE ${trained.loss.toPrecision(4)} px², above targetLoss ${train.targetLoss}`);
  }
  return {
    ...assembleFitResult(model, params, d, confidence, {
      n: samples.weights ? samples.weights.filter((w) => w > 0).length : samples.x.length,
      iterations: trained.epochs,
      evaluations: trained.epochs,
      stopReason: 'custom',
      starts: 1,
      monotone,
      facts,
      warnings,
    }),
    net: trained.net,
    architecture: describeDenseNet(trained.net),
    paramCount: params.length,
    trainStopReason: trained.stopReason,
    lossHistory: trained.lossHistory,
    trainMs: trained.ms,
  };
}
