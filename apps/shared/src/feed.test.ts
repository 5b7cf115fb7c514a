import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ENDLESS_FEED, FeedRefreshError, INITIAL_FEED, NEW_ITEMS_PER_REFRESH, OLDER_ITEMS_PER_PAGE, OLDER_PAGES, REFRESH_DELAY_MS, fetchNewItems, fetchOlderItems, refreshOutcomeText } from './feed';

describe('fetchNewItems', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('prepends new posts with fresh ids after the delay and clears the old fresh marks', async () => {
    const first = fetchNewItems(INITIAL_FEED, { fail: false });
    await vi.advanceTimersByTimeAsync(REFRESH_DELAY_MS);
    const once = await first;
    expect(once).toHaveLength(INITIAL_FEED.length + NEW_ITEMS_PER_REFRESH);
    expect(once.slice(0, NEW_ITEMS_PER_REFRESH).every((item) => item.fresh)).toBe(true);
    const second = fetchNewItems(once, { fail: false });
    await vi.advanceTimersByTimeAsync(REFRESH_DELAY_MS);
    const twice = await second;
    expect(new Set(twice.map((item) => item.id)).size).toBe(twice.length);
    expect(twice.filter((item) => item.fresh)).toHaveLength(NEW_ITEMS_PER_REFRESH);
  });

  it('rejects with FeedRefreshError when told to fail', async () => {
    const result = fetchNewItems(INITIAL_FEED, { fail: true });
    const settled = expect(result).rejects.toBeInstanceOf(FeedRefreshError);
    await vi.advanceTimersByTimeAsync(REFRESH_DELAY_MS);
    await settled;
  });

  it('rejects with the signal reason when aborted, before or during the wait', async () => {
    const before = new AbortController();
    before.abort(new Error('gone'));
    await expect(fetchNewItems(INITIAL_FEED, { fail: false, signal: before.signal })).rejects.toThrow('gone');
    const during = new AbortController();
    const result = fetchNewItems(INITIAL_FEED, { fail: false, signal: during.signal });
    during.abort(new Error('timeout'));
    await expect(result).rejects.toThrow('timeout');
  });
});

describe('fetchOlderItems', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('appends pages of older posts with fresh ids until OLDER_PAGES, then says there are no more', async () => {
    let items = [...ENDLESS_FEED];
    for (let page = 1; page <= OLDER_PAGES; page++) {
      const next = fetchOlderItems(items, {});
      await vi.advanceTimersByTimeAsync(REFRESH_DELAY_MS);
      const result = await next;
      expect(result.items.slice(0, items.length)).toEqual(items);
      expect(result.items).toHaveLength(items.length + OLDER_ITEMS_PER_PAGE);
      expect(result.hasMore).toBe(page < OLDER_PAGES);
      // Each page is older than the one before it.
      expect(Math.min(...result.items.slice(-OLDER_ITEMS_PER_PAGE).map((i) => i.minutesAgo))).toBeGreaterThan(Math.max(...items.slice(-OLDER_ITEMS_PER_PAGE).map((i) => i.minutesAgo)));
      items = result.items;
    }
    expect(new Set(items.map((item) => item.id)).size).toBe(items.length);
  });

  it('rejects with the signal reason when aborted', async () => {
    const controller = new AbortController();
    const result = fetchOlderItems(ENDLESS_FEED, { signal: controller.signal });
    controller.abort(new Error('left the page'));
    await expect(result).rejects.toThrow('left the page');
  });
});

describe('refreshOutcomeText', () => {
  it('says what the e2e suite reads', () => {
    expect(refreshOutcomeText({ ok: true, added: 3 })).toBe('Updated: 3 new posts');
    expect(refreshOutcomeText({ ok: true, added: 1 })).toBe('Updated: 1 new post');
    expect(refreshOutcomeText({ ok: false, error: new Error('503') })).toBe('Refresh failed: 503');
  });
});
