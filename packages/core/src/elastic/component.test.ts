// The shared props of the three <PullToRefresh> components (component.ts): how they become binding
// options (texts reach the live region too), and their bad input.
import { describe, expect, it } from 'vitest';
import { PULL_TO_REFRESH_CSS, PULL_TO_REFRESH_TEXTS, pullToRefreshOptions, type PullToRefreshProps } from './component';
import { ElasticError } from './errors';
import { itRejectsEach, type BadInputRow } from '../test-support/bad-input';

describe('pullToRefreshOptions', () => {
  it('puts onRefresh into pullToRefresh, keeps its other options, and announces the translated texts', () => {
    const onRefresh = () => undefined;
    const options = pullToRefreshOptions({ onRefresh, readyText: 'Loslassen', options: { pullToRefresh: { threshold: 80 } } }, 'test');
    expect(options.pullToRefresh).toEqual({ threshold: 80, onRefresh });
    expect(options.announce).toEqual({ ready: 'Loslassen', refreshing: PULL_TO_REFRESH_TEXTS.refreshingText, complete: 'Refreshed', error: 'Refresh failed' });
    expect(options.loadMore, 'load-more off without onLoadMore').toBe(false);
  });

  it('turns load-more on with onLoadMore, and hasMore defaults to true', () => {
    const onLoadMore = () => undefined;
    const options = pullToRefreshOptions({ onLoadMore, options: { loadMore: { nearEnd: 200 } } as never }, 'test') as Record<string, unknown>;
    expect(options.loadMore).toEqual({ nearEnd: 200, onLoadMore, hasMore: true });
    expect((pullToRefreshOptions({ onLoadMore, hasMore: false }, 'test') as Record<string, unknown>).loadMore).toEqual({ onLoadMore, hasMore: false });
  });

  it('keeps a loadMore group given in options (the engine runs its onLoadMore), with the hasMore prop over it', () => {
    const onLoadMore = () => undefined;
    expect(pullToRefreshOptions({ options: { loadMore: { onLoadMore, nearEnd: 50 } } }, 'test').loadMore).toEqual({ onLoadMore, nearEnd: 50, hasMore: true });
    expect(pullToRefreshOptions({ hasMore: false, options: { loadMore: { onLoadMore, hasMore: true } } }, 'test').loadMore).toEqual({ onLoadMore, hasMore: false });
    expect(pullToRefreshOptions({ options: { loadMore: true } }, 'test').loadMore).toEqual({ onLoadMore: undefined, hasMore: true });
  });

  it('keeps announce: false (no live region)', () => {
    expect(pullToRefreshOptions({ options: { announce: false } }, 'test').announce).toBe(false);
  });

  it('the stylesheet shows each state panel with child combinators only (a nested list is never affected)', () => {
    expect(PULL_TO_REFRESH_CSS).toContain('[data-tensile-pull-to-refresh][data-tensile-state=ready]>*>[data-tensile-indicator]>[data-tensile-when~=ready]');
    expect(PULL_TO_REFRESH_CSS).toContain('[data-tensile-pull-to-refresh][data-tensile-load-more=done]>*>[data-tensile-footer] [data-tensile-when~=done]');
  });
});

const props = (value: unknown) => pullToRefreshOptions(value as PullToRefreshProps, '<PullToRefresh>');
const rows: BadInputRow[] = [
  { entry: 'PullToRefresh', kind: 'wrong type', run: () => props({ onRefresh: 'reload' }), code: 'E_ELASTIC_OPTION', names: /<PullToRefresh>: onRefresh is "reload", expected a function/ },
  { entry: 'PullToRefresh', kind: 'wrong type', run: () => props({ onLoadMore: {} }), code: 'E_ELASTIC_OPTION', names: /onLoadMore is an object \(Object\), expected a function/ },
  { entry: 'PullToRefresh', kind: 'wrong type', run: () => props({ onRefreshingChange: true }), code: 'E_ELASTIC_OPTION', names: /onRefreshingChange is true, expected a function/ },
  { entry: 'PullToRefresh', kind: 'wrong type', run: () => props({ hasMore: 'no' }), code: 'E_ELASTIC_OPTION', names: /hasMore is "no", expected a boolean/ },
  { entry: 'PullToRefresh', kind: 'non-finite', run: () => props({ pullingText: NaN }), code: 'E_ELASTIC_OPTION', names: /pullingText is NaN, expected a string/ },
  { entry: 'PullToRefresh', kind: 'empty', run: () => props({ options: null }), code: 'E_ELASTIC_OPTION', names: /options is null, expected an options object/ },
  { entry: 'PullToRefresh', kind: 'malformed', run: () => props({ options: [1] }), code: 'E_ELASTIC_OPTION', names: /options is an array of length 1/ },
  { entry: 'PullToRefresh', kind: 'hostile', run: () => props({ readyText: { toString: () => 'x' } }), code: 'E_ELASTIC_OPTION', names: /readyText is an object \(Object\), expected a string/ },
  { entry: 'PullToRefresh', kind: 'oversized', run: () => props({ noMoreText: ['x'.repeat(1e6)] }), code: 'E_ELASTIC_OPTION', names: /noMoreText is an array of length 1, expected a string/ },
];

describe('<PullToRefresh> props: bad input is a typed ElasticError naming the prop', () => {
  itRejectsEach(rows, ElasticError);
});
