// The endless feed's data: its posts, whether older ones remain, the last load error, and the
// refresh and load-more the engine calls.
import { ref, shallowRef } from 'vue';
import { ENDLESS_FEED, fetchNewItems, fetchOlderItems, type FeedItem } from '@tensile/demo-shared';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function useEndlessFeed() {
  const items = shallowRef<readonly FeedItem[]>(ENDLESS_FEED);
  const hasMore = ref(true);
  const lastError = ref<string | null>(null);
  async function onLoadMore({ signal }: { signal: AbortSignal }) {
    try {
      const next = await fetchOlderItems(items.value, { signal });
      items.value = next.items;
      hasMore.value = next.hasMore;
      lastError.value = null;
    } catch (error) {
      lastError.value = messageOf(error);
      throw error; // the engine shows its error state
    }
  }
  async function onRefresh({ signal }: { signal: AbortSignal }) {
    items.value = await fetchNewItems(items.value, { fail: false, signal });
  }
  return { items, hasMore, lastError, onLoadMore, onRefresh };
}
