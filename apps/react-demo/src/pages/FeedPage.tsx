// #/feed: pull-to-refresh on a feed. A refresh adds posts after a simulated network call; the
// toggle makes it fail so the error state shows. The button and the R key refresh without a pull.
import { useDeferredValue } from 'react';
import { useDamping } from '@tensile/react';
import { pageState, pullStatus, TEST_IDS } from '@tensile/demo-shared';
import { FeedList } from '../components/FeedList';
import { PullIndicator } from '../components/PullIndicator';
import { StatusLine } from '../components/StatusLine';
import { useFeed } from '../components/useFeed';

export function FeedPage() {
  const feed = useFeed();
  // The page selects the state it shows (pageState: a pull below the threshold shows as idle), so it
  // renders at the threshold and through the refresh, never per frame and not in the first move;
  // offset and progress reach the indicator as CSS variables.
  const [ref, liveState, refresh] = useDamping({
    pullToRefresh: { onRefresh: feed.onRefresh },
    input: { mouse: true },
    announce: false, // the page's own status line below is the live region
  }, (s) => pageState(s.state));
  // Shown one render behind (React's deferred render, in a task of its own): nothing on screen needs
  // the new state in the frame of the move that changed it, the tightest frame of the drag.
  const state = useDeferredValue(liveState);
  const status = pullStatus({ state }, feed.outcome);
  const busy = state === 'refreshing';
  return (
    <>
      <div className="toolbar">
        <button type="button" className="button" data-testid={TEST_IDS.refreshButton} disabled={busy}
          onClick={() => void refresh()}>
          {busy ? 'Refreshing…' : 'Refresh'}
        </button>
        <label className="toggle">
          <input type="checkbox" data-testid={TEST_IDS.feedFailToggle} checked={feed.fail}
            onChange={(event) => feed.setFail(event.target.checked)} />
          Make refresh fail
        </label>
      </div>
      <StatusLine text={status.text} tone={status.tone} testId={TEST_IDS.feedStatus} />
      <div className="scroller framed" ref={ref} tabIndex={0} role="region" aria-label="Feed, pull down to refresh"
        aria-busy={busy} data-testid={TEST_IDS.feedScroller}>
        <div className="elastic-content">
          <FeedList items={feed.items} />
        </div>
        <PullIndicator state={state} />
      </div>
    </>
  );
}
