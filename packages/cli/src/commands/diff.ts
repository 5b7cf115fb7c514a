// `tensile diff <expr> --at x=1.5,y=2`: the value, gradient (and hessian with --order 2) of a
// formula in any of the five modes (reverse, forward, symbolic, numeric, compiled); in symbolic
// mode also the simplified derivative formulas. --json prints exactly one JSON object.
import type { Command } from 'commander';
import {
  TensileError, compile, engineFunction, hessian, jacobian, jvp, numericGradient, numericHessian, parseFormula, valueAndGrad, valueOf,
} from '@tensile/core';
import type { Formula, Num } from '@tensile/core';
import { checkDiffBudget, readDiffBudget, DEFAULT_MAX_HESSIAN_ENTRIES, DEFAULT_MAX_STEPS } from './diff-budget';
import { parseDecimal } from './decimal';

export const DIFF_MODES = ['reverse', 'forward', 'symbolic', 'numeric', 'compiled'] as const;
export type DiffMode = (typeof DIFF_MODES)[number];

/** A bad option of `tensile diff` (runCli prints its message as one line on stderr). */
export class DiffCommandError extends TensileError {
  override readonly name = 'DiffCommandError';
}

const badOption = (where: string, message: string) => new DiffCommandError('E_DIFF_BAD_OPTION', message, { where });

interface DiffCommandOptions {
  at?: string;
  wrt?: string;
  mode: string;
  order: string;
  json?: boolean;
  maxHessianEntries?: string;
  maxSteps?: string;
}

