// The Svelte binding of the elastic engine: `use:elastic={options}` (or
// `{@attach fromAction(elastic, () => options)}`) gives the element its own engine for its lifetime,
// and `elasticStore()` shares one engine between an element and an indicator through a store.
// Lifecycle only: gestures, physics and state all live in @tensile/core/elastic.
import type { ElasticEngine, ElasticSnapshot } from '@tensile/core/elastic';
import { createBinding, type BindingOptions } from '@tensile/core/elastic/controlled';

/** What an action returns (the shape of svelte/action's ActionReturn, without importing svelte). */
export interface ElasticActionReturn {
  /** Svelte calls it when the options change: they reach the engine in place. */
  update(options: BindingOptions | undefined): void;
  /** Svelte calls it when the element goes away: unbinds the engine. */
  destroy(): void;
}

/** `<div use:elastic={options}>` (options such as `{ pullToRefresh: { onRefresh } }`): one engine per element, options updated in place (never re-attached). */
export function elastic(node: HTMLElement, options?: BindingOptions): ElasticActionReturn {
  const binding = createBinding(options ?? {}, 'use:elastic');
  binding.attach(node);
  return {
    update: (next) => binding.update(next ?? {}),
    destroy: () => binding.destroy(),
  };
}

/** A readable store of the engine's snapshot (`$pull.state`, `$pull.progress`) plus the action that feeds it. */
export interface ElasticStore {
  /** The Svelte store contract: calls `run` with the snapshot now and on every change; returns the unsubscribe. */
  subscribe(run: (snapshot: ElasticSnapshot) => void): () => void;
  /** `use:pull.action` (or `fromAction(pull.action, ...)`): binds this store's engine to one element at a time. */
  action(node: HTMLElement, options?: BindingOptions): ElasticActionReturn;
  /** Starts a refresh programmatically (a button, a shortcut); resolves when it has settled. */
  refresh(): Promise<void>;
  /** Loads more as a pull at the end would; resolves when it has settled. */
  loadMore(): Promise<void>;
  /** The engine itself, for anything the binding does not wrap. */
  readonly engine: ElasticEngine;
}

/**
 * One engine shared between an element (`use:pull.action`) and whatever shows its state (`$pull`), for
 * a custom indicator. Throws ElasticError `E_ELASTIC_OPTION` for a bad option, naming it.
 *
 * @example
 * const pull = elasticStore({ pullToRefresh: { onRefresh: reload } });
 * // <ul use:pull.action>...</ul> <p>{$pull.state}</p>
 */
export function elasticStore(options: BindingOptions = {}): ElasticStore {
  const binding = createBinding(options, 'elasticStore');
  const engine = binding.engine;
  return {
    engine,
    // The Svelte store contract: call `run` now, then on every change; return the unsubscribe.
    subscribe(run) {
      run(engine.getSnapshot());
      return engine.subscribe(() => run(engine.getSnapshot()));
    },
    action(node, next) {
      if (next) binding.update(next);
      binding.attach(node);
      return {
        update: (value) => binding.update(value ?? {}),
        // The store outlives the element (its indicator may still show "complete"), so detach, not destroy.
        destroy: () => binding.detach(),
      };
    },
    refresh: binding.refresh,
    loadMore: binding.loadMore,
  };
}
