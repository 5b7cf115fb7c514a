// tfjsFromModule against real TF.js, the stand-ins bundlers put in its place, and hostile modules.
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { TfjsUnavailableError } from './errors';
import { tfjsFromModule } from './tfjs-module';

function unavailable(imported: unknown): TfjsUnavailableError {
  try {
    tfjsFromModule(imported);
  } catch (err) {
    expect(err).toBeInstanceOf(TfjsUnavailableError);
    return err as TfjsUnavailableError;
  }
  throw new Error('tfjsFromModule accepted a module that is not TF.js');
}

describe('tfjsFromModule', () => {
  it('returns real TF.js, as a namespace or wrapped in a CommonJS default', () => {
    expect(tfjsFromModule(tf)).toBe(tf);
    expect(tfjsFromModule({ default: tf })).toBe(tf);
  });

  it('answers the empty stand-ins (Vite 4-7 `export default {}`, webpack `false`) with E_TFJS_UNAVAILABLE naming the package to install', () => {
    for (const standIn of [{ default: {} }, {}, Object.create(null), { __esModule: true, default: {} }]) {
      const err = unavailable(standIn);
      expect(err.code).toBe('E_TFJS_UNAVAILABLE');
      expect(err.name).toBe('TfjsUnavailableError');
      expect(err.message).toMatch(/empty module \(a bundler's stand-in.*install @tensorflow\/tfjs 4\.22/);
      expect(err.details.where).toBe('@tensorflow/tfjs');
    }
  });

  it('rejects non-modules and partial modules, naming what is missing', () => {
    for (const odd of [undefined, null, 0, 'tfjs', Number.NaN]) expect(unavailable(odd).code).toBe('E_TFJS_UNAVAILABLE');
    const partial = unavailable({ ready: () => Promise.resolve(), tensor: () => null });
    expect(partial.message).toMatch(/without setBackend, tensor2d, tidy, loadGraphModel, loadLayersModel, io\.fromMemory/);
    expect(partial.details.value).toEqual(['setBackend', 'tensor2d', 'tidy', 'loadGraphModel', 'loadLayersModel', 'io.fromMemory']);
    // A function where an object is expected, a huge object of the wrong shape.
    expect(unavailable(() => tf).code).toBe('E_TFJS_UNAVAILABLE');
    expect(unavailable(Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, i]))).code).toBe('E_TFJS_UNAVAILABLE');
  });

  it('answers a hostile module whose getters throw with the typed error, keeping the cause', () => {
    const hostile = new Proxy({}, { has: () => true, get() { throw new Error('no reading here'); } });
    const err = unavailable(hostile);
    expect(err.message).toMatch(/could not be read \(no reading here\): install @tensorflow\/tfjs 4\.22/);
    expect((err.cause as Error).message).toBe('no reading here');
  });
});
