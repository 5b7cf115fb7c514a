// The pull-to-refresh pages' aria-live status line. The text sits in its own contained box (see
// .status-text in the shared styles), so a new text lays out only that box, not the page.
import { memo } from 'react';
import type { StatusLine as Status } from '@tensile/demo-shared';

export const StatusLine = memo(function StatusLine({ text, tone, testId }: Status & { testId?: string }) {
  return (
    <p className="status" role="status" aria-live="polite" data-tone={tone} data-testid={testId}>
      <span className="status-text">{text}</span>
    </p>
  );
});
