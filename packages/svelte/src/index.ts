// @tensile/svelte: the <PullToRefresh> component, the elastic action and a snapshot store for Svelte 5.
export { default as PullToRefresh } from './PullToRefresh.svelte';
export { elastic, elasticStore } from './action.js';
export type { ElasticActionReturn, ElasticStore } from './action.js';
export { PULL_TO_REFRESH_TEXTS } from '@tensile/core/elastic/controlled';
export type { BindingOptions, IndicatorState, PullToRefreshProps, PullToRefreshTexts } from '@tensile/core/elastic/controlled';
export type { ElasticOptions, ElasticSnapshot } from '@tensile/core/elastic';
