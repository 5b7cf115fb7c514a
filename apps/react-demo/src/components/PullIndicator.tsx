// The indicator behind a pull-to-refresh list: revealed as the engine moves the content down; its
// spinner turns with --tensile-progress (CSS, no re-render per frame), its label follows the state.
import type { ElasticSnapshot } from '@tensile/core/elastic';
import { indicatorLabel } from '@tensile/demo-shared';

export function PullIndicator({ snapshot }: { snapshot: ElasticSnapshot }) {
  return (
    <div className="ptr-indicator" aria-hidden="true">
      <span className="ptr-spinner" />
      <span>{indicatorLabel(snapshot)}</span>
    </div>
  );
}
