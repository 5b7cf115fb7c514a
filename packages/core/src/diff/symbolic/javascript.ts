// Straight-line JavaScript for a DAG: one `const` per node in topological order, so shared
// subexpressions are computed once. Only compiler-made identifiers (x, t0, t1, ...) and numeric
// literals reach the source; variable names never do (they map to indices of the input array).
import { FormulaError } from './errors';
import { reachable, type Expr } from './graph';
import { OPS, type OpName } from './ops';

/** A numeric literal that is safe to splice anywhere in an expression. */
export function jsLiteral(v: number): string {
  if (Number.isNaN(v)) return '(0 / 0)';
  if (v === Infinity) return '(1 / 0)';
  if (v === -Infinity) return '(-1 / 0)';
  if (Object.is(v, -0)) return '(-0)';
  const text = String(v);
  return v < 0 ? `(${text})` : text;
}

export interface StraightLine {
  /** Statements computing every node reachable from the roots. */
  readonly lines: string[];
  /** The expression (a temporary or a literal) holding a node's value. */
  ref(node: Expr): string;
}

/**
 * Emits statements for `roots`. Variable `name` is read from `${input}[varIndex.get(name)]`.
 * `prefix` names the temporaries (t0, t1, ...), so several blocks can share one function.
 */
export function straightLine(roots: readonly Expr[], varIndex: ReadonlyMap<string, number>, input = 'x', prefix = 't', known?: Map<number, string>): StraightLine {
  const names = known ?? new Map<number, string>();
  const lines: string[] = [];
  let next = names.size;
  const ref = (node: Expr): string => {
    if (node.op === 'const') return jsLiteral(node.value);
    const name = names.get(node.id);
    if (name === undefined) throw new FormulaError('E_INTERNAL', `node ${node.id} used before it was computed`, { where: 'straightLine' });
    return name;
  };
  for (const node of reachable(roots)) {
    if (node.op === 'const' || names.has(node.id)) continue;
    const name = `${prefix}${next++}`;
    if (node.op === 'var') {
      const index = varIndex.get(node.name);
      if (index === undefined) {
        throw new FormulaError('E_MISSING_VARIABLE', `variable ${JSON.stringify(node.name)} is not among the inputs`, { where: 'toJavaScript', value: node.name });
      }
      lines.push(`const ${name} = ${input}[${index}];`);
    } else {
      const [a, b, c] = node.args.map(ref);
      lines.push(`const ${name} = ${OPS[node.op as OpName].js(a, b, c)};`);
    }
    names.set(node.id, name);
  }
  return { lines, ref };
}

/** `function (x) { ... return tN; }` computing `root` from x = values of `variables`, in that order. */
export function printJavaScript(root: Expr, variables: readonly string[]): string {
  const index = new Map(variables.map((v, i) => [v, i]));
  const { lines, ref } = straightLine([root], index);
  return ['function (x) {', ...lines.map((l) => `  ${l}`), `  return ${ref(root)};`, '}'].join('\n');
}
