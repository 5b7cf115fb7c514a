// Tracing: runs a function once on example inputs and records every primitive op it performs as a
// flat list of nodes, plus a guard for every comparison that looked at a traced value. This is
// the input of compile-to-JS (src/diff/compile), which turns a trace into straight-line code and
// re-traces when a guard no longer holds for new inputs.
import { describeValue } from '../errors';
import { DiffError, argumentError } from './errors';
import { limits, tooLarge } from './limits';
import { nanError } from './ops';
import { PRIMITIVES } from './primitives';
import type { Primitive, PrimitiveOp } from './primitives';
import { flatten, rebuild } from './pytree';
import type { TreeDef } from './pytree';
import { Boxed, nextLevel, primalNumber } from './value';
import type { ComparisonOp, CustomRule, Interpreter, Num } from './value';

/** `input` and `const` nodes start a trace; every other node is a key of PRIMITIVES. */
export type TraceOp = PrimitiveOp | 'input' | 'const';

/** One recorded step of a trace: an input, a constant or one primitive applied to earlier nodes. */
export interface TraceNode {
  /** Its index in `Trace.nodes`; args always point to smaller ids (topological order). */
  readonly id: number;
  /** "input", "const" or the primitive's key in PRIMITIVES. */
  readonly op: TraceOp;
  /** Node ids of the arguments, in the order of the primitive's parameters ([] for input/const). */
  readonly args: readonly number[];
  /** The value at trace time: the constant for `const`, the example input for `input`. */
  readonly value: number;
  /** For `input` nodes: the position in `Trace.inputs` (pytree flatten order). */
  readonly inputIndex?: number;
}

/** A comparison the traced run made; a compiled trace is valid only for inputs where all hold. */
export interface TraceGuard {
  readonly op: ComparisonOp;
  /** Node ids of the two compared values (a plain number becomes a `const` node). */
  readonly args: readonly [number, number];
  /** What the comparison returned on the example input. */
  readonly outcome: boolean;
}

/**
 * The record of one run of `f` on example inputs.
 *
 * - `nodes`: topologically ordered; evaluate them in order with `PRIMITIVES[op].f(args...)`.
 * - `inputs`: the ids of the input nodes, in pytree flatten order of the example input
 *   (depth-first, arrays by index, records by sorted key); `inputPaths` names each ("w[3]", "a").
 * - `output`: the id of the output node when f returns one scalar, else -1; `outputs` holds the ids
 *   of all output leaves in flatten order and `outputDef` their shape (rebuild with `unflatten`).
 *   An output leaf may be an input or a `const` node.
 * - `guards`: every comparison (lt/le/gt/ge/eq) that involved a traced value, in execution order.
 *   Branches, min/max ties and the activations' kinks are decided by the example input; the
 *   guards say for which inputs the trace stays the same program.
 *
 * customGradient ops are traced through their value function (their custom rule is not kept);
 * stopGradient appears as its own op.
 */
export interface Trace {
  readonly nodes: readonly TraceNode[];
  readonly inputs: readonly number[];
  readonly inputPaths: readonly string[];
  readonly inputDef: TreeDef;
  readonly output: number;
  readonly outputs: readonly number[];
  readonly outputDef: TreeDef;
  readonly guards: readonly TraceGuard[];
}

class Tracer extends Boxed {
  constructor(
    readonly owner: TraceContext,
    readonly id: number,
    readonly primal: number,
  ) {
    super();
  }
}

class TraceContext implements Interpreter {
  readonly level = nextLevel();
  readonly label = 'trace';
  active = true;
  readonly nodes: TraceNode[] = [];
  readonly guards: TraceGuard[] = [];
  private readonly constIds = new Map<number, number>();

  input(value: number, inputIndex: number): Tracer {
    const id = this.nodes.length;
    this.nodes.push({ id, op: 'input', args: [], value, inputIndex });
    return new Tracer(this, id, value);
  }

  /** The node id of an operand: its own node, or a (shared) const node for a plain number. */
  idOf(x: Num): number {
    if (typeof x === 'number') {
      const known = Object.is(x, -0) ? undefined : this.constIds.get(x);
      if (known !== undefined) return known;
      const id = this.nodes.length;
      if (id >= limits.maxTapeNodes) throw tooLarge('trace', id + 1, limits.maxTapeNodes, 'nodes', 'maxTapeNodes');
      this.nodes.push({ id, op: 'const', args: [], value: x });
      if (!Object.is(x, -0)) this.constIds.set(x, id);
      return id;
    }
    // A comparison may hand us a value of an inner transformation whose primal chain reaches us.
    for (let v: Num = x; typeof v !== 'number'; v = v.primal) if (v.owner === this) return (v as Tracer).id;
    throw new DiffError(
      'E_ARGUMENT',
      `trace: the function uses a value of an enclosing ${x.owner.label}; trace the whole computation instead`,
      { where: 'trace' },
    );
  }

