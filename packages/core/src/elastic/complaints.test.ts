// The peers' most frequent complaints (better-scroll, Vant, Ionic, antd-mobile,
// react-simple-pull-to-refresh, pulltorefresh.js, Framework7, use-gesture, Motion), each answered
// at the engine level with the fake host. The real-Chromium side lives in tests/browser.
import { describe, expect, it, vi } from 'vitest';
import { createElastic } from './engine';
import { createFakeHost } from './host-fake';
import { rig } from './test-support/rig';

describe("peers' top complaints", () => {
  it('native iOS bounce fighting the pull: overscroll-behavior none, and every overscrolling touchmove is cancelled', () => {
    const r = rig({ pullToRefresh: {} });
    expect(r.host.styles(r.root)['overscroll-behavior-y']).toBe('none');
    r.touch.start(100, 100);
    r.touch.move(100, 103); // inside the lock distance: still the browser's
    const moves = [110, 150, 250, 400].map((y) => r.touch.move(100, y).defaultPrevented);
    expect(moves).toEqual([true, true, true, true]);
  });

  it('refresh firing when the list is not at the top, or inside a nested scroller that is not at its top', () => {
    const onRefresh = vi.fn();
    const r = rig({ pullToRefresh: { onRefresh } });
    r.host.setScroll(r.root, { top: 1 + 0.5 }); // 1.5 px down: not at the top
    r.touch.dragY(100, 600);
    r.touch.end();
    const inner = r.host.element({ parent: r.content, scrollable: { y: true }, scroll: { top: 200, maxTop: 400 } });
    r.host.setScroll(r.root, { top: 0 });
    r.touch.dragY(100, 600, 20, inner);
    r.touch.end(inner);
    r.host.advance(5000);
    expect(onRefresh).not.toHaveBeenCalled();
  });

  it('passive-listener warnings: no preventDefault from a passive listener, ever', () => {
    const r = rig({ pullToRefresh: {}, input: { mouse: true } });
    r.touch.dragY(100, 500);
    r.touch.end();
    r.pointer.down(100, 100);
    r.pointer.move(100, 400);
    r.pointer.up();
    r.wheel(-100);
    r.key('r');
    r.settle();
    expect(r.host.passiveViolations).toBe(0);
  });

  it('no desktop support: mouse drag (opt-in) and wheel/trackpad both pull and refresh', () => {
    const onRefresh = vi.fn(async () => {});
    const mouse = rig({ pullToRefresh: { onRefresh }, input: { mouse: true } });
    mouse.pointer.down(100, 100);
    for (let y = 120; y <= 520; y += 20) mouse.pointer.move(100, y);
    mouse.pointer.up();
    const wheel = rig({ pullToRefresh: { onRefresh } });
    for (let i = 0; i < 12; i++) wheel.wheel(-50);
    let d = 40;
    for (let i = 0; i < 8; i++) wheel.wheel(-(d *= 0.6));
    expect(onRefresh).toHaveBeenCalledTimes(2);
  });

  it("transform breaking sticky/fixed children: indicator mode never transforms the content, and content mode leaves no transform at rest", () => {
    const host = createFakeHost();
    const root = host.element({ scroll: { maxTop: 1000 } });
    const content = host.element({ parent: root });
    const indicator = host.element({});
    const engine = createElastic({ host, moveTarget: 'indicator', indicator, pullToRefresh: {} });
    engine.attach(root);
    const t = (y: number) => ({ touches: [{ identifier: 0, clientX: 0, clientY: y }] });
    host.dispatch(content, 'touchstart', t(0));
    for (let y = 20; y <= 400; y += 20) host.dispatch(content, 'touchmove', t(y));
    expect(host.styles(content).transform).toBeUndefined();
    expect(host.styles(root).transform).toBeUndefined();
    expect(host.styles(indicator).transform).toBeDefined();

    const r = rig({});
    r.touch.dragY(100, 300);
    r.touch.end();
    r.settle();
    expect(r.host.styles(r.content).transform).toBeUndefined();
  });

  it('horizontal swipes hijacked: a swipe on a carousel inside the list is never prevented, even at the top', () => {
    const r = rig({ pullToRefresh: {} });
    const carousel = r.host.element({ parent: r.content, scrollable: { x: true }, scroll: { maxLeft: 1200 } });
    r.touch.start(350, 100, carousel);
    const prevented = [];
    for (let i = 1; i <= 15; i++) prevented.push(r.touch.move(350 - 20 * i, 100 + 4 * i, carousel).defaultPrevented);
    expect(prevented.some(Boolean)).toBe(false);
    expect(r.snap().offset).toBe(0);
  });

  it('a gesture stuck after a second finger or a lost touchend: both settle back to rest', () => {
    const r = rig({ pullToRefresh: {} });
    r.touch.dragY(100, 400);
    r.touch.start(300, 300, r.content, 1); // second finger
    r.settle();
    expect(r.snap()).toMatchObject({ state: 'idle', offset: 0 });
    r.touch.end(r.content, 1);
    r.touch.end();
    r.touch.dragY(100, 400); // and now a touchend that never comes
    r.host.dispatch('window', 'blur');
    r.settle();
    expect(r.snap()).toMatchObject({ state: 'idle', offset: 0 });
    expect(r.host.pendingFrames() + r.host.pendingTimers()).toBe(0);
  });

  it('jank from layout-affecting animation: only transform and CSS variables are written, and no layout is read after the first pulling move', () => {
    const host = createFakeHost();
    let reads = 0;
    const { scroll, scrollChain } = host;
    host.scroll = (el) => (reads++, scroll(el));
    host.scrollChain = (target, root, axis) => (reads++, scrollChain(target, root, axis));
    const root = host.element({ scrollable: { y: true }, scroll: { maxTop: 1000 } });
    const content = host.element({ parent: root });
    const engine = createElastic({ host, pullToRefresh: {} });
    engine.attach(root);
    const t = (y: number) => ({ touches: [{ identifier: 0, clientX: 0, clientY: y }] });
    host.dispatch(content, 'touchstart', t(0));
    host.dispatch(content, 'touchmove', t(10)); // the first pulling move reads the scroll chain once
    const afterFirst = reads;
    for (let y = 20; y <= 600; y += 5) host.dispatch(content, 'touchmove', t(y));
    host.dispatch(content, 'touchend', { touches: [] });
    for (let i = 0; i < 100; i++) host.advance(16);
    expect(reads).toBe(afterFirst);
    expect(Object.keys(host.styles(content))).not.toContain('height');
    expect(Object.keys(host.styles(root)).sort()).toEqual(['--tensile-offset', '--tensile-progress', 'overscroll-behavior-y', 'touch-action']);
  });

  it('no accessible way to refresh: a documented key (aria-keyshortcuts), refresh(), a live status and aria-busy', async () => {
    const onRefresh = vi.fn(async () => {});
    const r = rig({ pullToRefresh: { onRefresh } });
    expect(r.host.attributes(r.root)['aria-keyshortcuts']).toBe('r');
    r.key('r');
    expect(onRefresh).toHaveBeenCalledTimes(1);
    expect(r.host.attributes(r.root)['aria-busy']).toBe('true');
    expect(r.host.statusText()).toBe('Refreshing');
  });
});
