// useElastic: the composable form of v-elastic, for components that render an indicator from the
// engine's snapshot. The engine follows the target ref (attach, detach, re-attach) and the options
// (setOptions, never re-attach) for the life of the calling effect scope.
import { getCurrentScope, onScopeDispose, shallowRef, toRaw, toValue, watch, type ComponentPublicInstance, type MaybeRefOrGetter, type ShallowRef } from 'vue';
import { createElastic, type ElasticOptions, type ElasticSnapshot } from '@tensile/core/elastic';
import { engines } from './registry.js';

/** A template ref (or getter) to the scroll container: an element, or a component whose root element it is. */
export type ElasticTarget = MaybeRefOrGetter<HTMLElement | ComponentPublicInstance | null | undefined>;

// A template ref on a component holds the instance; the engine needs its root element.
const elementOf = (target: HTMLElement | ComponentPublicInstance | null | undefined): HTMLElement | null =>
  (target && '$el' in target ? (target.$el as HTMLElement | null) : target) ?? null;

export function useElastic(target: ElasticTarget, options: MaybeRefOrGetter<ElasticOptions> = {}): Readonly<ShallowRef<ElasticSnapshot>> {
  // toRaw: the engine must see plain objects, or every curve evaluation in a drag would go
  // through Vue's reactive proxies (and be tracked).
  const engine = createElastic(toRaw(toValue(options)));
  const snapshot = shallowRef(engine.getSnapshot());
  const unsubscribe = engine.subscribe(() => { snapshot.value = engine.getSnapshot(); });
  // flush 'post': template refs are set by then, so the first attach sees the mounted element.
  const stopTarget = watch(() => elementOf(toValue(target)), (el, _old, onCleanup) => {
    if (!el) return;
    engine.attach(el);
    engines.set(el, engine);
    onCleanup(() => {
      engines.delete(el);
      engine.detach();
    });
  }, { immediate: true, flush: 'post' });
  // deep 2: options kept in a reactive() or ref() object may be edited in place, down to
  // `pullToRefresh.threshold`; no deeper, so a Curve (a TF.js model behind it) is never walked.
  const stopOptions = watch(() => toValue(options), (next) => engine.setOptions(toRaw(next)), { deep: 2 });
  if (getCurrentScope()) {
    onScopeDispose(() => {
      stopTarget();
      stopOptions();
      unsubscribe();
      engine.destroy();
    });
  }
  return snapshot;
}
