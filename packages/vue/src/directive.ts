// The v-elastic directive: one engine per element, created on mount, fed the binding's value as
// options on every update (never re-attached), destroyed on unmount. Lifecycle only: gestures,
// physics and state live in @tensile/core/elastic, which also writes the CSS variables and
// data-tensile-state that a template can style without re-rendering.
import { toRaw, type ObjectDirective, type Plugin } from 'vue';
import { createElastic, type ElasticOptions } from '@tensile/core/elastic';
import { engines } from './registry.js';
import { copyOptions, sameOptions } from './same-options.js';

/** The options each element's engine last received (a copy: see same-options.ts). */
const applied = new WeakMap<HTMLElement, Record<string, unknown>>();

/** `<ul v-elastic="{ onRefresh }">` (registered globally by `ElasticPlugin`, or locally as `vElastic`). */
export const vElastic: ObjectDirective<HTMLElement, ElasticOptions | undefined> = {
  mounted(el, { value }) {
    const options = toRaw(value) ?? {};
    const engine = createElastic(options);
    engines.set(el, engine);
    applied.set(el, copyOptions(options));
    engine.attach(el);
  },
  // Runs on every re-render of the component; the options may be the same object edited in place.
  updated(el, { value }) {
    const options = toRaw(value) ?? {};
    if (sameOptions(applied.get(el) ?? {}, options)) return;
    engines.get(el)?.setOptions(options);
    applied.set(el, copyOptions(options));
  },
  unmounted(el) {
    engines.get(el)?.destroy();
    engines.delete(el);
    applied.delete(el);
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
