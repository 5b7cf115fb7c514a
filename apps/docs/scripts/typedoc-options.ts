// TypeDoc's options for the API reference: every publishable package, Markdown pages for VitePress,
// and validation that turns an export without a doc comment (or a broken {@link}) into an error.
import type { TypeDocOptions } from 'typedoc';

export const PUBLISHED_PACKAGES = ['core', 'react', 'vue', 'svelte', 'cli'] as const;

export function typedocOptions(packagesDir: string, out: string): Partial<TypeDocOptions> & Record<string, unknown> {
  return {
    entryPointStrategy: 'packages',
    entryPoints: PUBLISHED_PACKAGES.map((name) => `${packagesDir}/${name}`),
    // Each package's own entry (core lists its subpaths in packages/core/typedoc.json).
    // readme 'none': the package READMEs link files outside the site (they are npm's pages).
    packageOptions: { entryPoints: ['src/index.ts'], tsconfig: 'tsconfig.json', readme: 'none' },
    // Type errors are `pnpm typecheck`'s job; TypeDoc only reads the declarations.
    skipErrorChecking: true,
    plugin: ['typedoc-plugin-markdown', 'typedoc-vitepress-theme'],
    out,
    docsRoot: `${out}/..`,
    readme: 'none',
    excludePrivate: true,
    excludeInternal: true,
    validation: { notExported: false, invalidLink: true, notDocumented: true, rewrittenLink: true, unusedMergeModuleWith: true },
    treatValidationWarningsAsErrors: true,
    logLevel: 'Warn',
  };
}
