// The Curve a fit produces: evaluable (scalar and Float64Array batch, sign-symmetric: the model
// is fitted on x >= 0 and mirrored, y(-x) = -y(x), y(0) = 0), exportable as standalone JavaScript
// like the article's `damping(x, max)`, and serialisable to JSON that round-trips exactly.
import type { Curve } from '../curve';
import { describeValue } from '../errors';
import { FitOptionsError, readOwnProperties, thrownMessage } from './errors';
import type { ModelDefinition, ModelSettings } from './model';
import { numberOps } from './model';
import { defaultModelRegistry } from './registry';
import type { ModelRegistry } from './registry';

/** The JSON form of a fitted curve (`format` and `version` let later readers migrate). */
export interface CurveJSON {
  format: 'tensile-curve';
  version: 1;
  /** Model name as the registry resolves it: "article", "poly:5", ... */
  model: string;
  /** Settings that rebuild the model (e.g. { "max": 500 }). */
  settings: Record<string, number | boolean | string>;
  /** Fitted parameters by name. */
  params: Record<string, number>;
}

/** Options of FittedCurve.toJS and toTS: the emitted function's name and how to round its constants. */
export interface ExportOptions {
  /** Function name (a JavaScript identifier); default "damping". */
  name?: string;
  /** Round parameters to this many significant digits (1..17); default: exact (shortest round-trip form). */
  round?: number;
}

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Text for the emitted header comment: a model name or formula (a custom registry's, a
 * `formula:` expression) must not end the comment and turn the rest of the name into code.
 */
