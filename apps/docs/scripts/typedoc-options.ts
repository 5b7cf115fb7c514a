// TypeDoc's options for the API reference: every publishable package, Markdown pages for VitePress,
// and validation that reports an export without a doc comment (or a broken {@link}); the build
// fails on any such report (TypeDoc's own treatWarningsAsErrors only acts in its CLI).
import { Application, LogLevel, type ProjectReflection, type TypeDocOptions } from 'typedoc';

/** An export without a doc comment and a broken {@link} are reported (and fail the build). */
const VALIDATION = { notExported: false, invalidLink: true, notDocumented: true, rewrittenLink: true, unusedMergeModuleWith: true };

/**
 * What counts as an export that needs a doc comment: every exported declaration (members of
 * documented classes and interfaces inherit their parent's page and are not required one each).
 */
const REQUIRED_TO_BE_DOCUMENTED: TypeDocOptions['requiredToBeDocumented'] = ['Enum', 'Variable', 'Function', 'Class', 'Interface', 'TypeAlias'];

export const PUBLISHED_PACKAGES = ['core', 'react', 'vue', 'svelte', 'cli'] as const;

export function typedocOptions(packagesDir: string, out: string): Partial<TypeDocOptions> & Record<string, unknown> {
  return {
    entryPointStrategy: 'packages',
    entryPoints: PUBLISHED_PACKAGES.map((name) => `${packagesDir}/${name}`),
    // Each package's own entry (core lists its subpaths in packages/core/typedoc.json).
    // readme 'none': the package READMEs link files outside the site (they are npm's pages).
    // Validation is per package in packages mode, so it is set there too.
    packageOptions: { entryPoints: ['src/index.ts'], tsconfig: 'tsconfig.json', readme: 'none', validation: VALIDATION, requiredToBeDocumented: REQUIRED_TO_BE_DOCUMENTED },
    // Type errors are `pnpm typecheck`'s job; TypeDoc only reads the declarations.
    skipErrorChecking: true,
    plugin: ['typedoc-plugin-markdown', 'typedoc-vitepress-theme'],
    out,
    docsRoot: `${out}/..`,
    readme: 'none',
    excludePrivate: true,
    excludeInternal: true,
    validation: VALIDATION,
    requiredToBeDocumented: REQUIRED_TO_BE_DOCUMENTED,
    logLevel: 'Warn',
  };
}

/** Converts and validates; `problems` holds every warning and error TypeDoc reported. */
export async function apiProject(options: Partial<TypeDocOptions> & Record<string, unknown>): Promise<{ app: Application; project: ProjectReflection | undefined; problems: string[] }> {
  const app = await Application.bootstrapWithPlugins(options);
  const problems: string[] = [];
  const log = app.logger.log.bind(app.logger);
  app.logger.log = (message, level) => {
    // eslint-disable-next-line no-control-regex -- the logger's messages carry colour codes
    if (level >= LogLevel.Warn) problems.push(String(message).replace(/\u001b\[[0-9;]*m/g, '').replace(/^\[(warning|error)\] /, ''));
    log(message, level);
  };
  const project = await app.convert();
  if (project) app.validate(project);
  return { app, project, problems };
}
