// Unit tests of the engine with the fake host: every state transition and every option.
import { describe, expect, it, vi } from 'vitest';
import { articleDamping } from './curves';
import { createElastic, attachElastic } from './engine';
import { ElasticError } from './errors';
import { createFakeHost } from './host-fake';
import { rig, flush, MOVE_MS } from './test-support/rig';

/** Tolerance for offsets computed two ways (px). */
const PX = 1e-9;

describe('pull to refresh states', () => {
  it('idle -> pulling -> ready -> refreshing -> complete -> idle, onRefresh once with a signal', async () => {
    const onRefresh = vi.fn(async (_ctx: { signal: AbortSignal }) => {});
    const r = rig({ pullToRefresh: { onRefresh } });
    r.touch.dragY(100, 500);
    expect(r.snap()).toMatchObject({ state: 'ready', edge: 'top', distance: 400, progress: 1 });
    expect(r.snap().offset).toBeCloseTo(articleDamping(400), 9);
    r.touch.end();
    expect(onRefresh).toHaveBeenCalledTimes(1);
    expect(onRefresh.mock.calls[0][0].signal.aborted).toBe(false);
    expect(r.snap().state).toBe('refreshing');
    await flush();
    r.settle();
    expect(r.states).toEqual(['idle', 'pulling', 'ready', 'refreshing', 'complete', 'idle']);
    expect(r.snap()).toMatchObject({ state: 'idle', edge: null, offset: 0, distance: 0, progress: 0, error: null });
  });

  it('a release below the threshold goes pulling -> cancelled -> idle without refreshing', () => {
    const onRefresh = vi.fn();
    const r = rig({ pullToRefresh: { onRefresh } });
    r.touch.dragY(100, 200);
    expect(r.snap().state).toBe('pulling');
    expect(r.snap().progress).toBeGreaterThan(0);
    expect(r.snap().progress).toBeLessThan(1);
    r.touch.end();
    expect(r.snap().state).toBe('cancelled');
    r.settle();
    expect(r.states).toEqual(['idle', 'pulling', 'cancelled', 'idle']);
    expect(onRefresh).not.toHaveBeenCalled();
  });

  it('ready -> pulling when the finger goes back below the threshold, and no refresh then', () => {
    const onRefresh = vi.fn();
    const r = rig({ pullToRefresh: { onRefresh } });
    r.touch.dragY(100, 500);
    for (let y = 500; y >= 200; y -= 20) r.touch.move(100, y);
    expect(r.snap().state).toBe('pulling');
    r.touch.end();
    r.settle();
    expect(onRefresh).not.toHaveBeenCalled();
    expect(r.states).toEqual(['idle', 'pulling', 'ready', 'pulling', 'cancelled', 'idle']);
  });

  it('pushing back past the edge hands the gesture back to native scrolling (idle, no preventDefault)', () => {
    const r = rig({ pullToRefresh: {} });
    r.touch.dragY(100, 200, 10);
    const back = r.touch.move(100, 90);
    expect(r.snap().state).toBe('idle');
    expect(r.snap().offset).toBe(0);
    expect(back.defaultPrevented).toBe(false);
  });

  it('a rejected onRefresh ends in error with the reason, then idle', async () => {
    const boom = new Error('offline');
    const r = rig({ pullToRefresh: { onRefresh: () => Promise.reject(boom) } });
    r.touch.dragY(100, 500);
    r.touch.end();
    await flush();
    r.host.advance(400);
    expect(r.snap()).toMatchObject({ state: 'error', error: boom });
    r.settle();
    expect(r.states).toEqual(['idle', 'pulling', 'ready', 'refreshing', 'error', 'idle']);
    expect(r.snap().error).toBe(null);
  });

  it('a synchronous throw in onRefresh is an error too', async () => {
    const r = rig({ pullToRefresh: { onRefresh: () => { throw new Error('sync'); } } });
    const done = r.engine.refresh();
    await flush();
    r.settle();
    await expect(done).resolves.toBeUndefined();
    expect(r.states).toEqual(['idle', 'refreshing', 'error', 'idle']);
  });

  it('times out: aborts the signal with an ElasticError and shows error', async () => {
    let signal: AbortSignal | undefined;
    const r = rig({ pullToRefresh: { timeout: 1000, onRefresh: (c) => ((signal = c.signal), new Promise(() => {})) } });
    r.touch.dragY(100, 500);
    r.touch.end();
    r.host.advance(999);
    expect(r.snap().state).toBe('refreshing');
    r.host.advance(1);
    expect(signal!.aborted).toBe(true);
    expect(signal!.reason).toBeInstanceOf(ElasticError);
    expect((signal!.reason as ElasticError).code).toBe('E_ELASTIC_TIMEOUT');
    expect(r.snap().state).toBe('error');
    expect((r.snap().error as ElasticError).code).toBe('E_ELASTIC_TIMEOUT');
    r.settle();
    expect(r.snap().state).toBe('idle');
  });

  it('timeout 0 waits forever', async () => {
    const r = rig({ pullToRefresh: { timeout: 0, onRefresh: () => new Promise(() => {}) } });
    void r.engine.refresh();
    r.host.advance(60_000);
    expect(r.snap().state).toBe('refreshing');
  });

  it('keeps refreshing visible for minVisibleMs even when onRefresh resolves at once', async () => {
    const r = rig({ pullToRefresh: { minVisibleMs: 700, onRefresh: async () => {} } });
    void r.engine.refresh();
    await flush();
    r.host.advance(690);
    expect(r.snap().state).toBe('refreshing');
    r.host.advance(20);
    expect(r.snap().state).toBe('complete');
  });

  it('shows complete for resultMs at the hold offset, then springs back', async () => {
    const r = rig({ pullToRefresh: { minVisibleMs: 0, resultMs: 1000, onRefresh: async () => {} } });
    void r.engine.refresh();
    r.host.advance(600);
    await flush();
    r.host.advance(1);
    expect(r.snap().state).toBe('complete');
    const held = r.snap().offset;
    expect(held).toBeCloseTo(60, 0);
    r.host.advance(990);
    expect(r.snap().offset).toBe(held);
    r.settle();
    expect(r.snap().state).toBe('idle');
  });

  it('holds at the displayed threshold by default and at holdOffset when given', () => {
    const a = rig({ pullToRefresh: { threshold: 80, onRefresh: () => new Promise(() => {}) } });
    void a.engine.refresh();
    a.host.advance(2000);
    expect(a.snap().offset).toBeCloseTo(80, 0);
    const b = rig({ pullToRefresh: { holdOffset: 44, onRefresh: () => new Promise(() => {}) } });
    void b.engine.refresh();
    b.host.advance(2000);
    expect(b.snap().offset).toBeCloseTo(44, 0);
  });

  it("thresholdIn 'displayed' (the rig's): the article curve needs about 316 px of finger travel for 60 px", () => {
    const r = rig({ pullToRefresh: {} });
    r.touch.dragY(100, 100 + 312);
    expect(r.snap().state).toBe('pulling');
    r.touch.move(100, 100 + 318);
    expect(r.snap().state).toBe('ready');
    expect(r.snap().offset).toBeGreaterThanOrEqual(60);
  });

  it("thresholdIn 'displayed' with the iOS curve over an 888 px container needs about 117 px", () => {
    const r = rig({ curve: 'ios', pullToRefresh: {} }, { scroll: { maxTop: 2000, height: 888, width: 400 } });
    r.touch.dragY(100, 100 + 115);
    expect(r.snap().state).toBe('pulling');
    r.touch.move(100, 100 + 118);
    expect(r.snap().state).toBe('ready');
  });

  it("thresholdIn 'finger' counts finger travel", () => {
    const r = rig({ pullToRefresh: { threshold: 100, thresholdIn: 'finger' } });
    r.touch.dragY(100, 199);
    expect(r.snap().state).toBe('pulling');
    expect(r.snap().progress).toBeCloseTo(0.99, 9);
    r.touch.move(100, 200);
    expect(r.snap().state).toBe('ready');
    expect(r.snap().offset).toBeLessThan(20);
  });

  it('the velocity trigger refreshes a fast flick past half the threshold, and only when enabled', () => {
    const flick = (velocity: number) => {
      const onRefresh = vi.fn(() => new Promise(() => {}));
      const r = rig({ pullToRefresh: { threshold: 100, thresholdIn: 'finger', velocity, onRefresh } });
      r.touch.dragY(100, 180, 4); // 80 px in 64 ms: 1.25 px/ms
      expect(r.snap().state).toBe('pulling');
      r.touch.end();
      return onRefresh.mock.calls.length;
    };
    expect(flick(1)).toBe(1);
    expect(flick(0)).toBe(0);
    expect(flick(2)).toBe(0);
  });

  it('a slow pull to the same point does not trigger the velocity refresh', () => {
    const onRefresh = vi.fn();
    const r = rig({ pullToRefresh: { threshold: 100, thresholdIn: 'finger', velocity: 1, onRefresh } });
    r.touch.dragY(100, 180, 80);
    r.host.advance(200); // finger rests before lifting
    r.touch.end();
    expect(onRefresh).not.toHaveBeenCalled();
  });

  it('refresh() runs programmatically and returns the running refresh instead of starting another', async () => {
    let finish!: () => void;
    const onRefresh = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const r = rig({ pullToRefresh: { onRefresh } });
    const first = r.engine.refresh();
    const second = r.engine.refresh();
    expect(second).toBe(first);
    r.touch.dragY(100, 600);
    r.touch.end();
    expect(onRefresh).toHaveBeenCalledTimes(1);
    expect(r.snap().state).toBe('refreshing');
    finish();
    await flush();
    r.settle();
    await expect(first).resolves.toBeUndefined();
    expect(r.snap().state).toBe('idle');
  });

  it('refresh() rejects with an ElasticError without pullToRefresh or before attach', async () => {
    const r = rig({});
    await expect(r.engine.refresh()).rejects.toMatchObject({ code: 'E_ELASTIC_REFRESH' });
    await expect(createElastic({ pullToRefresh: true }).refresh()).rejects.toBeInstanceOf(ElasticError);
  });

  it('pullToRefresh: true uses the defaults and cycles without onRefresh', async () => {
    const r = rig({ pullToRefresh: true });
    r.touch.dragY(100, 500);
    r.touch.end();
    await flush();
    r.settle();
    expect(r.states).toEqual(['idle', 'pulling', 'ready', 'refreshing', 'complete', 'idle']);
  });

  it('refreshes at another edge when pullToRefresh.edge says so', () => {
    const onRefresh = vi.fn(() => new Promise(() => {}));
    const r = rig({ pullToRefresh: { edge: 'bottom', onRefresh } });
    r.host.setScroll(r.root, { top: 2000 });
    r.touch.dragY(600, 100);
    expect(r.snap()).toMatchObject({ state: 'ready', edge: 'bottom' });
    r.touch.end();
    expect(onRefresh).toHaveBeenCalledTimes(1);
  });

  it('ignores gestures while refreshing (never a second onRefresh)', () => {
    const onRefresh = vi.fn(() => new Promise(() => {}));
    const r = rig({ pullToRefresh: { onRefresh } });
    void r.engine.refresh();
    r.touch.dragY(100, 600);
    expect(r.snap().state).toBe('refreshing');
    r.touch.end();
    r.wheel(-300);
    expect(onRefresh).toHaveBeenCalledTimes(1);
  });
});

