// Symbolic differentiation, simplification and printing, checked against closed forms, against
// finite differences, and against mathjs 15 (which swells on the logistic map where we stay linear).
import { all, create, type MathNode } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { FormulaError } from './errors';
import { engineFunction } from './engine';
import { Formula, differentiate, parseFormula } from './formula';
import { MAX_PRINT_LENGTH } from './print';

/** Relative agreement of two derivative evaluations done in different operation orders. */
const REL_TOL_REORDERED = 1e-12;
/** Central differences with h = 1e-6 on smooth functions of order-one arguments. */
const REL_TOL_CENTRAL_DIFF = 1e-6;

const close = (a: number, b: number, tol: number) => Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));

function centralDiff(f: Formula, at: Record<string, number>, v: string): number {
  const h = 1e-6 * Math.max(1, Math.abs(at[v]));
  return (f.evaluate({ ...at, [v]: at[v] + h }) - f.evaluate({ ...at, [v]: at[v] - h })) / (2 * h);
}

describe('Formula.derivative', () => {
  it('gives the closed forms of the basic rules, simplified', () => {
    expect(differentiate('x^2', 'x').toString()).toBe('2 * x');
    expect(differentiate('x^3', 'x', 2).toString()).toBe('6 * x');
    expect(differentiate('3*x + 1', 'x').toString()).toBe('3');
    expect(differentiate('sin(x)', 'x').toString()).toBe('cos(x)');
    expect(differentiate('exp(2*x)', 'x').toString()).toBe('2 * exp(2 * x)');
    expect(differentiate('log(x)', 'x').toString()).toBe('1 / x');
    expect(differentiate('x*y', 'y').toString()).toBe('x');
    expect(differentiate('y', 'x').toString()).toBe('0');
    expect(differentiate('x < 0 ? -x : x^2', 'x').toString()).toBe('x < 0 ? -1 : 2 * x');
  });

  it('agrees with central differences for every function of the language', () => {
    const at = { x: 0.37, y: 1.9 };
    const sources = [
      'exp(x) * log(y)', 'log1p(x*y)', 'sqrt(x + y)', 'abs(x - y)', 'sin(x) * cos(y) + tan(x)', 'atan(x*y)', 'asin(x) + acos(x / 2)',
      'tanh(x - y)', 'sigmoid(3*x - y)', 'softplus(x - y)', 'selu(x - y) + selu(x)', 'elu(x - y) + elu(y)', 'relu(x) + relu(-y)',
      'pow(x, y)', 'x^y^0.5', 'min(x, y) * max(x, y)', 'clamp(x*y, 0, 0.5) + clamp(x, 0.5, 1)', 'where(x < y, x*x, y)',
      'x / y - y / x', '-x^2 * -y', '0.82231*y*500/(1 + 4338.47/abs(x*1000)^1.14791)',
    ];
    for (const src of sources) {
      const f = parseFormula(src);
      for (const v of ['x', 'y']) {
        const d = f.derivative(v).evaluate(at);
        expect(close(d, centralDiff(f, at, v), REL_TOL_CENTRAL_DIFF), `${src} d/d${v}: ${d} vs ${centralDiff(f, at, v)}`).toBe(true);
      }
    }
  });

  it('takes any order and mixed partials; the hessian is symmetric', () => {
    const f = parseFormula('x^2 * sin(y) + exp(x*y)');
    const at = { x: 0.4, y: -1.3 };
    const h = f.hessian(['x', 'y']).map((row) => row.map((e) => e.evaluate(at)));
    expect(close(h[0][1], h[1][0], REL_TOL_REORDERED)).toBe(true);
    const exy = Math.exp(at.x * at.y);
    expect(close(h[0][0], 2 * Math.sin(at.y) + at.y ** 2 * exy, REL_TOL_REORDERED)).toBe(true);
    expect(close(h[0][1], 2 * at.x * Math.cos(at.y) + exy + at.x * at.y * exy, REL_TOL_REORDERED)).toBe(true);
    expect(f.derivative('x', 4).evaluate(at)).toBeCloseTo(at.y ** 4 * exy, 12);
    expect(f.derivative('x', 0).root).toBe(f.root);
    expect(() => f.derivative('x', 1.5)).toThrow(FormulaError);
    expect(() => f.derivative('x', -1)).toThrow(/non-negative integer/);
  });

  it('has d/dc x^c = 0 at x = 0 (the article data contain x = 0), not NaN', () => {
    const model = parseFormula('a*500*x^c/(x^c + b)');
    const g = model.gradient(['a', 'b', 'c']).map((d) => d.evaluate({ a: 0.82, b: 4563, c: 1.154, x: 0 }));
    expect(g.map(Math.abs)).toEqual([0, 0, 0]);
  });

  it('gives the article model finite derivatives at x = 0, where b / x^c is Infinity (strong zero)', () => {
    const model = parseFormula('a*500/(1 + b/x^c)');
    const at = { a: 0.82, b: 4563, c: 1.154, x: 0 };
    expect(model.evaluate(at)).toBe(0);
    expect(model.gradient(['a', 'b', 'c']).map((d) => Math.abs(d.evaluate(at)))).toEqual([0, 0, 0]);
  });

  it('keeps branches exact: the branch not taken contributes 0, not 0 * Infinity', () => {
    const f = parseFormula('x > 0 ? log(x)^2 : 0');
    expect(f.derivative('x').evaluate({ x: 0 })).toBe(0);
    expect(f.derivative('x', 2).evaluate({ x: 0 })).toBe(0);
  });

  it('names the subexpression that makes NaN, and missing or non-finite variables', () => {
    expect(() => parseFormula('x + sqrt(y - 3)').evaluate({ x: 1, y: 2 })).toThrow(/sqrt\(y - 3\) gives NaN \(sqrt of -1\)/);
    expect(() => parseFormula('x + y').evaluate({ x: 1 })).toThrow(/variable "y" has no value \(given: x\)/);
    expect(() => parseFormula('x').evaluate({ x: NaN })).toThrow(/"x" must be a finite number, got NaN/);
    expect(() => parseFormula('x').evaluate(null as never)).toThrow(FormulaError);
    // Infinity is the documented IEEE result of a division by zero, not an error.
    expect(parseFormula('1/x').evaluate({ x: 0 })).toBe(Infinity);
  });
});

