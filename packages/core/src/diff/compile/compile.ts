// compile(f | formula): value, gradient (and optionally hessian) as straight-line JavaScript over
// Float64Array, the job JAX's jit does for its traced programs. TypeScript functions are traced
// with the engine's `trace`; the comparisons they made become guards in the generated code, and a
// call whose inputs take another branch re-traces and compiles that variant (cached by outcome).
import { describeValue } from '../../errors';
import { flatten, unflatten } from '../pytree';
import { gradientNodes, hessianNodes } from '../symbolic/differentiate';
import { evaluateNodes, explainNaN } from '../symbolic/evaluate';
import { Formula, parseFormula } from '../symbolic/formula';
import type { Expr, ExprPool } from '../symbolic/graph';
import { trace } from '../trace';
import type { TreeDef } from '../pytree';
import { CompileError } from './errors';
import { readOwnProperties, thrownMessage } from '../symbolic/errors';
import { functionKernel, interpretedKernel, kernelBackend, kernelSource, type Kernel, type KernelSpec } from './kernel';
import { graphOfTrace } from './trace-graph';

/** How compiled code runs: "function" (generated JavaScript, fastest) or "interpreter" (no code generation, for a strict CSP). */
export type CompileBackend = 'function' | 'interpreter';

/** Options of compile(): whether to build the hessian, the back end, and the input order or example input. */
export interface CompileOptions {
  /** Also compute the hessian (n x n, row-major). Default false. */
  readonly hessian?: boolean;
  /**
   * 'function' generates JavaScript with `new Function`; 'interpreter' runs the same program
   * without code generation (for a strict Content-Security-Policy). 'auto' (default) uses
   * 'function' and falls back to 'interpreter' when `new Function` throws.
   */
  readonly backend?: 'auto' | CompileBackend;
  /** Formulas: the input order (default: the formula's variables in order of appearance). */
  readonly variables?: readonly string[];
  /** Functions: an example input (number, array, Float64Array or record tree); required. */
  readonly example?: unknown;
  /** Functions: how many traced branch variants to keep (default 32, least recently used dropped). */
  readonly maxVariants?: number;
}

/** What one call of a compiled function returns: the value and its gradient (and hessian if asked for). */
export interface CompiledResult {
  /** The function's value at the input. */
  readonly value: number;
  /** d value / d input[i], in the order of `inputs`. */
  readonly gradient: Float64Array;
  /** Row-major n x n second derivatives, when compiled with `hessian: true`. */
  readonly hessian?: Float64Array;
}

/** A function compiled by compile(): call it for value and derivatives, or use `into` to avoid allocating. */
export interface CompiledFunction {
  /** Value and derivatives at `input`: a flat array in `inputs` order, or a tree shaped like the example / a record of variables. */
  (input: unknown): CompiledResult;
  /** Allocation-free form: writes [value, gradient..., hessian...] into `out` and returns the value. */
  into(input: ArrayLike<number>, out: Float64Array): number;
  /** Input names: the formula's variables, or the example's leaf paths ("a", "w[2]"). */
  readonly inputs: readonly string[];
  /** The back end the code runs on: "interpreter" also when a formula is too big for one generated function (MAX_FUNCTION_KERNEL_LINES). */
  readonly backend: CompileBackend;
  /** True when compiled with `hessian: true`. */
  readonly hasHessian: boolean;
  /** How many branch variants have been compiled so far (1 for formulas and branch-free functions). */
  readonly variants: number;
  /** The generated body of `function (x, out)` of the most recent variant (for inspection). */
  readonly source: string;
}

const DEFAULT_MAX_VARIANTS = 32;

interface Variant {
  readonly kernel: Kernel;
  readonly backend: CompileBackend;
  readonly source: string;
  readonly spec: KernelSpec;
}

function buildVariant(pool: ExprPool, root: Expr, spec0: Omit<KernelSpec, 'outputs'>, withHessian: boolean, backend: CompileBackend): Variant {
  const grads = gradientNodes(pool, root, spec0.inputs);
  const outputs = [root, ...grads];
  if (withHessian) for (const row of hessianNodes(pool, root, spec0.inputs)) for (const node of row) outputs.push(node);
  const spec: KernelSpec = { ...spec0, outputs };
  const source = kernelSource(spec);
  const used = kernelBackend(source, backend);
  return { kernel: used === 'function' ? functionKernel(source) : interpretedKernel(spec), backend: used, source, spec };
}

function chooseBackend(requested: CompileOptions['backend']): CompileBackend {
  if (requested === 'interpreter') return 'interpreter';
  if (requested !== undefined && requested !== 'auto' && requested !== 'function') {
    throw new CompileError('E_ARGUMENT', `compile: options.backend must be 'auto', 'function' or 'interpreter', got ${describeValue(requested)}`, { where: 'options.backend', value: requested });
  }
  try {
    functionKernel('return true;');
    return 'function';
  } catch (err) {
    if (requested === 'function') {
      throw new CompileError('E_NO_CODEGEN', "compile: backend 'function' needs new Function, which this environment forbids (a Content-Security-Policy?); use backend 'interpreter' or 'auto'", { where: 'options.backend', cause: err });
    }
    return 'interpreter';
  }
}

