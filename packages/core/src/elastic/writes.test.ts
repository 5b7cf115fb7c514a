// What one move of a pull writes to the page, counted through the fake host: per-move style work
// in a browser grows with every write (a changed inherited variable restyles the container's
// subtree), so a move writes the offset variable, the transform and, at the refresh edge, the
// progress variable, and attributes only when the state or the edge changes.
import { describe, expect, it, vi } from 'vitest';
import { rig } from './test-support/rig';

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
    r.touch.move(100, 110); // locks the axis and arms at the top: state and edge change once
    expect(writes.take().sort()).toEqual(
      ['root --tensile-offset', 'content transform', 'root --tensile-progress', 'root data-tensile-edge', 'root data-tensile-state', 'root aria-busy'].sort(),
    );
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