describe('simplify and printing', () => {
  it('folds constants and drops neutral elements', () => {
    const cases: [string, string][] = [
      ['x*1 + 0', 'x'], ['x^1', 'x'], ['1*x*1*y^1', 'x * y'], ['2*3*x', '6 * x'], ['x - x', '0'], ['--x', 'x'],
      ['0*x + y/1', 'y'], ['(1 < 2) ? a : b', 'a'], ['x + x', '2 * x'], ['x*x', 'x^2'], ['2^10', '1024'], ['1/0', '1 / 0'],
    ];
    for (const [src, out] of cases) expect(parseFormula(src).simplify().toString(), src).toBe(out);
  });

  it('shares common subexpressions by construction', () => {
    const f = parseFormula('sin(x*y) + cos(x*y) * sin(x*y)');
    expect(f.nodeCount).toBe(7); // x, y, x*y, sin, cos, product, sum
    expect(f.treeSize).toBe(14); // the tree repeats x*y three times and sin(x*y) twice
  });

  it('prints formulas that parse back to the same values', () => {
    const sources = ['-(x - y)^2', '(-x)^2', 'x^-y', '2^3^x', '(x^2)^y', 'x - (y - 1)', 'x / (y * 2)', '-x^2', '(x < y) + 1',
      'x < y ? (y < 1 ? 1 : 2) : 3', '(x ? y : 1) ? 2 : 3', 'clamp(x, -1, 1e-7)', '1e+21 * x'];
    for (const src of sources) {
      const f = parseFormula(src);
      const back = parseFormula(f.toString());
      for (const at of [{ x: 0.3, y: 0.7 }, { x: 2, y: 3 }]) expect(back.evaluate(at), `${src} -> ${f.toString()}`).toBe(f.evaluate(at));
    }
  });

  it('prints TeX', () => {
    expect(parseFormula('x^2/(1 + abs(l_0)) * sqrt(alpha)').toTeX()).toBe(
      '\\frac{{x}^{2}}{1 + \\left|l_{0}\\right|} \\cdot \\sqrt{\\alpha}',
    );
    expect(parseFormula('x < 0 ? 0 : sigmoid(x)').toTeX()).toBe(
      '\\begin{cases} 0 & \\text{if } x < 0 \\\\ \\operatorname{sigmoid}\\left(x\\right) & \\text{otherwise} \\end{cases}',
    );
    expect(parseFormula('1e-7*pi').toTeX()).toBe('1 \\times 10^{-7} \\cdot \\pi');
  });

  it('prints JavaScript with compiler-made names only, computing the same values', () => {
    const f = parseFormula('constructor * __proto__ + sin(constructor)');
    const js = f.toJavaScript();
    expect(js).not.toMatch(/constructor|__proto__/);
    const fn = new Function(`return ${js}`)() as (x: number[]) => number;
    expect(fn([2, 3])).toBe(f.evaluate(JSON.parse('{"constructor": 2, "__proto__": 3}')));
  });

  it('refuses to print a tree that would be huge, with a typed error', () => {
    let l = parseFormula('l0');
    const step = parseFormula('4*l*(1-l)');
    for (let n = 0; n < 30; n++) l = step.substitute({ l });
    expect(() => l.toString()).toThrow(FormulaError);
    expect(() => l.toString()).toThrow(new RegExp(`longer than ${MAX_PRINT_LENGTH}`));
    expect(l.toJavaScript().length).toBeLessThan(5_000);
  });

  it('substitutes numbers and formulas, and rejects bad bindings', () => {
    const f = parseFormula('x*y + 1');
    expect(f.substitute({ y: 2 }).evaluate({ x: 3 })).toBe(7);
    expect(f.substitute(new Map([['x', parseFormula('sin(t)')]])).variables).toEqual(['y', 't']);
    expect(() => f.substitute({ y: NaN })).toThrow(/must be finite/);
    expect(() => f.substitute({ y: 'z' as never })).toThrow(/number or a Formula/);
    expect(() => f.derivative('a b')).toThrow(/expected a variable name/);
  });

  it('rejects malformed arguments at every entry point with typed errors', () => {
    const f = parseFormula('x*y');
    for (const bad of [() => f.gradient('x' as never), () => f.hessian([1] as never), () => f.toJavaScript(null as never),
      () => f.substitute(null as never), () => parseFormula('x', null as never), () => parseFormula('x', { maxNodes: -1 }),
      () => parseFormula('x', { variables: 'x' as never }), () => f.derivative(undefined as never),
      () => engineFunction(f, ['x']), () => engineFunction(f)([1]), () => engineFunction(f)('xy' as never)]) {
      expect(bad).toThrow(FormulaError);
    }
  });

  it('stops a runaway derivative with a typed error at the node cap', () => {
    const f = parseFormula('exp(sin(x) * cos(x) / (1 + x^2))', { maxNodes: 500 });
    expect(() => f.derivative('x', 50)).toThrow(/exceeds 500 nodes/);
  });
});

