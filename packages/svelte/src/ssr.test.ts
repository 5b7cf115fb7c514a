// Server rendering: a component using elasticStore and use:elastic renders the idle snapshot
// without touching a browser global (this file runs in node; actions never run on the server).
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import StoreProbe from './test-support/StoreProbe.svelte';

describe('server rendering', () => {
  it('renders the idle snapshot without touching the DOM', () => {
    expect(typeof document).toBe('undefined');
    const { body } = render(StoreProbe, { props: { options: { pullToRefresh: true }, log: [] } });
    expect(body).toContain('<output>idle</output>');
    expect(body).toContain('data-testid="scroller"');
  });
});
