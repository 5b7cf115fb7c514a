// What a demo page shows of its pull (feed, carousel and nested pages): the state, the status line
// line, one task behind the engine (see shownState).
import type { ElasticState } from '@tensile/core/elastic';
import { pageState, pullStatus } from '@tensile/demo-shared';
import { shownState } from './shown-state.svelte';

export interface PullView {
  readonly state: ElasticState;
  readonly statusText: string;
  readonly statusTone: ReturnType<typeof pullStatus>['tone'];
}

/**
 * Call during component initialisation. `readState` returns the engine's state (e.g.
 * `() => $pull.state`), `readOutcome` the feed's last refresh outcome; `idleStatus` is the status
 * line at rest (pullStatus's default when omitted).
 */
export function pullView(readState: () => ElasticState, readOutcome: () => string | null, idleStatus?: string): PullView {
  // A $derived, so shownState's effect runs when the shown state changes (pageState: a pull below
  // the threshold shows as idle), not on every snapshot of a drag: a move updates nothing here.
  const live = $derived(pageState(readState()));
  const shown = shownState(() => live);
  const status = $derived(pullStatus({ state: shown.current }, readOutcome(), idleStatus));
  const statusText = $derived(status.text);
  const statusTone = $derived(status.tone);
  return {
    get state() {
      return shown.current;
    },
    get statusText() {
      return statusText;
    },
    get statusTone() {
      return statusTone;
    },
  };
}
