// @tensile/react: the <PullToRefresh> component and the useDamping hook it is built on.
export { PullToRefresh } from './pull-to-refresh.js';
export type { PullToRefreshProps } from './pull-to-refresh.js';
export { useDamping } from './use-damping.js';
export type { DampingRef, DampingRefresh, DampingSelector } from './use-damping.js';
export { PULL_TO_REFRESH_TEXTS } from '@tensile/core/elastic/controlled';
export type { BindingOptions, IndicatorState, PullToRefreshTexts } from '@tensile/core/elastic/controlled';
export type { ElasticOptions, ElasticSnapshot } from '@tensile/core/elastic';
