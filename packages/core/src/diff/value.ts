// The polymorphic scalar `Num` and the dispatch that lets one user function run on plain numbers,
// forward duals, reverse tape values and trace values, nested to any depth.
//
// Every transformation in progress (a jvp, a grad, a trace) is an `Interpreter` with a level taken
// from a global counter when it starts, so a transformation started inside another always has the
// higher level. An op on boxed operands goes to the interpreter of the highest level among them;
// operands of lower levels are constants to it (JAX's "tracer level" rule, which avoids
// perturbation confusion in nested derivatives).
import type { Primitive } from './primitives';
import { coercionError } from './coercion';

/** A value that is being transformed: a forward dual, a reverse tape value or a trace value. */
export abstract class Boxed {
  /** The transformation this value belongs to. */
  abstract readonly owner: Interpreter;
  /** The value one level down: a number, or a boxed value of an enclosing transformation. */
  abstract readonly primal: Num;

  /** `x > 0`, `Math.max(x, 0)`, `${x}`, `+x`: all wrong on a traced value, so all throw (see coercion.ts). */
  [Symbol.toPrimitive](hint: string): never {
    throw coercionError(this.owner?.label ?? 'traced', hint);
  }
}

/** A scalar as seen by differentiable code: a plain number or a boxed value of a transformation. */
export type Num = number | Boxed;

/** The comparisons differentiable code may make (lt, le, gt, ge, eq); a trace records each outcome as a guard. */
export type ComparisonOp = 'lt' | 'le' | 'gt' | 'ge' | 'eq';

export interface Interpreter {
  /** Position in the nesting of transformations: higher = started later = inner. */
  readonly level: number;
  /** False once the transformation has returned; its values must not be used any more. */
  readonly active: boolean;
  /** "grad", "jvp", "trace", ... for error messages. */
  readonly label: string;
  apply1(rule: Primitive, x: Num): Num;
  apply2(rule: Primitive, a: Num, b: Num): Num;
  /** An op of any arity (customGradient); `partials(args, value)` gives d value / d args[i]. */
  applyCustom(custom: CustomRule, args: readonly Num[]): Num;
  /** Called when a comparison looked at a value of this interpreter (the tracer records guards). */
  onCompare?(op: ComparisonOp, a: Num, b: Num, outcome: boolean): void;
}

/** A user-defined op made by customGradient. */
export interface CustomRule {
  readonly name: string;
  /** The value, written with the polymorphic ops (so it can be traced and nested). */
  readonly f: (...args: Num[]) => Num;
  /** d f / d args[i] for every i, given the arguments and the value. */
  readonly partials: (args: readonly Num[], value: Num) => readonly Num[];
}

let levelCounter = 0;
/** A fresh level for a transformation that starts now. */
export function nextLevel(): number {
  return ++levelCounter;
}

/** True when `x` is a value being differentiated or traced (not a plain number): for code that must tell them apart. */
export function isBoxed(x: unknown): x is Boxed {
  return x instanceof Boxed;
}

/** The plain number under any number of transformations. */
export function primalNumber(x: Num): number {
  while (typeof x !== 'number') x = x.primal;
  return x;
}

/**
 * The interpreter of the highest level among boxed operands (never called with two numbers), or
 * undefined when an operand is not a Num at all (a string, null, a plain object): the caller
 * then reports the operand (ops.ts), so the type check costs nothing on valid operands.
 */
export function ownerOf2(a: Num, b: Num): Interpreter | undefined {
  if (typeof a === 'number') return (b as Boxed | null)?.owner ?? undefined;
  if (typeof b === 'number') return (a as Boxed | null)?.owner ?? undefined;
  const oa = (a as Boxed | null)?.owner;
  const ob = (b as Boxed | null)?.owner;
  return oa == null || ob == null ? undefined : oa.level >= ob.level ? oa : ob;
}