/**
 * Compiles a parsed formula (or its source) or a function written with the engine's ops.
 * A traced function is differentiated through the ops it ran: `stopGradient` is kept, but a
 * `customGradient` rule is not (the trace holds its value function), so compile such code only
 * when its value function differentiates to the same thing.
 */
export function compile(target: Formula | string | ((input: never) => unknown), options: CompileOptions = {}): CompiledFunction {
  if (options === null || typeof options !== 'object') {
    throw new CompileError('E_ARGUMENT', `compile: options must be an object, got ${describeValue(options)}`, { where: 'options', value: options });
  }
  options = readOwnProperties(options, (key, err) => {
    throw new CompileError('E_ARGUMENT', `compile: reading options.${key} threw: ${thrownMessage(err)}`, { where: `options.${key}` });
  });
  const backend = chooseBackend(options.backend);
  const withHessian = options.hessian === true;
  if (typeof target === 'string' || target instanceof Formula) return compileFormula(typeof target === 'string' ? parseFormula(target) : target, options, backend, withHessian);
  if (typeof target === 'function') return compileTraced(target, options, backend, withHessian);
  throw new CompileError('E_ARGUMENT', `compile: expected a Formula, a formula string or a function, got ${describeValue(target)}`, { where: 'compile', value: target });
}

function outLength(n: number, withHessian: boolean): number {
  return 1 + n + (withHessian ? n * n : 0);
}

function checkFlat(x: ArrayLike<number>, inputs: readonly string[]): void {
  if (x.length !== inputs.length) {
    throw new CompileError('E_SHAPE', `compiled function: expected ${inputs.length} input${inputs.length === 1 ? '' : 's'} (${inputs.join(', ')}), got ${x.length}`, { where: 'input', value: x.length });
  }
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new CompileError('E_NON_FINITE', `compiled function: input ${inputs[i]} must be a finite number, got ${describeValue(v)}`, { where: inputs[i], value: v });
    }
  }
}

/** Throws E_NAN naming the subexpression of output `o` that went NaN (slow path, on error only). */
function explainOutputNaN(spec: KernelSpec, out: Float64Array, x: ArrayLike<number>, labels: readonly string[]): void {
  const n = spec.inputs.length;
  for (let o = 0; o < spec.outputs.length; o++) {
    if (!Number.isNaN(out[o])) continue;
    const what = o === 0 ? 'the value' : o <= n ? `d/d${labels[o - 1]}` : `d2/d${labels[Math.floor((o - 1 - n) / n)]}d${labels[(o - 1 - n) % n]}`;
    const values = new Map(spec.inputs.map((name, i) => [name, x[i]]));
    const vals = evaluateNodes([spec.outputs[o]], values, 'compiled function');
    explainNaN(spec.outputs[o], vals, `compiled function: ${what}`);
  }
}

function results(out: Float64Array, n: number, withHessian: boolean): CompiledResult {
  const gradient = out.slice(1, 1 + n);
  return withHessian ? { value: out[0], gradient, hessian: out.slice(1 + n) } : { value: out[0], gradient };
}

function hasNaN(out: Float64Array): boolean {
  for (let i = 0; i < out.length; i++) if (out[i] !== out[i]) return true;
  return false;
}

