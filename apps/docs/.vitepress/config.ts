// The Tensile docs site. VitePress: Vue-powered, so the live demo below is @tensile/vue itself;
// dead links fail the build (ignoreDeadLinks stays false); dark mode and a phone layout come with
// the default theme. The API pages are TypeDoc's output (scripts/build.ts writes api/ first).
import { existsSync, readFileSync } from 'node:fs';
import { defineConfig, type DefaultTheme } from 'vitepress';
import { REPOSITORY_URL } from './links';

const apiSidebarFile = new URL('../api/typedoc-sidebar.json', import.meta.url);
const apiSidebar: DefaultTheme.SidebarItem[] = existsSync(apiSidebarFile) ? JSON.parse(readFileSync(apiSidebarFile, 'utf8')) : [];

/** The sidebar, written once: [section, [[page title, link], ...]]. */
const SECTIONS: readonly (readonly [string, readonly (readonly [string, string])[]])[] = [
  ['Start', [['Getting started', '/guide/getting-started'], ['Live demo and curve lab', '/guide/demo']]],
  ['Scrolling', [
    ['Pull to refresh', '/guide/pull-to-refresh'],
    ['Load more', '/guide/load-more'],
    ['Whole-page pull', '/guide/whole-page'],
    ['The four edges', '/guide/edges'],
    ['Troubleshooting', '/guide/troubleshooting'],
  ]],
  ['Curves and maths', [
    ['Damping curves', '/guide/curves'],
    ['Nets and TensorFlow.js', '/guide/nets-tfjs'],
    ['Differentiation', '/guide/differentiation'],
    ['The command line', '/guide/cli'],
  ]],
  ['Reference', [
    ['API (TypeDoc)', '/api/'],
    ['Benchmarks', '/benchmarks'],
    ['Reference data and peers', '/reference/article-data'],
    ['Developing Tensile', '/reference/development'],
  ]],
];

/** The link of a sidebar page by its title (throws for a title that is not in SECTIONS). */
function linkOf(title: string): string {
  const found = SECTIONS.flatMap(([, pages]) => pages).find(([text]) => text === title);
  if (!found) throw new Error(`docs config: no sidebar page ${JSON.stringify(title)}`);
  return found[1];
}

/** The top bar: [its text, the sidebar page it opens]. */
const NAV: readonly (readonly [string, string])[] = [
  ['Get started', 'Getting started'],
  ['Guides', 'Pull to refresh'],
  ['Demo', 'Live demo and curve lab'],
  ['API', 'API (TypeDoc)'],
  ['Benchmarks', 'Benchmarks'],
];

/** Where `pnpm start` serves the site, next to the demos at /react/, /vue/ and /svelte/. */
export const DOCS_BASE = '/docs/';

export default defineConfig({
  title: 'Tensile',
  description: 'Pull to refresh and elastic overscroll on native scroll containers, along damping curves you can fit, for React, Vue, Svelte and plain DOM.',
  base: DOCS_BASE,
  lang: 'en',
  cleanUrls: false,
  lastUpdated: false,
  ignoreDeadLinks: false,
  appearance: true,
  head: [
    ['meta', { name: 'theme-color', content: '#3c8772' }],
    ['link', { rel: 'icon', type: 'image/svg+xml', href: `${DOCS_BASE}favicon.svg` }],
  ],
  themeConfig: {
    // The top bar and the sidebar are built from SECTIONS, so the two never disagree.
    nav: NAV.map(([text, page]) => ({ text, link: linkOf(page) })),
    sidebar: {
      '/api/': [{ text: 'API reference', link: '/api/' }, ...apiSidebar],
      '/': SECTIONS.map(([text, pages]) => ({ text, items: pages.map(([title, link]) => ({ text: title, link })) })),
    },
    socialLinks: [{ icon: 'github', link: REPOSITORY_URL }],
    outline: [2, 3],
    search: { provider: 'local' },
    footer: { message: 'MIT licensed.' },
  },
  markdown: {
    // Inline code is shown as written: `{{ ... }}` in a TSDoc example is not a Vue interpolation.
    config(md) {
      const renderInlineCode = md.renderer.rules.code_inline!;
      md.renderer.rules.code_inline = (...args) => renderInlineCode(...args).replace(/^<code/, '<code v-pre');
    },
  },
  vite: {
    // The live demo imports @tensile/vue and @tensile/core from the workspace sources.
    resolve: { conditions: ['source'] },
    ssr: { noExternal: ['@tensile/vue', '@tensile/core'], resolve: { conditions: ['source'], externalConditions: ['source'] } },
  },
});
