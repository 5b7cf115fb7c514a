// The Svelte binding of the elastic engine: `use:elastic={options}` (or
// `{@attach fromAction(elastic, () => options)}`) gives the element its own engine for its lifetime,
// and `elasticStore()` shares one engine between an element and an indicator through a store.
// Lifecycle only: gestures, physics and state all live in @tensile/core/elastic.
import { createElastic, type ElasticEngine, type ElasticOptions, type ElasticSnapshot } from '@tensile/core/elastic';

/** What an action returns (the shape of svelte/action's ActionReturn, without importing svelte). */
export interface ElasticActionReturn {
  update(options: ElasticOptions | undefined): void;
  destroy(): void;
}

/** `<div use:elastic={{ pullToRefresh: { onRefresh } }}>`: one engine per element, options updated in place (never re-attached). */
export function elastic(node: HTMLElement, options?: ElasticOptions): ElasticActionReturn {
  const engine = createElastic(options ?? {});
  engine.attach(node);
  return {
    update: (next) => engine.setOptions(next ?? {}),
    destroy: () => engine.destroy(),
  };
}

/** A readable store of the engine's snapshot (`$pull.state`, `$pull.progress`) plus the action that feeds it. */
export interface ElasticStore {
  subscribe(run: (snapshot: ElasticSnapshot) => void): () => void;
  /** `use:pull.action` (or `fromAction(pull.action, ...)`): binds this store's engine to one element at a time. */
  action(node: HTMLElement, options?: ElasticOptions): ElasticActionReturn;
  /** Starts a refresh programmatically (a button, a shortcut); resolves when it has settled. */
  refresh(): Promise<void>;
  /** The engine itself, for anything the binding does not wrap. */
  readonly engine: ElasticEngine;
}

export function elasticStore(options: ElasticOptions = {}): ElasticStore {
  const engine = createElastic(options);
  return {
    engine,
    // The Svelte store contract: call `run` now, then on every change; return the unsubscribe.
    subscribe(run) {
      run(engine.getSnapshot());
      return engine.subscribe(() => run(engine.getSnapshot()));
    },
    action(node, next) {
      if (next) engine.setOptions(next);
      engine.attach(node);
      return {
        update: (value) => engine.setOptions(value ?? {}),
        // The store outlives the element (its indicator may still show "complete"), so detach, not destroy.
        destroy: () => engine.detach(),
      };
    },
    refresh: () => engine.refresh(),
  };
}
