// Reads samples from CSV or JSON text (what `tensile fit --data` gets). CSV tokenising is
// papaparse's job (quotes, CRLF, delimiter detection); we decide header vs data, pick the columns
// and turn every cell into a checked number, naming the row and column when one is bad.
import { describeValue } from '../errors';
import { FitDataError, FitOptionsError, readOwnProperties, thrownMessage } from './errors';
import { checkMaxPoints, rememberSourceLines, toSamples } from './samples';
import { readCsvRecords } from './csv-records';
import type { Samples, SamplesInput } from './samples';

/** Options of parseSamples: the text's format, which columns hold x, y and weights, and a row limit. */
export interface ParseSamplesOptions {
  /** "csv" or "json"; guessed from the first non-blank character when omitted. */
  format?: 'csv' | 'json';
  /** Column of x: a header name or a 0-based index. Default: "x" if present, else column 0. */
  x?: string | number;
  /** Column of y: a header name or a 0-based index. Default: "y" if present, else column 1. */
  y?: string | number;
  /** Column of weights (header name or index); none by default. */
  weights?: string | number;
  /** Largest accepted number of rows (default 1,000,000). */
  maxPoints?: number;
  /**
   * "auto": every other numeric column (by header name, or JSON key) is read too, as a named
   * predictor for models of several predictors (Nelson's y, x1, x2). Default: x and y only.
   */
  predictors?: 'auto';
}

/** Text longer than this is refused before parsing (about 64 MB). */
const MAX_TEXT_LENGTH = 64 * 1024 * 1024;

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A CSV cell as a finite number; `line` is the file line it stands on. */
function toNumber(cell: string, line: number, col: string): number {
  const at = `line ${line}`;
  const t = cell.trim();
  if (/^[+-]?(nan|inf|infinity)$/i.test(t)) {
    throw new FitDataError('E_FIT_NON_FINITE', `${at}: ${col} is ${describeValue(t)}; every value must be a finite number`, { where: at, line, value: t });
  }
  if (!NUMBER.test(t)) throw new FitDataError('E_FIT_MALFORMED', `${at}: ${col} is ${describeValue(cell)}, not a number`, { where: at, line, value: cell });
  const v = Number(t);
  if (!Number.isFinite(v)) throw new FitDataError('E_FIT_NON_FINITE', `${at}: ${col} is ${describeValue(t)}, which overflows to ${v}`, { where: at, line, value: t });
  return v;
}

function resolveColumn(sel: string | number | undefined, header: string[] | null, width: number, fallbackName: string, fallbackIndex: number, what: string): number {
  if (sel === undefined) {
    const named = header ? header.findIndex((h) => h.trim().toLowerCase() === fallbackName) : -1;
    if (named >= 0) return named;
    if (fallbackIndex >= width) {
      throw new FitDataError('E_FIT_MALFORMED', `the data have ${width} column${width === 1 ? '' : 's'}; need at least 2 (x and y)`, {
        where: 'columns',
        value: width,
      });
    }
    return fallbackIndex;
  }
  if (typeof sel === 'number') {
    if (!Number.isInteger(sel) || sel < 0 || sel >= width) {
      throw new FitOptionsError('E_FIT_BAD_OPTION', `${what} column index ${describeValue(sel)} is out of range 0..${width - 1}`, { where: what, value: sel });
    }
    return sel;
  }
  const idx = header ? header.findIndex((h) => h.trim() === sel) : -1;
  if (idx < 0) {
    const known = header ? header.map((h) => JSON.stringify(h.trim())).join(', ') : 'none (the data have no header row)';
    throw new FitOptionsError('E_FIT_BAD_OPTION', `${what} column ${describeValue(sel)} not found; columns: ${known}`, { where: what, value: sel });
  }
  return idx;
}

