// The API reference cannot drift from the code: TypeDoc, with the docs build's own options and
// checks, reports a package that exports something without a doc comment (the build then fails).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { apiProject, typedocOptions } from './typedoc-options';
import { failingProblems, readBaseline, undocumentedKey } from './undocumented';

const fixture = fileURLToPath(new URL('./fixtures/undocumented', import.meta.url));

describe('the API reference build', () => {
  it('reports an export without a doc comment as an error, naming it', async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), 'tensile-typedoc-'));
    try {
      const { project, problems } = await apiProject({ ...typedocOptions('unused', out), entryPoints: [fixture] });
      expect(project).toBeDefined();
      // One problem, and the right one: the undocumented export (not an option TypeDoc rejects).
      expect(problems).toEqual([expect.stringMatching(/^undocumented \(CallSignature\), defined in .*does not have any documentation$/)]);
      // The baseline of the real packages does not excuse it; listing it would.
      const baseline = readBaseline(fileURLToPath(new URL('../undocumented-baseline.txt', import.meta.url)));
      expect(failingProblems(problems, baseline)).toEqual(problems);
      expect(failingProblems(problems, new Set(['undocumented (CallSignature)']))).toEqual([]);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('undocumentedKey', () => {
  it('keys undocumented-export reports by name and kind, and nothing else', () => {
    expect(undocumentedKey('index.add (CallSignature), defined in @tensile/core/src/diff/ops.ts, does not have any documentation')).toBe('index.add (CallSignature)');
    expect(undocumentedKey('Failed to resolve link to "Curve" in comment for index.fitCurve')).toBeNull();
    expect(failingProblems(['Failed to resolve link to "Curve"'], new Set(['Failed to resolve link to "Curve"']))).toHaveLength(1);
  });
});
