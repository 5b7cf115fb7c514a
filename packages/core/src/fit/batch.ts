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

function generated(source: string): GeneratedLoop {
  // functionKernel builds `function (x, out)`; the loop needs four arguments, so build it the same way.
  const FunctionConstructor = globalThis.Function;
  return new FunctionConstructor('columns', 'p', 'values', 'jacobian', source) as GeneratedLoop;
}

/**
 * Compiles `formula` for the given predictor columns, or returns null where code generation is
 * forbidden (a Content-Security-Policy): the caller then evaluates per sample.
 */
export function compileBatch(formula: Formula, predictors: readonly string[], params: readonly string[], columns: readonly Float64Array[]): BatchEvaluator | null {
  let valueLoop: GeneratedLoop;
  let jacobianLoop: GeneratedLoop;
  try {
    const root = formula.root;
    valueLoop = generated(loopSource([root], predictors, params, false));
    jacobianLoop = generated(loopSource([root, ...gradientNodes(formula.pool, root, params)], predictors, params, true));
  } catch (err) {
    if (err instanceof EvalError) return null;
    throw err;
  }
  return {
    values: (p, values) => valueLoop(columns, p, values, null),
    valuesAndJacobian: (p, values, jacobian) => jacobianLoop(columns, p, values, jacobian),
  };
}
