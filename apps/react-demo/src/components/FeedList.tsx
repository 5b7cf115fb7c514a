// The list of posts (shared by the feed and nested pages' look). Memoized: its page re-renders on
// each state of a pull, the items only change on a refresh.
import { memo } from 'react';
import { TEST_IDS, type FeedItem } from '@tensile/demo-shared';

export const FeedList = memo(function FeedList({ items }: { items: readonly FeedItem[] }) {
  return (
    <ul className="feed">
      {items.map((item) => (
        <li key={item.id} className={item.fresh ? 'feed-item new' : 'feed-item'} data-testid={TEST_IDS.feedItem}>
          <span className="avatar" style={{ background: item.color }} aria-hidden="true">{item.initials}</span>
          <h2>{item.author} <small>· {item.fresh ? 'just now' : `${item.minutesAgo} min`}</small></h2>
          <p>{item.text}</p>
        </li>
      ))}
    </ul>
  );
});
