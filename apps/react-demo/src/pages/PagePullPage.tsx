// #/page: whole-page pull. No scroll container: the engine drives the document's own scroller
// (document.scrollingElement) and moves this page's content below the header; the browser's own
// pull-to-refresh is off while it is attached (the engine sets overscroll-behavior on html and body).
import { useDeferredValue, useLayoutEffect, useState } from 'react';
import { useDamping } from '@tensile/react';
import { PAGE_IDLE_STATUS, TEST_IDS, pageState, pullStatus } from '@tensile/demo-shared';
import { FeedList } from '../components/FeedList';
import { PullIndicator } from '../components/PullIndicator';
import { StatusLine } from '../components/StatusLine';
import { useFeed } from '../components/useFeed';

export function PagePullPage() {
  const feed = useFeed();
  const [content, setContent] = useState<HTMLElement | null>(null);
  const [ref, liveState] = useDamping({
    content,
    pullToRefresh: { onRefresh: feed.onRefresh },
    announce: false, // the status line below is the live region
  }, (s) => pageState(s.state));
  // The page is the scroller: bound once the moved content exists, unbound when the page goes.
  useLayoutEffect(() => {
    if (!content) return;
    ref(document.scrollingElement as HTMLElement);
    return () => ref(null);
  }, [ref, content]);
  const state = useDeferredValue(liveState);
  const status = pullStatus({ state }, feed.outcome, PAGE_IDLE_STATUS);
  return (
    <div className="page-pull">
      <PullIndicator state={state} />
      <div className="page-pull-content" ref={setContent} aria-busy={state === 'refreshing'}>
        <StatusLine text={status.text} tone={status.tone} testId={TEST_IDS.pageStatus} />
        <FeedList items={feed.items} />
      </div>
    </div>
  );
}
