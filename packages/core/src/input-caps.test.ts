// Inputs at the documented caps must not overflow the call stack (issue 14, point 11: spreading
// input-sized arrays into calls, `lines.push(...body.lines)` for a 66 KB formula, Math.min(...x)
// for 125k+ rows). The lint rule (eslint.config.js) keeps new spreads out; these run the caps.
import { describe, expect, it } from 'vitest';
import { compile } from './diff/compile/index';
import { MAX_FORMULA_LENGTH } from './diff/symbolic/parser';
import { parseFormula } from './diff/symbolic/index';
import { fitCurve } from './fit/fit';
import { fitMlp } from './fit/models/mlp-fit';
import { DEFAULT_MAX_POINTS } from './fit/samples';
import { MAX_TRAIN_SAMPLES } from './nn/train-options';

describe('inputs at the documented caps', () => {
  it(`compiles x*x*...*x at the ${MAX_FORMULA_LENGTH}-character cap with its gradient (the 66 KB overflow)`, () => {
    const factors = MAX_FORMULA_LENGTH / 2; // 50,000 factors, 99,999 characters
    const text = Array.from({ length: factors }, () => 'x').join('*');
    expect(text.length).toBe(MAX_FORMULA_LENGTH - 1);
    const compiled = compile(parseFormula(text));
    // Too many locals for one generated function frame: it runs on the interpreter instead.
    expect(compiled.backend).toBe('interpreter');
    const x = 1.00001;
    const result = compiled([x]);
    expect(result.value).toBeCloseTo(x ** factors, 9);
    expect(result.gradient[0] / (factors * x ** (factors - 1))).toBeCloseTo(1, 9);
  });

  it('keeps generated code for formulas of ordinary size', () => {
    expect(compile(parseFormula('x*y + sin(x)'), { hessian: true }).backend).toBe('function');
  });

  it(`fits ${DEFAULT_MAX_POINTS} rows (the default maxPoints)`, () => {
    const n = DEFAULT_MAX_POINTS;
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      x[i] = (i / n) * 12000;
      y[i] = 0.03 * x[i] + 5 + Math.sin(i);
    }
    const result = fitCurve({ x, y }, { model: 'poly:1' });
    expect(result.params.c1 ?? Object.values(result.params)[1]).toBeCloseTo(0.03, 3);
  });

  it(`trains an mlp on ${MAX_TRAIN_SAMPLES} rows (its cap) and reports its range without spreading x`, () => {
    const n = MAX_TRAIN_SAMPLES;
    const x = Float64Array.from({ length: n }, (_, i) => (i / n) * 12000);
    // A wiggly target so the one-epoch net is not monotone and the range warning is built.
    const y = Float64Array.from(x, (v) => 300 * Math.sin(v / 500));
    const result = fitMlp({ x, y }, { model: 'mlp:1x4', epochs: 1 });
    expect(result.n).toBe(n);
    expect(result.warnings.join('\n')).toMatch(/not monotone on the data range \[0, 11999\.88\d*\] px/);
  });
});
