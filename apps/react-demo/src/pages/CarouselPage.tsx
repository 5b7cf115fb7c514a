// #/carousel: a horizontal carousel inside a vertical pull-to-refresh list. The engine locks the
// axis on the first moves, so a sideways swipe on the cards never starts a pull.
import { memo, useDeferredValue } from 'react';
import { useDamping, type DampingRef } from '@tensile/react';
import { CAROUSEL_CARDS, CAROUSEL_ROWS_AFTER, CAROUSEL_ROWS_BEFORE, TEST_IDS, LIST_IDLE_STATUS, pageState, pullStatus } from '@tensile/demo-shared';
import { PullIndicator } from '../components/PullIndicator';
import { StatusLine } from '../components/StatusLine';
import { useFeed } from '../components/useFeed';

export function CarouselPage() {
  const feed = useFeed();
  // The page shows only the list's state (offset and progress reach the indicator as CSS variables),
  // and nothing of the carousel's: it renders when the state changes, never per frame of a drag.
  const [listRef, liveState] = useDamping({ pullToRefresh: { onRefresh: feed.onRefresh }, input: { mouse: true }, announce: false }, (s) => pageState(s.state));
  // Shown one render behind (a deferred render in a task of its own), as on the feed page.
  const state = useDeferredValue(liveState);
  const [carouselRef] = useDamping({ axis: 'x', input: { mouse: true } }, () => null);
  const status = pullStatus({ state }, feed.outcome, LIST_IDLE_STATUS);
  return (
    <>
      <StatusLine text={status.text} tone={status.tone} />
      <div className="scroller framed" ref={listRef} tabIndex={0} role="region" aria-label="Trips, pull down to refresh" data-testid={TEST_IDS.carouselList}>
        <div className="elastic-content">
          <CarouselContent carouselRef={carouselRef} />
        </div>
        <PullIndicator state={state} />
      </div>
    </>
  );
}

/** The list's rows and the carousel: memoized, since the page re-renders on each state of a pull. */
const CarouselContent = memo(function CarouselContent({ carouselRef }: { carouselRef: DampingRef }) {
  return (
    <>
      {CAROUSEL_ROWS_BEFORE.map((row) => <div key={row.key} className="row"><strong>{row.title}</strong> · {row.detail}</div>)}
      <h2 className="section-title">Discover</h2>
      <div className="carousel" ref={carouselRef} tabIndex={0} role="region" aria-label="Places to visit, scroll sideways" data-testid={TEST_IDS.carousel}>
        <div style={{ display: 'flex', gap: 12 }}>
          {CAROUSEL_CARDS.map((card) => (
            <div key={card.key} className="card" style={{ background: card.color }}><strong>{card.label}</strong><span>{card.detail}</span></div>
          ))}
        </div>
      </div>
      {CAROUSEL_ROWS_AFTER.map((row) => <div key={row.key} className="row"><strong>{row.title}</strong> · {row.detail}</div>)}
    </>
  );
});
