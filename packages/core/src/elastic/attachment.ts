// The attachment: everything that exists only while an engine drives an element. Opening one
// claims the element, sets the styles and attributes the engine needs (each kept for its restore)
// and wires the input sources; closing it puts the element back as it was found. The scroll
// queries of a gesture (edges, sizes, distance to the end) read through it too.
import { ElasticError } from './errors';
import { isVertical } from './gesture';
import { focusLossInput, keyboardInput, nearEndInput, pointerInput, touchInput, wheelInput } from './inputs';
import type { GestureDriver, InputSource } from './inputs';
import type { JobClock } from './jobs';
import type { ResolvedOptions } from './options';
import type { ElasticEdge, ElasticEngine, Host, LoadMoreState } from './types';
import { BUSY, createRestorer, EDGE, LOAD_MORE, OFFSET, PROGRESS, STATE } from './writer';
import type { Restorer, WriterTarget } from './writer';

/** Sub-pixel scroll positions count as at the edge, px. */
const EDGE_EPSILON_PX = 1;
const OVERSCROLL = 'overscroll-behavior-';
/**
 * The engine driving an element, on the element itself under a registry-wide symbol, so a second
 * engine is refused even from another copy of this module (a hot module reload, two bundles).
 */
const CLAIM = Symbol.for('tensile.elastic.engine');

interface Claimed {
  [CLAIM]?: { name: string; engine: ElasticEngine };
}

/** Everything that exists only while attached; a new one per attach, so a callback of an old one can tell. */
export interface Attachment extends WriterTarget {
  restorer: Restorer;
  /** Listener removals and the live region's, run on detach. */
  offs: (() => void)[];
  timers: Set<number>;
  /** The release spring's animation frame (0: none). */
  frame: number;
  /** Container size of the last pull, px. */
  size: number;
  /** Scroll containers between the gesture's target and the element, walked once per gesture and axis. */
  chain: HTMLElement[] | null;
  chainAxis: 'x' | 'y';
  /**
   * Undoes `will-change: transform` on the layer: set when a touch or pointer gesture starts at an
   * action edge, so the first pulling move does not also create and paint a composited layer for
   * the content (the slowest frame of a drag in Chromium traces), and undone at rest.
   */
  promoted: (() => void)[];
}

/** Where `target` is driven: itself, or for the page (scrollingElement, html or body) the document's scroller. */
export function resolveTarget(host: Host, target: HTMLElement) {
  const page = host.page?.(target) ?? null;
  return { element: page ? page.scroller : target, page };
}

/** Throws when another engine drives `element` (its name says which). */
export function checkClaim(element: HTMLElement, target: HTMLElement, engine: ElasticEngine): void {
  const holder = (element as Claimed)[CLAIM];
  if (holder && holder.engine !== engine) {
    throw new ElasticError(
      'E_ELASTIC_ATTACHED',
      `attach(el): the element is already driven by ${holder.name}; detach or destroy that engine first (after a hot module reload: destroy the old one in import.meta.hot.dispose)`,
      { where: 'attach(el)', value: target, first: holder.name },
    );
  }
}

/** What opening an attachment needs from the engine. */
export interface OpenSpec {
  host: Host;
  element: HTMLElement;
  page: { scroller: HTMLElement; body: HTMLElement } | null;
  options: ResolvedOptions;
  /** The keyboard's refresh key, or false (on the page only when asked for). */
  keyboard: string | false;
  loadMore: LoadMoreState;
  driver: GestureDriver;
  engine: ElasticEngine;
  /** How errors name the engine to a second one on its element. */
  name: string;
}

/**
 * Claims the element, creates its attachment and hands it to `hold` (the engine holds it before
 * the first write, so a failure past that point is undone by detach), then sets the styles and
 * attributes of an attached element and adds the input sources' listeners.
 */