describe('edges and arbitration', () => {
  it('bounces at the bottom edge without refresh states, transform upwards', () => {
    const r = rig({ pullToRefresh: {} });
    r.host.setScroll(r.root, { top: 2000 });
    r.touch.dragY(600, 300);
    expect(r.snap()).toMatchObject({ state: 'pulling', edge: 'bottom', progress: 0 });
    expect(r.host.styles(r.content).transform).toBe(`translate3d(0,${-r.snap().offset}px,0)`);
    r.touch.end();
    r.settle();
    expect(r.snap().state).toBe('idle');
  });

  it('does nothing in the middle of the list (native scrolling stays native)', () => {
    const r = rig({ pullToRefresh: {} });
    r.host.setScroll(r.root, { top: 500 });
    r.touch.start(100, 100);
    const moves = [150, 200, 300].map((y) => r.touch.move(100, y));
    expect(moves.some((e) => e.defaultPrevented)).toBe(false);
    expect(r.snap().state).toBe('idle');
  });

  it('never arms a refresh for a gesture that began below the top, but still bounces once at the top', () => {
    const onRefresh = vi.fn();
    const r = rig({ pullToRefresh: { onRefresh } });
    r.host.setScroll(r.root, { top: 100 });
    r.touch.start(100, 100);
    r.touch.move(100, 150);
    r.host.setScroll(r.root, { top: 0 }); // native scroll reached the top mid-gesture
    for (let y = 200; y <= 700; y += 50) r.touch.move(100, y);
    expect(r.snap()).toMatchObject({ state: 'pulling', edge: 'top', progress: 0 });
    r.touch.end();
    r.settle();
    expect(onRefresh).not.toHaveBeenCalled();
  });

  it('nested scroller: no pull until every scroller from the target up is at its top', () => {
    const onRefresh = vi.fn();
    const r = rig({ pullToRefresh: { onRefresh } });
    const inner = r.host.element({ parent: r.content, scrollable: { y: true }, scroll: { top: 40, maxTop: 300, height: 200 } });
    const item = r.host.element({ parent: inner });
    r.touch.dragY(100, 500, 20, item);
    expect(r.snap().state).toBe('idle');
    r.touch.end(item);
    r.host.setScroll(inner, { top: 0 });
    r.touch.dragY(100, 500, 20, item);
    expect(r.snap().state).toBe('ready');
    r.touch.end(item);
    expect(onRefresh).toHaveBeenCalledTimes(1);
  });

  it('the scroll chain is walked once per gesture: at touchstart for the refresh edge, reused by the first pulling move', () => {
    const r = rig({ pullToRefresh: {} });
    const inner = r.host.element({ parent: r.content, scrollable: { y: true }, scroll: { top: 0, maxTop: 300, height: 200 } });
    const item = r.host.element({ parent: inner });
    const walks = vi.spyOn(r.host, 'scrollChain');
    r.touch.start(100, 100, item);
    expect(walks).toHaveBeenCalledTimes(1);
    for (let y = 110; y <= 500; y += 10) r.touch.move(100, y, item);
    expect(walks).toHaveBeenCalledTimes(1);
    expect(r.snap().state).toBe('ready');
    r.touch.end(item);
    // A new gesture walks again (the page may have changed in between).
    r.settle();
    r.touch.start(100, 100, item);
    expect(walks).toHaveBeenCalledTimes(2);
  });

  it('positions are still read in the first move: a list scrolled after touchstart does not pull', () => {
    const r = rig({ pullToRefresh: {} });
    const inner = r.host.element({ parent: r.content, scrollable: { y: true }, scroll: { top: 0, maxTop: 300, height: 200 } });
    const item = r.host.element({ parent: inner });
    r.touch.start(100, 100, item);
    r.host.setScroll(inner, { top: 50 });
    for (let y = 110; y <= 300; y += 10) r.touch.move(100, y, item);
    expect(r.snap().state).toBe('idle');
  });

  it('a swipe that scrolled a container natively never turns into a pull, even with cancelable moves (Firefox)', () => {
    const r = rig({ pullToRefresh: {} });
    const inner = r.host.element({ parent: r.content, scrollable: { y: true }, scroll: { top: 40, maxTop: 300, height: 200 } });
    const item = r.host.element({ parent: inner });
    r.touch.start(100, 100, item);
    r.touch.move(100, 120, item);
    // The browser scrolls the inner list to its top for this swipe (Firefox: the moves stay cancelable).
    r.host.setScroll(inner, { top: 0 });
    r.host.dispatch(inner, 'scroll', { cancelable: false });
    const prevented = [];
    for (let y = 130; y <= 500; y += 10) prevented.push(r.touch.move(100, y, item).defaultPrevented);
    expect(r.snap().state).toBe('idle');
    expect(prevented.every((p) => !p)).toBe(true);
    r.touch.end(item);
    // The next swipe, from the top, pulls.
    r.touch.dragY(100, 500, 20, item);
    expect(r.snap().state).toBe('ready');
  });

  it('a scroll reported before the first move (the fling the touch stopped) does not take the gesture', () => {
    const r = rig({ pullToRefresh: {} });
    r.touch.start(100, 100);
    r.host.dispatch(r.content, 'scroll', { cancelable: false });
    for (let y = 110; y <= 500; y += 10) r.touch.move(100, y);
    expect(r.snap().state).toBe('ready');
  });

  it("axis 'both': a horizontal first move walks its own x chain (the touchstart's y chain is not reused)", () => {
    const r = rig({ axis: 'both', pullToRefresh: {} }, { scrollable: { x: true, y: true }, scroll: { maxTop: 2000, maxLeft: 0, height: 800, width: 400 } });
    const row = r.host.element({ parent: r.content, scrollable: { x: true }, scroll: { left: 100, maxLeft: 600, width: 300 } });
    const walks = vi.spyOn(r.host, 'scrollChain');
    r.touch.start(100, 100, row);
    for (let x = 110; x <= 300; x += 10) r.touch.move(x, 100, row);
    expect(walks.mock.calls.map((c) => c[2])).toEqual(['y', 'x']);
    // The row is scrolled away from its left edge, so the swipe scrolls it: no pull at the left.
    expect(r.snap().state).toBe('idle');
    r.touch.end(row);
    r.host.setScroll(row, { left: 0 });
    r.touch.start(100, 100, row);
    for (let x = 110; x <= 300; x += 10) r.touch.move(x, 100, row);
    expect(r.snap()).toMatchObject({ state: 'pulling', edge: 'left' });
  });

  it('a horizontal carousel inside a vertical list keeps its swipes (axis lock)', () => {
    const r = rig({ pullToRefresh: {} });
    const carousel = r.host.element({ parent: r.content, scrollable: { x: true }, scroll: { maxLeft: 900, width: 400 } });
    r.touch.start(300, 100, carousel);
    const moves = [];
    for (let i = 1; i <= 10; i++) moves.push(r.touch.move(300 - i * 20, 100 + i * 3, carousel));
    expect(moves.every((e) => !e.defaultPrevented)).toBe(true);
    expect(r.snap().state).toBe('idle');
  });

  it('locks on the first moves: a diagonal that starts horizontal never pulls', () => {
    const r = rig({ pullToRefresh: {} });
    r.touch.start(100, 100);
    r.touch.move(110, 102);
    for (let y = 110; y < 400; y += 30) r.touch.move(112, y);
    expect(r.snap().state).toBe('idle');
  });

  it('axis x: left and right edges, vertical swipes ignored', () => {
    const r = rig({ axis: 'x' }, { scrollable: { x: true }, scroll: { maxLeft: 1000, width: 400, height: 300 } });
    r.touch.dragX(100, 300);
    expect(r.snap()).toMatchObject({ state: 'pulling', edge: 'left' });
    expect(r.host.styles(r.content).transform).toBe(`translate3d(${r.snap().offset}px,0,0)`);
    r.touch.end();
    r.settle();
    r.host.setScroll(r.root, { left: 1000 });
    r.touch.dragX(300, 100);
    expect(r.snap().edge).toBe('right');
    r.touch.end();
    r.settle();
    r.touch.dragY(100, 400);
    expect(r.snap().state).toBe('idle');
  });

  it("axis 'both' bounces on all four edges", () => {
    const r = rig({ axis: 'both' }, { scrollable: { x: true, y: true }, scroll: { maxTop: 0, maxLeft: 0 } });
    const seen = new Set<string>();
    for (const [x0, y0, x1, y1] of [[100, 100, 100, 300], [100, 300, 100, 100], [100, 100, 300, 100], [300, 100, 100, 100]]) {
      r.touch.start(x0, y0);
      for (let i = 1; i <= 10; i++) r.touch.move(x0 + ((x1 - x0) * i) / 10, y0 + ((y1 - y0) * i) / 10);
      seen.add(r.snap().edge!);
      r.touch.end();
      r.settle();
    }
    expect([...seen].sort()).toEqual(['bottom', 'left', 'right', 'top']);
  });

  it('edges can be switched off', () => {
    const r = rig({ edges: { bottom: false } });
    r.host.setScroll(r.root, { top: 2000 });
    r.touch.dragY(600, 300);
    expect(r.snap().state).toBe('idle');
  });

  it('a second finger settles the gesture and nothing refreshes', () => {
    const onRefresh = vi.fn();
    const r = rig({ pullToRefresh: { onRefresh } });
    r.touch.dragY(100, 500);
    expect(r.snap().state).toBe('ready');
    r.touch.start(200, 300, r.content, 1);
    expect(r.snap().state).toBe('cancelled');
    r.touch.move(100, 600);
    r.touch.end(r.content, 1);
    r.touch.end();
    r.settle();
    expect(onRefresh).not.toHaveBeenCalled();
    expect(r.snap().state).toBe('idle');
  });

  it('a lost touchend: the next touchstart settles the old gesture first', () => {
    const onRefresh = vi.fn();
    const r = rig({ pullToRefresh: { onRefresh } });
    r.touch.dragY(100, 500);
    // no touchend; a fresh touch with another identifier arrives
    const t = (y: number) => ({ touches: [{ identifier: 7, clientX: 100, clientY: y }] });
    r.host.dispatch(r.content, 'touchstart', t(100));
    // The new finger now holds the content where it is (nothing stuck with the lost finger) ...
    expect(r.states.slice(-2)).toEqual(['cancelled', 'ready']);
    // ... and follows the new finger only: pushing it back up hands scrolling back to the page.
    r.host.dispatch(r.content, 'touchmove', t(-300));
    expect(r.snap().state).toBe('idle');
    r.host.dispatch(r.content, 'touchend', { touches: [] });
    r.settle();
    expect(r.snap().state).toBe('idle');
    expect(onRefresh).not.toHaveBeenCalled();
  });

  it.each(['touchcancel', 'blur', 'visibilitychange'])('%s settles the gesture without refreshing', (kind) => {
    const onRefresh = vi.fn();
    const r = rig({ pullToRefresh: { onRefresh } });
    r.touch.dragY(100, 500);
    if (kind === 'touchcancel') r.touch.cancel();
    if (kind === 'blur') r.host.dispatch('window', 'blur');
    if (kind === 'visibilitychange') {
      r.host.pageHidden = true;
      r.host.dispatch('document', 'visibilitychange');
    }
    expect(r.snap().state).toBe('cancelled');
    r.touch.end();
    r.settle();
    expect(onRefresh).not.toHaveBeenCalled();
    expect(r.snap().state).toBe('idle');
  });

  it('visibilitychange to visible leaves the gesture alone', () => {
    const r = rig({ pullToRefresh: {} });
    r.touch.dragY(100, 500);
    r.host.dispatch('document', 'visibilitychange');
    expect(r.snap().state).toBe('ready');
  });

  it('a new touch grabs the spring mid-flight and continues from the offset on screen', () => {
    const r = rig({ pullToRefresh: {} });
    r.touch.dragY(100, 300);
    r.touch.end();
    r.host.advance(50);
    const midway = r.snap().offset;
    expect(midway).toBeGreaterThan(1);
    r.touch.start(100, 300);
    expect(r.snap().state).toBe('pulling');
    expect(r.snap().offset).toBeCloseTo(midway, 6);
    r.touch.move(100, 310);
    expect(r.snap().offset).toBeGreaterThan(midway);
    expect(r.host.pendingFrames()).toBe(0);
  });
});

