// Builds the docs site: TypeDoc writes the API reference from the packages' TSDoc comments
// (api/, generated, never edited by hand), failing on any export without a doc comment or a broken
// {@link}; then VitePress builds the site, failing on a dead link. Prints how long each step took.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vitepress';
import { apiProject, typedocOptions } from './typedoc-options';

const docsRoot = fileURLToPath(new URL('..', import.meta.url));
const packagesDir = path.join(docsRoot, '..', '..', 'packages');

/**
 * Generates api/ with TypeDoc; throws when TypeDoc reports any problem (an export without a doc
 * comment, a broken link) or cannot write the pages. `overrides` replace options (tests point it at
 * a fixture package).
 */
export async function generateApiReference(packages: string, out: string, overrides: Record<string, unknown> = {}): Promise<void> {
  await rm(out, { recursive: true, force: true });
  const { app, project, problems } = await apiProject({ ...typedocOptions(packages, out), ...overrides });
  if (!project) throw new Error('TypeDoc could not convert the packages (see the errors above)');
  if (problems.length > 0) throw new Error(`TypeDoc reported ${problems.length} problem(s) (an export without a doc comment, a broken link):\n  ${problems.join('\n  ')}`);
  await app.generateOutputs(project);
  if (app.logger.hasErrors()) throw new Error('TypeDoc could not write the API reference (see above)');
}

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const started = performance.now();
    await generateApiReference(packagesDir, path.join(docsRoot, 'api'));
    console.log(`docs: API reference (TypeDoc) in ${seconds(started)}`);
    const site = performance.now();
    await build(docsRoot);
    console.log(`docs: site (VitePress) in ${seconds(site)}; whole build ${seconds(started)}, output in ${path.join(docsRoot, '.vitepress', 'dist')}`);
  } catch (error) {
    console.error(`docs build failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
