// Single-file components, typed for tsc (VitePress compiles them; vue-tsc is not needed here).
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}
