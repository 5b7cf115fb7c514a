// Turns an engine trace (src/diff/trace.ts) into the symbolic DAG, so traced TypeScript functions
// and parsed formulas share one differentiator and one code generator. Each guard becomes a
// comparison node with the outcome the traced run saw.
import { ExprPool, type Expr } from '../symbolic/graph';
import type { OpName } from '../symbolic/ops';
import type { Trace } from '../trace';
import { CompileError } from './errors';

export interface TracedGraph {
  readonly pool: ExprPool;
  readonly root: Expr;
  /** Variable names of the inputs (the trace's input paths), in flatten order. */
  readonly inputs: readonly string[];
  /** Comparison nodes that must evaluate to `outcome` (1 or 0) for the graph to be f's program. */
  readonly guards: readonly { readonly node: Expr; readonly outcome: number }[];
}

/** Names inputs by position ("#0", "#1"...) so they can never clash, whatever the paths say. */
const inputName = (i: number) => `#${i}`;

export function graphOfTrace(t: Trace, pool = new ExprPool()): TracedGraph {
  if (t.output < 0) {
    throw new CompileError('E_NOT_SCALAR', 'compile: the function must return one number (its value is differentiated); it returned a tree', {
      where: 'compile output',
    });
  }
  const nodes: Expr[] = [];
  for (const node of t.nodes) {
    let e: Expr;
    if (node.op === 'input') e = pool.variable(inputName(node.inputIndex as number));
    else if (node.op === 'const') e = pool.constant(node.value);
    // Primal ops are kept as traced (hash-consed, not simplified), so values match the engine's.
    else e = pool.raw(node.op as OpName, node.args.map((a) => nodes[a]));
    nodes.push(e);
  }
  const guards = t.guards.map((g) => ({ node: pool.raw(g.op, [nodes[g.args[0]], nodes[g.args[1]]]), outcome: g.outcome ? 1 : 0 }));
  return { pool, root: nodes[t.output], inputs: t.inputs.map((_, i) => inputName(i)), guards };
}
