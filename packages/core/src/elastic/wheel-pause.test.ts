// The pause that ends a wheel stream, with the fake host: a pause long enough to release a pull
// must also be long enough to start a new stream, or the notches after it are taken for the
// released stream's momentum and ignored.
import { expect, it } from 'vitest';
import { rig, MOVE_MS } from './test-support/rig';

/** One notch `gapMs` after the previous one (the rig's wheel() adds MOVE_MS itself). */
function notchAfter(r: ReturnType<typeof rig>, gapMs: number) {
  r.host.advance(gapMs - MOVE_MS);
  return r.wheel(-100);
}

it('wheel: notches after a pause that released the pull start a new pull (a notched wheel 250 ms apart, then 550 ms of nothing)', () => {
  const r = rig({ pullToRefresh: {} });
  r.wheel(-100);
  notchAfter(r, 250);
  expect(r.snap().state).toBe('pulling');
  // The stream's pace is 250 ms: four intervals would be a second, but the release comes after the
  // longest pause (300 ms), below the threshold, so the pull is cancelled.
  r.host.advance(550 - MOVE_MS);
  expect(r.snap().state).toBe('cancelled');
  const prevented: boolean[] = [];
  for (let i = 0; i < 14; i++) prevented.push(notchAfter(r, i === 0 ? MOVE_MS : 100).defaultPrevented);
  // A new pull (it may catch the spring-back before idle) that arms: these notches are as big as
  // the ones before the pause, no decaying tail, so no momentum to ignore.
  const after = r.states.slice(r.states.indexOf('cancelled') + 1).filter((state) => state !== 'idle');
  expect(after).toEqual(['pulling', 'ready']);
  expect(prevented.at(-1)).toBe(true);
});
