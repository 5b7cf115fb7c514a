// Every "copy this into your app" snippet compiles with its framework's own compiler (TypeScript
// for React's TSX, @vue/compiler-sfc, svelte/compiler) and uses that framework's adapter idiom.
import ts from 'typescript';
import { compile } from 'svelte/compiler';
import { compileScript, compileTemplate, parse } from 'vue/compiler-sfc';
import { describe, expect, it } from 'vitest';
import { ROUTES } from './routes';
import { snippetFor } from './snippets';

const routes = ROUTES.map((route) => route.id);

describe('snippets', () => {
  it.each(routes)('React %s: TSX without syntax errors, on useDamping from @tensile/react', (route) => {
    const { file, code } = snippetFor('react', route);
    expect(file).toMatch(/\.tsx$/);
    const out = ts.transpileModule(code, { fileName: file, reportDiagnostics: true, compilerOptions: { jsx: ts.JsxEmit.ReactJSX, target: ts.ScriptTarget.ES2022 } });
    expect(out.diagnostics?.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);
    expect(code).toMatch(/from '@tensile\/react'/);
    expect(code).toMatch(/useDamping\(|<PullToRefresh/);
  });

  it.each(routes)('Vue %s: an SFC that compiles, on v-elastic or useElastic', (route) => {
    const { file, code } = snippetFor('vue', route);
    expect(file).toMatch(/\.vue$/);
    const { descriptor, errors } = parse(code, { filename: file });
    expect(errors).toEqual([]);
    if (descriptor.scriptSetup || descriptor.script) compileScript(descriptor, { id: route });
    const template = compileTemplate({ source: descriptor.template!.content, filename: file, id: route });
    expect(template.errors).toEqual([]);
    expect(code).toMatch(/v-elastic=|useElastic\(|<PullToRefresh/);
  });

  it.each(routes)('Svelte %s: a Svelte 5 component that compiles without warnings, on use:elastic or elasticStore', (route) => {
    const { file, code } = snippetFor('svelte', route);
    expect(file).toMatch(/\.svelte$/);
    const result = compile(code, { filename: file, generate: 'client' });
    expect(result.warnings.map((w) => w.message)).toEqual([]);
    expect(code).toMatch(/from '@tensile\/svelte'/);
    expect(code).toMatch(/use:elastic|use:pull\.action|elastic\(document|<PullToRefresh/);
  });
});