  private push(rule: Primitive, args: number[], value: number, operands: Num[]): Tracer {
    if (value !== value && operands.every((o) => primalNumber(o) === primalNumber(o))) throw nanError(rule.name, operands);
    const id = this.nodes.length;
    if (id >= limits.maxTapeNodes) throw tooLarge('trace', id + 1, limits.maxTapeNodes, 'nodes', 'maxTapeNodes');
    this.nodes.push({ id, op: rule.name, args, value });
    return new Tracer(this, id, value);
  }

  apply1(rule: Primitive, x: Num): Num {
    const ix = this.idOf(x);
    return this.push(rule, [ix], rule.f(primalNumber(x), 0), [x]);
  }

  apply2(rule: Primitive, a: Num, b: Num): Num {
    const ia = this.idOf(a);
    const ib = this.idOf(b);
    return this.push(rule, [ia, ib], rule.f(primalNumber(a), primalNumber(b)), [a, b]);
  }

  applyCustom(custom: CustomRule, args: readonly Num[]): Num {
    // eslint-disable-next-line no-restricted-syntax -- a custom op's arguments: its arity, fixed where it is defined
    return custom.f(...args);
  }

  onCompare(op: ComparisonOp, a: Num, b: Num, outcome: boolean): void {
    this.guards.push({ op, args: [this.idOf(a), this.idOf(b)], outcome });
  }
}

/**
 * Runs `f` once on `exampleInput` (a number, array, Float64Array or record tree of finite numbers)
 * and returns the recorded program. `f` must be written with the polymorphic ops (add, mul, exp,
 * lt, ...); typed arrays in the input arrive as plain arrays. Its output may be a Num or a tree.
 */
export function trace(f: (input: never) => unknown, exampleInput: unknown): Trace {
  if (typeof f !== 'function') throw argumentError('trace: f', f, 'a function');
  const { leaves, def, paths } = flatten(exampleInput, 'trace input');
  const ctx = new TraceContext();
  try {
    const tracers = leaves.map((x, i) => ctx.input(primalNumber(x), i));
    if (leaves.some((x) => typeof x !== 'number')) {
      throw new DiffError('E_ARGUMENT', 'trace: example inputs must be plain numbers', { where: 'trace input' });
    }
    const out = (f as (input: unknown) => unknown)(rebuild(def, tracers, false));
    const flatOut = flatten(out, 'trace output', false);
    const outputs = flatOut.leaves.map((x) => ctx.idOf(x));
    return {
      nodes: ctx.nodes,
      inputs: tracers.map((t) => t.id),
      inputPaths: paths,
      inputDef: def,
      output: flatOut.def.kind === 'leaf' ? outputs[0] : -1,
      outputs,
      outputDef: flatOut.def,
      guards: ctx.guards,
    };
  } finally {
    ctx.active = false;
  }
}

const COMPARE = {
  lt: (a: number, b: number) => a < b,
  le: (a: number, b: number) => a <= b,
  gt: (a: number, b: number) => a > b,
  ge: (a: number, b: number) => a >= b,
  eq: (a: number, b: number) => a === b,
};

function badTrace(where: string, value: unknown, expected: string): DiffError {
  return new DiffError('E_ARGUMENT', `evaluateTrace: trace.${where}: expected ${expected}, got ${describeValue(value)}`, { where: `trace.${where}`, value });
}

/** A node id that is an integer in [0, below). */
function isId(x: unknown, below: number): x is number {
  return typeof x === 'number' && Number.isInteger(x) && x >= 0 && x < below;
}

/**
 * Re-runs a trace on new flat inputs (the reference semantics for compiled code): returns the
 * output leaves and whether every guard still holds (if not, the outputs are not f's).
 *
 * The trace is checked as it is evaluated (it may come from JSON or be hand-made): every node's
 * op must be a primitive, 'input' or 'const' and its args earlier node ids; `inputs` must hold
 * one finite number per trace input. An op that turns non-NaN values into NaN is an E_NAN error
 * naming it (as on plain numbers); ±Infinity outputs are returned as IEEE gives them.
 */
