// What an adapter's test supplies to the contract: how to mount a tiny component bound through the
// adapter, re-render it with new options, unmount it, and flush the framework's renders.
import type { ElasticOptions } from '@tensile/core/elastic';

export interface MountedAdapter {
  /** The element the adapter bound the engine to (the scroll container). */
  readonly element: HTMLElement;
  /** The snapshot state the component shows in the DOM, or null for a binding that renders none (a bare directive or action). */
  readState(): string | null;
  /** Every state the component rendered, in order (empty for a binding that renders none). */
  renders(): readonly string[];
  /** Re-renders the component with new options, the way that framework's users pass them (props). */
  update(options: ElasticOptions): Promise<void>;
  unmount(): Promise<void>;
}

export interface AdapterHarness {
  readonly name: string;
  /** True when the binding exposes the snapshot to the component (hook, composable, store). */
  readonly rendersState: boolean;
  mount(options: ElasticOptions): Promise<MountedAdapter>;
  /** Runs input inside the framework's batching and flushes its renders (act, nextTick, tick). */
  act(fn: () => void | Promise<void>): Promise<void>;
}
