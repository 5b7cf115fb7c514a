// Evaluates DAG nodes on numbers, bottom-up (iterative, any depth). A NaN result is a typed error
// that names the subexpression where the NaN first appeared and the values it was applied to.
import { describeValue } from '../../errors';
import { FormulaError } from './errors';
import { reachable, type Expr } from './graph';
import { OPS } from './ops';
import { printFormula } from './print';

/** Variable values: a Map, or a plain object (own properties only, so `__proto__` is just a name). */
export type VariableValues = ReadonlyMap<string, number> | Readonly<Record<string, number>>;

/** Reads variable values into a Map, checking each is a finite number. */
/** `record[key]`, with a throwing getter turned into a FormulaError that names the variable. */
function readProperty(record: Record<string, unknown>, key: string, where: string): unknown {
  try {
    return record[key];
  } catch (err) {
    throw new FormulaError('E_BAD_ARGUMENT', `${where}: reading variable ${JSON.stringify(key)} threw: ${err instanceof Error ? err.message : String(err)}`, { where: `${where}.${key}` }, { cause: err });
  }
}

export function readValues(values: VariableValues, where: string): Map<string, number> {
  if (values === null || typeof values !== 'object') {
    throw new FormulaError('E_BAD_ARGUMENT', `${where}: expected variable values as an object or a Map, got ${describeValue(values)}`, { where, value: values });
  }
  const entries = values instanceof Map ? [...values.entries()] : Object.keys(values).map((k) => [k, readProperty(values as Record<string, unknown>, k, where)] as const);
  const out = new Map<string, number>();
  for (const [name, v] of entries) {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new FormulaError('E_NON_FINITE', `${where}: variable ${JSON.stringify(name)} must be a finite number, got ${describeValue(v)}`, { where: `${where}.${name}`, value: v });
    }
    out.set(name, v);
  }
  return out;
}

/** Values of every node reachable from `roots`, keyed by node id. */
export function evaluateNodes(roots: readonly Expr[], values: ReadonlyMap<string, number>, where: string): Map<number, number> {
  const out = new Map<number, number>();
  for (const node of reachable(roots)) {
    let v: number;
    if (node.op === 'const') v = node.value;
    else if (node.op === 'var') {
      const given = values.get(node.name);
      if (given === undefined) {
        const known = [...values.keys()].join(', ') || 'none';
        throw new FormulaError('E_MISSING_VARIABLE', `${where}: variable ${JSON.stringify(node.name)} has no value (given: ${known})`, { where: node.name });
      }
      v = given;
    } else {
      const a = node.args;
      v = OPS[node.op].kernel(out.get(a[0]?.id) as number, out.get(a[1]?.id) as number, out.get(a[2]?.id) as number);
    }
    out.set(node.id, v);
  }
  return out;
}

/** Throws E_NAN naming the subexpression where `root`'s NaN came from. */
export function explainNaN(root: Expr, values: ReadonlyMap<number, number>, where: string): never {
  let node = root;
  // Follow NaN arguments down (only the chosen branch of a where) to the first op that made one.
  for (;;) {
    const args = node.op === 'where' ? [node.args[0], node.args[values.get(node.args[0].id) !== 0 ? 1 : 2]] : node.args;
    const next = args.find((a) => Number.isNaN(values.get(a.id)));
    if (!next) break;
    node = next;
  }
  let shown: string;
  try {
    shown = printFormula(node);
  } catch {
    shown = node.op;
  }
  if (shown.length > 80) shown = `${shown.slice(0, 77)}...`;
  const args = node.args.map((a) => describeValue(values.get(a.id))).join(', ');
  throw new FormulaError('E_NAN', `${where} is NaN: ${shown} gives NaN (${node.op} of ${args})`, { where: shown, value: NaN });
}
