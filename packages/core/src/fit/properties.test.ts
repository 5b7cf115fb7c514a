// Property tests (fast-check, fixed seed, printed on failure): noise-free samples of a random
// ll3 / rubberband curve are fitted back to their parameters from the self-start, and samples
// written as CSV in any of the accepted dialects parse back to the same numbers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitCurve } from './fit';
import { parseSamples } from './parse';

const SEED = 4_2026;
/** Noise-free data: the fit must land on the generating parameters to this relative error. */
const RECOVERY_REL = 1e-6;

describe('fits (property)', () => {
  it('recovers random ll3 curves from noise-free samples', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.6, max: 3, noNaN: true }),
        fc.double({ min: 300, max: 4000, noNaN: true }),
        fc.double({ min: 50, max: 800, noNaN: true }),
        (b, e, d) => {
          const x = [0, 200, 500, 1000, 1500, 2500, 4000, 6000, 9000, 12000];
          const y = x.map((t) => (t === 0 ? 0 : d / (1 + Math.pow(e / t, b))));
          const r = fitCurve({ x, y }, { model: 'll3' });
          expect(Math.abs(r.params.b - b) / b).toBeLessThan(RECOVERY_REL);
          expect(Math.abs(r.params.e - e) / e).toBeLessThan(RECOVERY_REL);
          expect(Math.abs(r.params.d - d) / d).toBeLessThan(RECOVERY_REL);
        },
      ),
      { seed: SEED, numRuns: 60, verbose: true },
    );
  });

  it('recovers random rubber bands (c, d > 0) from noise-free samples', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.05, max: 2, noNaN: true }), fc.double({ min: 50, max: 1000, noNaN: true }), (c, d) => {
        const x = [0, 100, 300, 700, 1500, 3000, 6000, 12000];
        const y = x.map((t) => (t * d * c) / (d + c * t));
        const r = fitCurve({ x, y }, { model: 'rubberband' });
        expect(Math.abs(r.params.c - c) / c).toBeLessThan(RECOVERY_REL);
        expect(Math.abs(r.params.d - d) / d).toBeLessThan(RECOVERY_REL);
      }),
      { seed: SEED, numRuns: 60, verbose: true },
    );
  });
});

describe('CSV dialects (property)', () => {
  it('any delimiter, quoting, line ending, BOM and blank lines parse to the same samples', () => {
    const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(finite, finite), { minLength: 1, maxLength: 30 }),
        fc.constantFrom(',', ';', '\t'),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        (rows, sep, eol, header, bom, quote) => {
          const cell = (v: number) => (quote ? `"${v}"` : String(v));
          const lines = rows.map(([x, y]) => `${cell(x)}${sep}${cell(y)}`);
          const text = (bom ? '\uFEFF' : '') + (header ? `x${sep}y${eol}` : '') + lines.join(`${eol}${eol}`) + eol;
          const s = parseSamples(text);
          expect(Array.from(s.x)).toEqual(rows.map((r) => r[0] + 0));
          expect(Array.from(s.y)).toEqual(rows.map((r) => r[1] + 0));
        },
      ),
      { seed: SEED, numRuns: 300, verbose: true },
    );
  });
});
