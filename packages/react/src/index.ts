// @tensile/react: the useDamping hook and a <PullToRefresh> component built on it.
export { useDamping } from './use-damping.js';
export type { DampingRef, DampingRefresh, DampingSelector } from './use-damping.js';
export { PullToRefresh } from './pull-to-refresh.js';
export type { PullToRefreshProps } from './pull-to-refresh.js';
export type { ElasticOptions, ElasticSnapshot } from '@tensile/core/elastic';
