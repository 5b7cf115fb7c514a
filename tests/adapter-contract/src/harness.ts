// What an adapter's test supplies to the contract: how to mount a tiny component bound through the
// adapter, re-render it with new options, unmount it, and flush the framework's renders.
import type { BindingOptions } from '@tensile/core/elastic/controlled';

export interface MountedAdapter {
  /** The element the adapter bound the engine to (the scroll container). */
  readonly element: HTMLElement;
  /** The snapshot state the component shows in the DOM, or null for a binding that renders none (a bare directive or action). */
  readState(): string | null;
  /** Every state the component rendered, in order (empty for a binding that renders none). */
  renders(): readonly string[];
  /**
   * Re-renders the component with new options, the way that framework's users pass them (props).
   * `refreshing` and `onRefreshingChange` go through the framework's idiom for a controlled value
   * (React prop and callback, Vue v-model:refreshing, Svelte bind:refreshing or options).
   */
  update(options: BindingOptions): Promise<void>;
  unmount(): Promise<void>;
  /** The binding's refresh() and loadMore(), for bindings that hand them out (hook, composable, store, component). */
  readonly controls?: {
    refresh(): Promise<void>;
    loadMore(): Promise<void>;
  };
}

export interface AdapterHarness {
  readonly name: string;
  /** True when the binding exposes the snapshot to the component (hook, composable, store). */
  readonly rendersState: boolean;
  mount(options: BindingOptions): Promise<MountedAdapter>;
  /** True when refresh() and loadMore() are handed out (`controls` on every mount): the vocabulary scenarios run. */
  readonly hasControls?: boolean;
  /** True when the binding follows a controlled `refreshing` (every adapter binding): the controlled scenarios run. */
  readonly controlled?: boolean;
  /** Runs input inside the framework's batching and flushes its renders (act, nextTick, tick). */
  act(fn: () => void | Promise<void>): Promise<void>;
}
