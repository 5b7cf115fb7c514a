// The words the pull-to-refresh pages show in their aria-live status, the same in every demo.
import type { ElasticSnapshot, ElasticState } from '@tensile/core/elastic';

/** All these texts depend on: the state (a snapshot, or a page that subscribed to the state alone). */
export type StateOf = Pick<ElasticSnapshot, 'state'>;

export type StatusTone = 'neutral' | 'ok' | 'error';

export interface StatusLine {
  readonly text: string;
  readonly tone: StatusTone;
}

/**
 * The status for the engine's current state (`idle`: what to say before any refresh); `lastOutcome` (the sentence of the last refresh,
 * from refreshOutcomeText) stays visible at rest so screen readers and tests can read the result.
 */
export function pullStatus(snapshot: StateOf, lastOutcome: string | null, idle = 'Pull down or use the button to refresh'): StatusLine {
  switch (snapshot.state) {
    case 'pulling':
      return { text: 'Pull to refresh', tone: 'neutral' };
    case 'ready':
      return { text: 'Release to refresh', tone: 'neutral' };
    case 'refreshing':
      return { text: 'Refreshing…', tone: 'neutral' };
    case 'error':
      return { text: lastOutcome ?? 'Refresh failed', tone: 'error' };
    default:
      if (lastOutcome === null) return { text: idle, tone: 'neutral' };
      return { text: lastOutcome, tone: lastOutcome.startsWith('Refresh failed') ? 'error' : 'ok' };
  }
}

/**
 * The state a page shows in its status line and button: a pull that has not reached the threshold
 * shows as idle. While pulling, the indicator (the engine's CSS variables) already shows the pull
 * nearing the threshold line, and the status line, like the engine's own announcements, speaks
 * from "Release to refresh" on; so the first move of a pull, the tightest frame of the drag, changes
 * nothing the page renders.
 */
export function pageState(state: ElasticState): ElasticState {
  return state === 'pulling' ? 'idle' : state;
}

/** The load-more states (the engine's LoadMoreState). */
export type LoadMoreShown = 'idle' | 'loading' | 'complete' | 'error' | 'done';

/**
 * The endless feed's footer status (its one live region): what load more is doing. `lastError` is
 * the message of the last failed load.
 */
export function loadMoreStatus(state: LoadMoreShown, lastError: string | null = null): StatusLine {
  switch (state) {
    case 'loading':
      return { text: 'Loading older posts…', tone: 'neutral' };
    case 'complete':
      return { text: 'Older posts loaded', tone: 'ok' };
    case 'error':
      return { text: `Could not load older posts${lastError ? `: ${lastError}` : ''}`, tone: 'error' };
    case 'done':
      return { text: 'You’re all caught up', tone: 'ok' };
    default:
      return { text: 'Scroll on for older posts', tone: 'neutral' };
  }
}
