// @vitest-environment jsdom
// The DOM host in jsdom: listeners (passive flags), style and attribute writes, scroll reads, the
// nested-scroller chain, the live region, and the engine driving real DOM events through it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createElastic } from './engine';
import { ElasticError } from './errors';
import { createDomHost } from './host-dom';

/** jsdom has no layout: give an element the scroll geometry a browser would compute. */
function geometry(el: HTMLElement, g: { scrollTop?: number; scrollHeight?: number; clientHeight?: number; scrollWidth?: number; clientWidth?: number }) {
  for (const [key, value] of Object.entries(g)) Object.defineProperty(el, key, { configurable: true, writable: true, value });
}

function touchEvent(type: string, points: [number, number][], cancelable = true) {
  const event = new Event(type, { bubbles: true, cancelable });
  const touches = points.map(([clientX, clientY], identifier) => ({ identifier, clientX, clientY }));
  Object.defineProperty(event, 'touches', { value: touches });
  return event;
}

afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('createDomHost', () => {
  it('adds and removes listeners with the given options', () => {
    const host = createDomHost();
    const el = document.createElement('div');
    const add = vi.spyOn(el, 'addEventListener');
    const remove = vi.spyOn(el, 'removeEventListener');
    const handler = vi.fn();
    const off = host.listen(el, 'touchstart', handler, { passive: true });
    expect(add).toHaveBeenCalledWith('touchstart', handler, { passive: true });
    el.dispatchEvent(new Event('touchstart'));
    expect(handler).toHaveBeenCalledTimes(1);
    off();
    expect(remove).toHaveBeenCalledWith('touchstart', handler, { passive: true });
    el.dispatchEvent(new Event('touchstart'));
    expect(handler).toHaveBeenCalledTimes(1);
    const onWindow = vi.fn();
    const offWindow = host.listen('window', 'blur', onWindow);
    window.dispatchEvent(new Event('blur'));
    offWindow();
    window.dispatchEvent(new Event('blur'));
    expect(onWindow).toHaveBeenCalledTimes(1);
    const onDocument = vi.fn();
    host.listen('document', 'visibilitychange', onDocument)();
    document.dispatchEvent(new Event('visibilitychange'));
    expect(onDocument).not.toHaveBeenCalled();
  });

  it('writes and clears inline styles, custom properties and attributes', () => {
    const host = createDomHost();
    const el = document.createElement('div');
    host.setStyle(el, 'transform', 'translate3d(0,12px,0)');
    host.setStyle(el, '--tensile-offset', '12px');
    expect(host.getStyle(el, 'transform')).toBe('translate3d(0,12px,0)');
    expect(el.style.getPropertyValue('--tensile-offset')).toBe('12px');
    host.setStyle(el, 'transform', '');
    expect(el.getAttribute('style')).not.toMatch(/transform/);
    host.setAttribute(el, 'data-tensile-state', 'ready');
    expect(host.getAttribute(el, 'data-tensile-state')).toBe('ready');
    host.setAttribute(el, 'data-tensile-state', null);
    expect(el.hasAttribute('data-tensile-state')).toBe(false);
  });

  it('reads scroll metrics', () => {
    const el = document.createElement('div');
    geometry(el, { scrollTop: 40, scrollHeight: 1000, clientHeight: 600, scrollWidth: 300, clientWidth: 300 });
    expect(createDomHost().scroll(el)).toEqual({ top: 40, left: 0, maxTop: 400, maxLeft: 0, width: 300, height: 600 });
  });

  it('finds the scroll containers between an event target (even a text node) and the root', () => {
    document.body.innerHTML = `<div id="root"><div id="inner" style="overflow-y: auto"><div id="row" style="overflow-x: scroll"><p id="p">text</p></div></div></div>`;
    const root = document.getElementById('root')!;
    const inner = document.getElementById('inner')!;
    const row = document.getElementById('row')!;
    geometry(inner, { scrollHeight: 900, clientHeight: 300 });
    geometry(row, { scrollWidth: 900, clientWidth: 300, scrollHeight: 50, clientHeight: 50 });
    const host = createDomHost();
    const text = document.getElementById('p')!.firstChild!;
    expect(host.scrollChain(text, root, 'y')).toEqual([inner]);
    expect(host.scrollChain(text, root, 'x')).toEqual([row]);
    // an overflow container whose content fits does not count
    geometry(inner, { scrollHeight: 300, clientHeight: 300 });
    expect(host.scrollChain(text, root, 'y')).toEqual([]);
    expect(host.scrollChain(null, root, 'y')).toEqual([]);
    expect(host.scrollChain({ not: 'a node' }, root, 'y')).toEqual([]);
    expect(host.scrollChain(document, root, 'y')).toEqual([]);
  });

  it('finds the scroll containers of an element in an iframe (another realm)', () => {
    const frame = document.body.appendChild(document.createElement('iframe'));
    const doc = frame.contentDocument!;
    doc.body.innerHTML = `<div id="root"><div id="inner" style="overflow-y: auto"><p id="p">text</p></div></div>`;
    const inner = doc.getElementById('inner')!;
    geometry(inner, { scrollHeight: 900, clientHeight: 300 });
    const text = doc.getElementById('p')!.firstChild!;
    expect(text instanceof Node).toBe(false);
    expect(createDomHost().scrollChain(text, doc.getElementById('root')!, 'y')).toEqual([inner]);
  });

  it('creates a polite, visually hidden live region outside the container and removes it', () => {
    document.body.innerHTML = '<ul id="list"><li>a</li></ul>';
    const list = document.getElementById('list')!;
    const status = createDomHost().createStatus(list);
    const region = document.querySelector('[role="status"]') as HTMLElement;
    expect(region.getAttribute('aria-live')).toBe('polite');
    expect(region.style.position).toBe('absolute');
    expect(list.contains(region)).toBe(false);
    status.say('Refreshing');
    expect(region.textContent).toBe('Refreshing');
    status.remove();
    expect(document.querySelector('[role="status"]')).toBe(null);
  });

  it('reads visibility and prefers-reduced-motion (false without matchMedia)', () => {
    const host = createDomHost();
    expect(host.hidden()).toBe(false);
    vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    expect(host.hidden()).toBe(true);
    expect(host.prefersReducedMotion()).toBe(false);
    vi.stubGlobal('matchMedia', (query: string) => ({ matches: query === '(prefers-reduced-motion: reduce)' }));
    expect(host.prefersReducedMotion()).toBe(true);
    vi.unstubAllGlobals();
  });

  it('schedules frames and timers on the page clock', async () => {
    const host = createDomHost();
    const frame = vi.fn();
    host.requestFrame(frame);
    const cancelled = vi.fn();
    host.cancelFrame(host.requestFrame(cancelled));
    const timer = vi.fn();
    host.setTimer(timer, 1);
    const cleared = vi.fn();
    host.clearTimer(host.setTimer(cleared, 1));
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(frame).toHaveBeenCalledTimes(1);
    expect(cancelled).not.toHaveBeenCalled();
    expect(timer).toHaveBeenCalledTimes(1);
    expect(cleared).not.toHaveBeenCalled();
    expect(host.now()).toBeGreaterThan(0);
  });
});