function parseCsv(text: string, opts: ParseSamplesOptions): Samples {
  const { rows, lines } = readCsvRecords(text);
  if (rows.length === 0) throw new FitDataError('E_FIT_EMPTY', 'the CSV has no rows', { where: 'data' });
  // A header is a first row with any non-numeric cell (data rows are all numbers).
  const hasHeader = rows[0].some((c) => c.trim() !== '' && !NUMBER.test(c.trim()) && !/^[+-]?(nan|inf|infinity)$/i.test(c.trim()));
  const header = hasHeader ? rows[0] : null;
  const first = hasHeader ? 1 : 0;
  const count = rows.length - first;
  if (count === 0) throw new FitDataError('E_FIT_EMPTY', 'the CSV has a header but no data rows', { where: 'data' });
  const maxPoints = checkMaxPoints(opts.maxPoints);
  if (count > maxPoints) {
    throw new FitDataError('E_FIT_TOO_LARGE', `the CSV has ${count} rows, more than maxPoints = ${maxPoints}`, { where: 'data', value: count });
  }
  const width = rows[0].length;
  const xi = resolveColumn(opts.x, header, width, 'x', 0, 'x');
  const yi = resolveColumn(opts.y, header, width, 'y', 1, 'y');
  const wi = opts.weights === undefined ? -1 : resolveColumn(opts.weights, header, width, '', -1, 'weights');
  const name = (i: number) => (header ? JSON.stringify(header[i].trim()) : `column ${i + 1}`);
  if (opts.predictors === 'auto' && header) return csvColumns(header, rows.slice(first), lines.slice(first), yi, wi, maxPoints);
  const x = new Float64Array(count);
  const y = new Float64Array(count);
  const w = wi >= 0 ? new Float64Array(count) : undefined;
  const need = Math.max(xi, yi, wi) + 1;
  for (let i = 0; i < count; i++) {
    const r = rows[first + i];
    // Errors name the file line (what an editor shows), not the record number.
    const line = lines[first + i];
    if (r.length < need) {
      throw new FitDataError('E_FIT_LENGTH_MISMATCH', `line ${line} has ${r.length} field${r.length === 1 ? '' : 's'}, expected at least ${need}`, {
        where: `line ${line}`,
        line,
        value: r.length,
      });
    }
    x[i] = toNumber(r[xi], line, name(xi));
    y[i] = toNumber(r[yi], line, name(yi));
    if (w) w[i] = toNumber(r[wi], line, name(wi));
  }
  return toSamples(rememberSourceLines(w ? { x, y, weights: w } : { x, y }, lines.slice(first, first + count)), { maxPoints });
}

/** Every numeric column of a CSV with a header: y, the weights, and each other column as a named predictor. */
function csvColumns(header: string[], body: string[][], lines: number[], yi: number, wi: number, maxPoints: number): Samples {
  const names = header.map((h) => h.trim());
  const columns: Record<string, Float64Array> = Object.create(null);
  names.forEach((columnName, c) => {
    if (c === wi || columnName === '' || columnName === '__proto__') return;
    const values = new Float64Array(body.length);
    for (let i = 0; i < body.length; i++) {
      const cell = body[i][c];
      if (cell === undefined) {
        throw new FitDataError('E_FIT_LENGTH_MISMATCH', `line ${lines[i]} has ${body[i].length} fields, expected ${names.length}`, { where: `line ${lines[i]}`, line: lines[i], value: body[i].length });
      }
      // A text column (labels, dates) is not a predictor: leave it out unless it is y.
      if (c !== yi && !NUMBER.test(cell.trim())) return;
      values[i] = toNumber(cell, lines[i], JSON.stringify(columnName));
    }
    columns[c === yi ? 'y' : columnName] = values;
  });
  const weights = wi >= 0 ? Float64Array.from(body, (r, i) => toNumber(r[wi] ?? '', lines[i], JSON.stringify(names[wi]))) : undefined;
  return toSamples(rememberSourceLines({ ...columns, ...(weights ? { weights } : {}) } as SamplesInput, lines), { maxPoints });
}

function pick(obj: Record<string, unknown>, sel: string | number | undefined, fallback: string, index: number): unknown {
  if (typeof sel === 'string') return obj[sel];
  const keys = Object.keys(obj);
  if (typeof sel === 'number') return obj[keys[sel]];
  return fallback in obj ? obj[fallback] : obj[keys[index]];
}

