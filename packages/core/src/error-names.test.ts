// Every error class keeps its name when a minifier renames the class: apps log `err.name` and
// branch on it, and a bundled `class e extends Error` would otherwise report "e". The rename is
// simulated by redefining the class's own `name`, which is what `new.target.name` reads.
import { describe, expect, it } from 'vitest';
import * as core from './index';
import * as tfjs from './tfjs/index';
import { TensileError } from './errors';

type ErrorClass = new (...args: unknown[]) => TensileError;

const errorClasses = (Object.entries({ ...core, ...tfjs }) as [string, unknown][]).filter(
  (entry): entry is [string, ErrorClass] => typeof entry[1] === 'function' && (entry[1] === TensileError || entry[1].prototype instanceof TensileError),
);

/** A throwaway copy of the class renamed as a minifier would rename it. */
function minified(errorClass: ErrorClass): ErrorClass {
  const renamed = class extends errorClass {};
  Object.defineProperty(renamed, 'name', { value: 'e' });
  Object.defineProperty(errorClass, 'name', { value: 't', configurable: true });
  return renamed;
}

describe('error names survive minification', () => {
  it('finds the error classes of the public entries', () => {
    expect(errorClasses.map(([name]) => name)).toEqual(
      expect.arrayContaining(['TensileError', 'DiffError', 'ParseError', 'FormulaError', 'CompileError', 'FitDataError', 'FitOptionsError', 'DenseNetError', 'TrainError', 'ElasticError', 'ModelFormatError', 'TfjsUnavailableError']),
    );
  });

  for (const [exported, errorClass] of errorClasses) {
    it(`${exported}: name stays "${exported}" when the class is renamed`, () => {
      const original = Object.getOwnPropertyDescriptor(errorClass, 'name')!;
      try {
        let error: TensileError;
        if (errorClass === (TensileError as unknown)) {
          Object.defineProperty(errorClass, 'name', { value: 't', configurable: true });
          error = new errorClass('E_TEST', 'message');
        } else {
          error = new (minified(errorClass))('E_TEST', 'message', 1);
        }
        expect(error.name).toBe(exported);
        expect(String(error)).toMatch(new RegExp(`^${exported}: `));
      } finally {
        Object.defineProperty(errorClass, 'name', original);
      }
    });
  }
});
