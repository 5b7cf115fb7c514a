// The native defaults (issue 11): with only `pullToRefresh: { onRefresh }`, a pull arms after 120 px
// of finger travel (iOS about 117, Android 128 dp, Ionic on iOS 16% of the scroller) in any
// container, and the iOS rubber band shows over 35 px at 100 px. The browser suite measures the
// same with a real touch (tests/browser/src/elastic/native-defaults.test.ts).
import { describe, expect, it } from 'vitest';
import { createElastic } from './engine';
import { createFakeHost } from './host-fake';

function pullAt(height: number) {
  const host = createFakeHost();
  const list = host.element({ scrollable: { y: true }, scroll: { maxTop: 3000, height, width: 390 } });
  const content = host.element({ parent: list });
  let refreshes = 0;
  const engine = createElastic({ host, pullToRefresh: { onRefresh: () => void refreshes++ } });
  engine.attach(list);
  const at = (y: number) => ({ touches: [{ identifier: 0, clientX: 200, clientY: y }], cancelable: true });
  host.dispatch(content, 'touchstart', at(100));
  /** Moves the finger to `travel` px below where it started, one 60 Hz frame later; returns the snapshot. */
  const to = (travel: number) => {
    host.advance(16);
    host.dispatch(content, 'touchmove', at(100 + travel));
    return engine.getSnapshot();
  };
  return { host, content, engine, to, refreshes: () => refreshes, release: () => host.dispatch(content, 'touchend', { touches: [], cancelable: true }) };
}

describe('native defaults', () => {
  it('a 390x844 phone: over 35 px shown at 100 px of travel, ready at 120 px, one refresh on release', () => {
    const pull = pullAt(844);
    let travelToReady = 0;
    for (let travel = 2; travel <= 300 && !travelToReady; travel += 2) {
      const snap = pull.to(travel);
      if (travel === 100) {
        expect(snap.state).toBe('pulling');
        expect(snap.offset).toBeGreaterThanOrEqual(35);
      }
      if (snap.state === 'ready') travelToReady = travel;
    }
    expect(travelToReady).toBe(120);
    expect(pull.engine.getSnapshot().offset).toBeCloseTo((120 * 844 * 0.55) / (844 + 0.55 * 120), 6);
    // Slow: hold still so the release is judged on distance alone.
    for (let i = 0; i < 10; i++) pull.host.advance(16);
    pull.release();
    expect(pull.refreshes()).toBe(1);
    pull.engine.destroy();
  });

  it('arms at the same finger travel in a small widget and a tall page', () => {
    for (const height of [240, 600, 2400]) {
      const pull = pullAt(height);
      expect(pull.to(118).state).toBe('pulling');
      expect(pull.to(120).state).toBe('ready');
      pull.engine.destroy();
    }
  });

  it('a fitted or article curve keeps the arm point (the threshold is finger travel)', () => {
    const host = createFakeHost();
    const list = host.element({ scrollable: { y: true }, scroll: { maxTop: 3000, height: 844, width: 390 } });
    const content = host.element({ parent: list });
    const engine = createElastic({ host, curve: 'article', pullToRefresh: { onRefresh: () => {} } });
    engine.attach(list);
    const at = (y: number) => ({ touches: [{ identifier: 0, clientX: 200, clientY: y }], cancelable: true });
    host.dispatch(content, 'touchstart', at(100));
    host.dispatch(content, 'touchmove', at(219));
    expect(engine.getSnapshot().state).toBe('pulling');
    host.dispatch(content, 'touchmove', at(220));
    expect(engine.getSnapshot().state).toBe('ready');
    engine.destroy();
  });
});
