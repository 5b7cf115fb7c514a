// The DOM host: the only place (with the other host*.ts files) where the elastic engine touches
// browser globals. Created on attach, never at import, so importing the engine is SSR-safe.
import type { Host, HostTarget } from './types';

const VISUALLY_HIDDEN = 'position:absolute;width:1px;height:1px;margin:-1px;padding:0;border:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap';
const SCROLLING = /auto|scroll|overlay/;

/**
 * The Host the engine uses in a browser (the default of ElasticOptions.host): requestAnimationFrame,
 * timers, listeners, scroll metrics, inline styles and a visually hidden live region. Touches no
 * global until called, so importing it is safe during server-side rendering.
 */
export function createDomHost(): Host {
  const doc = document;
  const node = (target: HostTarget): EventTarget => (target === 'window' ? window : target === 'document' ? doc : target);
  return {
    now: () => performance.now(),
    requestFrame: (callback) => requestAnimationFrame(() => callback()),
    cancelFrame: (id) => cancelAnimationFrame(id),
    setTimer: (callback, ms) => window.setTimeout(callback, ms),
    clearTimer: (id) => window.clearTimeout(id),
    listen(target, type, handler, options) {
      const t = node(target);
      t.addEventListener(type, handler, options);
      return () => t.removeEventListener(type, handler, options);
    },
    scroll: (el) => ({
      top: el.scrollTop,
      left: el.scrollLeft,
      maxTop: el.scrollHeight - el.clientHeight,
      maxLeft: el.scrollWidth - el.clientWidth,
      width: el.clientWidth,
      height: el.clientHeight,
    }),
    scrollChain(target, root, axis) {
      const chain: HTMLElement[] = [];
      // A text node starts from its parent. nodeType, not instanceof: an iframe's nodes count too.
      let n = (target as Node | null)?.nodeType === 1 ? (target as HTMLElement) : (target as Node | null)?.parentElement;
      for (; n && n !== root; n = n.parentElement) {
        const style = getComputedStyle(n);
        const scrollsY = SCROLLING.test(style.overflowY) && n.scrollHeight > n.clientHeight;
        const scrollsX = SCROLLING.test(style.overflowX) && n.scrollWidth > n.clientWidth;
        if (axis === 'y' ? scrollsY : scrollsX) chain.push(n);
      }
      return chain;
    },
    firstChild: (el) => el.firstElementChild as HTMLElement | null,
    getStyle: (el, prop) => el.style.getPropertyValue(prop),
    setStyle: (el, prop, value) => {
      if (value) el.style.setProperty(prop, value);
      else el.style.removeProperty(prop);
    },
    getAttribute: (el, name) => el.getAttribute(name),
    setAttribute: (el, name, value) => {
      if (value === null) el.removeAttribute(name);
      else el.setAttribute(name, value);
    },
    page(el) {
      const owner = el.ownerDocument;
      const scroller = owner.scrollingElement as HTMLElement | null;
      const body = owner.body;
      return scroller && body && (el === scroller || el === owner.documentElement || el === body) ? { scroller, body } : null;
    },
    hidden: () => doc.visibilityState === 'hidden',
    prefersReducedMotion: () => typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches,
    createStatus(el) {
      // Outside the container, so frameworks that own its children never meet a foreign node.
      const region = el.ownerDocument.createElement('div');
      region.setAttribute('role', 'status');
      region.setAttribute('aria-live', 'polite');
      region.style.cssText = VISUALLY_HIDDEN;
      el.ownerDocument.body.appendChild(region);
      return {
        say: (text) => {
          region.textContent = text;
        },
        remove: () => region.remove(),
      };
    },
  };
}
