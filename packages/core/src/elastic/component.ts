// What the React, Vue and Svelte <PullToRefresh> components share: their props' names, defaults and
// checks, the markup plan (one panel per state) and the stylesheet that shows the panel of the
// engine's current state. The engine writes data-tensile-state, data-tensile-load-more and
// --tensile-progress on the container, so the components render once and never during a drag.
import type { BindingOptions } from './controlled';
import { invalidBinding } from './controlled';
import type { ElasticOptions, RefreshContext } from './types';

/** Every text the default indicator and footer show, by prop name (override each to translate). */
export const PULL_TO_REFRESH_TEXTS = {
  pullingText: 'Pull to refresh',
  readyText: 'Release to refresh',
  refreshingText: 'Refreshing…',
  completeText: 'Refreshed',
  errorText: 'Refresh failed',
  loadMoreText: 'Load more',
  loadingMoreText: 'Loading more…',
  loadMoreErrorText: 'Could not load more. Try again',
  noMoreText: 'No more items',
};

/** The texts of `<PullToRefresh>` by prop name (see PULL_TO_REFRESH_TEXTS for the English defaults). */
export type PullToRefreshTexts = typeof PULL_TO_REFRESH_TEXTS;

/** The refresh states an indicator replacement draws (React render prop, Vue slots, Svelte snippets). */
export type IndicatorState = 'pulling' | 'ready' | 'refreshing' | 'complete' | 'error';

/** The props every framework's `<PullToRefresh>` takes, under the same names. */
export interface PullToRefreshProps extends Partial<PullToRefreshTexts> {
  /** Runs once per armed release, press of the key or refresh(); 'refreshing' shows until it settles. */
  onRefresh?: (context: RefreshContext) => unknown;
  /** Controlled refreshing (React prop + onRefreshingChange, Vue v-model:refreshing, Svelte bind:refreshing). */
  refreshing?: boolean;
  /** Told `true` when a pull, the key or refresh() starts a refresh and `false` when one ends that the app did not end itself. */
  onRefreshingChange?: (refreshing: boolean) => void;
  /** Turns load-more on: runs when the list is pulled (or scrolled near) its end. */
  onLoadMore?: (context: { signal: AbortSignal }) => unknown;
  /** False: nothing more to load ('done', never triggers). Default true. */
  hasMore?: boolean;
  /** Engine options, including the rest of the pullToRefresh and loadMore groups (threshold, nearEnd...). */
  options?: Omit<ElasticOptions, 'content' | 'moveTarget' | 'indicator'>;
}

/** One panel per indicator state: its name (slot, snippet) and the engine states that show it. */
export const INDICATOR_PANELS: readonly (readonly [IndicatorState, string, 'arrow' | 'spinner' | ''])[] = [
  ['pulling', 'pulling cancelled', 'arrow'],
  ['ready', 'ready', 'arrow'],
  ['refreshing', 'refreshing', 'spinner'],
  ['complete', 'complete', ''],
  ['error', 'error', ''],
];

/** The footer button's labels, by the load-more states that show each (one button, so focus stays on it). */
export const FOOTER_LABELS: readonly (readonly [keyof PullToRefreshTexts, string])[] = [
  ['loadMoreText', 'idle complete'],
  ['loadingMoreText', 'loading'],
  ['loadMoreErrorText', 'error'],
  ['noMoreText', 'done'],
];

/** Arrow (turns from down to up as --tensile-progress goes 0..1) and spinner, inline SVG of our own. */
export const ICONS = {
  arrow: '<svg data-tensile-arrow viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"><path d="M12 4v15M6 13l6 6 6-6"/></svg>',
  spinner: '<svg data-tensile-spinner viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round"><path d="M12 3a9 9 0 1 1-9 9"/></svg>',
  '': '',
};

const STATES = ['pulling', 'cancelled', 'ready', 'refreshing', 'complete', 'error'];
const MORE_STATES = ['idle', 'loading', 'complete', 'error', 'done'];
// Child combinators from the container down, so a PullToRefresh nested in the list is never affected.
const ROOT = '[data-tensile-pull-to-refresh]';

/**
 * The stylesheet each component renders once: panels hidden except the one for the current state,
 * the indicator drawn upwards in the gap the pull opens, the arrow turning with --tensile-progress
 * (CSS only: no render during a drag), the spinner slowed down for reduced motion.
 */
