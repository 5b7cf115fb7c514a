// The endless feed's data: its posts, whether older ones remain, the last load error, and the
// refresh and load-more the engine calls. Both read the latest items through a ref, so the
// engine's options never need to change identity.
import { useCallback, useRef, useState } from 'react';
import { ENDLESS_FEED, fetchNewItems, fetchOlderItems, type FeedItem } from '@tensile/demo-shared';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function useEndlessFeed() {
  const [items, setItems] = useState<readonly FeedItem[]>(ENDLESS_FEED);
  const [hasMore, setHasMore] = useState(true);
  const [lastError, setLastError] = useState<string | null>(null);
  const latest = useRef(items);
  latest.current = items;
  const onLoadMore = useCallback(async ({ signal }: { signal: AbortSignal }) => {
    try {
      const next = await fetchOlderItems(latest.current, { signal });
      setItems(next.items);
      setHasMore(next.hasMore);
      setLastError(null);
    } catch (error) {
      setLastError(messageOf(error));
      throw error; // the engine shows its error state
    }
  }, []);
  const onRefresh = useCallback(async ({ signal }: { signal: AbortSignal }) => {
    setItems(await fetchNewItems(latest.current, { fail: false, signal }));
  }, []);
  return { items, hasMore, lastError, onLoadMore, onRefresh };
}