describe('other input', () => {
  it('mouse drag is opt-in', () => {
    const off = rig({ pullToRefresh: {} });
    off.pointer.down(100, 100);
    for (let y = 120; y <= 500; y += 20) off.pointer.move(100, y);
    expect(off.snap().state).toBe('idle');

    const onRefresh = vi.fn(() => new Promise(() => {}));
    const on = rig({ pullToRefresh: { onRefresh }, input: { mouse: true } });
    on.pointer.down(100, 100);
    for (let y = 120; y <= 500; y += 20) on.pointer.move(100, y);
    expect(on.snap().state).toBe('ready');
    on.pointer.up();
    expect(onRefresh).toHaveBeenCalledTimes(1);
  });

  it('a mouse drag selects no text: user-select none on the element while it lasts, then restored', () => {
    const r = rig({ input: { mouse: true } });
    r.host.setStyle(r.root, 'user-select', 'text');
    r.pointer.down(100, 100);
    expect(r.host.styles(r.root)).toMatchObject({ 'user-select': 'none', '-webkit-user-select': 'none' });
    r.pointer.move(100, 300);
    r.pointer.up();
    expect(r.host.styles(r.root)['user-select']).toBe('text');
    expect(r.host.styles(r.root)['-webkit-user-select']).toBeUndefined();
    // A pen never selects text by dragging: its drags leave the style alone; a detach mid-drag restores.
    r.pointer.down(100, 100, 'pen', r.content, 2);
    expect(r.host.styles(r.root)['user-select']).toBe('text');
    r.pointer.up(2);
    r.pointer.down(100, 100);
    r.engine.detach();
    expect(r.host.styles(r.root)['user-select']).toBe('text');
    expect(r.host.styles(r.root)['-webkit-user-select']).toBeUndefined();
  });

  it('pen works by default; touch pointers are left to touch events; secondary buttons ignored', () => {
    const r = rig({ pullToRefresh: {}, input: { mouse: true } });
    r.pointer.down(100, 100, 'touch');
    r.pointer.move(100, 300);
    expect(r.snap().state).toBe('idle');
    r.host.dispatch(r.content, 'pointerdown', { pointerId: 3, pointerType: 'mouse', button: 2, clientX: 100, clientY: 100 });
    r.pointer.move(100, 300, 3);
    expect(r.snap().state).toBe('idle');
    r.pointer.down(100, 100, 'pen', r.content, 2);
    r.pointer.move(100, 200, 2);
    expect(r.snap().state).toBe('pulling');
    r.pointer.move(100, 300, 9); // another pointer's move is not ours
    expect(r.snap().distance).toBe(100);
    r.pointer.cancel(2);
    expect(r.snap().state).toBe('cancelled');
  });

  it('pointer listeners on window exist only during a drag', () => {
    const r = rig({ input: { mouse: true } });
    const base = r.host.listenerCount();
    r.pointer.down(100, 100);
    expect(r.host.listenerCount()).toBe(base + 3);
    r.pointer.up();
    expect(r.host.listenerCount()).toBe(base);
  });

  it('wheel: pulls at the top and releases on the decaying tail, not after a fixed time', () => {
    const onRefresh = vi.fn(() => new Promise(() => {}));
    const r = rig({ pullToRefresh: { onRefresh } });
    for (let i = 0; i < 15; i++) r.wheel(-40);
    expect(r.snap().state).toBe('ready');
    // fingers leave the trackpad: momentum deltas shrink geometrically
    let d = 30;
    let released = -1;
    for (let i = 0; i < 12 && released < 0; i++) {
      r.wheel(-(d *= 0.7));
      if (r.snap().state === 'refreshing') released = i;
    }
    expect(released).toBeGreaterThanOrEqual(3);
    expect(released).toBeLessThan(8);
    expect(onRefresh).toHaveBeenCalledTimes(1);
  });

  it('wheel: momentum after the release is ignored (no second pull from the tail)', () => {
    const r = rig({ pullToRefresh: {} });
    for (let i = 0; i < 5; i++) r.wheel(-20);
    let d = 20;
    for (let i = 0; i < 30; i++) r.wheel(-(d *= 0.85));
    expect(['cancelled', 'idle']).toContain(r.snap().state);
    r.settle();
    expect(r.snap().state).toBe('idle');
  });

  it('wheel: a single mouse-wheel notch springs back after the longest pause (its pace is not known yet)', () => {
    const r = rig({ pullToRefresh: {} });
    r.wheel(-100);
    expect(r.snap().state).toBe('pulling');
    r.host.advance(299);
    expect(r.snap().state).toBe('pulling');
    r.host.advance(2);
    expect(r.snap().state).toBe('cancelled');
    r.settle();
    expect(r.snap().state).toBe('idle');
  });

  it('wheel: notches 150 ms apart (a notched wheel, WebKit) add up to one pull that arms, then release after a scaled pause', () => {
    const r = rig({ pullToRefresh: {} });
    const states = new Set<string>();
    for (let i = 0; i < 8; i++) {
      r.wheel(-100);
      states.add(r.snap().state);
      r.host.advance(150);
      states.add(r.snap().state);
    }
    expect(states.has('cancelled')).toBe(false);
    expect(r.snap().state).toBe('ready');
    r.host.advance(300);
    expect(r.snap().state).toBe('refreshing');
  });

  it('wheel: line-mode deltas are scaled; ctrl+wheel (pinch zoom) is ignored; mid-list wheels pass through', () => {
    const r = rig({});
    r.host.dispatch(r.content, 'wheel', { deltaY: -10, deltaMode: 1, ctrlKey: true });
    expect(r.snap().state).toBe('idle');
    r.host.dispatch(r.content, 'wheel', { deltaY: -3, deltaMode: 1 });
    r.host.advance(10);
    r.host.dispatch(r.content, 'wheel', { deltaY: -3, deltaMode: 1 });
    expect(r.snap().distance).toBe(96);
    r.settle();
    r.host.setScroll(r.root, { top: 300 });
    expect(r.wheel(-100).defaultPrevented).toBe(false);
    expect(r.snap().state).toBe('idle');
  });

  it('keyboard: the documented key refreshes when the container has focus, not inside inputs or with modifiers', () => {
    const onRefresh = vi.fn(() => new Promise(() => {}));
    const r = rig({ pullToRefresh: { onRefresh } });
    expect(r.host.attributes(r.root)['aria-keyshortcuts']).toBe('r');
    const input = r.host.element({ parent: r.content, tagName: 'INPUT' });
    r.key('r', input);
    r.key('r', r.root, { ctrlKey: true });
    r.key('x');
    expect(onRefresh).not.toHaveBeenCalled();
    r.key('r');
    expect(onRefresh).toHaveBeenCalledTimes(1);
    const f5 = rig({ pullToRefresh: { onRefresh }, input: { keyboard: 'F5' } });
    f5.key('F5');
    expect(onRefresh).toHaveBeenCalledTimes(2);
    const none = rig({ pullToRefresh: { onRefresh }, input: { keyboard: false } });
    none.key('r');
    expect(onRefresh).toHaveBeenCalledTimes(2);
    expect(none.host.attributes(none.root)['aria-keyshortcuts']).toBeUndefined();
  });

  it('input.touch / input.wheel false attach no such listeners', () => {
    const r = rig({ input: { touch: false, wheel: false } });
    r.touch.dragY(100, 400);
    r.wheel(-100);
    expect(r.snap().state).toBe('idle');
  });

  it('disabled ignores input, and turning it on mid-gesture settles the gesture', () => {
    const r = rig({ pullToRefresh: {} });
    r.touch.dragY(100, 400);
    r.engine.setOptions({ disabled: true });
    expect(r.snap().state).toBe('cancelled');
    r.settle();
    r.touch.dragY(100, 400);
    expect(r.snap().state).toBe('idle');
  });
});

