// useDamping: binds one elastic engine to a React element. Lifecycle only: gestures, physics and
// state live in @tensile/core/elastic; this file wires the ref, the subscription and the options.
import { useEffect, useState, useSyncExternalStore } from 'react';
import { ElasticError, type ElasticSnapshot } from '@tensile/core/elastic';
import { createBinding, type BindingOptions } from '@tensile/core/elastic/controlled';

/** The ref callback to put on the scroll container: `<ul ref={ref}>`. */
export type DampingRef = (element: HTMLElement | null) => void;

/** Starts a refresh as if pulled (a button, a shortcut); resolves when it has settled. Also loadMore(). */
export type DampingRefresh = () => Promise<void>;

/**
 * Picks what a component shows from the engine's snapshot (e.g. `(s) => s.state`). The component
 * re-renders only when the picked value changes (compared with Object.is), not on every frame of a
 * drag: return a primitive, or a value that stays identical while what it shows does.
 */
export type DampingSelector<T> = (snapshot: ElasticSnapshot) => T;

/**
 * Binds one elastic engine (overscroll damping, pull to refresh, load more) to a scroll container.
 * Put `ref` on the container; `snapshot` is the engine's state for an indicator; `refresh` and
 * `loadMore` start one as a pull would. Options may change on every render (compared by value).
 * Throws ElasticError `E_ELASTIC_OPTION` for a bad option, naming it.
 *
 * @example
 * const [ref, { state }] = useDamping({ pullToRefresh: { onRefresh: () => reload() } });
 * return <ul ref={ref}>...</ul>;
 */
export function useDamping(options?: BindingOptions): [ref: DampingRef, snapshot: ElasticSnapshot, refresh: DampingRefresh, loadMore: DampingRefresh];
/**
 * Like useDamping(options), but returns only what `select` picks from the snapshot, so the
 * component re-renders when that value changes rather than on every frame of a drag. Throws
 * ElasticError `E_ELASTIC_OPTION` when `select` is not a function.
 */
export function useDamping<T>(options: BindingOptions | undefined, select: DampingSelector<T>): [ref: DampingRef, selected: T, refresh: DampingRefresh, loadMore: DampingRefresh];
export function useDamping<T>(options: BindingOptions = {}, select?: DampingSelector<T>): [DampingRef, ElasticSnapshot | T, DampingRefresh, DampingRefresh] {
  if (select !== undefined && typeof select !== 'function') {
    const what = select === null ? 'null' : typeof select === 'object' ? 'an object' : `a ${typeof select}`;
    throw new ElasticError('E_ELASTIC_OPTION', `useDamping: select is ${what}, expected a function of the snapshot`, {
      where: 'select',
      value: select,
    });
  }
  // One engine per component instance, with stable functions around it. Creating an engine touches
  // no global, so a render React throws away (concurrent, StrictMode) just drops it, and so does SSR.
  const [binding] = useState(() => {
    const bound = createBinding(options, 'useDamping');
    const engine = bound.engine;
    return {
      engine,
      subscribe: (onChange: () => void) => engine.subscribe(onChange),
      // The last selection: the snapshot and selector it came from, and what it returned.
      last: { snapshot: null as ElasticSnapshot | null, select: null as unknown, value: null as unknown },
      refresh: () => bound.refresh(),
      loadMore: () => bound.loadMore(),
      update: (next: BindingOptions) => bound.update(next),
      // React calls a ref with null on unmount and on StrictMode's simulated one. Detach (not
      // destroy) is reversible, so the re-attach finds a working engine; on a real unmount it
      // aborts a running refresh and leaves an engine that holds nothing.
      ref: (element: HTMLElement | null): void => {
        if (element) bound.attach(element);
        else bound.detach();
      },
    };
  });
  // What useSyncExternalStore compares after each engine change: the snapshot, or the selection.
  // A selection is recomputed only for a new snapshot or selector, and an equal result returns the
  // previous value, so a drag that keeps it equal renders nothing (and an inline selector is fine).
  const read = (): ElasticSnapshot | T => {
    const snapshot = binding.engine.getSnapshot();
    if (!select) return snapshot;
    const last = binding.last;
    if (last.snapshot !== snapshot || last.select !== select) {
      const value = select(snapshot);
      if (last.snapshot === null || !Object.is(value, last.value)) last.value = value;
      last.snapshot = snapshot;
      last.select = select;
    }
    return last.value as T;
  };
  // The server snapshot is the engine's idle one: the markup matches the client's first render.
  const value = useSyncExternalStore(binding.subscribe, read, read);
  // After every commit the engine gets the latest options, so an inline onRefresh closure is never
  // stale. setOptions updates in place (never re-attaching) and does nothing for equal options, so
  // a re-render on every frame of a drag costs a few comparisons, and a Curve is tabulated once.
  // A controlled `refreshing` is followed here too, after the ref has attached the element.
  useEffect(() => {
    binding.update(options);
  });
  return [binding.ref, value, binding.refresh, binding.loadMore];
}
