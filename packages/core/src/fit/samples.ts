// Samples to fit: validated, immutable Float64Arrays of x, y and optional weights. Every public
// fitting entry point goes through `toSamples`, so bad data fails here with the row it is in.
import { TensileError, describeValue } from '../errors';
import { FitDataError, FitOptionsError } from './errors';
import { checkSampleScale } from './sample-scale';

/**
 * The file line each sample stands on, for samples parsed from CSV text (parseSamples): errors
 * found after parsing (a weight below 0, x below 0 for a damping model, a response that is not
 * finite) then name the line an editor shows, not the sample's index. A WeakMap, not a field,
 * as every further key of a samples object is a predictor column.
 */
const sourceLines = new WeakMap<object, readonly number[]>();

/** Records the file lines of `samples` (one per sample) and returns them. */
export function rememberSourceLines<T extends object>(samples: T, lines: readonly number[]): T {
  sourceLines.set(samples, lines);
  return samples;
}

/** How an error names sample `index` (0-based): "line 7" when it came from a CSV file, else "row 3". */
export function sampleLabel(samples: object, index: number): { where: string; row: number; line?: number } {
  const line = sourceLines.get(samples)?.[index];
  return line === undefined ? { where: `row ${index + 1}`, row: index + 1 } : { where: `line ${line}`, row: index + 1, line };
}

/**
 * Validated samples to fit, as fitting functions hold them: read-only Float64Arrays (drag samples: x is
 * the finger's travel and y the content's offset, both in px). Build them with toSamples or parseSamples.
 */
export interface Samples {
  /** The predictor of one-predictor models (the column `x`, or the first predictor column). */
  readonly x: Float64Array;
  /** Every predictor column by name, when the input named columns other than x (Nelson's x1, x2). */
  readonly predictors?: Readonly<Record<string, Float64Array>>;
  /** The response to fit, one value per x. */
  readonly y: Float64Array;
  /** Per-sample weights (>= 0, at least one > 0); undefined means all 1. */
  readonly weights?: Float64Array;
}

/**
 * What `fitCurve` accepts: `{ x, y, weights? }` arrays (further keys are more predictor columns,
 * e.g. `{ y, x1, x2 }`), or an array of `[x, y]` / `{ x, y }` rows.
 */
export type SamplesInput =
  | { x: ArrayLike<number>; y: ArrayLike<number>; weights?: ArrayLike<number> }
  | { y: ArrayLike<number>; weights?: ArrayLike<number>; [predictor: string]: ArrayLike<number> | undefined }
  | ReadonlyArray<readonly [number, number] | { x: number; y: number; weight?: number }>;

/** Refuses inputs that would take seconds per iteration; raise it with the `maxPoints` option. */
export const DEFAULT_MAX_POINTS = 1_000_000;

function isArrayLike(v: unknown): v is ArrayLike<unknown> {
  return Array.isArray(v) || (ArrayBuffer.isView(v) && !(v instanceof DataView));
}

function column(v: unknown, name: string, maxPoints: number): Float64Array {
  if (!isArrayLike(v)) {
    throw new FitDataError('E_FIT_MALFORMED', `samples.${name} must be an array of numbers, got ${describeValue(v)}`, {
      where: `samples.${name}`,
      value: v,
    });
  }
  if (v.length > maxPoints) {
    throw new FitDataError('E_FIT_TOO_LARGE', `samples.${name} has ${v.length} values, more than maxPoints = ${maxPoints}`, {
      where: `samples.${name}`,
      value: v.length,
    });
  }
  const out = new Float64Array(v.length);
  for (let i = 0; i < v.length; i++) {
    const value = v[i];
    if (typeof value !== 'number') {
      throw new FitDataError('E_FIT_MALFORMED', `row ${i + 1}: ${name} must be a number, got ${describeValue(value)}`, {
        where: `row ${i + 1}`,
        row: i + 1,
        value,
      });
    }
    if (!Number.isFinite(value)) {
      throw new FitDataError('E_FIT_NON_FINITE', `row ${i + 1}: ${name} is ${describeValue(value)}; every value must be a finite number`, {
        where: `row ${i + 1}`,
        row: i + 1,
        value,
      });
    }
    out[i] = value;
  }
  return out;
}