describe('the engine on the DOM host', () => {
  function page() {
    document.body.innerHTML = '<div id="list" style="overflow-y:auto"><div id="content"><p id="item">row</p></div></div>';
    const list = document.getElementById('list')!;
    geometry(list, { scrollTop: 0, scrollHeight: 3000, clientHeight: 600, clientWidth: 400 });
    return { list, content: document.getElementById('content')!, item: document.getElementById('item')! };
  }

  it('pulls with real DOM events: prevents the overscrolling touchmove, transforms the content, writes CSS variables', () => {
    const { list, content, item } = page();
    const engine = createElastic({ pullToRefresh: {} });
    engine.attach(list);
    expect(list.style.getPropertyValue('--tensile-offset')).toBe('0px');
    expect(list.dataset.tensileState).toBe('idle');
    item.dispatchEvent(touchEvent('touchstart', [[100, 100]]));
    const moves = [104, 140, 300, 500].map((y) => {
      const event = touchEvent('touchmove', [[100, y]]);
      item.dispatchEvent(event);
      return event.defaultPrevented;
    });
    expect(moves).toEqual([false, true, true, true]);
    expect(list.dataset.tensileState).toBe('ready');
    expect(content.style.transform).toMatch(/^translate3d\(0(px)?, ?[\d.]+px, ?0(px)?\)$/);
    expect(parseFloat(list.style.getPropertyValue('--tensile-offset'))).toBeGreaterThan(60);
    expect(list.style.getPropertyValue('--tensile-progress')).toBe('1');
    expect(document.querySelector('[role="status"]')!.textContent).toBe('Release to refresh');
    engine.destroy();
    expect(content.style.transform).toBe('');
    expect(list.style.getPropertyValue('--tensile-offset')).toBe('');
    expect(list.hasAttribute('data-tensile-state')).toBe(false);
    expect(document.querySelector('[role="status"]')).toBe(null);
  });

  it('touchstart is passive: its preventDefault would be ignored, and the engine never calls it', () => {
    const { list, item } = page();
    const engine = createElastic({});
    const add = vi.spyOn(list, 'addEventListener');
    engine.attach(list);
    const passive = Object.fromEntries(add.mock.calls.map(([type, , options]) => [type, (options as AddEventListenerOptions).passive]));
    expect(passive).toMatchObject({ touchstart: true, touchend: true, touchcancel: true, touchmove: false, wheel: false, keydown: true });
    const start = touchEvent('touchstart', [[0, 0]]);
    item.dispatchEvent(start);
    expect(start.defaultPrevented).toBe(false);
    engine.destroy();
  });

  it('sets touch-action and overscroll-behavior while attached and restores them', () => {
    const { list } = page();
    const engine = createElastic({});
    engine.attach(list);
    expect(list.style.getPropertyValue('overscroll-behavior-y')).toBe('none');
    engine.detach();
    expect(list.style.getPropertyValue('overscroll-behavior-y')).toBe('');
    // (jsdom's CSS parser drops touch-action; the fake-host tests and the Chromium suite cover it.)
  });

  it('aria-busy while refreshing, removed afterwards', async () => {
    const { list } = page();
    let finish!: () => void;
    const engine = createElastic({ reducedMotion: true, pullToRefresh: { minVisibleMs: 0, resultMs: 0, onRefresh: () => new Promise<void>((r) => (finish = r)) } });
    engine.attach(list);
    const done = engine.refresh();
    expect(list.getAttribute('aria-busy')).toBe('true');
    finish();
    await done;
    expect(list.hasAttribute('aria-busy')).toBe(false);
    expect(list.dataset.tensileState).toBe('idle');
    engine.destroy();
  });
});