const commentSafe = (text: string): string => text.replace(/\*\//g, '*\\/').replace(/[\r\n\u2028\u2029]+/g, ' ');

function literal(v: number, round: number | undefined): string {
  const s = round === undefined ? String(v) : String(Number(v.toPrecision(round)));
  return v < 0 ? `(${s})` : s;
}

/** A fitted damping curve. Construct through `fitCurve` or `curveFromJSON`. */
export class FittedCurve implements Curve {
  readonly name: string;
  /** Fitted parameters by name (frozen). */
  readonly params: Readonly<Record<string, number>>;
  private readonly p: Float64Array;
  private readonly f: (x: number, p: Float64Array) => number;

  constructor(
    readonly model: ModelDefinition,
    params: ArrayLike<number>,
  ) {
    if (params.length !== model.params.length) {
      throw new FitOptionsError('E_FIT_BAD_OPTION', `model "${model.name}" has ${model.params.length} parameters, got ${params.length} values`, {
        where: 'params',
        value: params.length,
      });
    }
    this.name = model.name;
    this.p = Float64Array.from(params);
    const named: Record<string, number> = {};
    model.params.forEach((k, i) => (named[k] = this.p[i]));
    this.params = Object.freeze(named);
    this.f = model.evaluate ? model.evaluate.bind(model) : (x, p) => model.expr(x, Array.from(p), numberOps);
  }

  /** y(x) = sign(x) * model(|x|), and 0 at x = 0. Throws on NaN rather than returning it. */
  evaluate(x: number): number {
    const predictors = this.model.predictors ?? ['x'];
    if (predictors.length !== 1) {
      throw new FitOptionsError('E_FIT_BAD_OPTION', `curve "${this.name}" reads ${predictors.length} predictors (${predictors.join(', ')}); evaluate it with evaluateRow([${predictors.join(', ')}])`, {
        where: 'x',
        value: x,
      });
    }
    // A general regression is evaluated as written; a damping curve is odd with y(0) = 0.
    const real = this.model.domain === 'real';
    const ax = real ? x : x < 0 ? -x : x;
    const v = !real && ax === 0 ? 0 : this.f(ax, this.p);
    // typeof: a string x ("5") would be coerced by the arithmetic and answer as if it were a number.
    if (v !== v || typeof x !== 'number') {
      throw new FitOptionsError('E_FIT_CURVE_NAN', `curve "${this.name}" at x = ${describeValue(x)} is NaN (x must be a finite number)`, {
        where: 'x',
        value: x,
      });
    }
    return !real && x < 0 ? -v : v;
  }

  /** The value at one row of predictor values, in the model's `predictors` order (several-predictor models). */
  evaluateRow(row: ArrayLike<number>): number {
    const predictors = this.model.predictors ?? ['x'];
    if (!row || typeof row !== 'object' || row.length !== predictors.length) {
      throw new FitOptionsError('E_FIT_BAD_OPTION', `evaluateRow: curve "${this.name}" needs ${predictors.length} values (${predictors.join(', ')}), got ${describeValue(row)}`, { where: 'row', value: row });
    }
    if (predictors.length === 1) return this.evaluate(row[0]);
    const v = this.model.evaluateRow ? this.model.evaluateRow(row, this.p) : NaN;
    if (v !== v) {
      throw new FitOptionsError('E_FIT_CURVE_NAN', `curve "${this.name}" at (${Array.from(row, describeValue).join(', ')}) is NaN (every value must be a finite number)`, { where: 'row', value: row });
    }
    return v;
  }

  evaluateBatch(xs: ArrayLike<number>, out?: Float64Array): Float64Array {
    const result = out ?? new Float64Array(xs.length);
    if (result.length !== xs.length) {
      throw new FitOptionsError('E_FIT_BAD_OPTION', `evaluateBatch: out has length ${result.length} but xs has ${xs.length}`, {
        where: 'out',
        value: result.length,
      });
    }
    for (let i = 0; i < xs.length; i++) result[i] = this.evaluate(xs[i]);
    return result;
  }

  /** The parameters in model order (a copy). */
  paramArray(): Float64Array {
    return Float64Array.from(this.p);
  }

  private body(opts: ExportOptions, typed: boolean): string {
    const name = opts.name ?? 'damping';
    if (!IDENT.test(name)) {
      throw new FitOptionsError('E_FIT_BAD_OPTION', `name must be a JavaScript identifier, got ${describeValue(name)}`, { where: 'name', value: name });
    }
    const round = opts.round;
    if (round !== undefined && (!Number.isInteger(round) || round < 1 || round > 17)) {
      throw new FitOptionsError('E_FIT_BAD_OPTION', `round must be an integer number of significant digits in 1..17, got ${describeValue(round)}`, {
        where: 'round',
        value: round,
      });
    }
    if (!this.model.toJSExpression && !this.model.toJSParts) {
      throw new FitOptionsError('E_FIT_NOT_EXPORTABLE', `model "${this.name}" has no JavaScript form (toJSExpression); export its JSON instead`, {
        where: 'model',
        value: this.name,
      });
    }
    const literals = Array.from(this.p, (v) => literal(v, round));
    const { preamble, expression: expr } = this.model.toJSParts
      ? this.model.toJSParts(literals, name)
      : { preamble: '', expression: this.model.toJSExpression!(literals) };
    const max = this.model.settings.max;
    const usesMax = /\bmax\b/.test(expr) && typeof max === 'number';
    const shown = this.model.params.map((k, i) => `${k} = ${literal(this.p[i], round).replace(/^\((.*)\)$/, '$1')}`).join(', ');
    const head = typed ? `export function ${name}(x: number, max?: number): number {` : `export function ${name}(x, max) {`;
    return [
      ...(preamble ? [preamble] : []),
      `/**`,
      ` * Damping curve fitted by Tensile: ${commentSafe(this.name)}, y = ${commentSafe(this.model.formula)}`,
      ` * ${shown}${usesMax ? ` (fitted with max = ${max})` : ''}`,
      this.model.domain === 'real'
        ? ` * A general regression in x, evaluated as written (no mirroring).`
        : ` * Finger distance x (px) -> displayed offset (px); sign-symmetric: ${name}(-x) === -${name}(x).`,
      ` *`,
      ` * The elastic engine takes it unchanged as its curve: it calls ${name}(distance), so it shows`,
      ` * these offsets in any container. Saved as ${name}.${typed ? 'ts' : 'js'} (\`tensile fit --emit ${typed ? 'ts' : 'js'} > ${name}.${typed ? 'ts' : 'js'}\`):`,
      ` *   import { ${name} } from './${name}${typed ? '' : '.js'}';`,
      ` *   React:  const [ref, pull] = useDamping({ curve: ${name}, pullToRefresh: { onRefresh } });`,
      ` *   Vue:    <ul v-elastic="{ curve: ${name}, pullToRefresh: { onRefresh } }">`,
      ` *   Svelte: <ul use:elastic={{ curve: ${name}, pullToRefresh: { onRefresh } }}>`,
      ` *   DOM:    attachElastic(list, { curve: ${name}, pullToRefresh: { onRefresh } });`,
      ` */`,
      head,
      ...(usesMax ? [`  if (max === undefined) max = ${max};`] : []),
      // A general regression (domain "real") is exported as written, without the damping mirror.
      ...(this.model.domain === 'real' ? [`  return ${expr};`] : [`  const s = x < 0 ? -1 : 1;`, `  x = Math.abs(x);`, `  if (x === 0) return 0;`, `  return s * (${expr});`]),
      `}`,
      '',
    ].join('\n');
  }

  /**
   * A standalone ES module exporting `function damping(x, max)` (or `name`) for this curve, `max`
   * defaulting to the fitted one: passed as the elastic engine's `curve` it shows this curve.
   */
  toJS(opts: ExportOptions = {}): string {
    return this.body(opts, false);
  }

  /** The same as `toJS` with TypeScript types and `export`. */
  toTS(opts: ExportOptions = {}): string {
    return this.body(opts, true);
  }

  /** The inverse of `toJSON` (see `curveFromJSON`). */
  static fromJSON(json: unknown, opts: { registry?: ModelRegistry; model?: ModelDefinition } = {}): FittedCurve {
    return curveFromJSON(json, opts);
  }

  /**
   * The curve as plain JSON data (format "tensile-curve", version 1: model, settings, parameters), which
   * curveFromJSON / FittedCurve.fromJSON turn back into the same curve. Called by JSON.stringify.
   */
  toJSON(): CurveJSON {
    return {
      format: 'tensile-curve',
      version: 1,
      model: this.name,
      settings: { ...this.model.settings },
      params: { ...this.params },
    };
  }
}

function bad(message: string, value?: unknown): FitOptionsError {
  return new FitOptionsError('E_FIT_BAD_CURVE_JSON', message, { where: 'json', value });
}

/**
 * Rebuilds a FittedCurve from `toJSON()` output (an object or its JSON text). Custom models are
 * found through `registry`, or passed directly as `model`.
 */
export function curveFromJSON(json: unknown, opts: { registry?: ModelRegistry; model?: ModelDefinition } = {}): FittedCurve {
  let data = json;
  if (typeof data === 'string') {
    try {
      data = JSON.parse(data);
    } catch (err) {
      throw bad(`curve JSON does not parse: ${(err as Error).message}`);
    }
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw bad(`curve JSON must be an object, got ${describeValue(data)}`, data);
  const read = <T extends object>(value: T, where: string): T =>
    readOwnProperties(value, (key, err) => {
      throw bad(`curve JSON: reading ${where}${key} threw: ${thrownMessage(err)}`);
    });
  const d = read(data as Partial<CurveJSON>, '');
  if (d.format !== 'tensile-curve') throw bad(`curve JSON: format must be "tensile-curve", got ${describeValue(d.format)}`, d.format);
  if (d.version !== 1) throw bad(`curve JSON: version ${describeValue(d.version)} is not supported (expected 1)`, d.version);
  if (typeof d.model !== 'string') throw bad(`curve JSON: model must be a string, got ${describeValue(d.model)}`, d.model);
  const rawSettings = d.settings ?? {};
  if (rawSettings === null || typeof rawSettings !== 'object' || Array.isArray(rawSettings)) throw bad(`curve JSON: settings must be an object`, rawSettings);
  const settings = read(rawSettings, 'settings.');
  for (const [k, v] of Object.entries(settings)) {
    if (!['number', 'boolean', 'string'].includes(typeof v)) throw bad(`curve JSON: settings.${k} must be a number, boolean or string, got ${describeValue(v)}`, v);
  }
  const model = opts.model ?? (opts.registry ?? defaultModelRegistry).resolve(d.model, settings as ModelSettings);
  if (d.params === null || typeof d.params !== 'object' || Array.isArray(d.params)) throw bad(`curve JSON: params must be an object of numbers`, d.params);
  const params = read(d.params, 'params.');
  // A Set, not includes(): curve JSON is untrusted and a net has up to a million parameters.
  const known = new Set(model.params);
  const extra = Object.keys(params).filter((k) => !known.has(k));
  if (extra.length) throw bad(`curve JSON: model "${model.name}" has no parameter ${extra.slice(0, 5).map((k) => JSON.stringify(k)).join(', ')}${extra.length > 5 ? ` (and ${extra.length - 5} more)` : ''}`, extra.length);
  const values = model.params.map((k) => {
    const v = (params as Record<string, unknown>)[k];
    if (typeof v !== 'number' || !Number.isFinite(v)) throw bad(`curve JSON: params.${k} must be a finite number, got ${describeValue(v)}`, v);
    return v;
  });
  return new FittedCurve(model, values);
}
