// Which binding is bound to which element, for getElastic(): filled by v-elastic and useElastic.
import type { ElasticEngine } from '@tensile/core/elastic';
import type { ElasticBinding } from '@tensile/core/elastic/controlled';

export const bindings = new WeakMap<HTMLElement, ElasticBinding>();

/** The engine v-elastic or useElastic bound to an element (its snapshot, refresh(), loadMore()). */
export function getElastic(el: HTMLElement): ElasticEngine | undefined {
  return bindings.get(el)?.engine;
}
