// A traced value (forward dual, tape value, trace value) has no honest primitive: `x > 0` would
// compare an object (always false), `Math.max(x, 0)` would return NaN or 0, and a compiled trace
// would keep the wrong branch. Every coercion therefore throws, naming the differentiable op to
// use instead. V8 names builtins in stack traces ("at Math.max"), which picks the advice.
import { DiffError } from './errors';

const MATH_ADVICE: Readonly<Record<string, string>> = {
  max: 'max(a, b)',
  min: 'min(a, b)',
  abs: 'abs(x)',
  sqrt: 'sqrt(x)',
  exp: 'exp(x)',
  log: 'log(x)',
  pow: 'pow(a, b)',
  sin: 'sin(x)',
  cos: 'cos(x)',
  tanh: 'tanh(x)',
};

/** The Math function on the stack that asked for the number, if any ("max" for Math.max). */
function mathCaller(stack: string | undefined): string | null {
  const match = /at Math\.(\w+) /.exec(stack ?? '');
  return match ? match[1] : null;
}

export function coercionError(label: string, hint: string): DiffError {
  const mathFn = mathCaller(new Error().stack);
  const ops = 'gt, ge, lt, le, eq (comparisons) and where(cond, a, b) (branches)';
  const use =
    mathFn !== null
      ? `Math.${mathFn} cannot see a traced value: use ${MATH_ADVICE[mathFn] ?? `the tensile op of the same name`} from @tensile/core instead (and ${ops})`
      : hint === 'string'
        ? `to show it, read its number with valueOf(x); to branch on it, use ${ops}`
        : `a native comparison (<, >, ==) or Math function on it would silently give a wrong value and gradient: use ${ops}, and max/min/abs instead of Math.max/Math.min/Math.abs`;
  return new DiffError('E_COERCION', `a ${label} value was converted to a primitive (${hint}): ${use}`, { where: mathFn ? `Math.${mathFn}` : hint, value: hint });
}