function compileFormula(formula: Formula, options: CompileOptions, backend: CompileBackend, withHessian: boolean): CompiledFunction {
  if (options.variables !== undefined && (!Array.isArray(options.variables) || options.variables.some((v) => typeof v !== 'string'))) {
    throw new CompileError('E_ARGUMENT', `compile: options.variables must be an array of variable names, got ${describeValue(options.variables)}`, { where: 'options.variables', value: options.variables });
  }
  const inputs = [...(options.variables ?? formula.variables)];
  const missing = formula.variables.filter((v) => !inputs.includes(v));
  if (missing.length > 0) {
    throw new CompileError('E_ARGUMENT', `compile: options.variables lacks ${missing.map((m) => JSON.stringify(m)).join(', ')}, used by the formula`, { where: 'options.variables', value: missing });
  }
  if (new Set(inputs).size !== inputs.length) throw new CompileError('E_ARGUMENT', 'compile: options.variables names a variable twice', { where: 'options.variables' });
  const variant = buildVariant(formula.pool, formula.root, { inputs, guards: [] }, withHessian, backend);
  const n = inputs.length;
  const scratch = new Float64Array(outLength(n, withHessian));
  const flat = new Float64Array(n);

  const into = (x: ArrayLike<number>, out: Float64Array): number => {
    checkFlat(x, inputs);
    variant.kernel(x, out);
    if (hasNaN(out)) explainOutputNaN(variant.spec, out, x, inputs);
    return out[0];
  };
  const call = (input: unknown): CompiledResult => {
    let x: ArrayLike<number>;
    if (ArrayBuffer.isView(input) || Array.isArray(input)) x = input as ArrayLike<number>;
    else if (input instanceof Map || (input !== null && typeof input === 'object')) {
      const get = (name: string): unknown => {
        try {
          return input instanceof Map ? input.get(name) : Object.hasOwn(input, name) ? (input as Record<string, unknown>)[name] : undefined;
        } catch (err) {
          // A getter that throws: name the variable instead of leaking a bare Error from the caller's object.
          throw new CompileError('E_ARGUMENT', `compiled function: reading input ${JSON.stringify(name)} threw: ${err instanceof Error ? err.message : String(err)}`, { where: name });
        }
      };
      for (let i = 0; i < n; i++) {
        const v = get(inputs[i]);
        if (v === undefined) throw new CompileError('E_MISSING_VARIABLE', `compiled function: variable ${JSON.stringify(inputs[i])} has no value`, { where: inputs[i] });
        if (typeof v !== 'number') checkFlat([v as number], [inputs[i]]);
        flat[i] = v as number;
      }
      x = flat;
    } else if (typeof input === 'number' && n === 1) x = [input];
    else throw new CompileError('E_ARGUMENT', `compiled function: expected ${n} input values (an array or a record of ${inputs.join(', ')}), got ${describeValue(input)}`, { where: 'input', value: input });
    into(x, scratch);
    return results(scratch, n, withHessian);
  };
  return Object.assign(call, { into, inputs, backend: variant.backend, hasHessian: withHessian, variants: 1, source: variant.source });
}

function compileTraced(f: (input: never) => unknown, options: CompileOptions, backend: CompileBackend, withHessian: boolean): CompiledFunction {
  if (!('example' in options)) {
    throw new CompileError('E_ARGUMENT', 'compile: a function needs options.example, an input of the shape it takes (it is traced on it)', { where: 'options.example' });
  }
  const maxVariants = options.maxVariants ?? DEFAULT_MAX_VARIANTS;
  if (!Number.isInteger(maxVariants) || maxVariants < 1) {
    throw new CompileError('E_ARGUMENT', `compile: options.maxVariants must be a positive integer, got ${describeValue(maxVariants)}`, { where: 'options.maxVariants', value: maxVariants });
  }
  const first = trace(f, options.example);
  const def: TreeDef = first.inputDef;
  const labels = first.inputPaths.map((p) => p || 'x');
  const n = first.inputs.length;
  const variants: Variant[] = [];
  const addVariant = (t: ReturnType<typeof trace>): Variant => {
    const g = graphOfTrace(t);
    const v = buildVariant(g.pool, g.root, { inputs: g.inputs, guards: g.guards }, withHessian, backend);
    variants.unshift(v);
    if (variants.length > maxVariants) variants.pop();
    compiled.variants++;
    compiled.source = v.source;
    return v;
  };
  const scratch = new Float64Array(outLength(n, withHessian));

  const into = (x: ArrayLike<number>, out: Float64Array): number => {
    checkFlat(x, labels);
    let hit: Variant | undefined;
    for (let i = 0; i < variants.length; i++) {
      if (variants[i].kernel(x, out)) {
        hit = variants[i];
        if (i > 0) variants.unshift(variants.splice(i, 1)[0]);
        break;
      }
    }
    if (!hit) {
      // A branch went the other way: trace at this input and compile that program too.
      hit = addVariant(trace(f, unflatten(def, Array.from(x), false)));
      if (!hit.kernel(x, out)) {
        throw new CompileError('E_GUARD', 'compile: the program traced at this input does not pass its own guards (a comparison with NaN?)', { where: 'compile' });
      }
    }
    if (hasNaN(out)) explainOutputNaN(hit.spec, out, x, labels);
    return out[0];
  };
  const call = (input: unknown): CompiledResult => {
    let x: ArrayLike<number>;
    if ((ArrayBuffer.isView(input) || Array.isArray(input)) && (input as ArrayLike<unknown>).length === n && Array.prototype.every.call(input, (v: unknown) => typeof v === 'number')) {
      x = input as ArrayLike<number>;
    } else {
      const flat = flatten(input, 'compiled function input');
      if (flat.leaves.length !== n) {
        throw new CompileError('E_SHAPE', `compiled function: expected an input shaped like the example (${n} numbers: ${labels.join(', ')}), got ${flat.leaves.length}`, { where: 'input' });
      }
      x = flat.leaves as number[];
    }
    into(x, scratch);
    return results(scratch, n, withHessian);
  };
  const compiled = Object.assign(call, { into, inputs: labels, backend, hasHessian: withHessian, variants: 0, source: '' });
  addVariant(first);
  return compiled;
}
