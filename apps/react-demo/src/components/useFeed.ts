// Feed state for the pull-to-refresh pages: the items, the fail toggle and the refresh the engine
// calls. The refresh reads the latest items and toggle through refs, so the engine's options
// never need to change identity.
import { useCallback, useRef, useState } from 'react';
import type { RefreshContext } from '@tensile/core/elastic';
import { INITIAL_FEED, fetchNewItems, refreshOutcomeText, type FeedItem } from '@tensile/demo-shared';

export function useFeed() {
  const [items, setItems] = useState<readonly FeedItem[]>(INITIAL_FEED);
  const [fail, setFail] = useState(false);
  const [outcome, setOutcome] = useState<string | null>(null);
  const latest = useRef({ items, fail });
  latest.current = { items, fail };
  const onRefresh = useCallback(async ({ signal }: RefreshContext) => {
    try {
      const next = await fetchNewItems(latest.current.items, { fail: latest.current.fail, signal });
      setOutcome(refreshOutcomeText({ ok: true, added: next.length - latest.current.items.length }));
      setItems(next);
    } catch (error) {
      setOutcome(refreshOutcomeText({ ok: false, error }));
      throw error; // the engine shows its error state
    }
  }, []);
  return { items, fail, setFail, outcome, onRefresh };
}
