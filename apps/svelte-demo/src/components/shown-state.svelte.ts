// The pull state the page shows (status line, indicator, busy button), one task behind the
// engine (the pages pass pageState: a pull below the threshold shows as idle). Nothing on screen
// needs it in the frame of the move that changed it (the engine moves the content and sets the CSS
// variables itself): the page's update runs in its own task right after that frame instead.
import { untrack } from 'svelte';
import type { ElasticState } from '@tensile/core/elastic';

/**
 * Call during component initialisation. `read` returns the engine's current state: a $derived of
 * it, so this effect runs when the state changes, not on every snapshot of a drag.
 */
export function shownState(read: () => ElasticState): { readonly current: ElasticState } {
  let shown = $state(untrack(read));
  $effect(() => {
    const state = read();
    // The cleanup runs before the next change and on destroy: only the last state of a burst is
    // shown, and nothing is set after the page is gone.
    const id = setTimeout(() => (shown = state));
    return () => clearTimeout(id);
  });
  return {
    get current() {
      return shown;
    },
  };
}
