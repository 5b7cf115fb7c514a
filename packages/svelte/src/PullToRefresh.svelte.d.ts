// Types of PullToRefresh.svelte for TypeScript without the Svelte language tools (tsc builds
// index.ts; apps using svelte-check read the component itself). Keep in step with its Props.
import type { Component, Snippet } from 'svelte';
import type { HTMLAttributes } from 'svelte/elements';
import type { IndicatorState, PullToRefreshProps } from '@tensile/core/elastic/controlled';

export type Props = PullToRefreshProps &
  Omit<HTMLAttributes<HTMLDivElement>, keyof PullToRefreshProps | 'children'> & {
    /** Replaces the indicator: drawn once per state at mount, shown while the engine is in it. */
    indicator?: Snippet<[IndicatorState]>;
    children?: Snippet;
  };

declare const PullToRefresh: Component<Props, { refresh(): Promise<void>; loadMore(): Promise<void> }, 'refreshing'>;
export default PullToRefresh;