export const PULL_TO_REFRESH_CSS =
  `:where(${ROOT}){overflow-y:auto;position:relative}` +
  `${ROOT}>*>[data-tensile-indicator]{height:0;display:flex;align-items:flex-end;justify-content:center;overflow:visible}` +
  `${ROOT}>*>[data-tensile-indicator]>*,${ROOT}>*>[data-tensile-footer] [data-tensile-when]{display:none;align-items:center;gap:.5em;padding:.5em}` +
  STATES.map((state) => `${ROOT}[data-tensile-state=${state}]>*>[data-tensile-indicator]>[data-tensile-when~=${state}]`).join() +
  ',' +
  MORE_STATES.map((state) => `${ROOT}[data-tensile-load-more=${state}]>*>[data-tensile-footer] [data-tensile-when~=${state}]`).join() +
  '{display:flex}' +
  `${ROOT}>*>[data-tensile-footer]{display:flex;justify-content:center}` +
  '[data-tensile-arrow]{transform:rotate(calc(var(--tensile-progress,0)*180deg))}' +
  '@keyframes tensile-spin{to{transform:rotate(1turn)}}' +
  '[data-tensile-spinner]{animation:tensile-spin .8s linear infinite}' +
  '@media (prefers-reduced-motion:reduce){[data-tensile-spinner]{animation-duration:3s}}';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Checks a component's props and turns them into binding options; throws an ElasticError naming the
 * prop for a wrong type. `texts` are the props with every default filled in (see `pullToRefreshTexts`).
 */
export function pullToRefreshOptions(props: PullToRefreshProps, who: string): BindingOptions {
  const { onRefresh, onLoadMore, hasMore, options = {}, refreshing, onRefreshingChange } = props;
  // onRefreshingChange too: Vue and Svelte wrap it (v-model, bind:), so the binding never sees it.
  for (const [name, value] of [['onRefresh', onRefresh], ['onLoadMore', onLoadMore], ['onRefreshingChange', onRefreshingChange]] as const) {
    if (value !== undefined && typeof value !== 'function') invalidBinding(who, name, value, 'a function');
  }
  if (hasMore !== undefined && typeof hasMore !== 'boolean') invalidBinding(who, 'hasMore', hasMore, 'a boolean');
  if (!isRecord(options)) invalidBinding(who, 'options', options, 'an options object');
  const texts = pullToRefreshTexts(props, who);
  const group = (value: unknown) => (isRecord(value) ? value : {});
  const loadMore = options.loadMore;
  const moreGroup = group(loadMore);
  return {
    ...options,
    pullToRefresh: { ...group(options.pullToRefresh), onRefresh },
    // Load-more is on with onLoadMore or the group in options, and explicitly off otherwise: the
    // engine keeps a key left out, so a removed onLoadMore would go on loading. Every key is given
    // (hasMore too), since the engine merges a group key by key.
    loadMore: onLoadMore || loadMore ? { ...moreGroup, onLoadMore: onLoadMore ?? moreGroup.onLoadMore, hasMore: hasMore ?? moreGroup.hasMore ?? true } : false,
    // The live region says what the indicator shows, in the same language.
    announce:
      options.announce === false
        ? false
        : { ready: texts.readyText, refreshing: texts.refreshingText, complete: texts.completeText, error: texts.errorText, ...group(options.announce) },
    refreshing,
    onRefreshingChange,
  } as BindingOptions;
}

/** The texts a component shows: each prop, or its default; a text that is not a string is an ElasticError. */
export function pullToRefreshTexts(props: Partial<PullToRefreshTexts>, who: string): PullToRefreshTexts {
  const texts = { ...PULL_TO_REFRESH_TEXTS };
  for (const key of Object.keys(texts) as (keyof PullToRefreshTexts)[]) {
    const value = props[key];
    if (value === undefined) continue;
    if (typeof value !== 'string') invalidBinding(who, key, value, 'a string');
    texts[key] = value;
  }
  return texts;
}

/** Every prop name the components share (the texts included): Vue declares them, React and Svelte keep them off the container. */
export const PULL_TO_REFRESH_PROPS = ['onRefresh', 'refreshing', 'onRefreshingChange', 'onLoadMore', 'hasMore', 'options', ...Object.keys(PULL_TO_REFRESH_TEXTS)];

/** The props that are not the component's own (aria-label, class, style, id...): they go on the container. */
export function containerProps<T extends object>(props: T, also: readonly string[] = []): Record<string, unknown> {
  const rest = { ...props } as Record<string, unknown>;
  for (const name of [...PULL_TO_REFRESH_PROPS, ...also]) delete rest[name];
  return rest;
}
