// Types of PullToRefresh.svelte for TypeScript without the Svelte language tools (tsc builds
// index.ts; apps using svelte-check read the component itself). Keep in step with its Props.
import type { Component, Snippet } from 'svelte';
import type { HTMLAttributes } from 'svelte/elements';
import type { IndicatorState, PullToRefreshProps } from '@tensile/core/elastic/controlled';

/** The props of `<PullToRefresh>`: the shared ones (onRefresh, onLoadMore, hasMore, texts, options) plus any div attribute. */
export type Props = PullToRefreshProps &
  Omit<HTMLAttributes<HTMLDivElement>, keyof PullToRefreshProps | 'children'> & {
    /** Replaces the indicator: drawn once per state at mount, shown while the engine is in it. */
    indicator?: Snippet<[IndicatorState]>;
    /** The list: the wrapper is the scroll container and this content moves with the pull. */
    children?: Snippet;
  };

/**
 * A scrollable list wrapper with pull to refresh, an indicator (or the `indicator` snippet) and, with
 * `onLoadMore`, a load-more footer. `bind:refreshing` controls refreshing; `bind:this` gives refresh()
 * and loadMore(). Throws ElasticError `E_ELASTIC_OPTION` for a bad prop, naming it.
 */
declare const PullToRefresh: Component<
  Props,
  {
    /** Starts a refresh as a pull would; resolves when it has settled. */
    refresh(): Promise<void>;
    /** Loads more as a pull at the end would; resolves when it has settled. */
    loadMore(): Promise<void>;
  },
  'refreshing'
>;
export default PullToRefresh;
