// Builds the docs site: TypeDoc writes the API reference from the packages' TSDoc comments
// (api/, generated, never edited by hand), failing on an export without a doc comment (except the
// ones undocumented-baseline.txt lists from before the check) or a broken link; then
// VitePress builds the site, failing on a dead link. Prints how long each step took.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vitepress';
import { apiProject, typedocOptions } from './typedoc-options';
import { failingProblems, readBaseline } from './undocumented';

const docsRoot = fileURLToPath(new URL('..', import.meta.url));
const packagesDir = path.join(docsRoot, '..', '..', 'packages');

/** Generates api/ with TypeDoc; throws when validation or generation reports an error. */
export async function generateApiReference(packages: string, out: string): Promise<void> {
  await rm(out, { recursive: true, force: true });
  const { app, project, problems } = await apiProject(typedocOptions(packages, out));
  if (!project) throw new Error('TypeDoc could not convert the packages (see the errors above)');
  const failing = failingProblems(problems, readBaseline(path.join(docsRoot, 'undocumented-baseline.txt')));
  if (failing.length > 0) throw new Error(`TypeDoc reported ${failing.length} problem(s) (an export without a doc comment, a broken link):\n  ${failing.join('\n  ')}`);
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
