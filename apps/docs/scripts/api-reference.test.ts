// The API reference cannot drift from the code: TypeDoc, with the docs build's own options, refuses
// a package that exports something without a doc comment.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Application } from 'typedoc';
import { typedocOptions } from './typedoc-options';

const fixture = fileURLToPath(new URL('./fixtures/undocumented', import.meta.url));

describe('the API reference build', () => {
  it('reports an export without a doc comment as an error, naming it', async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), 'tensile-typedoc-'));
    try {
      const messages: string[] = [];
      const app = await Application.bootstrapWithPlugins({ ...typedocOptions('unused', out), entryPoints: [fixture], plugin: [] });
      const log = app.logger.log.bind(app.logger);
      app.logger.log = (message, level) => (messages.push(String(message)), log(message, level));
      const project = await app.convert();
      expect(project).toBeDefined();
      app.validate(project!);
      expect(app.logger.hasErrors()).toBe(true);
      expect(messages.join('\n')).toMatch(/undocumented.*does not have any documentation/);
      expect(messages.join('\n')).not.toMatch(/\bdocumented, defined in/);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  }, 120_000);
});
