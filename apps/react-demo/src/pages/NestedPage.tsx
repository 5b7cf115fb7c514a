// #/nested: a scroller inside a pull-to-refresh list. It starts scrolled down; a pull on it scrolls
// it back first and refreshes the outer list only once both are at their tops.
import { memo, useDeferredValue, useLayoutEffect, useRef } from 'react';
import { useDamping } from '@tensile/react';
import { NESTED_INNER_ROWS, NESTED_INNER_START, NESTED_OUTER_ROWS, TEST_IDS, LIST_IDLE_STATUS, pageState, pullStatus } from '@tensile/demo-shared';
import { PullIndicator } from '../components/PullIndicator';
import { StatusLine } from '../components/StatusLine';
import { useFeed } from '../components/useFeed';

export function NestedPage() {
  const feed = useFeed();
  // Only the state: the page renders when it changes, never per frame of a drag.
  const [outerRef, liveState] = useDamping({ pullToRefresh: { onRefresh: feed.onRefresh }, input: { mouse: true }, announce: false }, (s) => pageState(s.state));
  // Shown one render behind (a deferred render in a task of its own), as on the feed page.
  const state = useDeferredValue(liveState);
  const status = pullStatus({ state }, feed.outcome, LIST_IDLE_STATUS);
  return (
    <>
      <StatusLine text={status.text} tone={status.tone} />
      <div className="scroller framed" ref={outerRef} tabIndex={0} role="region" aria-label="Inbox, pull down to refresh" data-testid={TEST_IDS.nestedOuter}>
        <div className="elastic-content">
          <NestedContent />
        </div>
        <PullIndicator state={state} />
      </div>
    </>
  );
}

/**
 * The outer rows and the inner scroller (started scrolled down): memoized, since the page
 * re-renders on each state of a pull.
 */
const NestedContent = memo(function NestedContent() {
  const inner = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (inner.current) inner.current.scrollTop = NESTED_INNER_START;
  }, []);
  return (
    <>
      {NESTED_OUTER_ROWS.slice(0, 2).map((row) => <div key={row.key} className="row"><strong>{row.title}</strong> · {row.detail}</div>)}
      <div className="inner-scroller" ref={inner} tabIndex={0} role="region" aria-label="Pinned messages" data-testid={TEST_IDS.nestedInner}>
        <p className="inner-label">Pinned</p>
        {NESTED_INNER_ROWS.map((row) => <div key={row.key} className="row"><strong>{row.title}</strong> · {row.detail}</div>)}
      </div>
      {NESTED_OUTER_ROWS.slice(2).map((row) => <div key={row.key} className="row"><strong>{row.title}</strong> · {row.detail}</div>)}
    </>
  );
});
