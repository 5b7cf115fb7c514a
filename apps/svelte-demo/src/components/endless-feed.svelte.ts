// The endless feed's data (runes): its posts, whether older ones remain, the last load error, and
// the refresh and load-more the engine calls.
import { ENDLESS_FEED, fetchNewItems, fetchOlderItems, type FeedItem } from '@tensile/demo-shared';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function createEndlessFeed() {
  let items = $state.raw<readonly FeedItem[]>(ENDLESS_FEED);
  let hasMore = $state(true);
  let lastError = $state<string | null>(null);
  return {
    get items() { return items; },
    get hasMore() { return hasMore; },
    get lastError() { return lastError; },
    async onLoadMore({ signal }: { signal: AbortSignal }) {
      try {
        const next = await fetchOlderItems(items, { signal });
        items = next.items;
        hasMore = next.hasMore;
        lastError = null;
      } catch (error) {
        lastError = messageOf(error);
        throw error; // the engine shows its error state
      }
    },
    async onRefresh({ signal }: { signal: AbortSignal }) {
      items = await fetchNewItems(items, { fail: false, signal });
    },
  };
}
