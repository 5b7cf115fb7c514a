// The API reference cannot drift from the code: TypeDoc, with the docs build's own options and
// checks, reports a package that exports something without a doc comment, and the build then fails
// naming it (there is no list of excused exports).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateApiReference } from './build';
import { apiProject, typedocOptions } from './typedoc-options';

const fixture = fileURLToPath(new URL('./fixtures/undocumented', import.meta.url));

describe('the API reference build', () => {
  it('reports an export without a doc comment, naming it, and fails the build on it', async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), 'tensile-typedoc-'));
    try {
      const { project, problems } = await apiProject({ ...typedocOptions('unused', out), entryPoints: [fixture] });
      expect(project).toBeDefined();
      // One problem, and the right one: the undocumented export (not an option TypeDoc rejects).
      expect(problems).toEqual([expect.stringMatching(/^undocumented \(CallSignature\), defined in .*does not have any documentation$/)]);
      await expect(generateApiReference('unused', out, { entryPoints: [fixture] })).rejects.toThrow(/1 problem\(s\)[\s\S]*undocumented \(CallSignature\)/);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  }, 180_000);
});
