// Feed state for the pull-to-refresh pages (runes): the items, the fail toggle and the refresh the engine calls.
import type { RefreshContext } from '@tensile/core/elastic';
import { INITIAL_FEED, fetchNewItems, refreshOutcomeText, type FeedItem } from '@tensile/demo-shared';

export function createFeed() {
  let items = $state.raw<readonly FeedItem[]>(INITIAL_FEED);
  let fail = $state(false);
  let outcome = $state<string | null>(null);
  return {
    get items() { return items; },
    get fail() { return fail; },
    set fail(value: boolean) { fail = value; },
    get outcome() { return outcome; },
    async onRefresh({ signal }: RefreshContext) {
      try {
        const next = await fetchNewItems(items, { fail, signal });
        outcome = refreshOutcomeText({ ok: true, added: next.length - items.length });
        items = next;
      } catch (error) {
        outcome = refreshOutcomeText({ ok: false, error });
        throw error; // the engine shows its error state
      }
    },
  };
}
