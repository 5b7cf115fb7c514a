// The indicator behind a pull-to-refresh list: revealed as the engine moves the content down; its
// spinner turns with --tensile-progress (CSS, no re-render per frame) above the threshold line the
// content's top edge crosses when a release would refresh. No words: the page's status line is the
// one place that says what happens. Memoized: the page also renders for its status line and toolbar.
import { memo } from 'react';
import type { ElasticState } from '@tensile/core/elastic';
import { TEST_IDS } from '@tensile/demo-shared';

export const PullIndicator = memo(function PullIndicator({ state }: { state: ElasticState }) {
  return (
    <div className="ptr-indicator" data-state={state} aria-hidden="true">
      <span className="ptr-spinner" />
      <span className="ptr-threshold" data-testid={TEST_IDS.thresholdLine} />
    </div>
  );
});