export interface DiffReport {
  expr: string;
  at: Record<string, number>;
  value: number;
  gradient: Record<string, number>;
  hessian?: Record<string, number>;
  derivative?: Record<string, string>;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** "x=1.5,y=2" -> Map; names must be identifiers, values finite decimal numbers, no repeats. */
export function parseAt(raw: string | undefined): Map<string, number> {
  const out = new Map<string, number>();
  if (raw === undefined || raw.trim() === '') return out;
  for (const part of raw.split(',')) {
    const eq = part.indexOf('=');
    const name = (eq < 0 ? part : part.slice(0, eq)).trim();
    const text = eq < 0 ? '' : part.slice(eq + 1).trim();
    if (!NAME.test(name)) throw badOption('--at', `--at: expected name=value pairs like x=1.5,y=2, got ${JSON.stringify(part.trim())}`);
    const v = parseDecimal(text);
    if (v === null) throw badOption('--at', `--at ${name}: expected a finite number, got ${JSON.stringify(text)} (write it in decimal, like 1.5, -2 or 3e-4)`);
    if (out.has(name)) throw badOption('--at', `--at gives ${name} twice`);
    out.set(name, v);
  }
  return out;
}

function parseWrt(raw: string | undefined, f: Formula): string[] {
  if (raw === undefined) return f.variables;
  const names = raw.split(',').map((s) => s.trim());
  for (const name of names) {
    if (!NAME.test(name)) throw badOption('--wrt', `--wrt: expected variable names like x,y, got ${JSON.stringify(raw)}`);
    if (!f.variables.includes(name)) throw badOption('--wrt', `--wrt ${name}: the formula has no variable ${name} (it has ${f.variables.join(', ') || 'none'})`);
  }
  if (new Set(names).size !== names.length) throw badOption('--wrt', '--wrt names a variable twice');
  return names;
}

interface Derivatives {
  value: number;
  gradient: number[];
  hessian?: number[][];
}

/** Value, gradient over `wrt` and (order 2) hessian over wrt x wrt, in `mode`. */
function differentiateIn(mode: DiffMode, f: Formula, vars: string[], x: number[], wrt: string[], order: 1 | 2): Derivatives {
  const idx = wrt.map((w) => vars.indexOf(w));
  const pick = (g: ArrayLike<number>) => idx.map((i) => g[i]);
  const ef = engineFunction(f, vars);
  const fn = (v: Num[]) => ef(v);
  const plain = (v: number[]) => valueOf(ef(v));
  // The formula as a function of the wrt variables only (the others held at x), so per-variable
  // modes spend passes on the variables asked for, not on all of them.
  const slot = vars.map((v) => wrt.indexOf(v));
  const onWrt = (w: Num[]): Num[] => x.map((xi, k) => (slot[k] >= 0 ? w[slot[k]] : xi));
  const xw = idx.map((i) => x[i]);
  const fnW = (w: Num[]) => ef(onWrt(w));
  const plainW = (w: number[]) => valueOf(ef(onWrt(w)));
  switch (mode) {
    case 'symbolic': {
      const at = new Map(vars.map((v, i) => [v, x[i]]));
      return {
        value: f.evaluate(at),
        gradient: f.gradient(wrt).map((d) => d.evaluate(at)),
        hessian: order === 2 ? f.hessian(wrt).map((row) => row.map((d) => d.evaluate(at))) : undefined,
      };
    }
    case 'reverse': {
      const r = valueAndGrad(fn)(x);
      return { value: r.value, gradient: pick(r.grad as number[]), hessian: order === 2 ? hessian(fnW)(xw) : undefined };
    }
    case 'forward': {
      const unit = (i: number) => xw.map((_, k) => (k === i ? 1 : 0));
      const tangent = (g: (v: Num[]) => Num, at: number[] | Num[], i: number) => jvp(g, at as number[], unit(i)).tangent as Num;
      const all = wrt.map((_, i) => i);
      return {
        value: plain(x),
        gradient: jacobian(fnW, { mode: 'forward' })(xw)[0],
        // Forward over forward: d/dx_j of the directional derivative along x_i.
        hessian: order === 2 ? all.map((i) => all.map((j) => valueOf(tangent((v) => tangent(fnW, v, i), xw, j)))) : undefined,
      };
    }
    case 'numeric':
      return { value: plain(x), gradient: numericGradient(plainW, xw), hessian: order === 2 ? numericHessian(plainW, xw) : undefined };
    case 'compiled': {
      // The other variables become constants, so a hessian is compiled over wrt only.
      const held = vars.filter((_, k) => slot[k] < 0);
      const formula = held.length > 0 ? f.substitute(new Map(held.map((v) => [v, x[vars.indexOf(v)]]))) : f;
      const r = compile(formula, { variables: wrt, hessian: order === 2 })(xw);
      const n = wrt.length;
      const h = r.hessian;
      return { value: r.value, gradient: Array.from(r.gradient), hessian: h ? wrt.map((_, i) => Array.from(h.subarray(i * n, i * n + n))) : undefined };
    }
  }
}

function checkFinite(v: number, what: string, at: string): number {
  if (!Number.isFinite(v)) throw new DiffCommandError('E_DIFF_NON_FINITE', `${what} is ${String(v)} at ${at}`, { where: what, value: v });
  return v;
}

/** Runs `tensile diff` on parsed arguments and returns the report (the --json object). */
export function diffReport(expr: string, opts: DiffCommandOptions): DiffReport {
  const mode = opts.mode as DiffMode;
  if (!DIFF_MODES.includes(mode)) throw badOption('--mode', `--mode must be one of ${DIFF_MODES.join(', ')}, got ${JSON.stringify(opts.mode)}`);
  if (opts.order !== '1' && opts.order !== '2') throw badOption('--order', `--order must be 1 or 2, got ${JSON.stringify(opts.order)}`);
  const order = opts.order === '2' ? 2 : 1;
  const f = parseFormula(expr);
  const at = parseAt(opts.at);
  const vars = f.variables;
  for (const v of vars) if (!at.has(v)) throw badOption('--at', `variable ${v} has no value; pass it with --at ${v}=<number>`);
  for (const name of at.keys()) if (!vars.includes(name)) throw badOption('--at', `--at ${name}: the formula has no variable ${name} (it has ${vars.join(', ') || 'none'})`);
  const wrt = parseWrt(opts.wrt, f);
  const x = vars.map((v) => at.get(v) as number);
  const where = vars.map((v) => `${v}=${at.get(v)}`).join(', ') || 'the given point';
  checkDiffBudget(readDiffBudget(opts), { mode, order, wrt: wrt.length, variables: vars.length, formulaNodes: f.nodeCount });
  const d = differentiateIn(mode, f, vars, x, wrt, order);

  const report: DiffReport = {
    expr,
    at: Object.fromEntries(vars.map((v) => [v, at.get(v) as number])),
    value: checkFinite(d.value, 'the value', where),
    gradient: Object.fromEntries(wrt.map((w, i) => [w, checkFinite(d.gradient[i], `d/d${w}`, where)])),
  };
  if (d.hessian) {
    const h = d.hessian;
    report.hessian = Object.fromEntries(wrt.flatMap((wi, i) => wrt.map((wj, j) => [`${wi},${wj}`, checkFinite(h[i][j], `d2/d${wi}d${wj}`, where)])));
  }
  if (mode === 'symbolic') report.derivative = Object.fromEntries(f.gradient(wrt).map((g, i) => [wrt[i], g.toString()]));
  return report;
}

/** The human-readable form: one labelled line per number. */
export function formatDiffReport(r: DiffReport, mode: string): string {
  const rows: [string, string][] = [
    ['expr', r.expr],
    ['at', Object.entries(r.at).map(([k, v]) => `${k}=${v}`).join(', ') || '(no variables)'],
    ['mode', mode],
    ['value', String(r.value)],
    ...Object.entries(r.gradient).map(([k, v]): [string, string] => [`d/d${k}`, String(v)]),
    ...Object.entries(r.hessian ?? {}).map(([k, v]): [string, string] => [`d2/d${k.replace(',', ' d')}`, String(v)]),
    ...Object.entries(r.derivative ?? {}).map(([k, v]): [string, string] => [`d/d${k} =`, v]),
  ];
  const width = rows.reduce((widest, [k]) => Math.max(widest, k.length), 0);
  return rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n') + '\n';
}

export function installDiffCommand(program: Command): void {
  program
    .command('diff')
    .description('differentiate a formula at a point: value, gradient, hessian (--order 2), derivative formulas (--mode symbolic)')
    .argument('<expr>', "a formula, e.g. '0.82231*max/(1 + 4338.47/abs(x)^1.14791)'; one that starts with '-' goes last, after --")
    .option('--at <values>', 'The point, as name=value pairs: x=1.5,y=2 (default: none; needed when the formula has variables)')
    .option('--wrt <vars>', 'Differentiate with respect to these variables, comma-separated (default: all)')
    .option('--mode <mode>', `The engine: ${DIFF_MODES.join(', ')}`, 'reverse')
    .option('--order <n>', '1 (gradient) or 2 (gradient and hessian)', '1')
    .option('--json', 'Print one JSON object, {"expr", "at", "value", "gradient", "hessian"?, "derivative"?}, instead of the table')
    .option('--max-hessian-entries <n>', `Most hessian entries --order 2 may produce, a count (default: ${DEFAULT_MAX_HESSIAN_ENTRIES}, 500 variables)`)
    .option('--max-steps <n>', `Most formula-node evaluations the mode may spend, a count (default: ${DEFAULT_MAX_STEPS})`)
    .addHelpText('after', `
Examples:
  tensile diff 'x^2*y' --at x=1.5,y=2
  tensile diff '0.82231*max/(1 + 4338.47/abs(x)^1.14791)' --at x=1000,max=500 --wrt x --mode symbolic
  tensile diff 'sin(x)*exp(y)' --at x=1,y=0.5 --order 2 --json
  tensile diff --at x=-1.5 -- '-x^2'
`)
    .action((expr: string, opts: DiffCommandOptions) => {
      const report = diffReport(expr, opts);
      const write = (text: string) => program.configureOutput().writeOut?.(text);
      write(opts.json ? JSON.stringify(report) + '\n' : formatDiffReport(report, opts.mode));
    });
}
