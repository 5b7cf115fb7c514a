// Formula models compiled over the whole sample set: one generated function computes every
// sample's value (and, in the second one, its gradient with respect to the parameters) in a loop,
// with the subexpressions that depend on parameters only hoisted out of it. This is the fit's hot
// path for formula models: no per-sample call, no Map, no interpreter (the job MINPACK's
// compiled Fortran does for scipy).
import { gradientNodes } from '../diff/symbolic/differentiate';
import type { Formula } from '../diff/symbolic/formula';
import { reachable, type Expr } from '../diff/symbolic/graph';
import { straightLine } from '../diff/symbolic/javascript';

/** Values (and Jacobians) of a model at every sample for a parameter vector. */
export interface BatchEvaluator {
  /** Writes f(row_i; p) into values. */
  values(p: ArrayLike<number>, values: Float64Array): void;
  /** Writes f(row_i; p) into values and d f(row_i; p) / d p_j into jacobian (row-major m x n). */
  valuesAndJacobian(p: ArrayLike<number>, values: Float64Array, jacobian: Float64Array): void;
}

type GeneratedLoop = (columns: readonly Float64Array[], p: ArrayLike<number>, values: Float64Array, jacobian: Float64Array | null) => void;

/**
 * Builds the loop body for `outputs` (the value, then optionally the gradient). Variables are
 * read from `z`: predictors first (refreshed per row), then parameters (set once).
 */
function loopSource(outputs: readonly Expr[], predictors: readonly string[], params: readonly string[], withJacobian: boolean): string {
  const index = new Map<string, number>([...predictors.map((v, i) => [v, i] as const), ...params.map((v, j) => [v, predictors.length + j] as const)]);
  const predictorSet = new Set(predictors);
  // Nodes that read no predictor are the same for every row: compute them once, before the loop.
  const rowDependent = new Set<number>();
  const invariant: Expr[] = [];
  for (const node of reachable(outputs)) {
    const dependent = node.op === 'var' ? predictorSet.has(node.name) : node.args.some((a) => rowDependent.has(a.id));
    if (dependent) rowDependent.add(node.id);
    else if (node.op !== 'const') invariant.push(node);
  }
  const names = new Map<number, string>();
  const hoisted = straightLine(invariant, index, 'z', 'h', names);
  const body = straightLine(outputs, index, 'z', 't', names);
  const n = params.length;
  const k = predictors.length;
  const lines = [
    `const z = new Float64Array(${k + n});`,
    ...params.map((_, j) => `z[${k + j}] = p[${j}];`),
    ...predictors.map((_, i) => `const c${i} = columns[${i}];`),
    ...hoisted.lines,
    `const m = values.length;`,
    `for (let i = 0; i < m; i++) {`,
    ...predictors.map((_, i) => `  z[${i}] = c${i}[i];`),
    ...body.lines.map((l) => `  ${l}`),
    `  values[i] = ${body.ref(outputs[0])};`,
  ];
  if (withJacobian) {
    lines.push(`  const row = i * ${n};`);
    for (let j = 0; j < n; j++) lines.push(`  jacobian[row + ${j}] = ${body.ref(outputs[j + 1])};`);
  }
  lines.push('}');
  return lines.join('\n');
}

/**
 * Generated loops by source text: refitting the same formula (a bench, a CLI session, auto's
 * candidates) reuses code V8 has already optimised. Bounded, oldest dropped first.
 */
const loops = new Map<string, GeneratedLoop>();
const MAX_LOOPS = 128;

function generated(source: string): GeneratedLoop {
  let loop = loops.get(source);
  if (!loop) {
    const FunctionConstructor = globalThis.Function;
    loop = new FunctionConstructor('columns', 'p', 'values', 'jacobian', source) as GeneratedLoop;
    if (loops.size >= MAX_LOOPS) loops.delete(loops.keys().next().value as string);
    loops.set(source, loop);
  }
  return loop;
}

/** The two loops of a formula, built once per formula object (its gradient graph is the costly part). */
const perFormula = new WeakMap<Formula, Map<string, [GeneratedLoop, GeneratedLoop]>>();

/**
 * Compiles `formula` for the given predictor columns, or returns null where code generation is
 * forbidden (a Content-Security-Policy): the caller then evaluates per sample.
 */
export function compileBatch(formula: Formula, predictors: readonly string[], params: readonly string[], columns: readonly Float64Array[]): BatchEvaluator | null {
  const key = `${predictors.join(',')};${params.join(',')}`;
  let cache = perFormula.get(formula);
  if (!cache) perFormula.set(formula, (cache = new Map()));
  let pair = cache.get(key);
  if (!pair) {
    try {
      const root = formula.root;
      pair = [generated(loopSource([root], predictors, params, false)), generated(loopSource([root, ...gradientNodes(formula.pool, root, params)], predictors, params, true))];
    } catch (err) {
      if (err instanceof EvalError) return null;
      throw err;
    }
    cache.set(key, pair);
  }
  const [valueLoop, jacobianLoop] = pair;
  return {
    values: (p, values) => valueLoop(columns, p, values, null),
    valuesAndJacobian: (p, values, jacobian) => jacobianLoop(columns, p, values, jacobian),
  };
}
