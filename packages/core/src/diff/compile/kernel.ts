// The two back ends of compile: straight-line JavaScript built with `new Function`, and an
// interpreter over the same node order for pages whose Content-Security-Policy forbids it.
// Both compute every node with the same operations in the same order, so they agree bit for bit.
import { reachable, type Expr } from '../symbolic/graph';
import { straightLine } from '../symbolic/javascript';
import { OPS } from '../symbolic/ops';
import { CompileError } from './errors';

export interface KernelSpec {
  /** Variable names, in the order of the input array. */
  readonly inputs: readonly string[];
  /** Written to out[0], out[1], ... */
  readonly outputs: readonly Expr[];
  /** Comparison nodes that must equal `outcome`, or the kernel returns false without writing. */
  readonly guards: readonly { readonly node: Expr; readonly outcome: number }[];
}

/** Computes the outputs of a spec into `out`; false means a guard failed (re-trace needed). */
export type Kernel = (x: ArrayLike<number>, out: Float64Array) => boolean;

/** The body of `function (x, out)`: only compiler-made names (x, out, t0...) and numeric literals. */
export function kernelSource(spec: KernelSpec): string {
  const index = new Map(spec.inputs.map((name, i) => [name, i]));
  // Guards first: a variant whose branch does not match gives up before computing the rest.
  const names = new Map<number, string>();
  const guarded = straightLine(spec.guards.map((g) => g.node), index, 'x', 't', names);
  const lines = guarded.lines;
  for (const g of spec.guards) lines.push(`if (${guarded.ref(g.node)} !== ${g.outcome}) return false;`);
  const body = straightLine(spec.outputs, index, 'x', 't', names);
  for (const line of body.lines) lines.push(line); // a spread of a big formula's lines overflows the stack
  spec.outputs.forEach((o, i) => lines.push(`out[${i}] = ${body.ref(o)};`));
  lines.push('return true;');
  return lines.join('\n');
}

/**
 * Most lines a generated function may have. Each line is a local of one function frame, and V8
 * overflows the stack calling a function with ~100k locals (a 66 KB formula's gradient has that
 * many), so bigger kernels run on the interpreter, which keeps its values in one array.
 */
export const MAX_FUNCTION_KERNEL_LINES = 20_000;

/** The back end a spec actually gets: the requested one, or the interpreter past MAX_FUNCTION_KERNEL_LINES. */
export function kernelBackend(source: string, requested: 'function' | 'interpreter'): 'function' | 'interpreter' {
  if (requested === 'interpreter') return requested;
  let lines = 1;
  for (let at = source.indexOf('\n'); at >= 0 && lines <= MAX_FUNCTION_KERNEL_LINES; at = source.indexOf('\n', at + 1)) lines++;
  return lines <= MAX_FUNCTION_KERNEL_LINES ? 'function' : 'interpreter';
}

/** Builds the JavaScript back end; throws whatever `new Function` throws (EvalError under CSP). */
export function functionKernel(source: string): Kernel {
  const FunctionConstructor = globalThis.Function;
  return new FunctionConstructor('x', 'out', source) as Kernel;
}

const VAR = 0;
const CONST = 1;
const OP = 2;

/** The interpreter back end: no code generation, the same arithmetic. */
export function interpretedKernel(spec: KernelSpec): Kernel {
  const order = reachable([...spec.outputs, ...spec.guards.map((g) => g.node)]);
  const n = order.length;
  const slot = new Map<number, number>();
  order.forEach((node, k) => slot.set(node.id, k));
  const index = new Map(spec.inputs.map((name, i) => [name, i]));
  const kind = new Uint8Array(n);
  const arg = new Int32Array(3 * n);
  const constants = new Float64Array(n);
  const kernels: ((a: number, b: number, c: number) => number)[] = new Array(n);
  order.forEach((node, k) => {
    if (node.op === 'var') {
      const i = index.get(node.name);
      if (i === undefined) throw new CompileError('E_INTERNAL', `compile: variable ${JSON.stringify(node.name)} is not an input`, { where: 'compile' });
      kind[k] = VAR;
      arg[3 * k] = i;
    } else if (node.op === 'const') {
      kind[k] = CONST;
      constants[k] = node.value;
    } else {
      kind[k] = OP;
      kernels[k] = OPS[node.op].kernel;
      node.args.forEach((a, j) => (arg[3 * k + j] = slot.get(a.id) as number));
    }
  });
  const outputs = Int32Array.from(spec.outputs, (o) => slot.get(o.id) as number);
  const guards = Int32Array.from(spec.guards, (g) => slot.get(g.node.id) as number);
  const outcomes = Float64Array.from(spec.guards, (g) => g.outcome);
  const r = new Float64Array(n);
  return (x, out) => {
    for (let k = 0; k < n; k++) {
      const kk = kind[k];
      if (kk === OP) r[k] = kernels[k](r[arg[3 * k]], r[arg[3 * k + 1]], r[arg[3 * k + 2]]);
      else if (kk === VAR) r[k] = x[arg[3 * k]];
      else r[k] = constants[k];
    }
    for (let g = 0; g < guards.length; g++) if (r[guards[g]] !== outcomes[g]) return false;
    for (let o = 0; o < outputs.length; o++) out[o] = r[outputs[o]];
    return true;
  };
}
