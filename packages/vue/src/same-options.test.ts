// sameOptions/copyOptions: equal re-renders are recognised, any real change is not missed.
import { describe, expect, it } from 'vitest';
import { copyOptions, sameOptions } from './same-options';

const onRefresh = () => undefined;
const curve = { name: 'c', evaluate: (x: number) => x, evaluateBatch: (xs: ArrayLike<number>) => Float64Array.from(xs) };

describe('sameOptions', () => {
  it('treats fresh objects with the same values as the same', () => {
    const applied = copyOptions({ curve, max: 300, pullToRefresh: { onRefresh, threshold: 60 }, input: { mouse: true } });
    expect(sameOptions(applied, { curve, max: 300, pullToRefresh: { onRefresh, threshold: 60 }, input: { mouse: true } })).toBe(true);
  });

  it.each([
    ['a changed number', { curve, max: 301, pullToRefresh: { onRefresh, threshold: 60 } }],
    ['another curve', { curve: { ...curve, evaluateBatch: (xs: ArrayLike<number>) => Float64Array.from(xs) }, max: 300, pullToRefresh: { onRefresh, threshold: 60 } }],
    ['another curve name', { curve: 'ios', max: 300, pullToRefresh: { onRefresh, threshold: 60 } }],
    ['a new callback', { curve, max: 300, pullToRefresh: { onRefresh: () => undefined, threshold: 60 } }],
    ['a nested change', { curve, max: 300, pullToRefresh: { onRefresh, threshold: 61 } }],
    ['a removed key', { curve, pullToRefresh: { onRefresh, threshold: 60 } }],
    ['a nested key swapped for another', { curve, max: 300, pullToRefresh: { onRefresh, timeout: 60 } }],
    ['an object turned into a flag', { curve, max: 300, pullToRefresh: true }],
  ])('sees %s', (_, next) => {
    const applied = copyOptions({ curve, max: 300, pullToRefresh: { onRefresh, threshold: 60 } });
    expect(sameOptions(applied, next)).toBe(false);
  });

  it('sees an edit made in place after the copy', () => {
    const options = { pullToRefresh: { threshold: 60 } };
    const applied = copyOptions(options);
    options.pullToRefresh.threshold = 30;
    expect(sameOptions(applied, options)).toBe(false);
  });
});
