// Whole-page pull (fake host): attach(scrollingElement | html | body) drives the document's own
// scroller, turns off the browser's pull-to-refresh and glow on html and body, and gives the
// page's own inline values back on detach. The real browser is in tests/browser (whole-page).
import { describe, expect, it } from 'vitest';
import { createElastic } from './engine';
import { ElasticError } from './errors';
import { createFakeHost } from './host-fake';
import { flush } from './test-support/rig';

function page() {
  const host = createFakeHost();
  const html = host.element({ page: true, tagName: 'HTML', scrollable: { y: true }, scroll: { maxTop: 3000, height: 844, width: 390 } });
  const head = host.element({ parent: html, tagName: 'HEAD' });
  const body = host.element({ parent: html, tagName: 'BODY' });
  const main = host.element({ parent: body, tagName: 'MAIN' });
  host.setStyle(body, 'overscroll-behavior-y', 'auto');
  host.setStyle(html, 'scroll-behavior', 'smooth');
  const found = () => ({ html: host.styles(html), body: host.styles(body), head: host.styles(head), htmlAttributes: host.attributes(html) });
  const pull = (travel: number) => {
    host.dispatch(main, 'touchstart', { touches: [{ identifier: 0, clientX: 100, clientY: 100 }] });
    for (let step = 1; step <= 20; step++) {
      host.advance(16);
      host.dispatch(main, 'touchmove', { touches: [{ identifier: 0, clientX: 100, clientY: 100 + (travel * step) / 20 }], cancelable: true });
    }
    host.dispatch(main, 'touchend', { touches: [] });
  };
  return { host, html, head, body, main, found, original: found(), pull };
}

describe('whole-page pull', () => {
  for (const target of ['html', 'body'] as const) {
    it(`attach(${target}) drives the page's scroller, suppresses the browser's own pull on html and body, and restores them on detach`, async () => {
      const p = page();
      let refreshes = 0;
      const engine = createElastic({ host: p.host, pullToRefresh: { threshold: 60, onRefresh: () => void refreshes++ } });
      engine.attach(p[target]);
      expect(p.host.styles(p.html)).toMatchObject({ 'overscroll-behavior-y': 'none', 'touch-action': 'pan-y pinch-zoom' });
      expect(p.host.styles(p.body)['overscroll-behavior-y']).toBe('none');
      expect(p.host.attributes(p.html)['data-tensile-state']).toBe('idle');
      // The moved layer is body, never head (html's first child).
      p.pull(400);
      expect(engine.getSnapshot().state).toBe('refreshing');
      expect(p.host.styles(p.body).transform).toMatch(/translate3d\(0,\d/);
      expect(p.host.styles(p.head).transform).toBeUndefined();
      await flush();
      for (let t = 0; t < 5000; t += 16) p.host.advance(16);
      expect(engine.getSnapshot()).toMatchObject({ state: 'idle', offset: 0 });
      expect(refreshes).toBe(1);
      engine.detach();
      expect(p.found()).toEqual(p.original);
      expect(p.host.listenerCount()).toBe(0);
    });
  }

  it('a pull that begins scrolled down the page never refreshes', () => {
    const p = page();
    let refreshes = 0;
    const engine = createElastic({ host: p.host, pullToRefresh: { onRefresh: () => void refreshes++ } });
    engine.attach(p.body);
    p.host.setScroll(p.html, { top: 500 });
    p.pull(400);
    expect(refreshes).toBe(0);
    engine.destroy();
  });

  it('nearEnd listens to the document\'s scroll events, and load more runs at the page end', () => {
    const p = page();
    let loads = 0;
    const engine = createElastic({ host: p.host, loadMore: { nearEnd: 400, onLoadMore: () => void loads++ } });
    engine.attach(p.html);
    p.host.setScroll(p.html, { top: 2700 });
    p.host.dispatch('document', 'scroll');
    expect(loads).toBe(1);
    expect(p.host.attributes(p.html)['data-tensile-load-more']).toBe('loading');
    engine.destroy();
    expect(p.found()).toEqual(p.original);
  });

  it('the refresh key is off on the page unless input.keyboard is given', () => {
    const p = page();
    let refreshes = 0;
    const onRefresh = () => void refreshes++;
    const engine = createElastic({ host: p.host, pullToRefresh: { onRefresh } });
    engine.attach(p.body);
    p.host.dispatch(p.main, 'keydown', { key: 'r' });
    expect(refreshes).toBe(0);
    expect(p.host.attributes(p.html)['aria-keyshortcuts']).toBeUndefined();
    engine.destroy();
    const asked = createElastic({ host: p.host, pullToRefresh: { onRefresh }, input: { keyboard: 'F5' } });
    asked.attach(p.body);
    p.host.dispatch(p.main, 'keydown', { key: 'F5' });
    expect(refreshes).toBe(1);
    asked.destroy();
  });

  it('html and body are one page: a second engine on the other is refused; the same engine on the other is a no-op', () => {
    const p = page();
    const engine = createElastic({ host: p.host });
    engine.attach(p.body);
    engine.attach(p.html);
    expect(p.host.listenerCount()).toBeGreaterThan(0);
    expect(() => createElastic({ host: p.host }).attach(p.html)).toThrow(ElasticError);
    engine.destroy();
    expect(p.found()).toEqual(p.original);
  });

  it('an element that is not the page is a plain container even on a host with page mode', () => {
    const p = page();
    const list = p.host.element({ parent: p.main, scrollable: { y: true }, scroll: { maxTop: 100, height: 300 } });
    const engine = createElastic({ host: p.host });
    engine.attach(list);
    expect(p.host.styles(list)['overscroll-behavior-y']).toBe('none');
    expect(p.host.styles(p.body)['overscroll-behavior-y']).toBe('auto');
    engine.destroy();
  });
});
