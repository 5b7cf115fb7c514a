// <PullToRefresh>: a list wrapper built on useDamping. The wrapper is the scroll container, its
// first child is the layer the engine translates, and the indicator sits on top of that layer
// (zero height, drawn upwards) so the gap the pull opens shows it. Style the wrapper's overflow
// and height yourself; the indicator reads the snapshot, the engine handles aria-live itself.
import type { CSSProperties, ReactNode } from 'react';
import type { ElasticOptions, ElasticSnapshot, PullToRefreshOptions, RefreshContext } from '@tensile/core/elastic';
import { useDamping } from './use-damping.js';

export interface PullToRefreshProps {
  /** Runs once per armed release; the indicator shows 'refreshing' until its promise settles. */
  onRefresh: (context: RefreshContext) => unknown;
  /** The rest of the refresh options (threshold, timeout, minVisibleMs, ...). */
  refresh?: Omit<PullToRefreshOptions, 'onRefresh'>;
  /** Engine options (curve, edges, input, spring, ...). */
  options?: Omit<ElasticOptions, 'pullToRefresh' | 'content' | 'moveTarget'>;
  /** Draws the indicator from the snapshot (default: a short text per state). */
  indicator?: (snapshot: ElasticSnapshot) => ReactNode;
  children?: ReactNode;
  className?: string;
  style?: CSSProperties;
}

const labels: Partial<Record<ElasticSnapshot['state'], string>> = {
  pulling: 'Pull to refresh', ready: 'Release to refresh', refreshing: 'Refreshing…', complete: 'Done', error: 'Refresh failed',
};
const defaultIndicator = (snapshot: ElasticSnapshot): ReactNode => labels[snapshot.state] ?? null;
const indicatorStyle: CSSProperties = { height: 0, display: 'flex', alignItems: 'flex-end', justifyContent: 'center', overflow: 'visible' };

export function PullToRefresh({ onRefresh, refresh, options, indicator = defaultIndicator, children, className, style }: PullToRefreshProps) {
  const [ref, snapshot] = useDamping({ ...options, pullToRefresh: { ...refresh, onRefresh } });
  return (
    <div ref={ref} className={className} style={style} data-tensile-pull-to-refresh="">
      <div>
        <div data-tensile-indicator="" aria-hidden="true" style={indicatorStyle}>{indicator(snapshot)}</div>
        {children}
      </div>
    </div>
  );
}
