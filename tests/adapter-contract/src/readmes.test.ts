// The three adapter READMEs against the real component: the component comes first, then the
// binding, with one concept table each (the same table in all three), load-more documented, and
// every prop the <PullToRefresh> snippet passes is one the components take.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PULL_TO_REFRESH_PROPS, PULL_TO_REFRESH_TEXTS } from '@tensile/core/elastic/controlled';

const ADAPTERS = ['react', 'vue', 'svelte'] as const;
/** What the snippets may pass besides the shared props: the container's own attributes, each framework's indicator. */
const CONTAINER_ATTRIBUTES = ['aria-label', 'style', 'class', 'className', 'indicator'];

const readme = (adapter: string) => readFileSync(new URL(`../../../packages/${adapter}/README.md`, import.meta.url), 'utf8');
const tableOf = (text: string) => text.split('\n').filter((line) => line.startsWith('|')).join('\n');

/** The attribute names on the first `<PullToRefresh ...>` tag of the component section's first snippet, as prop names. */
function snippetProps(text: string): string[] {
  const section = text.slice(text.indexOf('## `<PullToRefresh>`'));
  const snippet = /```\w+\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  // The snippets put one attribute per line and the tag's closing `>` on its own line (an arrow
  // function's `=>` inside the tag must not end it).
  const tag = /<PullToRefresh\b([\s\S]*?)\n\s*>\n/.exec(snippet)?.[1] ?? '';
  return [...tag.matchAll(/(?:^|\s)([:@\w-]+(?::[\w-]+)?)=/g)].map(([, name]) =>
    // `:has-more`, `v-model:refreshing`, `bind:refreshing` -> hasMore, refreshing.
    name.replace(/^(v-model:|bind:|:)/, '').replace(/-(\w)/g, (_, letter: string) => (name.startsWith('aria-') ? `-${letter}` : letter.toUpperCase())),
  );
}

describe('adapter READMEs', () => {
  for (const adapter of ADAPTERS) {
    describe(`@tensile/${adapter}`, () => {
      const text = readme(adapter);

      it('shows the component first, then the binding, and has one concept table', () => {
        const headings = text.split('\n').filter((line) => line.startsWith('## '));
        expect(headings[0]).toBe('## `<PullToRefresh>`');
        expect(headings[1], 'the binding second').toMatch(/: the binding$/);
        expect(text.match(/^\| Concept \|/gm), 'concept tables').toHaveLength(1);
      });

      it('passes only real props in the component snippet, load-more included', () => {
        const props = snippetProps(text);
        // Vue's v-model:refreshing and Svelte's bind:refreshing are shown in the first snippet.
        expect(props).toEqual(expect.arrayContaining(['onRefresh', 'onLoadMore', 'hasMore', ...(adapter === 'react' ? [] : ['refreshing'])]));
        for (const prop of props) expect([...PULL_TO_REFRESH_PROPS, ...CONTAINER_ATTRIBUTES], `${adapter} snippet prop ${prop}`).toContain(prop);
      });

      it('documents load-more and every text prop', () => {
        expect(tableOf(text)).toMatch(/^\| Load more/m);
        for (const name of ['onLoadMore', 'hasMore', 'loadMore()', ...Object.keys(PULL_TO_REFRESH_TEXTS)]) expect(text, name).toContain(name);
      });
    });
  }

  it('all three carry the same concept table', () => {
    const [first, ...rest] = ADAPTERS.map((adapter) => tableOf(readme(adapter)));
    for (const table of rest) expect(table).toBe(first);
  });
});
