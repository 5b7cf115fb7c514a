// Dense row-major matrices backed by a Float64Array: the values the tensor-level reverse mode
// (tape.ts) works on. A vector is a 1 x n or n x 1 matrix; a scalar loss is 1 x 1.
import { describeValue } from '../../errors';
import { DiffError } from '../errors';

/** Rows or columns beyond this are a mistake, not a net for gesture curves (2^24 elements max). */
const MAX_ELEMENTS = 1 << 24;

/**
 * A dense 2-D matrix of float64 values (rows x cols, row-major), the value type of the tensor ops
 * that train dense nets. Its factories throw DiffError `E_SHAPE` for dimensions that are not positive
 * integers or hold more than 2^24 elements.
 */
export class Tensor {
  constructor(
    readonly rows: number,
    readonly cols: number,
    /** Row-major: element (i, j) is data[i * cols + j]. */
    readonly data: Float64Array,
  ) {}

  /** An all-zero rows x cols tensor. */
  static zeros(rows: number, cols: number): Tensor {
    checkDims(rows, cols, 'Tensor.zeros');
    return new Tensor(rows, cols, new Float64Array(rows * cols));
  }

  /** A tensor from nested rows ([[1, 2], [3, 4]]); every row must have the same length. */
  static fromRows(rows: readonly (readonly number[])[]): Tensor {
    return guarded('Tensor.fromRows', () => {
      if (!Array.isArray(rows) || rows.length === 0 || !Array.isArray(rows[0])) {
        throw new DiffError('E_SHAPE', `Tensor.fromRows: expected a non-empty array of rows, got ${describeValue(rows)}`, { where: 'rows', value: rows });
      }
      const cols = rows[0].length;
      checkDims(rows.length, cols, 'Tensor.fromRows');
      const data = new Float64Array(rows.length * cols);
      for (let i = 0; i < rows.length; i++) {
        const row = rows[i];
        if (!Array.isArray(row) || row.length !== cols) {
          throw new DiffError('E_SHAPE', `Tensor.fromRows: row ${i} has ${describeValue(row)}, expected ${cols} numbers`, { where: `row ${i}` });
        }
        for (let j = 0; j < cols; j++) data[i * cols + j] = finite(row[j], `Tensor.fromRows: row ${i}, column ${j}`);
      }
      return new Tensor(rows.length, cols, data);
    });
  }

  /** An n x 1 column from a list of numbers (a batch of scalar inputs). */
  static column(values: ArrayLike<number>): Tensor {
    return guarded('Tensor.column', () => {
      checkArrayLike(values, 'Tensor.column: values');
      checkDims(values.length, 1, 'Tensor.column');
      const data = new Float64Array(values.length);
      for (let i = 0; i < values.length; i++) data[i] = finite(values[i], `Tensor.column: element ${i}`);
      return new Tensor(values.length, 1, data);
    });
  }

  /** A rows x cols tensor over a copy of `data` (row-major). */
  static from(rows: number, cols: number, data: ArrayLike<number>): Tensor {
    checkDims(rows, cols, 'Tensor.from');
    return guarded('Tensor.from', () => {
      checkArrayLike(data, 'Tensor.from: data');
      if (data.length !== rows * cols) {
        throw new DiffError('E_SHAPE', `Tensor.from: expected ${rows * cols} values for ${rows} x ${cols}, got ${describeValue(data.length)}`, { where: 'data' });
      }
      const copy = new Float64Array(rows * cols);
      for (let i = 0; i < copy.length; i++) copy[i] = finite(data[i], `Tensor.from: element ${i}`);
      return new Tensor(rows, cols, copy);
    });
  }

  /** The element at row `i`, column `j` (0-based; no bounds check: out of range gives undefined). */
  get(i: number, j: number): number {
    return this.data[i * this.cols + j];
  }

  /** "9 x 10", for messages. */
  get shape(): string {
    return `${this.rows} x ${this.cols}`;
  }
}

/**
 * Runs a constructor's reading of user data: a getter or proxy trap that throws becomes an
 * E_ARGUMENT error (the data is copied once, so nothing else reads it later).
 */
function guarded(where: string, read: () => Tensor): Tensor {
  try {
    return read();
  } catch (err) {
    if (err instanceof DiffError) throw err;
    throw new DiffError('E_ARGUMENT', `${where}: reading the data threw: ${err instanceof Error ? err.message : describeValue(err)}`, { where, cause: err });
  }
}

function checkArrayLike(data: unknown, where: string): void {
  if (typeof data !== 'object' || data === null || typeof (data as ArrayLike<number>).length !== 'number') {
    throw new DiffError('E_SHAPE', `${where}: expected an array or Float64Array of numbers, got ${describeValue(data)}`, { where, value: data });
  }
}

function finite(v: unknown, where: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw new DiffError('E_NON_FINITE', `${where}: expected a finite number, got ${describeValue(v)}`, { where, value: v });
  }
  return v;
}

function checkDims(rows: number, cols: number, where: string): void {
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 1 || cols < 1 || rows * cols > MAX_ELEMENTS) {
    throw new DiffError('E_SHAPE', `${where}: expected positive integer dimensions with at most ${MAX_ELEMENTS} elements, got ${describeValue(rows)} x ${describeValue(cols)}`, {
      where,
      value: [rows, cols],
    });
  }
}
