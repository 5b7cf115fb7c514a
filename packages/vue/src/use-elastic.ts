// useElastic: the composable form of v-elastic, for components that render an indicator from the
// engine's snapshot. The engine follows the target ref (attach, detach, re-attach) and the options
// (setOptions, never re-attach) for the life of the calling effect scope.
import { getCurrentScope, onScopeDispose, shallowRef, toRaw, toValue, watch, type ComponentPublicInstance, type MaybeRefOrGetter, type ShallowRef } from 'vue';
import type { ElasticSnapshot } from '@tensile/core/elastic';
import { createBinding, type BindingOptions } from '@tensile/core/elastic/controlled';
import { bindings } from './registry.js';

/** A template ref (or getter) to the scroll container: an element, or a component whose root element it is. */
export type ElasticTarget = MaybeRefOrGetter<HTMLElement | ComponentPublicInstance | null | undefined>;

// A template ref on a component holds the instance; the engine needs its root element.
const elementOf = (target: HTMLElement | ComponentPublicInstance | null | undefined): HTMLElement | null =>
  (target && '$el' in target ? (target.$el as HTMLElement | null) : target) ?? null;

/** The snapshot as a shallow ref (`pull.value.state` in script, `pull.state` in a template), with refresh() and loadMore(). */
export type ElasticRef = Readonly<ShallowRef<ElasticSnapshot>> & {
  /** Starts a refresh as a pull would; resolves when it has settled. */
  refresh(): Promise<void>;
  /** Loads more as a pull at the end would; resolves when it has settled. */
  loadMore(): Promise<void>;
};

/**
 * Binds one elastic engine to the element behind `target` for the life of the calling component (or
 * effect scope) and returns its snapshot as a shallow ref, for components that draw their own
 * indicator. `options` may be a ref or getter: changes reach the engine in place. Throws ElasticError
 * `E_ELASTIC_OPTION` for a bad option, naming it.
 *
 * @example
 * const list = useTemplateRef('list');
 * const pull = useElastic(list, { pullToRefresh: { onRefresh: reload } });
 */
export function useElastic(target: ElasticTarget, options: MaybeRefOrGetter<BindingOptions> = {}): ElasticRef {
  // toRaw: the engine must see plain objects, or every curve evaluation in a drag would go
  // through Vue's reactive proxies (and be tracked).
  const binding = createBinding(toRaw(toValue(options)), 'useElastic');
  const engine = binding.engine;
  const snapshot = Object.assign(shallowRef(engine.getSnapshot()), { refresh: binding.refresh, loadMore: binding.loadMore });
  const unsubscribe = engine.subscribe(() => { snapshot.value = engine.getSnapshot(); });
  // flush 'post': template refs are set by then, so the first attach sees the mounted element.
  const stopTarget = watch(() => elementOf(toValue(target)), (el, _old, onCleanup) => {
    if (!el) return;
    binding.attach(el);
    bindings.set(el, binding);
    onCleanup(() => {
      bindings.delete(el);
      binding.detach();
    });
  }, { immediate: true, flush: 'post' });
  // deep 2: options kept in a reactive() or ref() object may be edited in place, down to
  // `pullToRefresh.threshold`; no deeper, so a Curve (a TF.js model behind it) is never walked.
  const stopOptions = watch(() => toValue(options), (next) => binding.update(toRaw(next)), { deep: 2 });
  if (getCurrentScope()) {
    onScopeDispose(() => {
      stopTarget();
      stopOptions();
      unsubscribe();
      binding.destroy();
    });
  }
  return snapshot;
}
