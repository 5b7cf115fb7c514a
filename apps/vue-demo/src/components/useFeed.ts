// Feed state for the pull-to-refresh pages: the items, the fail toggle and the refresh the engine calls.
import { shallowRef, ref } from 'vue';
import type { RefreshContext } from '@tensile/core/elastic';
import { INITIAL_FEED, fetchNewItems, refreshOutcomeText, type FeedItem } from '@tensile/demo-shared';

export function useFeed() {
  const items = shallowRef<readonly FeedItem[]>(INITIAL_FEED);
  const fail = ref(false);
  const outcome = ref<string | null>(null);
  async function onRefresh({ signal }: RefreshContext) {
    try {
      const next = await fetchNewItems(items.value, { fail: fail.value, signal });
      outcome.value = refreshOutcomeText({ ok: true, added: next.length - items.value.length });
      items.value = next;
    } catch (error) {
      outcome.value = refreshOutcomeText({ ok: false, error });
      throw error; // the engine shows its error state
    }
  }
  return { items, fail, outcome, onRefresh };
}
