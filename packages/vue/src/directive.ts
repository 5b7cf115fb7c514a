// The v-elastic directive: one engine per element, created on mount, fed the binding's value as
// options on every update (never re-attached), destroyed on unmount. Lifecycle only: gestures,
// physics and state live in @tensile/core/elastic, which also writes the CSS variables and
// data-tensile-state that a template can style without re-rendering.
import { toRaw, type ObjectDirective, type Plugin } from 'vue';
import { createBinding, type BindingOptions } from '@tensile/core/elastic/controlled';
import { bindings } from './registry.js';

/** `<ul v-elastic="{ pullToRefresh: { onRefresh } }">` (registered globally by `ElasticPlugin`, or locally as `vElastic`). */
export const vElastic: ObjectDirective<HTMLElement, BindingOptions | undefined> = {
  mounted(el, { value }) {
    const binding = createBinding(toRaw(value) ?? {}, 'v-elastic');
    bindings.set(el, binding);
    binding.attach(el);
  },
  // Runs on every re-render of the component, with the same object (maybe edited in place) or a new
  // one: the engine compares against its own copy and does nothing when the options are equal.
  updated(el, { value }) {
    bindings.get(el)?.update(toRaw(value) ?? {});
  },
  unmounted(el) {
    bindings.get(el)?.destroy();
    bindings.delete(el);
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
