// Server rendering: the hook renders the engine's idle snapshot and touches no browser global
// (this file runs in node, where touching `document` or `window` would throw).
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { useDamping } from './use-damping';
import { PullToRefresh } from './pull-to-refresh';

function Feed() {
  const [ref, pull] = useDamping({ pullToRefresh: { onRefresh: () => undefined } });
  return (
    <ul ref={ref} data-state={pull.state}>
      <li>{pull.progress}</li>
    </ul>
  );
}

describe('server rendering', () => {
  it('renders the idle snapshot without touching the DOM', () => {
    expect(typeof document).toBe('undefined');
    expect(renderToString(<Feed />)).toBe('<ul data-state="idle"><li>0</li></ul>');
  });

  it('renders <PullToRefresh> with an empty indicator', () => {
    const html = renderToString(<PullToRefresh onRefresh={() => undefined}><p>item</p></PullToRefresh>);
    expect(html).toContain('data-tensile-pull-to-refresh');
    expect(html).toContain('<p>item</p>');
  });
});
