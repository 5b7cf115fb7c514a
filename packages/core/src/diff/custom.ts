// customGradient: a user-defined op with its own derivative rule, usable in every mode.
import { DiffError, argumentError, describeCall } from './errors';
import { Boxed, primalNumber } from './value';
import type { CustomRule, Interpreter, Num } from './value';

/**
 * Runs a custom op on any Nums: plain numbers call the value function, boxed ones go to the
 * innermost transformation. Unlike the built-in ops, a custom op rejects NaN arguments (its value
 * function is user code that might hide them) and a NaN or non-number result.
 */
export function callCustom(custom: CustomRule, args: readonly Num[]): Num {
  let owner: Interpreter | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (typeof a === 'number') {
      if (a !== a) throw new DiffError('E_NON_FINITE', `${custom.name}: argument ${i + 1} is NaN`, { where: custom.name, value: a });
    } else if (a instanceof Boxed) {
      if (owner === undefined || a.owner.level > owner.level) owner = a.owner;
    } else {
      throw argumentError(`${custom.name}: argument ${i + 1}`, a, 'a number or a value of grad/jvp/trace');
    }
  }
  // eslint-disable-next-line no-restricted-syntax -- a custom op's arguments: its arity, fixed where it is defined
  if (owner === undefined) return checkedValue(custom, args, custom.f(...args));
  if (!owner.active) {
    throw new DiffError('E_STALE_VALUE', `${custom.name}: an argument belongs to a ${owner.label} that has already returned`, { where: custom.name });
  }
  return owner.applyCustom(custom, args);
}

function checkedValue(custom: CustomRule, args: readonly Num[], y: unknown): Num {
  if (typeof y === 'number') {
    if (y !== y) throw new DiffError('E_NAN', `${describeCall(custom.name, args.map(primalNumber))} is NaN`, { where: custom.name, value: y });
    return y;
  }
  if (y instanceof Boxed) return y;
  throw argumentError(`${custom.name}: the value function's result`, y, 'a number');
}

/**
 * Wraps `f` with a hand-written derivative: `rule(args, value)` returns d f / d args[i] for every
 * argument. Use it for numerically delicate functions or to replace an expensive derivative.
 * For first-order use `f` and `rule` may use Math.*; to nest derivatives or trace (compile), write
 * both with the polymorphic ops. A trace records `f`'s own ops (the rule is not kept).
 *
 * @example
 * const safeLog = customGradient((x) => log(max(x, 1e-300)), ([x]) => [div(1, x)]);
 */
export function customGradient<A extends Num[]>(
  f: (...args: A) => Num,
  rule: (args: A, value: Num) => readonly Num[],
  name = f.name || 'customGradient',
): (...args: A) => Num {
  if (typeof f !== 'function') throw argumentError('customGradient: f', f, 'a function');
  if (typeof rule !== 'function') throw argumentError('customGradient: rule', rule, 'a function');
  const custom: CustomRule = {
    name,
    f: f as (...args: Num[]) => Num,
    partials: (args, value) => {
      const partials = rule(args as A, value);
      if (!Array.isArray(partials) || partials.length !== args.length) {
        throw new DiffError('E_SHAPE', `${name}: the gradient rule must return ${args.length} partial(s), got ${Array.isArray(partials) ? partials.length : typeof partials}`, {
          where: name,
        });
      }
      for (const p of partials) if (typeof p !== 'number' && !(p instanceof Boxed)) throw argumentError(`${name}: partial`, p, 'a number');
      return partials;
    },
  };
  return (...args: A) => callCustom(custom, args);
}