describe('output', () => {
  it('writes --tensile-offset, --tensile-progress, data-tensile-state/edge; transform on the content only', () => {
    const r = rig({ pullToRefresh: {} });
    expect(r.host.styles(r.root)).toMatchObject({ '--tensile-offset': '0px', '--tensile-progress': '0' });
    expect(r.host.attributes(r.root)['data-tensile-state']).toBe('idle');
    r.touch.dragY(100, 300);
    const s = r.snap();
    expect(r.host.styles(r.root)['--tensile-offset']).toBe(`${Math.round(s.offset * 100) / 100}px`);
    expect(r.host.styles(r.root)['--tensile-progress']).toBe(`${Math.round(s.progress * 1000) / 1000}`);
    expect(r.host.attributes(r.root)).toMatchObject({ 'data-tensile-state': 'pulling', 'data-tensile-edge': 'top' });
    expect(r.host.styles(r.content).transform).toBe(`translate3d(0,${s.offset}px,0)`);
    expect(r.host.styles(r.root).transform).toBeUndefined();
    // Only transform (and will-change: transform while a gesture may pull): never height, top, margin or padding.
    expect(Object.keys(r.host.styles(r.content)).sort()).toEqual(['transform', 'will-change']);
    expect(r.host.styles(r.content)['will-change']).toBe('transform');
  });

  it('restores the content transform at rest (no lingering containing block for fixed children)', () => {
    const r = rig({});
    r.touch.dragY(100, 300);
    r.touch.end();
    r.settle();
    expect(r.host.styles(r.content).transform).toBeUndefined();
  });

  it('keeps an existing transform of the content and appends to it', () => {
    const host = createFakeHost();
    const root = host.element({ scrollable: { y: true }, scroll: { maxTop: 100 } });
    const content = host.element({ parent: root });
    host.setStyle(content, 'transform', 'scale(2)');
    const engine = createElastic({ host });
    engine.attach(root);
    host.dispatch(content, 'touchstart', { touches: [{ identifier: 0, clientX: 0, clientY: 0 }] });
    host.dispatch(content, 'touchmove', { touches: [{ identifier: 0, clientX: 0, clientY: 100 }] });
    expect(host.styles(content).transform).toMatch(/^scale\(2\) translate3d\(0,[\d.]+px,0\)$/);
    engine.destroy();
    expect(host.styles(content).transform).toBe('scale(2)');
  });

  it("moveTarget 'indicator' moves only the indicator; sticky/fixed content never gets a transform", () => {
    const host = createFakeHost();
    const root = host.element({ scrollable: { y: true }, scroll: { maxTop: 100 } });
    const content = host.element({ parent: root });
    const indicator = host.element({});
    const engine = createElastic({ host, moveTarget: 'indicator', indicator, pullToRefresh: {} });
    engine.attach(root);
    host.dispatch(content, 'touchstart', { touches: [{ identifier: 0, clientX: 0, clientY: 0 }] });
    host.dispatch(content, 'touchmove', { touches: [{ identifier: 0, clientX: 0, clientY: 200 }] });
    expect(host.styles(indicator).transform).toMatch(/^translate3d\(0,[\d.]+px,0\)$/);
    expect(host.styles(content).transform).toBeUndefined();
    expect(host.styles(root)['--tensile-offset']).not.toBe('0px');
  });

  it('content option chooses the moving layer', () => {
    const host = createFakeHost();
    const root = host.element({ scroll: { maxTop: 0 } });
    host.element({ parent: root });
    const other = host.element({ parent: root });
    const engine = createElastic({ host, content: other });
    engine.attach(root);
    host.dispatch(other, 'touchstart', { touches: [{ identifier: 0, clientX: 0, clientY: 0 }] });
    host.dispatch(other, 'touchmove', { touches: [{ identifier: 0, clientX: 0, clientY: 200 }] });
    expect(host.styles(other).transform).toBeDefined();
  });

  it('aria-busy while refreshing and aria-live announcements for ready/refreshing/done/error', async () => {
    let fail = false;
    const r = rig({ pullToRefresh: { onRefresh: async () => { if (fail) throw new Error('x'); } } });
    expect(r.host.statusCount()).toBe(1);
    r.touch.dragY(100, 500);
    expect(r.host.statusText()).toBe('Release to refresh');
    r.touch.end();
    expect(r.host.statusText()).toBe('Refreshing');
    expect(r.host.attributes(r.root)['aria-busy']).toBe('true');
    await flush();
    r.host.advance(500);
    expect(r.host.statusText()).toBe('Refreshed');
    expect(r.host.attributes(r.root)['aria-busy']).toBeUndefined();
    r.settle();
    expect(r.host.statusText()).toBe('');
    fail = true;
    void r.engine.refresh();
    await flush();
    r.host.advance(500);
    expect(r.host.statusText()).toBe('Refresh failed');
  });

  it('announce texts can be replaced or turned off', () => {
    const r = rig({ pullToRefresh: {}, announce: { ready: 'Lâchez pour actualiser' } });
    r.touch.dragY(100, 500);
    expect(r.host.statusText()).toBe('Lâchez pour actualiser');
    const quiet = rig({ pullToRefresh: {}, announce: false });
    expect(quiet.host.statusCount()).toBe(0);
  });

  it('getSnapshot returns the same object until something changes', () => {
    const r = rig({ pullToRefresh: {} });
    const a = r.snap();
    expect(r.snap()).toBe(a);
    r.touch.start(100, 100);
    r.touch.move(100, 101);
    expect(r.snap()).toBe(a);
    r.touch.move(100, 200);
    const b = r.snap();
    expect(b).not.toBe(a);
    expect(r.snap()).toBe(b);
  });

  it('subscribe/unsubscribe', () => {
    const r = rig({});
    const listener = vi.fn();
    const off = r.engine.subscribe(listener);
    r.touch.dragY(100, 200, 2);
    expect(listener).toHaveBeenCalledTimes(2);
    off();
    r.touch.move(100, 250);
    expect(listener).toHaveBeenCalledTimes(2);
    expect(() => r.engine.subscribe(42 as never)).toThrow(ElasticError);
  });
});

