// The guides' option tables say what the engine does: every default the pull-to-refresh and
// load-more guides give in backticks is the value ELASTIC_DEFAULTS holds, and every option the
// engine has in those groups is in the table.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ELASTIC_DEFAULTS } from '../../../packages/core/src/elastic/options';

/** The rows of a guide's option table (the one headed "| option | default |"): option name -> its default cell. */
function optionTable(guide: string): Map<string, string> {
  const text = readFileSync(new URL(`../guide/${guide}`, import.meta.url), 'utf8');
  const start = text.indexOf('| option | default |');
  if (start < 0) throw new Error(`${guide} has no option table`);
  const table = text.slice(start).split('\n\n')[0];
  const rows = new Map<string, string>();
  for (const match of table.matchAll(/^\| `(\w+)` \| ([^|]+) \|/gm)) rows.set(match[1], match[2].trim());
  return rows;
}

/** The value a default cell states in its first backticks (`120` px, `'finger'`, `false` (off)), or undefined. */
function statedDefault(cell: string): unknown {
  const code = /`([^`]+)`/.exec(cell)?.[1];
  if (code === undefined) return undefined;
  return JSON.parse(code.replace(/^'(.*)'$/, '"$1"').replace(/_/g, ''));
}

describe.each([
  ['pull-to-refresh.md', ELASTIC_DEFAULTS.pullToRefresh, ['onRefresh']],
  ['load-more.md', ELASTIC_DEFAULTS.loadMore, ['onLoadMore']],
] as const)('the option table of %s', (guide, defaults, callbacks) => {
  const table = optionTable(guide);

  it('lists every option of the group', () => {
    expect([...table.keys()].sort()).toEqual([...Object.keys(defaults), ...callbacks].sort());
  });

  it.each(Object.entries(defaults).filter(([, value]) => value !== undefined))('gives %s the engine default %s', (option, value) => {
    expect(statedDefault(table.get(option) ?? '')).toEqual(value);
  });
});
