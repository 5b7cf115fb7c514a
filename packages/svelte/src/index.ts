// @tensile/svelte: the elastic action and a snapshot store for Svelte 5.
export { elastic, elasticStore } from './action.js';
export type { ElasticActionReturn, ElasticStore } from './action.js';
export type { ElasticOptions, ElasticSnapshot } from '@tensile/core/elastic';
