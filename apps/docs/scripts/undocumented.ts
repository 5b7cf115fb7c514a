// The ratchet on undocumented exports: TypeDoc's "X (Kind), defined in F, does not have any
// documentation" reports, less the ones listed in undocumented-baseline.txt (what was
// undocumented when the check started). Anything else (a new undocumented export, a broken link)
// fails the docs build.
import { readFileSync } from 'node:fs';

const UNDOCUMENTED = /^(.*) \(([A-Za-z]+)\), defined in .*, does not have any documentation$/;

/** "index.add (CallSignature)" for an undocumented-export report, null for any other problem. */
export function undocumentedKey(problem: string): string | null {
  const found = UNDOCUMENTED.exec(problem);
  return found ? `${found[1]} (${found[2]})` : null;
}

/** The baseline's keys: its lines that are not comments or blank. */
export function readBaseline(file: string): Set<string> {
  return new Set(readFileSync(file, 'utf8').split('\n').map((line) => line.trim()).filter((line) => line && !line.startsWith('#')));
}

/** The problems that fail the build: every one except an undocumented export the baseline lists. */
export function failingProblems(problems: readonly string[], baseline: ReadonlySet<string>): string[] {
  return problems.filter((problem) => {
    const key = undocumentedKey(problem);
    return key === null || !baseline.has(key);
  });
}
