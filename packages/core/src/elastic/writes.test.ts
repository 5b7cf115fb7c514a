// What one move of a pull writes to the page, counted through the fake host: per-move style work
// in a browser grows with every write (a changed inherited variable restyles the container's
// subtree), so a move writes the offset variable, the transform and, at the refresh edge, the
// progress variable, and attributes only when the state or the edge changes. The layer's
// will-change is written at touchstart, never per move.
import { describe, expect, it, vi } from 'vitest';
import { flush, rig } from './test-support/rig';

function countWrites(r: ReturnType<typeof rig>) {
  const styles = vi.spyOn(r.host, 'setStyle');
  const attributes = vi.spyOn(r.host, 'setAttribute');
  return {
    /** The writes since the last call, as `el prop` strings (root, content). */
    take() {
      const name = (el: unknown) => (el === r.root ? 'root' : el === r.content ? 'content' : 'other');
      const out = [
        ...styles.mock.calls.map(([el, prop]) => `${name(el)} ${prop}`),
        ...attributes.mock.calls.map(([el, attr]) => `${name(el)} ${attr}`),
      ];
      styles.mockClear();
      attributes.mockClear();
      return out;
    },
  };
}

describe('DOM writes per move', () => {
  it('a pull at the refresh edge: offset, transform and progress per move; attributes only when the state changes', () => {
    const r = rig({ pullToRefresh: { threshold: 60 } });
    const writes = countWrites(r);
    r.touch.start(100, 100);
    // At the refresh edge the content is promoted at touchstart, not in the first pulling move.
    expect(writes.take()).toEqual(['content will-change']);
    r.touch.move(100, 110); // locks the axis and arms at the top: state and edge change once (aria-busy only with refreshing or loading)
    expect(writes.take().sort()).toEqual(['root --tensile-offset', 'content transform', 'root --tensile-progress', 'root data-tensile-edge', 'root data-tensile-state'].sort());
    const perMove: string[][] = [];
    for (let y = 120; y <= 300; y += 10) {
      r.touch.move(100, y);
      if (r.snap().state === 'pulling') perMove.push(writes.take().sort());
      else writes.take();
    }
    expect(perMove.length).toBeGreaterThan(5);
    for (const w of perMove) expect(w).toEqual(['content transform', 'root --tensile-offset', 'root --tensile-progress']);
  });

  it('past the threshold, progress stays 1 and is not written again', () => {
    const r = rig({ pullToRefresh: { threshold: 60 } });
    r.touch.dragY(100, 900, 20);
    expect(r.snap().state).toBe('ready');
    const writes = countWrites(r);
    r.touch.move(100, 950);
    expect(writes.take().sort()).toEqual(['content transform', 'root --tensile-offset']);
  });

  it('an edge without refresh writes no progress at all', () => {
    const r = rig({ pullToRefresh: { threshold: 60 } });
    r.host.setScroll(r.root, { top: 2000 });
    r.touch.start(100, 700);
    r.touch.move(100, 690);
    const writes = countWrites(r);
    r.touch.move(100, 650);
    r.touch.move(100, 600);
    expect(writes.take().sort()).toEqual(['content transform', 'content transform', 'root --tensile-offset', 'root --tensile-offset']);
  });
});

describe('will-change: transform on the moved layer', () => {
  const willChange = (r: ReturnType<typeof rig>) => r.host.styles(r.content)['will-change'];

  it('is set at touchstart at the refresh edge, kept through the pull, the refresh and the spring, and removed at rest', async () => {
    let finish = () => {};
    const r = rig({ pullToRefresh: { onRefresh: () => new Promise<void>((resolve) => (finish = resolve)), minVisibleMs: 0, resultMs: 0 } });
    r.touch.start(100, 100);
    expect(willChange(r)).toBe('transform');
    for (let y = 110; y <= 600; y += 20) r.touch.move(100, y);
    r.touch.end();
    expect(r.snap().state).toBe('refreshing');
    r.host.advance(1000); // the spring reaches the hold position (the 10 s timeout is far)
    expect(r.snap().offset).toBeGreaterThan(0);
    expect(willChange(r)).toBe('transform');
    finish();
    await flush();
    r.settle();
    expect(r.snap().state).toBe('idle');
    expect(willChange(r)).toBeUndefined();
    expect(r.host.styles(r.content).transform).toBeUndefined();
  });

  it('is removed when a gesture ends without pulling, and a release below the threshold removes it once the spring rests', () => {
    const r = rig({ pullToRefresh: { threshold: 60 } });
    r.touch.start(100, 100);
    r.touch.move(100, 90); // up: native scrolling, nothing held
    r.touch.end();
    expect(willChange(r)).toBeUndefined();
    r.touch.dragY(100, 150, 5);
    r.touch.end();
    expect(r.snap().state).toBe('cancelled');
    expect(willChange(r)).toBe('transform');
    r.settle();
    expect(willChange(r)).toBeUndefined();
  });

  it('is never set for a gesture that starts below the top, for the wheel, or without pull-to-refresh', () => {
    const scrolled = rig({ pullToRefresh: true });
    scrolled.host.setScroll(scrolled.root, { top: 500 });
    scrolled.touch.start(100, 100);
    expect(willChange(scrolled)).toBeUndefined();
    const wheel = rig({ pullToRefresh: true });
    wheel.wheel(-40);
    expect(wheel.snap().state).not.toBe('idle');
    expect(willChange(wheel)).toBeUndefined();
    const plain = rig({});
    plain.touch.start(100, 100);
    expect(willChange(plain)).toBeUndefined();
  });

  it('gives back a will-change the page set inline, on rest and on detach mid-gesture, and grabbing the spring does not stack it', () => {
    const r = rig({ pullToRefresh: true });
    r.host.setStyle(r.content, 'will-change', 'opacity');
    r.touch.dragY(100, 200, 5);
    r.touch.end();
    r.host.advance(16);
    r.touch.start(100, 300); // grabs the spring mid-flight
    expect(willChange(r)).toBe('transform');
    r.touch.end();
    r.settle();
    expect(willChange(r)).toBe('opacity');
    r.touch.start(100, 100);
    expect(willChange(r)).toBe('transform');
    r.engine.detach();
    expect(willChange(r)).toBe('opacity');
  });
});
