// Prints a DAG back as a formula (parseable by parseFormula) or as TeX. Printing expands shared
// subexpressions into a tree, so it works bottom-up over the DAG (no recursion, any depth) and
// refuses with a typed error when the tree would be huge (toJavaScript keeps the sharing instead).
import { FormulaError } from './errors';
import { reachable, type Expr } from './graph';
import { isComparison } from './ops';

/** Longest printed formula, in characters, before printing gives up with E_TOO_LARGE. */
export const MAX_PRINT_LENGTH = 1_000_000;

/** Binding strength: 1 ternary, 2 comparison, 3 sum, 4 product, 5 unary minus, 6 power, 7 atom. */
type Prec = 1 | 2 | 3 | 4 | 5 | 6 | 7;
interface Printed {
  text: string;
  prec: Prec;
}

const INFIX: Readonly<Record<string, { sym: string; tex: string; prec: Prec }>> = {
  add: { sym: '+', tex: '+', prec: 3 },
  sub: { sym: '-', tex: '-', prec: 3 },
  mul: { sym: '*', tex: '\\cdot', prec: 4 },
  smul: { sym: '*', tex: '\\cdot', prec: 4 },
  div: { sym: '/', tex: '/', prec: 4 },
  lt: { sym: '<', tex: '<', prec: 2 },
  le: { sym: '<=', tex: '\\le', prec: 2 },
  gt: { sym: '>', tex: '>', prec: 2 },
  ge: { sym: '>=', tex: '\\ge', prec: 2 },
  eq: { sym: '==', tex: '=', prec: 2 },
  ne: { sym: '!=', tex: '\\ne', prec: 2 },
};

interface Style {
  paren(text: string): string;
  constant(v: number): Printed;
  variable(name: string): string;
  node(node: Expr, args: Printed[], wrap: (p: Printed, min: number) => string): Printed;
}

function printWith(root: Expr, style: Style, what: string): string {
  const printed = new Map<number, Printed>();
  const wrap = (p: Printed, min: number) => (p.prec < min ? style.paren(p.text) : p.text);
  for (const node of reachable([root])) {
    let out: Printed;
    if (node.op === 'const') out = style.constant(node.value);
    else if (node.op === 'var') out = { text: style.variable(node.name), prec: 7 };
    else {
      const args = node.args.map((a) => printed.get(a.id) as Printed);
      let length = 0;
      for (const a of args) length += a.text.length;
      if (length > MAX_PRINT_LENGTH) {
        throw new FormulaError('E_TOO_LARGE', `${what} would be longer than ${MAX_PRINT_LENGTH} characters once shared subexpressions are expanded; use toJavaScript(), which keeps them shared`, { where: what, value: length });
      }
      out = style.node(node, args, wrap);
    }
    printed.set(node.id, out);
  }
  return (printed.get(root.id) as Printed).text;
}

function numberText(v: number): string {
  if (Number.isNaN(v)) return '(0/0)';
  if (v === Infinity) return '(1/0)';
  if (v === -Infinity) return '(-1/0)';
  return Object.is(v, -0) ? '-0' : String(v);
}

const formulaStyle: Style = {
  paren: (t) => `(${t})`,
  constant(v) {
    if (v === Math.PI) return { text: 'pi', prec: 7 };
    if (v === Math.E) return { text: 'e', prec: 7 };
    const text = numberText(v);
    return { text, prec: text.startsWith('-') ? 5 : 7 };
  },
  variable: (name) => name,
  node(node, args, wrap) {
    const infix = INFIX[node.op];
    if (infix) {
      const p = infix.prec;
      // Comparisons do not chain, so both sides bind tighter; sums and products associate left.
      const left = wrap(args[0], p === 2 ? 3 : p);
      return { text: `${left} ${infix.sym} ${wrap(args[1], p + 1)}`, prec: p };
    }
    switch (node.op) {
      case 'neg':
        return { text: `-${wrap(args[0], 5)}`, prec: 5 };
      case 'pow':
        return { text: `${wrap(args[0], 7)}^${wrap(args[1], 5)}`, prec: 6 };
      case 'where':
        return { text: `${wrap(args[0], 2)} ? ${wrap(args[1], 1)} : ${wrap(args[2], 1)}`, prec: 1 };
      default:
        return { text: `${node.op}(${args.map((a) => a.text).join(', ')})`, prec: 7 };
    }
  },
};

