// User models as TypeScript: `(x, params) => value` written with the AD engine's ops (add, mul,
// pow, exp, ... from @tensile/core), which run on plain numbers for values and on dual numbers
// for the exact Jacobian, so a user model fits exactly like a built-in one.
import type { Num } from '../../diff/index';
import { valueOf } from '../../diff/ops';
import { describeValue } from '../../errors';
import { FitOptionsError } from '../errors';
import type { ModelDefinition } from '../model';
import type { Samples } from '../samples';

/**
 * A model written as a TypeScript function (defineModel): fitted exactly like a built-in one, with exact
 * Jacobians from the differentiation engine.
 */
export interface UserModelOptions {
  /** Shown in results and stored in JSON (default "user"). */
  name?: string;
  /** Parameter names, in the order of `start`, `lower` and `upper`. */
  params: readonly string[];
  /** The model at x for named parameters, written with the engine's ops. */
  fn: (x: Num, p: Readonly<Record<string, Num>>) => Num;
  /** Start values: an array in parameter order, a record by name, or a self-start from the samples. */
  start: readonly number[] | Readonly<Record<string, number>> | ((samples: Samples) => number[]);
  /** Lower bounds in parameter order (default: none). */
  lower?: readonly number[];
  /** Upper bounds in parameter order (default: none). */
  upper?: readonly number[];
  /** Default "nonnegative" (fitted on x >= 0 and mirrored). */
  domain?: 'nonnegative' | 'real';
  /** A human formula for display. */
  formula?: string;
}

/** A ModelDefinition from a TypeScript function (not exportable with toJS; its JSON needs `{ model }` to load). */
export function defineModel(opts: UserModelOptions): ModelDefinition {
  if (opts === null || typeof opts !== 'object') {
    throw new FitOptionsError('E_FIT_BAD_MODEL', `defineModel: expected options, got ${describeValue(opts)}`, { where: 'model', value: opts });
  }
  if (typeof opts.fn !== 'function') {
    throw new FitOptionsError('E_FIT_BAD_MODEL', `defineModel: fn must be a function (x, params) => value, got ${describeValue(opts.fn)}`, { where: 'fn', value: opts.fn });
  }
  const params = Array.isArray(opts.params) ? [...opts.params] : [];
  if (params.length === 0 || params.some((p) => typeof p !== 'string' || p === '' || p === '__proto__')) {
    throw new FitOptionsError('E_FIT_BAD_MODEL', `defineModel: params must be a non-empty array of names (not "__proto__"), got ${describeValue(opts.params)}`, { where: 'params', value: opts.params });
  }
  const { fn, start } = opts;
  const record = <N>(p: readonly N[]): Record<string, N> => {
    const r: Record<string, N> = {};
    for (let i = 0; i < params.length; i++) r[params[i]] = p[i];
    return r;
  };
  const startFn = (samples: Samples): number[] => {
    if (typeof start === 'function') return start(samples);
    if (Array.isArray(start)) return [...start];
    if (start && typeof start === 'object') return params.map((k) => (start as Record<string, number>)[k]);
    throw new FitOptionsError('E_FIT_BAD_START', `defineModel: start must be numbers, a record or a function, got ${describeValue(start)}`, { where: 'start', value: start });
  };
  return {
    name: opts.name ?? 'user',
    formula: opts.formula ?? `user function of (x, ${params.join(', ')})`,
    params,
    lower: opts.lower,
    upper: opts.upper,
    domain: opts.domain ?? 'nonnegative',
    settings: {},
    expr: <N>(x: number, p: readonly N[]) => fn(x, record(p as unknown as Num[])) as unknown as N,
    evaluate: (x, p) => valueOf(fn(x, record(Array.from(p)))),
    start: startFn,
  };
}
