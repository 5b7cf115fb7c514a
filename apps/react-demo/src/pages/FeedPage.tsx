// #/feed: pull-to-refresh on a feed. A refresh adds posts after a simulated network call; the
// toggle makes it fail so the error state shows. The button and the R key refresh without a pull.
import { useDamping } from '@tensile/react';
import { indicatorLabel, pullStatus, TEST_IDS } from '@tensile/demo-shared';
import { FeedList } from '../components/FeedList';
import { PullIndicator } from '../components/PullIndicator';
import { useFeed } from '../components/useFeed';

export function FeedPage() {
  const feed = useFeed();
  const [ref, snapshot, refresh] = useDamping({
    pullToRefresh: { onRefresh: feed.onRefresh, threshold: 60 },
    input: { mouse: true },
    announce: false, // the page's own status line below is the live region
  });
  const status = pullStatus(snapshot, feed.outcome);
  const busy = snapshot.state === 'refreshing';
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
      <p className="status" role="status" aria-live="polite" data-tone={status.tone} data-testid={TEST_IDS.feedStatus}>
        {status.text}
      </p>
      <div className="scroller framed" ref={ref} tabIndex={0} role="region" aria-label="Feed, pull down to refresh"
        aria-busy={busy} data-testid={TEST_IDS.feedScroller}>
        <div className="elastic-content">
          <FeedList items={feed.items} />
        </div>
        <PullIndicator state={snapshot.state} label={indicatorLabel(snapshot)} />
      </div>
    </>
  );
}
