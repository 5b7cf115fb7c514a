// Feed content for the pull-to-refresh pages: deterministic posts (the same in all three demos,
// so screenshots match) and a simulated network refresh that honours an AbortSignal.

export interface FeedItem {
  readonly id: number;
  readonly author: string;
  readonly initials: string;
  readonly color: string;
  readonly minutesAgo: number;
  readonly text: string;
  readonly fresh: boolean;
}

const AUTHORS = ['Ada Park', 'Bo Lindqvist', 'Chiara Rossi', 'Dev Patel', 'Emi Tanaka', 'Femi Okafor',
  'Greta Holm', 'Hugo Martin'];
// Each holds white text at WCAG AA (4.5:1 or more; axe checks it in the browser suite).
const COLORS = ['#4f46e5', '#0f766e', '#c2410c', '#be185d', '#2563eb', '#7c3aed', '#15803d', '#b45309'];
const TEXTS = [
  'Sunrise run along the river this morning. 8 km, and the fog lifted right at the bridge.',
  'Our bakery finally has the sourdough starter back. Come by before 10, it sells out fast.',
  'Finished the first draft of the trip itinerary: Lisbon, then the coast down to Lagos.',
  'Anyone have a good recipe for miso aubergine? Mine keeps coming out too salty.',
  'The community garden planted 40 tomato seedlings today. Thanks to everyone who showed up!',
  'Reading group picks for next month are in: two novels and one very long essay.',
  'New bike lane on Market Street opens Monday. Finally a safe way to get across town.',
  'Rainy Sunday, board games and a pot of tea. Highly recommend Cascadia for two players.',
]

/** `count` posts starting at id `firstId`; `fresh` marks the ones a refresh just brought in. */
export function makeFeedItems(firstId: number, count: number, fresh = false): FeedItem[] {
  const items: FeedItem[] = [];
  for (let i = 0; i < count; i++) {
    const id = firstId + i;
    const author = AUTHORS[id % AUTHORS.length];
    items.push({
      id,
      author,
      initials: author.split(' ').map((part) => part[0]).join(''),
      color: COLORS[id % COLORS.length],
      minutesAgo: fresh ? 0 : 3 + ((id * 7) % 50),
      text: TEXTS[(id * 3) % TEXTS.length],
      fresh,
    });
  }
  return items;
}

/** The posts a demo starts with. */
export const INITIAL_FEED: readonly FeedItem[] = makeFeedItems(1, 12);

/** How many posts one refresh brings in. */
export const NEW_ITEMS_PER_REFRESH = 3;
/** Simulated network time of a refresh, in ms (long enough to see the refreshing state). */
export const REFRESH_DELAY_MS = 900;

export class FeedRefreshError extends Error {
  override readonly name = 'FeedRefreshError';
}

/**
 * A simulated network call: resolves with `produce()` after `ms`, rejects with the signal's
 * reason when aborted before then (the engine aborts on timeout or destroy).
 */
function afterDelay<T>(ms: number, signal: AbortSignal | undefined, produce: () => T): Promise<T> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      try {
        resolve(produce());
      } catch (error) {
        reject(error);
      }
    }, ms);
    function onAbort() {
      clearTimeout(timer);
      reject(signal?.reason);
    }
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * A refresh as a network call would do it: resolves with new posts placed before `current` after
 * REFRESH_DELAY_MS, rejects with FeedRefreshError when `fail` is set, and rejects with the
 * signal's reason when aborted.
 */
export function fetchNewItems(current: readonly FeedItem[], options: { fail: boolean; signal?: AbortSignal }): Promise<FeedItem[]> {
  return afterDelay(REFRESH_DELAY_MS, options.signal, () => {
    if (options.fail) throw new FeedRefreshError('the server answered 503 (the "make refresh fail" box is ticked)');
    const top = current.reduce((max, item) => Math.max(max, item.id), 0);
    const added = makeFeedItems(top + 1, NEW_ITEMS_PER_REFRESH, true).reverse();
    return [...added, ...current.map((item) => (item.fresh ? { ...item, fresh: false } : item))];
  });
}

/** Posts one load-more brings in (the endless feed). */
export const OLDER_ITEMS_PER_PAGE = 10;
/** Pages of older posts the endless feed has after its first one, then "all caught up". */
export const OLDER_PAGES = 4;
/** The endless feed's first page. */
export const ENDLESS_FEED: readonly FeedItem[] = makeFeedItems(101, OLDER_ITEMS_PER_PAGE);

/**
 * Load-more as a network call would do it: the next page of older posts appended after `current`
 * (fresh ids, each page an hour older), and whether more remain after them (OLDER_PAGES pages).
 * Rejects with the signal's reason when aborted.
 */
export function fetchOlderItems(current: readonly FeedItem[], options: { signal?: AbortSignal }): Promise<{ items: FeedItem[]; hasMore: boolean }> {
  return afterDelay(REFRESH_DELAY_MS, options.signal, () => {
    const page = Math.floor(current.length / OLDER_ITEMS_PER_PAGE);
    const top = current.reduce((max, item) => Math.max(max, item.id), 0);
    const older = makeFeedItems(top + 1, OLDER_ITEMS_PER_PAGE).map((item) => ({ ...item, minutesAgo: item.minutesAgo + 60 * page }));
    const items = [...current, ...older];
    return { items, hasMore: page < OLDER_PAGES };
  });
}

/** The sentence the aria-live status shows for a refresh outcome. */
export function refreshOutcomeText(outcome: { ok: true; added: number } | { ok: false; error: unknown }): string {
  if (outcome.ok) return `Updated: ${outcome.added} new post${outcome.added === 1 ? '' : 's'}`;
  const message = outcome.error instanceof Error ? outcome.error.message : String(outcome.error);
  return `Refresh failed: ${message}`;
}

/** Tile and card colours for the edges and carousel pages. */
export const PALETTE: readonly string[] = COLORS;
