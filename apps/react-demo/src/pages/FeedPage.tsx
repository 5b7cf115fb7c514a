// #/feed: pull-to-refresh on a feed. A refresh adds posts after a simulated network call; the
// toggle makes it fail so the error state shows. The button and the R key refresh without a pull.
import { useCallback, useRef } from 'react';
import { useDamping } from '@tensile/react';
import { pullStatus, refreshWithKey, TEST_IDS } from '@tensile/demo-shared';
import { FeedList } from '../components/FeedList';
import { PullIndicator } from '../components/PullIndicator';
import { useFeed } from '../components/useFeed';

export function FeedPage() {
  const feed = useFeed();
  const [ref, snapshot] = useDamping({
    pullToRefresh: { onRefresh: feed.onRefresh, threshold: 60 },
    input: { mouse: true },
    announce: false, // the page's own status line below is the live region
  });
  const scroller = useRef<HTMLElement | null>(null);
  const setScroller = useCallback((el: HTMLElement | null) => {
    scroller.current = el;
    ref(el);
  }, [ref]);
  const status = pullStatus(snapshot, feed.outcome);
  const busy = snapshot.state === 'refreshing';
  return (
    <>
      <div className="toolbar">
        <button type="button" className="button" data-testid={TEST_IDS.refreshButton} disabled={busy}
          onClick={() => refreshWithKey(scroller.current)}>
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
      <div className="scroller framed" ref={setScroller} tabIndex={0} aria-label="Feed, pull down to refresh"
        aria-busy={busy} data-testid={TEST_IDS.feedScroller}>
        <div className="elastic-content">
          <FeedList items={feed.items} />
        </div>
        <PullIndicator snapshot={snapshot} />
      </div>
    </>
  );
}