function rowsToColumns(rows: ReadonlyArray<unknown>): { x: unknown[]; y: unknown[]; weights?: unknown[] } {
  const x: unknown[] = [];
  const y: unknown[] = [];
  const weights: unknown[] = [];
  let anyWeight = false;
  rows.forEach((row, i) => {
    if (isArrayLike(row)) {
      if (row.length !== 2 && row.length !== 3) {
        throw new FitDataError('E_FIT_MALFORMED', `row ${i + 1}: expected [x, y] or [x, y, weight], got an array of length ${row.length}`, {
          where: `row ${i + 1}`,
          row: i + 1,
          value: row,
        });
      }
      x.push(row[0]);
      y.push(row[1]);
      weights.push(row.length === 3 ? row[2] : 1);
      anyWeight ||= row.length === 3;
    } else if (typeof row === 'object' && row !== null && 'x' in row && 'y' in row) {
      const r = row as { x: unknown; y: unknown; weight?: unknown };
      x.push(r.x);
      y.push(r.y);
      weights.push(r.weight === undefined ? 1 : r.weight);
      anyWeight ||= r.weight !== undefined;
    } else {
      throw new FitDataError('E_FIT_MALFORMED', `row ${i + 1}: expected [x, y] or { x, y }, got ${describeValue(row)}`, {
        where: `row ${i + 1}`,
        row: i + 1,
        value: row,
      });
    }
  });
  return anyWeight ? { x, y, weights } : { x, y };
}

/**
 * Validates and copies samples. Checks only what holds for every model (shape, finiteness,
 * weights); model-specific checks (point count, x >= 0, distinct x) come in `checkSamplesFor`.
 */
export function toSamples(input: SamplesInput | Samples, opts: { maxPoints?: number } = {}): Samples {
  const maxPoints = checkMaxPoints(opts.maxPoints);
  try {
    const samples = readSamples(input, maxPoints);
    const lines = sourceLines.get(input);
    return lines && lines.length === samples.x.length ? rememberSourceLines(samples, lines) : samples;
  } catch (err) {
    if (err instanceof TensileError) throw err;
    // A getter or proxy trap of the caller's object threw: say so with the samples named, not a bare Error.
    throw new FitDataError('E_FIT_MALFORMED', `samples could not be read: ${err instanceof Error ? err.message : String(err)}`, { where: 'samples' });
  }
}

/** The `maxPoints` option: a positive integer (NaN would disable the size cap without a word). */
export function checkMaxPoints(maxPoints: unknown): number {
  if (maxPoints === undefined) return DEFAULT_MAX_POINTS;
  if (typeof maxPoints !== 'number' || !Number.isInteger(maxPoints) || maxPoints < 1) {
    throw new FitOptionsError('E_FIT_BAD_OPTION', `maxPoints must be a positive integer, got ${describeValue(maxPoints)}`, { where: 'maxPoints', value: maxPoints });
  }
  return maxPoints;
}

function readSamples(input: SamplesInput | Samples, maxPoints: number): Samples {
  if (input === null || typeof input !== 'object') {
    throw new FitDataError('E_FIT_MALFORMED', `samples must be { x, y } arrays or an array of rows, got ${describeValue(input)}`, {
      where: 'samples',
      value: input,
    });
  }
  const cols = Array.isArray(input) ? rowsToColumns(input) : (input as { x: unknown; y: unknown; weights?: unknown });
  const named = Array.isArray(input) ? [] : predictorNames(input as Record<string, unknown>);
  if (named.length > 0 && !(named.length === 1 && named[0] === 'x')) return readColumns(input as Record<string, unknown>, named, maxPoints);
  if (Array.isArray(input) && input.length > maxPoints) {
    throw new FitDataError('E_FIT_TOO_LARGE', `samples has ${input.length} rows, more than maxPoints = ${maxPoints}`, {
      where: 'samples',
      value: input.length,
    });
  }
  const x = column(cols.x, 'x', maxPoints);
  const y = column(cols.y, 'y', maxPoints);
  if (x.length === 0 && y.length === 0) {
    throw new FitDataError('E_FIT_EMPTY', 'samples are empty: need at least one (x, y) row', { where: 'samples' });
  }
  if (x.length !== y.length) {
    throw new FitDataError('E_FIT_LENGTH_MISMATCH', `samples.x has ${x.length} values but samples.y has ${y.length}; they must match`, {
      where: 'samples',
      value: [x.length, y.length],
    });
  }
  if (cols.weights === undefined) return Object.freeze({ x, y });
  const weights = column(cols.weights, 'weight', maxPoints);
  if (weights.length !== x.length) {
    throw new FitDataError('E_FIT_LENGTH_MISMATCH', `samples.weights has ${weights.length} values but there are ${x.length} samples`, {
      where: 'samples.weights',
      value: weights.length,
    });
  }
  let positive = 0;
  for (let i = 0; i < weights.length; i++) {
    if (weights[i] < 0) {
      const label = sampleLabel(input, i);
      throw new FitDataError('E_FIT_BAD_WEIGHT', `${label.where}: weight is ${describeValue(weights[i])}; weights must be >= 0`, { ...label, value: weights[i] });
    }
    if (weights[i] > 0) positive++;
  }
  if (positive === 0) {
    throw new FitDataError('E_FIT_BAD_WEIGHT', 'every weight is 0: at least one sample must count', { where: 'samples.weights' });
  }
  return Object.freeze({ x, y, weights });
}

