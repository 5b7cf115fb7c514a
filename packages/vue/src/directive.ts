// The v-elastic directive: one engine per element, created on mount, fed the binding's value as
// options on every update (never re-attached), destroyed on unmount. Lifecycle only: gestures,
// physics and state live in @tensile/core/elastic, which also writes the CSS variables and
// data-tensile-state that a template can style without re-rendering.
import { toRaw, type ObjectDirective, type Plugin } from 'vue';
import { createElastic, type ElasticOptions } from '@tensile/core/elastic';
import { engines } from './registry.js';

/** `<ul v-elastic="{ pullToRefresh: { onRefresh } }">` (registered globally by `ElasticPlugin`, or locally as `vElastic`). */
export const vElastic: ObjectDirective<HTMLElement, ElasticOptions | undefined> = {
  mounted(el, { value }) {
    const engine = createElastic(toRaw(value) ?? {});
    engines.set(el, engine);
    engine.attach(el);
  },
  // Runs on every re-render of the component, with the same object (maybe edited in place) or a new
  // one: the engine compares against its own copy and does nothing when the options are equal.
  updated(el, { value }) {
    engines.get(el)?.setOptions(toRaw(value) ?? {});
  },
  unmounted(el) {
    engines.get(el)?.destroy();
    engines.delete(el);
  },
  // Server rendering has no element to attach to and nothing to add to the markup.
  getSSRProps: () => ({}),
};

/** `app.use(ElasticPlugin)` registers `v-elastic` on the whole app. */
export const ElasticPlugin: Plugin = {
  install(app) {
    app.directive('elastic', vElastic);
  },
};
