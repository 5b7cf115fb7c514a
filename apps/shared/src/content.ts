// Static content of the edges, carousel and nested pages, shared so the three demos render the same.
import { PALETTE } from './feed';

export interface Tile {
  readonly key: string;
  readonly label: string;
  readonly color: string;
}

const EDGE_COLUMNS = 8;
const EDGE_ROWS = 12;

/** An 8 x 12 grid of tiles, larger than any phone screen in both directions. */
export const EDGE_TILES: readonly Tile[] = Array.from({ length: EDGE_COLUMNS * EDGE_ROWS }, (_, i) => {
  const row = Math.floor(i / EDGE_COLUMNS);
  const column = i % EDGE_COLUMNS;
  return { key: `${row}-${column}`, label: `${String.fromCharCode(65 + column)}${row + 1}`, color: PALETTE[(row + column) % PALETTE.length] };
});

export const CAROUSEL_CARDS: readonly Tile[] = ['Article', 'll3 fit', 'iOS band', 'Android', 'Neural', 'Linear', 'Power law', 'Your curve']
  .map((label, i) => ({ key: `card-${i}`, label, color: PALETTE[(i + 2) % PALETTE.length] }));

export interface Row {
  readonly key: string;
  readonly title: string;
  readonly detail: string;
}

function rows(prefix: string, count: number, detail: (i: number) => string): Row[] {
  return Array.from({ length: count }, (_, i) => ({ key: `${prefix}-${i}`, title: `${prefix} ${i + 1}`, detail: detail(i) }));
}

/** Rows of the vertical list around the carousel. */
export const CAROUSEL_ROWS_BEFORE: readonly Row[] = rows('Setting', 3, (i) => ['Curve: article', 'Threshold: 60 px shown', 'Edges: top and bottom'][i]);
export const CAROUSEL_ROWS_AFTER: readonly Row[] = rows('Entry', 14, (i) => `Swipe sideways above; this list scrolls vertically (${(i + 1) * 37} px).`);

/** Rows of the nested page: the outer list and the inner scroller. */
export const NESTED_OUTER_ROWS: readonly Row[] = rows('Outer row', 10, (i) => `The outer list refreshes from its top (${i + 1}).`);
export const NESTED_INNER_ROWS: readonly Row[] = rows('Inner row', 16, (i) => `Scroll me back to the top first (${i + 1}).`);
/** Where the inner scroller starts, px from its top, so a pull first scrolls it back. */
export const NESTED_INNER_START = 240;
