// #/endless: an endless feed. Older posts load by themselves as the end comes near, or with a pull
// up at the bottom; a pull down at the top refreshes. The footer is the page's one status.
import { useDeferredValue } from 'react';
import { useDamping } from '@tensile/react';
import { TEST_IDS, loadMoreStatus, pageState } from '@tensile/demo-shared';
import { FeedList } from '../components/FeedList';
import { PullIndicator } from '../components/PullIndicator';
import { useEndlessFeed } from '../components/useEndlessFeed';

/** How close to the end (px) a scroll starts loading older posts without a pull. */
const NEAR_END = 400;

export function EndlessPage() {
  const endless = useEndlessFeed();
  // The page renders when the pull's state or load more's state changes, never per frame of a drag.
  const [ref, liveShown] = useDamping({
    pullToRefresh: { onRefresh: endless.onRefresh },
    loadMore: { onLoadMore: endless.onLoadMore, nearEnd: NEAR_END, hasMore: endless.hasMore },
    input: { mouse: true },
    announce: false, // the footer below is the live region
  }, (s) => `${pageState(s.state)}:${s.loadMore}`);
  const shown = useDeferredValue(liveShown);
  const [state, more] = shown.split(':') as [ReturnType<typeof pageState>, Parameters<typeof loadMoreStatus>[0]];
  const status = loadMoreStatus(more, endless.lastError);
  return (
    <div className="scroller framed" ref={ref} tabIndex={0} role="region" aria-label="Endless feed, pull down to refresh"
      aria-busy={state === 'refreshing' || more === 'loading'} data-testid={TEST_IDS.endlessScroller}>
      <div className="elastic-content">
        <FeedList items={endless.items} />
        <p className="load-more" role="status" aria-live="polite" data-state={more} data-tone={status.tone} data-testid={TEST_IDS.endlessStatus}>
          <span className="ptr-spinner" aria-hidden="true" />
          <span>{status.text}</span>
        </p>
      </div>
      <PullIndicator state={state} />
    </div>
  );
}