/** Where an object input keeps its predictor columns: validated Samples in `predictors`, raw input as its own keys. */
function predictorSource(input: Record<string, unknown>): Record<string, unknown> {
  const nested = input.predictors;
  return nested !== null && typeof nested === 'object' && !isArrayLike(nested) ? (nested as Record<string, unknown>) : input;
}

/** Keys of an object input that name predictor columns: every own key but y, weights and predictors. */
function predictorNames(input: Record<string, unknown>): string[] {
  // "__proto__" (an own key after JSON.parse) can never be a column name: records keyed by it lose it.
  return Object.keys(predictorSource(input)).filter((k) => k !== 'y' && k !== 'weights' && k !== 'predictors' && k !== '__proto__');
}

/** Samples with several named predictor columns; x is the column "x" when there is one, else the first. */
function readColumns(input: Record<string, unknown>, names: string[], maxPoints: number): Samples {
  const source = predictorSource(input);
  const predictors: Record<string, Float64Array> = Object.create(null);
  for (const name of names) predictors[name] = column(source[name], name, maxPoints);
  const base = readSamples({ x: predictors.x ?? predictors[names[0]], y: input.y, ...(input.weights === undefined ? {} : { weights: input.weights }) } as SamplesInput, maxPoints);
  for (const name of names) {
    if (predictors[name].length !== base.y.length) {
      throw new FitDataError('E_FIT_LENGTH_MISMATCH', `samples.${name} has ${predictors[name].length} values but samples.y has ${base.y.length}; they must match`, {
        where: `samples.${name}`,
        value: predictors[name].length,
      });
    }
  }
  return Object.freeze({ ...base, predictors: Object.freeze(predictors) });
}

/** Model-specific checks: enough points for the parameters, distinct x, x >= 0 when required. */
export function checkSamplesFor(samples: Samples, model: { name: string; params: readonly string[]; domain: 'nonnegative' | 'real' }): void {
  checkSampleScale(samples);
  const { x } = samples;
  const n = samples.weights ? samples.weights.reduce((k, w) => k + (w > 0 ? 1 : 0), 0) : x.length;
  const p = model.params.length;
  if (n < p) {
    throw new FitDataError(
      'E_FIT_TOO_FEW_POINTS',
      `model "${model.name}" has ${p} parameters (${model.params.join(', ')}) but only ${n} sample${n === 1 ? '' : 's'} count; need at least ${p}`,
      { where: 'samples', value: n, needed: p },
    );
  }
  let allEqual = true;
  for (let i = 1; i < x.length; i++) if (x[i] !== x[0]) allEqual = false;
  if (allEqual && p > 1) {
    throw new FitDataError('E_FIT_CONSTANT_X', `every x equals ${describeValue(x[0])}: a curve needs at least two distinct x values`, {
      where: 'samples.x',
      value: x[0],
    });
  }
  if (model.domain === 'nonnegative') {
    for (let i = 0; i < x.length; i++) {
      if (x[i] < 0) {
        const label = sampleLabel(samples, i);
        throw new FitDataError(
          'E_FIT_NEGATIVE_X',
          `${label.where}: x is ${describeValue(x[i])} but model "${model.name}" needs x >= 0 (damping curves are fitted on the positive half and mirrored)`,
          { ...label, value: x[i] },
        );
      }
    }
  }
}
