// compile(): both back ends give the same numbers as the symbolic derivative and the engine,
// traced branches re-trace when a guard flips, and hostile names never reach the generated source.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TensileError } from '../../errors';
import { add, div, exp, gt, lt, mul, neg, pow, sub, type Num } from '../ops';
import { valueAndGrad } from '../reverse';
import { parseFormula } from '../symbolic/formula';
import { compile } from './compile';
import { CompileError } from './errors';

/** Reverse-mode tape vs generated code: the same math in a different operation order. */
const REL_TOL_REORDERED = 1e-12;
const close = (a: number, b: number) => Math.abs(a - b) <= REL_TOL_REORDERED * Math.max(1, Math.abs(a), Math.abs(b));

// The article's nine samples (drag px, offset px) and model y = a*500/(1 + b/x^c).
const DATA: [number, number][] = [[0, 0], [500, 90], [1000, 160], [1500, 210], [2500, 260], [6000, 347.5], [8000, 357.5], [10000, 367.5], [12000, 377.5]];

function sse(p: { a: Num; b: Num; c: Num }): Num {
  let total: Num = 0;
  for (const [x, y] of DATA) {
    // x = 0 is included as is: b / 0^c = Infinity, the model is 0, and the strong-zero adjoint
    // products keep the gradient finite (as the engine's reverse mode does).
    const model = div(mul(p.a, 500), add(1, div(p.b, pow(x, p.c))));
    const r = sub(model, y);
    total = add(total, mul(r, r));
  }
  return total;
}

describe('compile a formula', () => {
  const source = 'x^2*sin(y) + exp(x*y) + (x < y ? log(1 + y^2) : sqrt(x))';
  const at = { x: 0.4, y: -1.3 };

  it('returns value, gradient and hessian equal to the symbolic derivatives, in both back ends', () => {
    const f = parseFormula(source);
    const g = f.gradient().map((d) => d.evaluate(at));
    const h = f.hessian().flatMap((row) => row.map((d) => d.evaluate(at)));
    for (const backend of ['function', 'interpreter'] as const) {
      const c = compile(f, { hessian: true, backend });
      expect(c.backend).toBe(backend);
      const r = c(at);
      expect(r.value).toBe(f.evaluate(at));
      expect([...r.gradient]).toEqual(g);
      expect([...(r.hessian as Float64Array)]).toEqual(h);
      expect(c([at.x, at.y])).toEqual(r);
      const out = new Float64Array(7);
      expect(c.into(new Float64Array([at.x, at.y]), out)).toBe(r.value);
      expect(out[1]).toBe(g[0]);
    }
  });

  it('accepts a formula string and an input order; hessian only when asked', () => {
    const c = compile('a*b^2', { variables: ['b', 'a'] });
    expect(c.inputs).toEqual(['b', 'a']);
    const r = c([3, 2]);
    expect(r).toEqual({ value: 18, gradient: new Float64Array([12, 9]) });
    expect(c.hasHessian).toBe(false);
    expect(() => compile('a*b', { variables: ['a'] })).toThrow(/lacks "b"/);
  });

  it('keeps user names out of the generated source', () => {
    const hostile = ['constructor', '__proto__', 'toString', 'x'];
    const c = compile(parseFormula(hostile.join(' * ') + ' + sin(constructor)'), { hessian: true });
    for (const name of hostile.slice(0, 3)) expect(c.source).not.toContain(name);
    expect(c.source).toMatch(/^[\w\s=;.,()[\]*+\-/<>!?:|]*$/);
    const values = JSON.parse('{"constructor": 2, "__proto__": 3, "toString": 5, "x": 7}');
    expect(c(values).value).toBe(2 * 3 * 5 * 7 + Math.sin(2));
  });

  it('gives typed errors for bad inputs and names the subexpression of a NaN', () => {
    const c = compile('log(x) + y');
    expect(() => c([1])).toThrow(/expected 2 inputs \(x, y\), got 1/);
    expect(() => c([1, NaN])).toThrow(/input y must be a finite number, got NaN/);
    expect(() => c({ x: 1 })).toThrow(/variable "y" has no value/);
    expect(() => c('x' as never)).toThrow(CompileError);
    expect(() => c([-1, 0])).toThrow(/log\(x\) gives NaN \(log of -1\)/);
    expect(() => compile('x', { backend: 'webgpu' as never })).toThrow(/options.backend/);
    expect(() => compile(42 as never)).toThrow(CompileError);
    expect(() => compile('x +')).toThrow(TensileError);
  });
});

