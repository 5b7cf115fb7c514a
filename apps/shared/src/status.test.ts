import { describe, expect, it } from 'vitest';
import type { ElasticSnapshot } from '@tensile/core/elastic';
import { loadMoreStatus, pageState, pullStatus } from './status';

const snap = (state: ElasticSnapshot['state']): ElasticSnapshot => ({ state, edge: 'top', distance: 0, offset: 0, progress: 0, error: null, loadMore: 'idle', loadMoreError: null });

describe('pullStatus', () => {
  it('follows the engine state while a gesture or refresh runs', () => {
    expect(pullStatus(snap('pulling'), 'Updated: 3 new posts').text).toBe('Pull to refresh');
    expect(pullStatus(snap('ready'), null).text).toBe('Release to refresh');
    expect(pullStatus(snap('refreshing'), null).text).toBe('Refreshing…');
  });
  it('keeps the last outcome at rest, with its tone', () => {
    expect(pullStatus(snap('idle'), 'Updated: 3 new posts')).toEqual({ text: 'Updated: 3 new posts', tone: 'ok' });
    expect(pullStatus(snap('error'), 'Refresh failed: 503')).toEqual({ text: 'Refresh failed: 503', tone: 'error' });
    expect(pullStatus(snap('complete'), 'Refresh failed: 503').tone).toBe('error');
    expect(pullStatus(snap('idle'), null, 'Pull the list').text).toBe('Pull the list');
  });
  it('pageState shows a pull below the threshold as idle, every other state as it is', () => {
    expect(pageState('pulling')).toBe('idle');
    for (const state of ['idle', 'ready', 'refreshing', 'complete', 'error', 'cancelled'] as const) expect(pageState(state)).toBe(state);
    // A page showing pageState says the same before and during a pull, until the threshold.
    expect(pullStatus({ state: pageState('pulling') }, 'Updated: 3 new posts')).toEqual(pullStatus({ state: 'idle' }, 'Updated: 3 new posts'));
  });
});

describe('loadMoreStatus', () => {
  it('says what load more is doing, with the error when one failed', () => {
    expect(loadMoreStatus('idle').text).toBe('Scroll on for older posts');
    expect(loadMoreStatus('loading').text).toBe('Loading older posts…');
    expect(loadMoreStatus('complete')).toEqual({ text: 'Older posts loaded', tone: 'ok' });
    expect(loadMoreStatus('error', '503')).toEqual({ text: 'Could not load older posts: 503', tone: 'error' });
    expect(loadMoreStatus('error').text).toBe('Could not load older posts');
    expect(loadMoreStatus('done').text).toBe('You’re all caught up');
  });
});