describe('motion', () => {
  it('the release spring is frame-rate independent: 25, 50 and 100 Hz show the same offset at shared instants', () => {
    const run = (frameMs: number) => {
      const host = createFakeHost({ frameMs });
      const root = host.element({ scroll: { maxTop: 0 } });
      host.element({ parent: root });
      const engine = createElastic({ host });
      engine.attach(root);
      const t = (y: number) => ({ touches: [{ identifier: 0, clientX: 0, clientY: y }] });
      host.dispatch(root, 'touchstart', t(0));
      for (let y = 10; y <= 300; y += 10) {
        host.advance(16);
        host.dispatch(root, 'touchmove', t(y));
      }
      host.dispatch(root, 'touchend', { touches: [] });
      const seen = new Map<number, number>();
      engine.subscribe(() => seen.set(Math.round(host.now()), engine.getSnapshot().offset));
      host.advance(2000);
      return seen;
    };
    const slow = run(40);
    const mid = run(20);
    const fast = run(10);
    expect(slow.size).toBeGreaterThan(5);
    let shared = 0;
    for (const [time, offset] of slow) {
      if (offset === 0) continue;
      expect(mid.get(time)).toBeCloseTo(offset, 9);
      expect(fast.get(time)).toBeCloseTo(offset, 9);
      shared++;
    }
    expect(shared).toBeGreaterThan(5);
    expect([...fast.values()].pop()).toBe(0);
  });

  it('starts from the release velocity: a flick away from the edge keeps going before it returns', () => {
    const r = rig({});
    r.touch.dragY(100, 400, 10); // fast, still moving at release
    const released = r.snap().offset;
    r.touch.end();
    r.host.advance(MOVE_MS + 1);
    expect(r.snap().offset).toBeGreaterThan(released);
    r.settle();
    expect(r.snap().offset).toBe(0);
  });

  it('prefers-reduced-motion: no spring frames, same states', async () => {
    const r = rig({ pullToRefresh: { onRefresh: async () => {} } });
    r.host.reducedMotion = true;
    r.touch.dragY(100, 200);
    r.touch.end();
    expect(r.snap()).toMatchObject({ state: 'idle', offset: 0 });
    expect(r.host.pendingFrames()).toBe(0);
    r.touch.dragY(100, 600);
    r.touch.end();
    expect(r.snap().offset).toBeCloseTo(60, 6);
    expect(r.host.pendingFrames()).toBe(0);
    await flush();
    r.settle();
    expect(r.states.slice(-5)).toEqual(['pulling', 'ready', 'refreshing', 'complete', 'idle']);
  });

  it('reducedMotion true/false override the media query', () => {
    const r = rig({ reducedMotion: true });
    r.touch.dragY(100, 200);
    r.touch.end();
    expect(r.snap().offset).toBe(0);
    const s = rig({ reducedMotion: false });
    s.host.reducedMotion = true;
    s.touch.dragY(100, 200);
    s.touch.end();
    expect(s.snap().offset).toBeGreaterThan(0);
  });

  it('a custom spring changes the return time', () => {
    const time = (stiffness: number) => {
      const r = rig({ spring: { stiffness, damping: 2 * Math.sqrt(stiffness) } });
      r.touch.dragY(100, 300);
      r.host.advance(300);
      r.touch.end();
      let t = 0;
      for (; r.snap().offset > 0 && t < 10_000; t += MOVE_MS) r.host.advance(MOVE_MS);
      return t;
    };
    expect(time(100)).toBeGreaterThan(time(800));
  });
});