describe('attach(el) with real nodes', () => {
  const xml = new DOMParser().parseFromString('<list><item/></list>', 'application/xml');
  class ListComponent {
    props = {};
    render() {
      return null;
    }
  }
  it.each([
    ['a comment node', () => document.createComment('v-if'), /is an object \(Comment\)/],
    ['a text node', () => document.createTextNode('hi'), /is an object \(Text\)/],
    ['a document fragment', () => document.createDocumentFragment(), /is an object \(DocumentFragment\)/],
    ['the document', () => document, /is an object \(Document\)/],
    // (jsdom tags its window "global"; browsers say Window.)
    ['the window', () => window, /is an object \((Window|global)\)/],
    ['an XML element (no inline style)', () => xml.documentElement, /is an object \(Element\)/],
    ['a component instance', () => new ListComponent(), /is an object \(Object\)/],
    ['a template ref object', () => ({ current: document.createElement('div') }), /is an object \(Object\)/],
    ['null (a ref not set yet)', () => null, /is null/],
  ])('rejects %s with E_ELASTIC_TARGET before touching it', (_, make, described) => {
    const target = make();
    const engine = createElastic({ pullToRefresh: {} });
    const error = (() => {
      try {
        engine.attach(target as never);
      } catch (e) {
        return e as ElasticError;
      }
    })();
    expect(error).toBeInstanceOf(ElasticError);
    expect(error!.code).toBe('E_ELASTIC_TARGET');
    expect(error!.message).toMatch(described);
    expect(error!.message).toMatch(/attach\(el\) is .*, expected an Element$/);
    expect(document.querySelector('[role="status"]')).toBe(null);
    engine.destroy();
  });

  it.each([
    ['a detached element', () => document.createElement('ul')],
    ['an SVG element', () => document.createElementNS('http://www.w3.org/2000/svg', 'svg')],
    ['an element of another HTML document', () => document.implementation.createHTMLDocument('other').createElement('ul')],
  ])('accepts %s and restores it on detach', (_, make) => {
    const el = make() as HTMLElement;
    const engine = createElastic({});
    engine.attach(el);
    expect(el.getAttribute('data-tensile-state')).toBe('idle');
    expect(el.style.getPropertyValue('--tensile-offset')).toBe('0px');
    engine.destroy();
    expect(el.hasAttribute('data-tensile-state')).toBe(false);
    expect(el.getAttribute('style') ?? '').toBe('');
  });

  it('accepts an element of another realm (an iframe), which instanceof HTMLElement would refuse', () => {
    const frame = document.createElement('iframe');
    document.body.appendChild(frame);
    const el = frame.contentDocument!.createElement('ul');
    frame.contentDocument!.body.appendChild(el);
    expect(el instanceof HTMLElement).toBe(false);
    const engine = createElastic({});
    engine.attach(el);
    expect(el.getAttribute('data-tensile-state')).toBe('idle');
    engine.destroy();
    expect(el.hasAttribute('data-tensile-state')).toBe(false);
  });
});
