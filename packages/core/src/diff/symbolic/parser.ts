// Recursive-descent parser of the formula language into the hash-consed DAG.
//   formula     := ternary
//   ternary     := comparison ('?' ternary ':' ternary)?
//   comparison  := additive (('<' | '<=' | '>' | '>=' | '==' | '!=') additive)?   (no chaining)
//   additive    := product (('+' | '-') product)*
//   product     := unary (('*' | '/') unary)*
//   unary       := ('-' | '+') unary | power
//   power       := primary ('^' unary)?          (right-associative: 2^3^2 = 2^9; -x^2 = -(x^2))
//   primary     := number | constant | variable | function '(' args ')' | '(' ternary ')'
// Input length and nesting depth are capped, so no input can hang the parser or overflow the stack.
import { ParseError } from './errors';
import type { Expr, ExprPool } from './graph';
import { FORMULA_CONSTANTS, FORMULA_FUNCTIONS, OPS, functionOp, type OpName } from './ops';
import { tokenize, type Token } from './tokenizer';
import { nearestName } from './nearest-name';

/** Longest formula source accepted, in characters. */
export const MAX_FORMULA_LENGTH = 100_000;
/** Deepest nesting of parentheses, unary signs, powers and conditionals accepted. */
export const MAX_FORMULA_DEPTH = 256;

/** Options of the formula parser: which variable names are allowed. */
export interface ParseOptions {
  /** If given, any other identifier is a ParseError naming it (and the known variables); a listed name shadows a constant of the same name (e, pi). */
  readonly variables?: readonly string[];
}

const COMPARISONS: ReadonlyMap<string, OpName> = new Map([
  ['<', 'lt'], ['<=', 'le'], ['>', 'gt'], ['>=', 'ge'], ['==', 'eq'], ['!=', 'ne'],
]);

function describeToken(t: Token): string {
  if (t.kind === 'end') return 'the end of the formula';
  if (t.kind === 'number') return `number ${t.text}`;
  if (t.kind === 'ident') return `'${t.text}'`;
  return `'${t.text}'`;
}

/** The known function nearest to a mistyped name (ln -> log, sine -> sin), if one is near. */
function closest(name: string): string | undefined {
  if (name === 'ln') return 'log';
  return nearestName(name, FORMULA_FUNCTIONS);
}

export function parseInto(pool: ExprPool, source: string, options: ParseOptions = {}): Expr {
  if (typeof source !== 'string') {
    throw new ParseError(`expected the formula as a string, got ${typeof source}`, '', 1, { value: typeof source });
  }
  if (source.length > MAX_FORMULA_LENGTH) {
    throw new ParseError(`formula is ${source.length} characters long; at most ${MAX_FORMULA_LENGTH} are accepted`, source, MAX_FORMULA_LENGTH + 1);
  }
  const known = options.variables ? new Set(options.variables) : null;
  const tokens = tokenize(source);
  let pos = 0;
  let depth = 0;

  const peek = (): Token => tokens[pos];
  const fail = (message: string, t: Token = peek()): never => {
    throw new ParseError(message, source, t.column);
  };
  const isOp = (text: string): boolean => peek().kind === 'op' && peek().text === text;
  const expect = (text: string, context: string): Token => {
    if (!isOp(text)) fail(`expected '${text}' ${context} but found ${describeToken(peek())}`);
    return tokens[pos++];
  };
  const enter = (): void => {
    if (++depth > MAX_FORMULA_DEPTH) fail(`formula nests more than ${MAX_FORMULA_DEPTH} levels deep`);
  };

  function ternary(): Expr {
    enter();
    const cond = comparison();
    let out = cond;
    if (isOp('?')) {
      pos++;
      const a = ternary();
      expect(':', "to separate the branches of 'c ? a : b'");
      const b = ternary();
      out = pool.raw('where', [cond, a, b]);
    }
    depth--;
    return out;
  }

  function comparison(): Expr {
    const left = additive();
    const op = peek().kind === 'op' ? COMPARISONS.get(peek().text) : undefined;
    if (!op) return left;
    pos++;
    const right = additive();
    if (peek().kind === 'op' && COMPARISONS.has(peek().text)) fail('comparisons do not chain; use parentheses or ?:');
    return pool.raw(op, [left, right]);
  }

  function additive(): Expr {
    let left = product();
    while (isOp('+') || isOp('-')) {
      const op = tokens[pos++].text === '+' ? 'add' : 'sub';
      left = pool.raw(op, [left, product()]);
    }
    return left;
  }

  function product(): Expr {
    let left = unary();
    while (isOp('*') || isOp('/')) {
      const op = tokens[pos++].text === '*' ? 'mul' : 'div';
      left = pool.raw(op, [left, unary()]);
    }
    return left;
  }

  function unary(): Expr {
    enter();
    let out: Expr;
    if (isOp('-')) {
      pos++;
      out = pool.raw('neg', [unary()]);
    } else if (isOp('+')) {
      pos++;
      out = unary();
    } else {
      const base = primary();
      if (isOp('^')) {
        pos++;
        out = pool.raw('pow', [base, unary()]);
      } else out = base;
    }
    depth--;
    return out;
  }

  function primary(): Expr {
    const t = peek();
    if (t.kind === 'number') {
      pos++;
      return pool.constant(t.value);
    }
    if (t.kind === 'ident') {
      pos++;
      if (isOp('(')) return call(t);
      // A name listed in `variables` is that variable even where it is also a constant's name
      // (fit formulas may call a parameter e, as ll3 does).
      const constant = known?.has(t.text) ? undefined : FORMULA_CONSTANTS.get(t.text);
      if (constant !== undefined) return pool.constant(constant);
      if (known && !known.has(t.text)) {
        const list = [...known].join(', ');
        fail(`unknown variable '${t.text}'${list ? ` (known: ${list})` : ' (this formula takes no variables)'}`, t);
      }
      return pool.variable(t.text);
    }
    if (isOp('(')) {
      pos++;
      const inner = ternary();
      expect(')', 'to close the parenthesis');
      return inner;
    }
    return fail(t.kind === 'end' ? 'the formula ends where a value was expected' : `expected a number, a variable or '(' but found ${describeToken(t)}`);
  }

  function call(name: Token): Expr {
    const op = functionOp(name.text);
    if (!op) {
      const near = closest(name.text);
      const list = `known functions: ${FORMULA_FUNCTIONS.join(', ')}`;
      const hint = FORMULA_CONSTANTS.has(name.text) ? ` ('${name.text}' is a constant); ${list}` : near ? `; did you mean ${near}?` : `; ${list}`;
      fail(`unknown function '${name.text}'${hint}`, name);
    }
    const open = tokens[pos++];
    const args: Expr[] = [];
    enter();
    if (!isOp(')')) {
      args.push(ternary());
      while (isOp(',')) {
        pos++;
        args.push(ternary());
      }
    }
    depth--;
    expect(')', `to close the call of ${name.text}`);
    const arity = OPS[op as OpName].arity;
    if (args.length !== arity) {
      fail(`function ${name.text} takes ${arity} argument${arity === 1 ? '' : 's'} but got ${args.length}`, open);
    }
    return pool.raw(op as OpName, args);
  }

  const root = ternary();
  if (peek().kind !== 'end') {
    const t = peek();
    fail(t.kind === 'op' && t.text === ')' ? "unmatched ')'" : `expected an operator or the end of the formula but found ${describeToken(t)}`);
  }
  return root;
}
