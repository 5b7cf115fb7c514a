// The Tensile docs site. VitePress: Vue-powered, so the live demo below is @tensile/vue itself;
// dead links fail the build (ignoreDeadLinks stays false); dark mode and a phone layout come with
// the default theme. The API pages are TypeDoc's output (scripts/build.ts writes api/ first).
import { existsSync, readFileSync } from 'node:fs';
import { defineConfig, type DefaultTheme } from 'vitepress';

const apiSidebarFile = new URL('../api/typedoc-sidebar.json', import.meta.url);
const apiSidebar: DefaultTheme.SidebarItem[] = existsSync(apiSidebarFile) ? JSON.parse(readFileSync(apiSidebarFile, 'utf8')) : [];

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
    nav: [
      { text: 'Get started', link: '/guide/getting-started' },
      { text: 'Guides', link: '/guide/pull-to-refresh' },
      { text: 'Demo', link: '/guide/demo' },
      { text: 'API', link: '/api/' },
      { text: 'Benchmarks', link: '/benchmarks' },
    ],
    sidebar: {
      '/api/': [{ text: 'API reference', link: '/api/' }, ...apiSidebar],
      '/': [
        {
          text: 'Start',
          items: [
            { text: 'Getting started', link: '/guide/getting-started' },
            { text: 'Live demo and curve lab', link: '/guide/demo' },
          ],
        },
        {
          text: 'Scrolling',
          items: [
            { text: 'Pull to refresh', link: '/guide/pull-to-refresh' },
            { text: 'Load more', link: '/guide/load-more' },
            { text: 'Whole-page pull', link: '/guide/whole-page' },
            { text: 'The four edges', link: '/guide/edges' },
            { text: 'Troubleshooting', link: '/guide/troubleshooting' },
          ],
        },
        {
          text: 'Curves and maths',
          items: [
            { text: 'Damping curves', link: '/guide/curves' },
            { text: 'Nets and TensorFlow.js', link: '/guide/nets-tfjs' },
            { text: 'Differentiation', link: '/guide/differentiation' },
            { text: 'The command line', link: '/guide/cli' },
          ],
        },
        {
          text: 'Reference',
          items: [
            { text: 'API (TypeDoc)', link: '/api/' },
            { text: 'Benchmarks', link: '/benchmarks' },
            { text: 'Reference data and peers', link: '/reference/article-data' },
            { text: 'Developing Tensile', link: '/reference/development' },
          ],
        },
      ],
    },
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
