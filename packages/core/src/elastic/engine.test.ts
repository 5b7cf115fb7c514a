// Unit tests of the engine with the fake host: every state transition and option.
import { describe, expect, it, vi } from 'vitest';
import { rig, flush } from './test-support/rig';

describe('pull to refresh', () => {
  it('idle -> pulling -> ready -> refreshing -> complete -> idle, onRefresh once', async () => {
    const onRefresh = vi.fn(async () => {});
    const r = rig({ pullToRefresh: { onRefresh } });
    r.touch.dragY(100, 500);
    expect(r.snap().state).toBe('ready');
    expect(r.snap().edge).toBe('top');
    r.touch.end();
    expect(onRefresh).toHaveBeenCalledTimes(1);
    expect(r.snap().state).toBe('refreshing');
    await flush();
    r.settle();
    expect(r.states).toEqual(['idle', 'pulling', 'ready', 'refreshing', 'complete', 'idle']);
    expect(r.snap().offset).toBe(0);
  });
});