describe('compile a traced function', () => {
  it('compiles the article SSE to the reverse-mode gradient', () => {
    const p = { a: 0.82, b: 4338, c: 1.15 };
    const c = compile(sse, { example: p });
    expect(c.inputs).toEqual(['a', 'b', 'c']);
    const ref = valueAndGrad(sse)(p);
    const r = c(p);
    expect(close(r.value, ref.value)).toBe(true);
    expect(close(r.gradient[0], ref.grad.a)).toBe(true);
    expect(close(r.gradient[1], ref.grad.b)).toBe(true);
    expect(close(r.gradient[2], ref.grad.c)).toBe(true);
    expect(c.variants).toBe(1); // no comparison looked at a traced value
  });

  it('re-traces when a branch outcome changes and reuses cached variants', () => {
    const f = (v: Num[]) => (lt(v[0], 0) ? mul(neg(v[0]), v[1]) : gt(v[1], 1) ? mul(pow(v[0], 2), exp(v[1])) : add(v[0], v[1]));
    const ref = valueAndGrad(f);
    const c = compile(f, { example: [1, 2] });
    const points = [[1, 2], [-1, 2], [3, 0.5], [2, 3], [-2, 5], [0.5, 0.5]];
    for (const x of points) {
      const r = c(x);
      const e = ref(x);
      expect(close(r.value, e.value as number), `f(${x})`).toBe(true);
      r.gradient.forEach((gi, i) => expect(close(gi, e.grad[i] as number), `grad f(${x})`).toBe(true));
    }
    expect(c.variants).toBe(3);
    expect(c.source).toMatch(/return false;/);
    // Guards come before the value and gradient, so a variant for another branch gives up early.
    expect(c.source.indexOf('return false;')).toBeLessThan(c.source.indexOf('out[0]'));
  });

  it('evicts the least recently used variant beyond maxVariants and stays correct', () => {
    const f = (v: Num[]) => (gt(v[0], 0) ? mul(v[0], v[0]) : neg(v[0]));
    const c = compile(f, { example: [1], maxVariants: 1 });
    for (const x of [2, -3, 4, -5]) expect(c([x])).toEqual({ value: x > 0 ? x * x : -x, gradient: new Float64Array([x > 0 ? 2 * x : -1]) });
    expect(c.variants).toBe(4); // each sign change re-traced: only one variant is kept
  });

  it('gives the same results with the interpreter back end', () => {
    const f = (v: Num[]) => (lt(v[0], v[1]) ? exp(mul(v[0], v[1])) : div(v[0], v[1]));
    const js = compile(f, { example: [1, 2], hessian: true, backend: 'function' });
    const interp = compile(f, { example: [1, 2], hessian: true, backend: 'interpreter' });
    for (const x of [[1, 2], [3, 2], [0.3, 0.2], [-1, 4]]) expect(interp(x)).toEqual(js(x));
  });

  it('keeps record keys out of the source, however hostile', () => {
    const example = JSON.parse('{"constructor": 1, "__proto__": 2, "a);alert(1)//": 3}');
    const f = (p: Record<string, Num>) => mul(add(p['constructor'], p['__proto__']), p['a);alert(1)//']);
    const c = compile(f, { example });
    for (const name of ['constructor', '__proto__', 'alert', 'a)']) expect(c.source).not.toContain(name);
    expect(c.inputs).toEqual(['__proto__', 'a);alert(1)//', 'constructor']);
    const r = c(JSON.parse('{"constructor": 4, "__proto__": 5, "a);alert(1)//": 6}'));
    expect(r.value).toBe(54);
    expect([...r.gradient]).toEqual([6, 9, 6]);
  });

  it('rejects functions without an example, tree outputs and wrong input shapes', () => {
    expect(() => compile((x: Num) => x)).toThrow(/options.example/);
    expect(() => compile((x: Num) => ({ y: x }), { example: 1 })).toThrow(/must return one number/);
    const c = compile((v: Num[]) => mul(v[0], v[1]), { example: [1, 2] });
    expect(() => c([1, 2, 3])).toThrow(/expected an input shaped like the example/);
    expect(() => compile((x: Num) => x, { example: 1, maxVariants: 0 })).toThrow(/maxVariants/);
  });
});

describe('strict Content-Security-Policy (new Function forbidden)', () => {
  afterEach(() => vi.unstubAllGlobals());
  const forbid = () =>
    vi.stubGlobal('Function', function csp() {
      throw new EvalError("Refused to evaluate a string as JavaScript because 'unsafe-eval' is not allowed");
    });

  it("falls back to the interpreter under 'auto' with the same results", () => {
    const expected = compile('x^y + sigmoid(x - y)', { hessian: true })({ x: 1.5, y: 2 });
    forbid();
    const c = compile('x^y + sigmoid(x - y)', { hessian: true });
    expect(c.backend).toBe('interpreter');
    expect(c({ x: 1.5, y: 2 })).toEqual(expected);
  });

  it("fails with a typed error when 'function' is forced", () => {
    forbid();
    expect(() => compile('x', { backend: 'function' })).toThrow(/forbids/);
  });
});