function parseJson(text: string, opts: ParseSamplesOptions): Samples {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new FitDataError('E_FIT_MALFORMED', `the JSON does not parse: ${(err as Error).message}`, { where: 'data' });
  }
  const maxPoints = checkMaxPoints(opts.maxPoints);
  if (Array.isArray(data)) {
    // Rows: [x, y(, w)] arrays or objects; object rows may use other names for x/y/weights.
    if (data.length === 0) throw new FitDataError('E_FIT_EMPTY', 'the JSON array has no rows', { where: 'data' });
    if (data.length > maxPoints) {
      throw new FitDataError('E_FIT_TOO_LARGE', `the JSON has ${data.length} rows, more than maxPoints = ${maxPoints}`, { where: 'data', value: data.length });
    }
    if (data.every((r) => Array.isArray(r))) {
      const rows = data as unknown[][];
      const xi = typeof opts.x === 'number' ? opts.x : 0;
      const yi = typeof opts.y === 'number' ? opts.y : 1;
      const wi = typeof opts.weights === 'number' ? opts.weights : -1;
      return toSamples({
        x: rows.map((r) => r[xi]) as number[],
        y: rows.map((r) => r[yi]) as number[],
        ...(wi >= 0 ? { weights: rows.map((r) => r[wi]) as number[] } : {}),
      }, { maxPoints });
    }
    const rows = data.map((r, i) => {
      if (r === null || typeof r !== 'object' || Array.isArray(r)) {
        throw new FitDataError('E_FIT_MALFORMED', `row ${i + 1}: expected an object or an [x, y] array, got ${describeValue(r)}`, {
          where: `row ${i + 1}`,
          row: i + 1,
          value: r,
        });
      }
      return r as Record<string, unknown>;
    });
    return toSamples({
      x: rows.map((r) => pick(r, opts.x, 'x', 0)) as number[],
      y: rows.map((r) => pick(r, opts.y, 'y', 1)) as number[],
      ...(opts.weights !== undefined ? { weights: rows.map((r) => pick(r, opts.weights, '', -1)) as number[] } : {}),
    }, { maxPoints });
  }
  if (data !== null && typeof data === 'object') {
    const obj = data as Record<string, unknown>;
    if (opts.predictors === 'auto' && opts.x === undefined && opts.y === undefined && 'y' in obj) return toSamples(obj as SamplesInput, { maxPoints });
    const x = pick(obj, opts.x, 'x', 0);
    const y = pick(obj, opts.y, 'y', 1);
    const w = opts.weights !== undefined ? pick(obj, opts.weights, '', -1) : undefined;
    if (opts.weights !== undefined && w === undefined) {
      throw new FitOptionsError('E_FIT_BAD_OPTION', `weights column ${describeValue(opts.weights)} not found in the JSON object`, { where: 'weights', value: opts.weights });
    }
    return toSamples({ x, y, ...(w !== undefined ? { weights: w } : {}) } as { x: number[]; y: number[] }, { maxPoints });
  }
  throw new FitDataError('E_FIT_MALFORMED', `the JSON must be an array of rows or an object of columns, got ${describeValue(data)}`, { where: 'data' });
}

/** Parses CSV (header or none; comma, semicolon, tab; CRLF; BOM; quotes) or JSON samples. */
export function parseSamples(text: string, opts: ParseSamplesOptions = {}): Samples {
  if (typeof opts !== 'object' || opts === null) {
    throw new FitOptionsError('E_FIT_BAD_OPTION', `parseSamples: options must be an object, got ${describeValue(opts)}`, { where: 'options', value: opts });
  }
  opts = readOwnProperties(opts, (key, err) => {
    throw new FitOptionsError('E_FIT_BAD_OPTION', `parseSamples: reading options.${key} threw: ${thrownMessage(err)}`, { where: `options.${key}` });
  });
  if (typeof text !== 'string') {
    throw new FitDataError('E_FIT_MALFORMED', `sample text must be a string, got ${describeValue(text)}`, { where: 'data', value: text });
  }
  if (text.length > MAX_TEXT_LENGTH) {
    throw new FitDataError('E_FIT_TOO_LARGE', `the sample text is ${text.length} characters, more than ${MAX_TEXT_LENGTH}`, { where: 'data', value: text.length });
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const trimmed = body.trimStart();
  if (trimmed === '') throw new FitDataError('E_FIT_EMPTY', 'the sample text is empty', { where: 'data' });
  if (opts.predictors !== undefined && opts.predictors !== 'auto') {
    throw new FitOptionsError('E_FIT_BAD_OPTION', `parseSamples: predictors must be "auto" or left out, got ${describeValue(opts.predictors)}`, { where: 'predictors', value: opts.predictors });
  }
  const format = opts.format ?? (trimmed[0] === '[' || trimmed[0] === '{' ? 'json' : 'csv');
  return format === 'json' ? parseJson(body, opts) : parseCsv(body, opts);
}
