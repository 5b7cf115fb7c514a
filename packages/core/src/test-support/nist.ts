// The NIST StRD nonlinear regression datasets (test-fixtures/nist/*.dat, public NIST data with
// their headers): read the certified values, both starts and the data, and pair each with its
// model written in Tensile's formula language (`^` for **, `atan` for arctan, `log(y) = ...` for
// Nelson's transformed response). Used by the NIST tests, the CLI tests and `pnpm bench --only nist`.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const NIST_DIR = fileURLToPath(new URL('../../test-fixtures/nist/', import.meta.url));

/** Each dataset's model, as the .dat file writes it, in the formula language. */
export const NIST_MODELS: Readonly<Record<string, string>> = {
  Bennett5: 'b1 * (b2 + x)^(-1/b3)',
  BoxBOD: 'b1*(1 - exp(-b2*x))',
  Chwirut1: 'exp(-b1*x)/(b2 + b3*x)',
  Chwirut2: 'exp(-b1*x)/(b2 + b3*x)',
  DanWood: 'b1*x^b2',
  ENSO: 'b1 + b2*cos(2*pi*x/12) + b3*sin(2*pi*x/12) + b5*cos(2*pi*x/b4) + b6*sin(2*pi*x/b4) + b8*cos(2*pi*x/b7) + b9*sin(2*pi*x/b7)',
  Eckerle4: '(b1/b2) * exp(-0.5*((x - b3)/b2)^2)',
  Gauss1: 'b1*exp(-b2*x) + b3*exp(-(x - b4)^2/b5^2) + b6*exp(-(x - b7)^2/b8^2)',
  Gauss2: 'b1*exp(-b2*x) + b3*exp(-(x - b4)^2/b5^2) + b6*exp(-(x - b7)^2/b8^2)',
  Gauss3: 'b1*exp(-b2*x) + b3*exp(-(x - b4)^2/b5^2) + b6*exp(-(x - b7)^2/b8^2)',
  Hahn1: '(b1 + b2*x + b3*x^2 + b4*x^3)/(1 + b5*x + b6*x^2 + b7*x^3)',
  Kirby2: '(b1 + b2*x + b3*x^2)/(1 + b4*x + b5*x^2)',
  Lanczos1: 'b1*exp(-b2*x) + b3*exp(-b4*x) + b5*exp(-b6*x)',
  Lanczos2: 'b1*exp(-b2*x) + b3*exp(-b4*x) + b5*exp(-b6*x)',
  Lanczos3: 'b1*exp(-b2*x) + b3*exp(-b4*x) + b5*exp(-b6*x)',
  MGH09: 'b1*(x^2 + x*b2)/(x^2 + x*b3 + b4)',
  MGH10: 'b1*exp(b2/(x + b3))',
  MGH17: 'b1 + b2*exp(-x*b4) + b3*exp(-x*b5)',
  Misra1a: 'b1*(1 - exp(-b2*x))',
  Misra1b: 'b1*(1 - (1 + b2*x/2)^(-2))',
  Misra1c: 'b1*(1 - (1 + 2*b2*x)^(-0.5))',
  Misra1d: 'b1*b2*x*((1 + b2*x)^(-1))',
  Nelson: 'log(y) = b1 - b2*x1*exp(-b3*x2)',
  Rat42: 'b1/(1 + exp(b2 - b3*x))',
  Rat43: 'b1/((1 + exp(b2 - b3*x))^(1/b4))',
  Roszman1: 'b1 - b2*x - atan(b3/(x - b4))/pi',
  Thurber: '(b1 + b2*x + b3*x^2 + b4*x^3)/(1 + b5*x + b6*x^2 + b7*x^3)',
};

export interface NistDataset {
  name: string;
  /** "Lower", "Average" or "Higher". */
  level: string;
  formula: string;
  params: string[];
  /** NIST's start 1 (far) and start 2 (near), in parameter order. */
  starts: [number[], number[]];
  certified: number[];
  certifiedStdDev: number[];
  certifiedRss: number;
  /** Column names of the data block ("y", "x" or "x1", "x2"). */
  columns: string[];
  /** The data block, one array per column. */
  data: Record<string, number[]>;
}

/** Parses one NIST StRD .dat file's text. */
export function parseNist(name: string, text: string): NistDataset {
  const lines = text.split(/\r?\n/);
  const params: string[] = [];
  const starts: [number[], number[]] = [[], []];
  const certified: number[] = [];
  const certifiedStdDev: number[] = [];
  let certifiedRss = NaN;
  let columns: string[] = [];
  const rows: number[][] = [];
  let inData = false;
  const level = /(Lower|Average|Higher) Level of Difficulty/.exec(text)?.[1] ?? '';
  for (const line of lines) {
    if (inData) {
      const cells = line.trim().split(/\s+/).filter(Boolean).map(Number);
      if (cells.length === columns.length && cells.every(Number.isFinite)) rows.push(cells);
      continue;
    }
    const param = /^\s*(b\d+)\s*=\s*(\S+)\s+(\S+)\s+(\S+)\s+(\S+)/.exec(line);
    if (param) {
      params.push(param[1]);
      starts[0].push(Number(param[2]));
      starts[1].push(Number(param[3]));
      certified.push(Number(param[4]));
      certifiedStdDev.push(Number(param[5]));
      continue;
    }
    const rss = /^Residual Sum of Squares:\s+(\S+)/.exec(line);
    if (rss) certifiedRss = Number(rss[1]);
    const header = /^Data:\s+(y\s+.*)$/.exec(line);
    if (header) {
      columns = header[1].trim().split(/\s+/);
      inData = true;
    }
  }
  const data: Record<string, number[]> = {};
  columns.forEach((c, k) => (data[c] = rows.map((r) => r[k])));
  return { name, level, formula: NIST_MODELS[name], params, starts, certified, certifiedStdDev, certifiedRss, columns, data };
}

/** Every dataset of the suite, alphabetically. */
export function loadNistSuite(): NistDataset[] {
  return Object.keys(NIST_MODELS)
    .sort()
    .map((name) => parseNist(name, readFileSync(`${NIST_DIR}${name}.dat`, 'utf8')));
}

/** NIST's log relative error, capped at 11 (0 when the estimate is off by its own size or more). */
export function logRelativeError(estimate: number, certified: number): number {
  if (estimate === certified) return 11;
  const relative = certified === 0 ? Math.abs(estimate) : Math.abs(estimate - certified) / Math.abs(certified);
  if (!Number.isFinite(relative)) return 0;
  return Math.max(0, Math.min(11, -Math.log10(relative)));
}
