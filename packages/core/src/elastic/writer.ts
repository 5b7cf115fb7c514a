// The writer of styles and attributes: the only code that changes the page. It turns a snapshot
// change into the few writes that differ (never a layout read, so a drag never forces a layout),
// and keeps the restore of everything it set on attach, so detach leaves the element as found.
import { edgeSign, isVertical } from './gesture';
import type { ElasticSnapshot, Host } from './types';

export const OFFSET = '--tensile-offset';
export const PROGRESS = '--tensile-progress';
export const STATE = 'data-tensile-state';
export const EDGE = 'data-tensile-edge';
export const BUSY = 'aria-busy';
export const LOAD_MORE = 'data-tensile-load-more';

/** Sets inline styles (or, for data-/aria- names, attributes) and remembers how to put back what was there. */
export interface Restorer {
  /** Sets `prop` on `target`; the restore of the previous value goes to `undo` (default: the attachment's). */
  keep(target: HTMLElement, prop: string, value: string | null, undo?: (() => void)[]): void;
  /** Puts back everything kept with the default list, last first. */
  restore(): void;
}

export function createRestorer(host: Host): Restorer {
  const undoAll: (() => void)[] = [];
  return {
    keep(target, prop, value, undo = undoAll) {
      const attribute = /^(data|aria)-/.test(prop);
      const write = (next: string | null) => (attribute ? host.setAttribute(target, prop, next) : host.setStyle(target, prop, next ?? ''));
      const before = attribute ? host.getAttribute(target, prop) : host.getStyle(target, prop);
      write(value);
      undo.push(() => write(before));
    },
    restore() {
      for (const undo of undoAll.splice(0).reverse()) undo();
    },
  };
}

export interface WriterTarget {
  host: Host;
  element: HTMLElement;
  /** The translated element (content or indicator), or null: only the CSS variables move. */
  layer: HTMLElement | null;
  /** The layer's own inline transform, put back at rest so sticky/fixed children are unaffected. */
  layerTransform: string;
  /** Speaks a state change (a key of the announcements) in the live region (absent: no announcements). */
  say?: (key: string) => void;
}

/** A job runs: aria-busy. */
const isBusy = (snapshot: ElasticSnapshot) => snapshot.state === 'refreshing' || snapshot.loadMore === 'loading';

/** Writes what changed from `before` to `after`. */
export function writeSnapshot(target: WriterTarget, before: ElasticSnapshot, after: ElasticSnapshot): void {
  const { host, element, layer } = target;
  const moved = after.edge !== before.edge;
  if (moved) host.setAttribute(element, EDGE, after.edge);
  if (moved || after.offset !== before.offset) {
    host.setStyle(element, OFFSET, `${Math.round(after.offset * 100) / 100}px`);
    if (layer) {
      const base = target.layerTransform;
      const shift = after.edge ? edgeSign(after.edge) * after.offset : 0;
      const translate = shift && (isVertical(after.edge!) ? `translate3d(0,${shift}px,0)` : `translate3d(${shift}px,0,0)`);
      host.setStyle(layer, 'transform', translate ? (base && base + ' ') + translate : base);
    }
  }
  if (after.progress !== before.progress) host.setStyle(element, PROGRESS, `${Math.round(after.progress * 1000) / 1000}`);
  const busy = isBusy(after);
  if (busy !== isBusy(before)) host.setAttribute(element, BUSY, busy ? 'true' : null);
  if (after.state !== before.state) {
    host.setAttribute(element, STATE, after.state);
    target.say?.(after.state);
  }
  if (after.loadMore !== before.loadMore) {
    host.setAttribute(element, LOAD_MORE, after.loadMore);
    if (after.loadMore === 'loading') target.say?.('loadingMore');
  }
}
