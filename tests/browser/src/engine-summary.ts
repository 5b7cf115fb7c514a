// A Vitest reporter (next to the default one) that prints, per engine, how many browser tests
// ran, passed and failed, which ran with synthetic touch, and how many were not applicable and
// why, so nothing is skipped silently. Engines left out by TENSILE_ENGINES are named too.
import type { Reporter, TestModule } from 'vitest/node';
import { ENGINES, type EngineName } from './harness/driver';

interface Tally {
  ran: number;
  passed: number;
  failed: number;
  synthetic: number;
  notApplicable: Map<string, number>;
}

const empty = (): Tally => ({ ran: 0, passed: 0, failed: 0, synthetic: 0, notApplicable: new Map() });

export function summarize(modules: ReadonlyArray<TestModule>): Map<EngineName | 'other', Tally> {
  const tallies = new Map<EngineName | 'other', Tally>();
  for (const module of modules) {
    for (const test of module.children.allTests()) {
      // The engine is the outermost describe (inEachEngine), or the meta a started test recorded.
      let suite = test.parent;
      while (suite.type === 'suite' && suite.parent.type === 'suite') suite = suite.parent;
      const outer = suite.type === 'suite' ? suite.name : '';
      const engine = (ENGINES as readonly string[]).includes(outer) ? (outer as EngineName) : (test.meta().engine ?? 'other');
      const tally = tallies.get(engine) ?? empty();
      tallies.set(engine, tally);
      const result = test.result();
      if (result.state === 'skipped') {
        const why = result.note ?? 'not run: filtered out (-t, .only) or skipped without a reason';
        tally.notApplicable.set(why, (tally.notApplicable.get(why) ?? 0) + 1);
        continue;
      }
      if (result.state === 'pending') continue;
      tally.ran++;
      if (result.state === 'passed') tally.passed++;
      else tally.failed++;
      if (test.meta().syntheticTouch) tally.synthetic++;
    }
  }
  return tallies;
}

export function formatSummary(tallies: Map<EngineName | 'other', Tally>, selected: readonly string[]): string {
  const lines = ['', 'Browser tests per engine:'];
  for (const [engine, tally] of [...tallies].sort(([a], [b]) => String(a).localeCompare(String(b)))) {
    // Known failures (matrix.ts `knownFailure`) are counted apart: they are gaps, not inapplicable tests.
    const count = (known: boolean) => [...tally.notApplicable].filter(([why]) => why.startsWith('known failure') === known).reduce((sum, [, n]) => sum + n, 0);
    const na = count(false);
    const known = count(true);
    lines.push(`  ${engine}: ${tally.ran} ran, ${tally.passed} passed, ${tally.failed} failed, ${known} known failures not run, ${na} not applicable` +
      (tally.synthetic ? ` (${tally.synthetic} of the passed/failed with synthetic touch events)` : ''));
    for (const [why, count] of tally.notApplicable) lines.push(`    ${count} x ${why}`);
  }
  const left = ENGINES.filter((name) => !selected.includes(name));
  if (left.length) lines.push(`  not run (TENSILE_ENGINES=${process.env.TENSILE_ENGINES}): ${left.join(', ')}`);
  return lines.join('\n');
}

export default class EngineSummary implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const selected = process.env.TENSILE_ENGINES?.split(',').map((s) => s.trim()) ?? [...ENGINES];
    process.stdout.write(`${formatSummary(summarize(modules), selected)}\n`);
  }
}