describe('the logistic map l(n+1) = 4 l(n) (1 - l(n)): no expression swell', () => {
  const math = create(all);
  const at = { l0: 0.3 };

  function logisticMap(n: number): Formula {
    const step = parseFormula('4*l*(1-l)');
    let l = parseFormula('l0');
    for (let k = 0; k < n; k++) l = step.substitute({ l });
    return l;
  }
  function mathjsLogistic(n: number): MathNode {
    let l: MathNode = math.parse('l0');
    for (let k = 0; k < n; k++) {
      const four = new math.ConstantNode(4);
      const oneMinus = new math.OperatorNode('-', 'subtract', [new math.ConstantNode(1), l]);
      l = new math.OperatorNode('*', 'multiply', [new math.OperatorNode('*', 'multiply', [four, l]), oneMinus]);
    }
    return l;
  }
  const treeNodes = (node: MathNode) => {
    let count = 0;
    node.traverse(() => count++);
    return count;
  };

  it('d l_n / d l_0 grows by a constant number of DAG nodes per step for n = 1..20', () => {
    const counts: number[] = [];
    for (let n = 1; n <= 20; n++) counts.push(logisticMap(n).derivative('l0').nodeCount);
    const steps = counts.slice(1).map((c, i) => c - counts[i]);
    expect(new Set(steps).size, `node counts ${counts.join(', ')}`).toBe(1);
    expect(counts[19]).toBeLessThanOrEqual(20 * 8);
  });

  it('evaluates to the value of the chain rule unrolled by hand', () => {
    for (const n of [1, 5, 20]) {
      let l = at.l0;
      let d = 1;
      for (let k = 0; k < n; k++) {
        d = (4 - 8 * l) * d;
        l = 4 * l * (1 - l);
      }
      const ours = logisticMap(n).derivative('l0').evaluate(at);
      expect(close(ours, d, 1e-9), `n=${n}: ${ours} vs ${d}`).toBe(true);
    }
  });

  it('mathjs 15 derivative swells (tree size more than doubles per step) while agreeing in value', () => {
    let previous = 0;
    for (let n = 1; n <= 7; n++) {
      const d = math.derivative(mathjsLogistic(n), 'l0', { simplify: false });
      const size = treeNodes(d);
      if (n > 2) expect(size).toBeGreaterThan(2 * previous);
      previous = size;
      const ours = logisticMap(n).derivative('l0');
      expect(ours.nodeCount).toBeLessThan(size);
      expect(close(ours.evaluate(at), d.evaluate(at) as number, 1e-9)).toBe(true);
    }
  });
});
