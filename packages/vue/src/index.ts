// @tensile/vue: the v-elastic directive, the useElastic composable and a plugin that registers the directive.
export { vElastic, ElasticPlugin } from './directive.js';
export { getElastic } from './registry.js';
export { useElastic } from './use-elastic.js';
export type { ElasticTarget } from './use-elastic.js';
export type { ElasticOptions, ElasticSnapshot } from '@tensile/core/elastic';
