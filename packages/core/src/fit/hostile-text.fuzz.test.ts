// Fuzzing the text inputs of fitting (issue 14): CSVs, curve JSON and formulas built from the
// pieces that broke things (quotes, blank lines, invisible characters, huge and tiny numbers, deep
// nesting, hostile keys). Every outcome is a valid result or a typed error, in bounded heap.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from '../diff/compile/index';
import { parseFormula } from '../diff/symbolic/index';
import { MB } from '../test-support/heap';
import { fuzzSeed, heapGrowthOf, typedOrValid } from '../test-support/fuzz';
import { ARTICLE_SAMPLES } from './articleSamples';
import { curveFromJSON } from './curve';
import { fitCurve } from './fit';
import { parseSamples } from './parse';

const cell = fc.oneof(
  fc.double({ noNaN: false }).map(String),
  fc.integer().map(String),
  fc.constantFrom('', ' ', 'x', 'y', 'NaN', '-inf', '1e999', '1e-320', '0x10', '1_000', '"', '""', '"a,b"', '"1\n2"', '\u200B1', '1\u00A0', '\uFEFF', '5OO', ';', '\t'),
);
const csvText = fc
  .tuple(
    fc.array(fc.array(cell, { minLength: 0, maxLength: 4 }), { minLength: 0, maxLength: 30 }),
    fc.constantFrom(',', ';', '\t', '|'),
    fc.constantFrom('\n', '\r\n', '\r', '\n\n', '\n \n'),
    fc.boolean(),
  )
  .map(([rows, delimiter, newline, header]) => (header ? `x${delimiter}y${newline}` : '') + rows.map((r) => r.join(delimiter)).join(newline));

const curveJson = fc.record(
  {
    format: fc.oneof(fc.constant('tensile-curve'), fc.string()),
    version: fc.oneof(fc.constant(1), fc.jsonValue()),
    model: fc.oneof(
      fc.constantFrom('article', 'll3', '4pl', 'poly:3', 'poly:99', 'mlp', 'mlp:64x1024', 'mlp:2x8', 'mlp:1x4:tanh', 'formula:a*x/(b+x)', 'formula:', 'rubberband', '__proto__'),
      fc.string(),
    ),
    settings: fc.oneof(fc.dictionary(fc.string(), fc.oneof(fc.double(), fc.boolean(), fc.string())), fc.jsonValue()),
    params: fc.oneof(fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'max', 'w1_0_0', 'b1_0', '__proto__', 'constructor'), fc.double()), fc.jsonValue()),
  },
  { requiredKeys: [] },
);

const formulaText = fc
  .array(fc.constantFrom('x', 'y', '+', '-', '*', '/', '^', '(', ')', '1', '1e308', '0', 'sin(', 'log(', 'max(', 'abs(', ',', '?', ':', '<', '\u200B', '\u202E', ' ', 'e', 'pi'), { maxLength: 60 })
  .map((tokens) => tokens.join(''));

describe('text input fuzzing', () => {
  it(`CSV text parses and fits, or fails typed (seed ${fuzzSeed('csv', 2)})`, async () => {
    const outcomes = { valid: 0, typed: 0 };
    const growth = await heapGrowthOf(() =>
      fc.assert(
        fc.asyncProperty(csvText, async (text) => {
          outcomes[
            await typedOrValid(() => {
              const samples = parseSamples(text, { format: 'csv' });
              fitCurve(samples, { model: 'poly:1' });
            })
          ]++;
        }),
        { seed: fuzzSeed('csv', 2), numRuns: 500 },
      ),
    );
    expect(outcomes.typed).toBeGreaterThan(0);
    expect(growth).toBeLessThan(64 * MB);
  });

  it(`curve JSON rebuilds and evaluates, or fails typed (seed ${fuzzSeed('curve JSON', 3)})`, async () => {
    const valid = JSON.stringify(fitCurve({ x: [...ARTICLE_SAMPLES.x], y: [...ARTICLE_SAMPLES.y] }, { model: 'll3' }).curve.toJSON());
    expect(await typedOrValid(() => curveFromJSON(valid))).toBe('valid');
    const growth = await heapGrowthOf(() =>
      fc.assert(
        fc.asyncProperty(curveJson, fc.boolean(), async (json, asText) => {
          await typedOrValid(() => {
            const curve = curveFromJSON(asText ? JSON.stringify(json) : json);
            curve.evaluate(500);
          });
        }),
        { seed: fuzzSeed('curve JSON', 3), numRuns: 500 },
      ),
    );
    expect(growth).toBeLessThan(64 * MB);
  });

  it(`formulas parse, differentiate and compile, or fail typed (seed ${fuzzSeed('formulas', 4)})`, async () => {
    const outcomes = { valid: 0, typed: 0 };
    await fc.assert(
      fc.asyncProperty(formulaText, async (text) => {
        outcomes[
          await typedOrValid(() => {
            const formula = parseFormula(text);
            formula.gradient();
            compile(formula, { hessian: true })(formula.variables.map(() => 0.5));
          })
        ]++;
      }),
      { seed: fuzzSeed('formulas', 4), numRuns: 1000 },
    );
    expect(outcomes.valid).toBeGreaterThan(0);
    expect(outcomes.typed).toBeGreaterThan(0);
  });
});