export function openAttachment({ host, element, page, options, keyboard, loadMore, driver, engine, name }: OpenSpec, hold: (current: Attachment) => void): Attachment {
  (element as Claimed)[CLAIM] = { name, engine };
  const layer = (options.moveTarget === 'content' ? (options.content ?? (page ? page.body : host.firstChild(element))) : options.indicator) ?? null;
  const current: Attachment = {
    host,
    element,
    layer,
    layerTransform: layer ? host.getStyle(layer, 'transform') : '',
    restorer: createRestorer(host),
    offs: [],
    timers: new Set(),
    frame: 0,
    size: 0,
    chain: null,
    chainAxis: 'y',
    promoted: [],
  };
  hold(current);
  const { axis, input } = options;
  const keep = current.restorer.keep;
  if (layer) keep(layer, 'transform', current.layerTransform);
  keep(element, 'touch-action', `${axis === 'y' ? '' : 'pan-x '}${axis === 'x' ? '' : 'pan-y '}pinch-zoom`);
  // On the page, body too: together they turn off the browser's own pull-to-refresh and glow.
  for (const scroller of page ? [element, page.body] : [element]) {
    if (axis !== 'x') keep(scroller, OVERSCROLL + 'y', 'none');
    if (axis !== 'y') keep(scroller, OVERSCROLL + 'x', 'none');
  }
  keep(element, OFFSET, '0px');
  keep(element, PROGRESS, '0');
  keep(element, STATE, 'idle');
  keep(element, EDGE, null);
  keep(element, BUSY, null);
  if (options.ptr && keyboard) keep(element, 'aria-keyshortcuts', keyboard);
  if (options.more) keep(element, LOAD_MORE, loadMore);
  const sources: (InputSource | false | '')[] = [
    input.touch && touchInput,
    (input.mouse || input.pen) && pointerInput,
    input.wheel && wheelInput,
    keyboard && keyboardInput,
    focusLossInput,
    options.more?.nearEnd !== false && !!options.more && nearEndInput,
  ];
  // eslint-disable-next-line no-restricted-syntax -- a source's few listener removers, not input data
  for (const source of sources) if (source) current.offs.push(...source({ host, element, scrollTarget: page ? 'document' : element, driver }));
  return current;
}

/** Undoes the layer promotion (will-change) of a gesture. */
export function demote(current: Attachment): void {
  for (const undo of current.promoted.splice(0)) undo();
}

export function stopSpring(current: Attachment): void {
  if (current.frame) current.host.cancelFrame(current.frame);
  current.frame = 0;
}

/** Puts the element back as found: spring and timers stopped, listeners removed, styles restored, claim released. */
export function closeAttachment(current: Attachment, engine: ElasticEngine): void {
  stopSpring(current);
  for (const id of current.timers) current.host.clearTimer(id);
  current.timers.clear();
  demote(current);
  for (const off of current.offs.splice(0).reverse()) off();
  current.restorer.restore();
  const claimed = current.element as Claimed;
  if (claimed[CLAIM]?.engine === engine) delete claimed[CLAIM];
}

/** Timers of the attachment: cleared on close, and a callback runs only while `live()` (the attachment is still the engine's). */
export function attachmentClock({ host, timers }: Attachment, live: () => boolean): JobClock {
  return {
    now: () => host.now(),
    later(callback, ms) {
      const id = host.setTimer(() => {
        timers.delete(id);
        if (live()) callback();
      }, ms);
      timers.add(id);
      return id;
    },
    cancel(id) {
      if (timers.delete(id)) host.clearTimer(id);
    },
  };
}

/** Container size along `edge`'s axis, px: the `size` option, or measured (`max` when the container has none). */
export function measure({ host, element }: Attachment, options: ResolvedOptions, edge: ElasticEdge): number {
  if (options.size !== 'auto') return options.size;
  const metrics = host.scroll(element);
  return (isVertical(edge) ? metrics.height : metrics.width) || options.max;
}

/** Every scroll container from `from` up to the element is at `edge` (the chain is walked once per gesture and axis; positions are always read). */
export function atEdge(current: Attachment, edge: ElasticEdge, from: unknown): boolean {
  const { host, element } = current;
  const vertical = isVertical(edge);
  const axis = vertical ? 'y' : 'x';
  const chain = (current.chainAxis === axis && current.chain) || host.scrollChain(from, element, axis);
  current.chain = chain;
  current.chainAxis = axis;
  const atStart = edge === 'top' || edge === 'left';
  const at = (scroller: HTMLElement) => {
    const metrics = host.scroll(scroller);
    const position = vertical ? metrics.top : metrics.left;
    return atStart ? position <= EDGE_EPSILON_PX : position >= (vertical ? metrics.maxTop : metrics.maxLeft) - EDGE_EPSILON_PX;
  };
  return chain.every(at) && at(element);
}

/** Scrolled distance left before `edge`, px. */
export function remainingTo({ host, element }: Attachment, edge: ElasticEdge): number {
  const metrics = host.scroll(element);
  return { top: metrics.top, left: metrics.left, bottom: metrics.maxTop - metrics.top, right: metrics.maxLeft - metrics.left }[edge];
}
