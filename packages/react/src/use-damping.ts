// useDamping: binds one elastic engine to a React element. Lifecycle only: gestures, physics and
// state live in @tensile/core/elastic; this file wires the ref, the subscription and the options.
import { useEffect, useState, useSyncExternalStore } from 'react';
import { createElastic, type ElasticOptions, type ElasticSnapshot } from '@tensile/core/elastic';

/** The ref callback to put on the scroll container: `<ul ref={ref}>`. */
export type DampingRef = (element: HTMLElement | null) => void;

/** Starts a refresh as if pulled (a button, a shortcut); resolves when it has settled. */
export type DampingRefresh = () => Promise<void>;

export function useDamping(options: ElasticOptions = {}): [ref: DampingRef, snapshot: ElasticSnapshot, refresh: DampingRefresh] {
  // One engine per component instance, with stable functions around it. Creating an engine touches
  // no global, so a render React throws away (concurrent, StrictMode) just drops it, and so does SSR.
  const [binding] = useState(() => {
    const engine = createElastic(options);
    return {
      engine,
      subscribe: (onChange: () => void) => engine.subscribe(onChange),
      getSnapshot: () => engine.getSnapshot(),
      refresh: () => engine.refresh(),
      // React calls a ref with null on unmount and on StrictMode's simulated one. Detach (not
      // destroy) is reversible, so the re-attach finds a working engine; on a real unmount it
      // aborts a running refresh and leaves an engine that holds nothing.
      ref: (element: HTMLElement | null): void => {
        if (element) engine.attach(element);
        else engine.detach();
      },
    };
  });
  // The server snapshot is the engine's idle one: the markup matches the client's first render.
  const snapshot = useSyncExternalStore(binding.subscribe, binding.getSnapshot, binding.getSnapshot);
  // After every commit the engine gets the latest options, so an inline onRefresh closure is never
  // stale. setOptions updates in place (never re-attaching) and does nothing for equal options, so
  // a re-render on every frame of a drag costs a few comparisons, and a Curve is tabulated once.
  useEffect(() => {
    binding.engine.setOptions(options);
  });
  return [binding.ref, snapshot, binding.refresh];
}