export function evaluateTrace(t: Trace, inputs: ArrayLike<number>): { outputs: number[]; guardsHold: boolean } {
  let nodes: unknown, inputIds: unknown, outputs: unknown, guards: unknown, inputPaths: unknown;
  try {
    if (typeof t !== 'object' || t === null) throw argumentError('evaluateTrace: trace', t, 'a Trace (from trace())');
    ({ nodes, inputs: inputIds, outputs, guards, inputPaths } = t);
  } catch (err) {
    if (err instanceof DiffError) throw err;
    throw new DiffError('E_ARGUMENT', `evaluateTrace: reading the trace threw: ${err instanceof Error ? err.message : String(err)}`, { where: 'trace' });
  }
  if (!Array.isArray(nodes)) throw badTrace('nodes', nodes, 'an array of trace nodes');
  if (!Array.isArray(inputIds)) throw badTrace('inputs', inputIds, 'an array of node ids');
  if (!Array.isArray(outputs)) throw badTrace('outputs', outputs, 'an array of node ids');
  if (!Array.isArray(guards)) throw badTrace('guards', guards, 'an array of guards');
  if (typeof inputs !== 'object' || inputs === null) throw argumentError('evaluateTrace: inputs', inputs, 'an array of numbers');
  // Copied once (after the count is known to match): a getter or proxy trap that throws is named
  // here, and nothing reads the caller's array again.
  let given: number[];
  try {
    const length = inputs.length;
    if (length !== inputIds.length) {
      throw new DiffError('E_SHAPE', `evaluateTrace: expected ${inputIds.length} inputs, got ${describeValue(length)}`, { where: 'inputs' });
    }
    given = Array.from(inputs);
  } catch (err) {
    if (err instanceof DiffError) throw err;
    throw new DiffError('E_ARGUMENT', `evaluateTrace: reading inputs threw: ${err instanceof Error ? err.message : describeValue(err)}`, { where: 'inputs' });
  }
  inputs = given;
  if (nodes.length > limits.maxTapeNodes) throw tooLarge('evaluateTrace: trace', nodes.length, limits.maxTapeNodes, 'nodes', 'maxTapeNodes');
  try {
    return run(nodes, outputs, guards, inputPaths, given);
  } catch (err) {
    if (err instanceof DiffError) throw err;
    throw new DiffError('E_ARGUMENT', `evaluateTrace: reading the trace threw: ${err instanceof Error ? err.message : describeValue(err)}`, { where: 'trace' });
  }
}

/** evaluateTrace after the trace's top-level fields and the inputs were read and checked. */
function run(nodes: unknown[], outputs: unknown[], guards: unknown[], inputPaths: unknown, inputs: number[]): { outputs: number[]; guardsHold: boolean } {
  for (let i = 0; i < inputs.length; i++) {
    const x = inputs[i];
    if (typeof x !== 'number' || x - x !== 0) {
      const name = Array.isArray(inputPaths) && typeof inputPaths[i] === 'string' && inputPaths[i] ? ` (${inputPaths[i] as string})` : '';
      throw new DiffError(typeof x === 'number' ? 'E_NON_FINITE' : 'E_ARGUMENT', `evaluateTrace: inputs[${i}]${name}: expected a finite number, got ${describeValue(x)}`, {
        where: `inputs[${i}]`,
        value: x,
      });
    }
  }
  const v = new Float64Array(nodes.length);
  for (let id = 0; id < nodes.length; id++) {
    const node = nodes[id] as Partial<TraceNode> | null;
    const op = node?.op;
    const args = node?.args;
    if (op === 'input') {
      const k = node?.inputIndex;
      if (!isId(k, inputs.length)) throw badTrace(`nodes[${id}].inputIndex`, k, `an input index below ${inputs.length}`);
      v[id] = inputs[k];
    } else if (op === 'const') {
      if (typeof node?.value !== 'number') throw badTrace(`nodes[${id}].value`, node?.value, 'a number');
      v[id] = node.value;
    } else if (typeof op === 'string' && Object.prototype.hasOwnProperty.call(PRIMITIVES, op)) {
      const rule = PRIMITIVES[op as PrimitiveOp] as Primitive;
      if (!Array.isArray(args) || args.length !== rule.arity || !args.every((a) => isId(a, id))) {
        throw badTrace(`nodes[${id}].args`, args, `${rule.arity} id(s) of earlier nodes for ${op}`);
      }
      const a = v[args[0]];
      const b = rule.arity > 1 ? v[args[1]] : 0;
      const y = rule.f(a, b);
      if (y !== y && a === a && b === b) throw nanError(rule.name, rule.arity > 1 ? [a, b] : [a]);
      v[id] = y;
    } else {
      throw badTrace(`nodes[${id}].op`, op, "a primitive op, 'input' or 'const'");
    }
  }
  const out = new Array<number>(outputs.length);
  for (let i = 0; i < outputs.length; i++) {
    if (!isId(outputs[i], nodes.length)) throw badTrace(`outputs[${i}]`, outputs[i], `a node id below ${nodes.length}`);
    out[i] = v[outputs[i] as number];
  }
  let guardsHold = true;
  for (let i = 0; i < guards.length; i++) {
    const g = guards[i] as Partial<TraceGuard> | null;
    const cmp = typeof g?.op === 'string' && Object.prototype.hasOwnProperty.call(COMPARE, g.op) ? COMPARE[g.op] : undefined;
    if (cmp === undefined) throw badTrace(`guards[${i}].op`, g?.op, "'lt', 'le', 'gt', 'ge' or 'eq'");
    const ga = g?.args;
    if (!Array.isArray(ga) || !isId(ga[0], nodes.length) || !isId(ga[1], nodes.length)) throw badTrace(`guards[${i}].args`, ga, 'two node ids');
    if (cmp(v[ga[0]], v[ga[1]]) !== g?.outcome) guardsHold = false;
  }
  return { outputs: out, guardsHold };
}