describe('listeners, styles and lifecycle', () => {
  it('passive touchstart/pointerdown/touchend, non-passive touchmove and wheel; preventDefault only when cancelable', () => {
    const r = rig({ pullToRefresh: {}, input: { mouse: true } });
    r.touch.dragY(100, 300);
    r.touch.move(100, 310, r.content, 0, false); // an uncancelable move (a scroll already started)
    r.touch.end();
    r.pointer.down(100, 100);
    r.pointer.move(100, 200);
    r.pointer.up();
    r.wheel(-30);
    expect(r.host.passiveViolations).toBe(0);
    const prevented = r.touch.move(100, 320);
    expect(prevented.defaultPrevented).toBe(false); // no gesture, nothing prevented
  });

  it('the first overscrolling touchmove is prevented (native bounce cannot fight the pull)', () => {
    const r = rig({ pullToRefresh: {} });
    r.touch.start(100, 100);
    const early = r.touch.move(100, 103);
    const first = r.touch.move(100, 110);
    expect(early.defaultPrevented).toBe(false);
    expect(first.defaultPrevented).toBe(true);
  });

  it('sets touch-action and overscroll-behavior while attached and restores them on detach', () => {
    const host = createFakeHost();
    const root = host.element({});
    host.setStyle(root, 'touch-action', 'manipulation');
    const engine = createElastic({ host });
    engine.attach(root);
    expect(host.styles(root)).toMatchObject({ 'touch-action': 'pan-y pinch-zoom', 'overscroll-behavior-y': 'none' });
    engine.detach();
    expect(host.styles(root)).toEqual({ 'touch-action': 'manipulation' });
    expect(host.attributes(root)).toEqual({});
    const x = createElastic({ host, axis: 'x' });
    x.attach(root);
    expect(host.styles(root)).toMatchObject({ 'touch-action': 'pan-x pinch-zoom', 'overscroll-behavior-x': 'none' });
    expect(host.styles(root)['overscroll-behavior-y']).toBeUndefined();
    x.destroy();
  });

  it('destroy mid-gesture and mid-refresh leaves no listener, frame, timer or live region, and aborts the refresh', async () => {
    let signal: AbortSignal | undefined;
    const r = rig({ pullToRefresh: { onRefresh: (c) => ((signal = c.signal), new Promise(() => {})) }, input: { mouse: true } });
    r.pointer.down(100, 100);
    r.pointer.move(100, 600);
    r.pointer.up();
    expect(r.snap().state).toBe('refreshing');
    const done = r.engine.refresh();
    r.touch.dragY(100, 300);
    r.engine.destroy();
    expect(r.host.listenerCount()).toBe(0);
    expect(r.host.pendingFrames()).toBe(0);
    expect(r.host.pendingTimers()).toBe(0);
    expect(r.host.statusCount()).toBe(0);
    expect(signal!.aborted).toBe(true);
    expect((signal!.reason as ElasticError).code).toBe('E_ELASTIC_DETACHED');
    await expect(done).resolves.toBeUndefined();
    expect(r.snap().state).toBe('idle');
    expect(() => r.engine.attach(r.root)).toThrow(/destroyed/);
  });

  it('a refresh that settles after detach changes nothing', async () => {
    let finish!: () => void;
    const r = rig({ pullToRefresh: { onRefresh: () => new Promise<void>((resolve) => (finish = resolve)) } });
    void r.engine.refresh();
    r.engine.detach();
    finish();
    await flush();
    r.host.advance(5000);
    expect(r.snap().state).toBe('idle');
  });

  it('attach to another element moves the engine; attach to the same is a no-op', () => {
    const r = rig({});
    const count = r.host.listenerCount();
    r.engine.attach(r.root);
    expect(r.host.listenerCount()).toBe(count);
    const other = r.host.element({});
    r.engine.attach(other);
    expect(r.host.listenerCount()).toBe(count);
    expect(r.host.attributes(r.root)).toEqual({});
    expect(r.host.attributes(other)['data-tensile-state']).toBe('idle');
  });

  it('setOptions updates the curve live and re-wires only when wiring options change', () => {
    const r = rig({});
    const count = r.host.listenerCount();
    r.touch.dragY(100, 200, 5);
    expect(r.snap().offset).toBeCloseTo(articleDamping(100), 9);
    r.engine.setOptions({ curve: 'linear' });
    r.touch.move(100, 210);
    expect(r.snap().offset).toBeCloseTo(110, 9);
    r.engine.setOptions({ input: { wheel: true } }); // same value: no re-attach, gesture survives
    expect(r.snap().state).toBe('pulling');
    r.engine.setOptions({ input: { wheel: false } });
    expect(r.host.listenerCount()).toBe(count - 1);
    expect(r.snap().state).toBe('idle');
    expect(() => r.engine.setOptions({ max: -1 })).toThrow(ElasticError);
    expect(() => r.engine.setOptions(null as never)).toThrow(ElasticError);
  });

  it('setOptions merges nested objects (keeps onRefresh when only threshold changes)', () => {
    const onRefresh = vi.fn(() => new Promise(() => {}));
    const r = rig({ pullToRefresh: { onRefresh } });
    r.engine.setOptions({ pullToRefresh: { threshold: 20 } });
    r.touch.dragY(100, 260);
    expect(r.snap().state).toBe('ready');
    r.touch.end();
    expect(onRefresh).toHaveBeenCalledTimes(1);
  });

  it('max bounds the displayed offset', () => {
    const r = rig({ curve: 'linear', max: 120 });
    r.touch.dragY(100, 700);
    expect(r.snap().offset).toBe(120);
    expect(r.snap().distance).toBe(600);
  });

  it('size overrides the measured container size for size-relative curves', () => {
    const a = rig({ curve: 'ios', size: 300 });
    a.touch.dragY(100, 300);
    expect(a.snap().offset).toBeCloseTo((200 * 0.55 * 300) / (300 + 0.55 * 200), 9);
  });

  it('attachElastic returns a cleanup that removes everything', () => {
    const host = createFakeHost();
    const root = host.element({});
    const cleanup = attachElastic(root, { host, pullToRefresh: {} });
    expect(host.listenerCount()).toBeGreaterThan(0);
    cleanup();
    expect(host.listenerCount()).toBe(0);
    expect(host.statusCount()).toBe(0);
  });

  it.each([
    ['null', null, /attach\(el\) is null, expected an Element/],
    ['undefined', undefined, /is undefined/],
    ['a string (a selector)', '#list', /is "#list"/],
    ['a ref object', { current: null }, /is an object \(Object\)/],
    ['a text node', { nodeType: 3, data: 'hi' }, /expected an Element/],
    ['a comment node', { nodeType: 8 }, /expected an Element/],
    ['an element with no inline style (XML)', { nodeType: 1 }, /expected an Element/],
  ])('attach rejects %s with E_ELASTIC_TARGET, naming it, and stays usable', (_, target, message) => {
    const host = createFakeHost();
    const engine = createElastic({ host, pullToRefresh: {} });
    try {
      engine.attach(target as never);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ElasticError);
      expect((error as ElasticError).code).toBe('E_ELASTIC_TARGET');
      expect((error as Error).message).toMatch(message);
      expect((error as ElasticError).details).toMatchObject({ where: 'attach(el)', value: target });
    }
    expect(host.listenerCount()).toBe(0);
    expect(host.statusCount()).toBe(0);
    const root = host.element({});
    engine.attach(root);
    expect(host.attributes(root)['data-tensile-state']).toBe('idle');
    engine.destroy();
    expect(host.listenerCount()).toBe(0);
  });

  it('a bad attach leaves the element already attached in place', () => {
    const r = rig({});
    const listeners = r.host.listenerCount();
    expect(() => r.engine.attach({ nodeType: 8 } as never)).toThrow(ElasticError);
    expect(r.host.listenerCount()).toBe(listeners);
    r.touch.dragY(100, 300);
    expect(r.snap().state).toBe('pulling');
  });

  it('attachElastic rejects a non-element the same way', () => {
    expect(() => attachElastic({ nodeType: 3 } as never, { host: createFakeHost() })).toThrow(expect.objectContaining({ code: 'E_ELASTIC_TARGET' }));
  });

  it('the linear snapshot distance and offset match for the linear curve', () => {
    const r = rig({ curve: 'linear' });
    r.touch.dragY(100, 250);
    expect(Math.abs(r.snap().offset - r.snap().distance)).toBeLessThan(PX);
  });
});