const GREEK = new Set(['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta', 'iota', 'kappa', 'lambda', 'mu',
  'nu', 'xi', 'rho', 'sigma', 'tau', 'upsilon', 'phi', 'chi', 'psi', 'omega', 'Gamma', 'Delta', 'Theta', 'Lambda', 'Xi',
  'Sigma', 'Upsilon', 'Phi', 'Psi', 'Omega']);
const TEX_FUNCTIONS = new Set(['sin', 'cos', 'tan', 'tanh', 'log', 'exp', 'min', 'max']);
const TEX_RENAMED: Readonly<Record<string, string>> = { atan: '\\arctan', asin: '\\arcsin', acos: '\\arccos' };

function texName(name: string): string {
  const indexed = /^([A-Za-z]+)_?(\d+)$/.exec(name);
  if (indexed) return `${texName(indexed[1])}_{${indexed[2]}}`;
  if (name.length === 1) return name;
  if (GREEK.has(name)) return `\\${name}`;
  return `\\mathit{${name.replace(/_/g, '\\_')}}`;
}

const texStyle: Style = {
  paren: (t) => `\\left(${t}\\right)`,
  constant(v) {
    if (v === Math.PI) return { text: '\\pi', prec: 7 };
    if (v === Math.E) return { text: 'e', prec: 7 };
    const text = numberText(v);
    const sci = /^(-?[\d.]+)e([+-])(\d+)$/.exec(text);
    const out = sci ? `${sci[1]} \\times 10^{${sci[2] === '-' ? '-' : ''}${sci[3]}}` : text;
    return { text: out, prec: out.startsWith('-') ? 5 : sci ? 4 : 7 };
  },
  variable: texName,
  node(node, args, wrap) {
    if (node.op === 'div') return { text: `\\frac{${args[0].text}}{${args[1].text}}`, prec: 7 };
    const infix = INFIX[node.op];
    if (infix) {
      const p = infix.prec;
      return { text: `${wrap(args[0], p === 2 ? 3 : p)} ${infix.tex} ${wrap(args[1], p + 1)}`, prec: p };
    }
    const all = args.map((a) => a.text).join(', ');
    switch (node.op) {
      case 'neg':
        return { text: `-${wrap(args[0], 5)}`, prec: 5 };
      case 'pow':
        return { text: `{${wrap(args[0], 7)}}^{${args[1].text}}`, prec: 6 };
      case 'sqrt':
        return { text: `\\sqrt{${args[0].text}}`, prec: 7 };
      case 'abs':
        return { text: `\\left|${args[0].text}\\right|`, prec: 7 };
      case 'where': {
        const cond = isComparison(node.args[0].op) ? args[0].text : `${wrap(args[0], 3)} \\ne 0`;
        return { text: `\\begin{cases} ${args[1].text} & \\text{if } ${cond} \\\\ ${args[2].text} & \\text{otherwise} \\end{cases}`, prec: 7 };
      }
      default: {
        const fn = TEX_FUNCTIONS.has(node.op) ? `\\${node.op}` : (TEX_RENAMED[node.op] ?? `\\operatorname{${node.op}}`);
        return { text: `${fn}\\left(${all}\\right)`, prec: 7 };
      }
    }
  },
};

/** The formula as source text that parseFormula reads back to the same value. */
export function printFormula(root: Expr): string {
  return printWith(root, formulaStyle, 'formula');
}

/** The formula as TeX math (no surrounding $...$). */
export function printTeX(root: Expr): string {
  return printWith(root, texStyle, 'TeX');
}
