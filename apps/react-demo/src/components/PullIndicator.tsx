// The indicator behind a pull-to-refresh list: revealed as the engine moves the content down; its
// spinner turns with --tensile-progress (CSS, no re-render per frame). It takes only the state and
// its label (indicatorLabel of the state), and is memoized: the page also renders for its status
// line and toolbar.
import { memo } from 'react';
import type { ElasticState } from '@tensile/core/elastic';

export const PullIndicator = memo(function PullIndicator({ state, label }: { state: ElasticState; label: string }) {
  return (
    <div className="ptr-indicator" data-state={state} aria-hidden="true">
      <span className="ptr-spinner" />
      <span>{label}</span>
    </div>
  );
});
