// Which engine is bound to which element, for getElastic(): filled by v-elastic and useElastic.
import type { ElasticEngine } from '@tensile/core/elastic';

export const engines = new WeakMap<HTMLElement, ElasticEngine>();

/** The engine v-elastic or useElastic bound to an element, for a programmatic `refresh()`. */
export function getElastic(el: HTMLElement): ElasticEngine | undefined {
  return engines.get(el);
}
