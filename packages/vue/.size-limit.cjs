// Size budgets (min+gzip), checked by `pnpm size` after a build: Vue and @tensile/core (the engine
// and the shared binding, @tensile/core/elastic/controlled) are left out of the figures.
// Issue 12: the binding (v-elastic, useElastic, the plugin) at most 1 kB, <PullToRefresh> at most
// 1.5 kB more.
const ignore = ['vue', '@tensile/core', '@tensile/core/elastic', '@tensile/core/elastic/controlled'];
// Reported, not budgeted: the whole package with the code the three adapters share in
// @tensile/core/elastic/controlled (binding, props, texts, stylesheet, icons), only the engine and
// its error classes left out: what an app that uses the component pays on top of the engine.
const { withSharedCore } = require('../../tests/adapter-contract/size-limit.cjs');
module.exports = [
  { name: '@tensile/vue: binding', path: 'dist/index.js', import: '{ vElastic, ElasticPlugin, useElastic, getElastic }', gzip: true, ignore, limit: '1 kB' },
  { name: '@tensile/vue: PullToRefresh', path: 'dist/index.js', import: '{ PullToRefresh }', gzip: true, ignore, limit: '1.5 kB' },
  { name: '@tensile/vue: binding + PullToRefresh + the shared code in core (engine left out)', path: 'dist/index.js', import: '*', gzip: true, ignore: ['vue', '@tensile/core', '@tensile/core/elastic'], modifyEsbuildConfig: withSharedCore },
];
