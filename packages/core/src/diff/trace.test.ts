// trace(): node order, inputs in pytree order, constants, guards, and evaluateTrace as its semantics.
import { describe, expect, it } from 'vitest';
import { add, div, exp, gt, mul, pow, where, lt } from './ops';
import { trace, evaluateTrace } from './trace';
import { DiffError } from './errors';
import type { Num } from './value';
import { grad } from './reverse';
import { tanh } from './ops';

describe('trace', () => {
  const f = (p: { a: Num; x: Num[] }) => {
    const y = add(mul(p.a, 2), pow(p.x[0], p.x[1]));
    return where(gt(y, 3), exp(y), div(y, 2));
  };

  it('records inputs in flatten order, ops topologically, and one guard per comparison', () => {
    const t = trace(f, { x: new Float64Array([2, 3]), a: 1 });
    expect(t.inputPaths).toEqual(['a', 'x[0]', 'x[1]']);
    expect(t.inputs.map((id) => t.nodes[id].op)).toEqual(['input', 'input', 'input']);
    for (const node of t.nodes) for (const arg of node.args) expect(arg).toBeLessThan(node.id);
    expect(t.nodes[t.output].op).toBe('exp');
    expect(t.guards).toHaveLength(1);
    expect(t.guards[0].op).toBe('gt');
    expect(t.guards[0].outcome).toBe(true);
    expect(t.nodes[t.guards[0].args[1]]).toMatchObject({ op: 'const', value: 3 });
  });

  it('evaluateTrace reproduces f where the guards hold and reports where they do not', () => {
    const t = trace(f, { a: 1, x: [2, 3] });
    const same = evaluateTrace(t, [1.5, 2, 2]);
    expect(same.guardsHold).toBe(true);
    expect(same.outputs[0]).toBeCloseTo(Math.exp(7), 9);
    expect(evaluateTrace(t, [-5, 0.1, 1]).guardsHold).toBe(false);
  });

  it('traces tree outputs, constant outputs and input passthrough', () => {
    const t = trace((x: Num[]) => ({ s: add(x[0], x[1]), k: 4, id: x[0] }), [1, 2]);
    expect(t.output).toBe(-1);
    expect(t.outputs.map((id) => t.nodes[id].op)).toEqual(['input', 'const', 'add']); // keys sorted: id, k, s
    expect(evaluateTrace(t, [3, 4]).outputs).toEqual([3, 4, 7]);
  });

  it('traces a gradient computation (reverse mode over traced values)', () => {
    const f = (p: Num[]) => mul(tanh(mul(p[0], p[1])), exp(p[0]));
    const t = trace((p: Num[]) => grad(f)(p), [0.3, -0.7]);
    expect(t.outputs).toHaveLength(2);
    const at = [0.5, 0.25];
    const { outputs, guardsHold } = evaluateTrace(t, at);
    expect(guardsHold).toBe(true);
    const g = grad(f)(at);
    expect(outputs[0]).toBeCloseTo(g[0], 12);
    expect(outputs[1]).toBeCloseTo(g[1], 12);
  });

  it('rejects non-finite examples and leaked tracers', () => {
    expect(() => trace((x: Num) => x, NaN)).toThrow(DiffError);
    let leaked: Num = 0;
    trace((x: Num) => (leaked = mul(x, 2)), 1);
    expect(() => add(leaked, 1)).toThrow(/already returned/);
    expect(() => trace((x: Num) => (lt(x, 0) ? 0 : x), 'a' as unknown as number)).toThrow(/expected a number/);
  });
});
