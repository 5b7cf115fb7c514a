// @tensile/vue: the <PullToRefresh> component, the v-elastic directive, the useElastic composable
// and a plugin that registers the directive.
export { PullToRefresh } from './pull-to-refresh.js';
export { vElastic, ElasticPlugin } from './directive.js';
export { getElastic } from './registry.js';
export { useElastic } from './use-elastic.js';
export type { ElasticRef, ElasticTarget } from './use-elastic.js';
export { PULL_TO_REFRESH_TEXTS } from '@tensile/core/elastic/controlled';
export type { BindingOptions, IndicatorState, PullToRefreshProps, PullToRefreshTexts } from '@tensile/core/elastic/controlled';
export type { ElasticOptions, ElasticSnapshot } from '@tensile/core/elastic';
