// The least-squares controls of `tensile fit`: --start, --lower, --upper (NAME=VALUE lists),
// --fix (NAME or NAME=VALUE), --loss and --f-scale, read into fitCurve options. Malformed lists are
// typed errors naming the flag and the entry.
import { Option } from 'commander';
import type { Command } from 'commander';
import { FitOptionsError } from '@tensile/core';
import type { FitOptions } from '@tensile/core';

export interface SolverCliOptions {
  start?: string;
  lower?: string;
  upper?: string;
  fix?: string;
  loss?: string;
  fScale?: string;
}

const LOSSES = ['linear', 'soft_l1', 'huber', 'cauchy', 'arctan'];

export function addSolverOptions(fit: Command): void {
  fit
    .addOption(new Option('--start <list>', "Start values by parameter name, e.g. b1=500,b2=1e-4 (default: the model's self-start)"))
    .addOption(new Option('--lower <list>', 'Lower bounds by name, e.g. b1=0,b2=-inf; every iterate stays inside (default: the model\'s own, else none)'))
    .addOption(new Option('--upper <list>', 'Upper bounds by name, e.g. b2=1 (default: the model\'s own, else none)'))
    .addOption(new Option('--fix <list>', 'Parameters held fixed: names (at their start values) or NAME=VALUE entries (default: none)'))
    .addOption(new Option('--loss <name>', `Robust loss as scipy's least_squares defines it: ${LOSSES.join(', ')} (default: linear)`))
    .addOption(new Option('--f-scale <y>', 'Soft margin between inlier and outlier residuals, in y units (default: 1)'));
}

function bad(flag: string, message: string, value: unknown): FitOptionsError {
  return new FitOptionsError('E_FIT_BAD_OPTION', `${flag}: ${message}`, { where: flag, value });
}

/** A number as typed on a command line: inf and -inf allowed where `infinite` (bounds). */
function parseValue(flag: string, name: string, text: string, infinite: boolean): number {
  const t = text.trim().toLowerCase();
  if (infinite && (t === 'inf' || t === '+inf' || t === 'infinity')) return Infinity;
  if (infinite && (t === '-inf' || t === '-infinity')) return -Infinity;
  const v = Number(t);
  if (t === '' || !Number.isFinite(v)) throw bad(flag, `${name} must be a ${infinite ? 'number, inf or -inf' : 'finite number'}, got ${JSON.stringify(text)}`, text);
  return v;
}

/** "b1=500,b2=1e-4" -> { b1: 500, b2: 1e-4 }; a bare name is allowed only where `bare` (--fix). */
export function parseAssignments(flag: string, text: string, opts: { infinite?: boolean; bare?: boolean } = {}): { values: Record<string, number>; bare: string[] } {
  const values: Record<string, number> = Object.create(null);
  const bare: string[] = [];
  const entries = text.split(',').map((e) => e.trim());
  if (entries.length === 0 || entries.some((e) => e === '')) throw bad(flag, `expected NAME=VALUE[,NAME=VALUE...], got ${JSON.stringify(text)}`, text);
  for (const entry of entries) {
    const eq = entry.indexOf('=');
    const name = (eq < 0 ? entry : entry.slice(0, eq)).trim();
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || name === '__proto__') throw bad(flag, `${JSON.stringify(name)} is not a parameter name`, entry);
    if (name in values || bare.includes(name)) throw bad(flag, `${name} is given twice`, entry);
    if (eq < 0) {
      if (!opts.bare) throw bad(flag, `expected ${name}=VALUE, got ${JSON.stringify(entry)}`, entry);
      bare.push(name);
    } else values[name] = parseValue(flag, name, entry.slice(eq + 1), opts.infinite === true);
  }
  return { values, bare };
}

/** The fitCurve options of the flags given (none when none are). */
export function solverOptions(opts: SolverCliOptions): Partial<FitOptions> {
  const out: Partial<FitOptions> = {};
  if (opts.start !== undefined) out.start = parseAssignments('--start', opts.start).values;
  if (opts.lower !== undefined) out.lower = parseAssignments('--lower', opts.lower, { infinite: true }).values;
  if (opts.upper !== undefined) out.upper = parseAssignments('--upper', opts.upper, { infinite: true }).values;
  if (opts.fix !== undefined) {
    const { values, bare } = parseAssignments('--fix', opts.fix, { bare: true });
    if (bare.length > 0 && Object.keys(values).length > 0) {
      throw bad('--fix', `give names (fixed at their start values) or NAME=VALUE entries, not both; put the values in --start instead`, opts.fix);
    }
    out.fix = bare.length > 0 ? bare : { ...values };
  }
  if (opts.loss !== undefined) {
    if (!LOSSES.includes(opts.loss)) throw bad('--loss', `expected one of ${LOSSES.join(', ')}, got ${JSON.stringify(opts.loss)}`, opts.loss);
    out.loss = opts.loss as FitOptions['loss'];
  }
  if (opts.fScale !== undefined) {
    const v = Number(opts.fScale);
    if (opts.fScale.trim() === '' || !Number.isFinite(v) || v <= 0) throw bad('--f-scale', `expected a positive number, got ${JSON.stringify(opts.fScale)}`, opts.fScale);
    out.fScale = v;
  }
  return out;
}
