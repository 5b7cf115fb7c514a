// Size budgets (min+gzip), checked by `pnpm size` after a build: Svelte and @tensile/core (the
// engine and the shared binding, @tensile/core/elastic/controlled) are left out of the figures.
// Issue 12: the binding (elastic, elasticStore) at most 1 kB, <PullToRefresh> at most 1.5 kB more,
// measured as an app's bundler compiles it (scripts/compile-for-size.mjs, client, production).
const ignore = ['svelte', '@tensile/core', '@tensile/core/elastic', '@tensile/core/elastic/controlled'];
// Reported, not budgeted: the whole package with the code the three adapters share in
// @tensile/core/elastic/controlled (binding, props, texts, stylesheet, icons), only the engine and
// its error classes left out: what an app that uses the component pays on top of the engine.
const { withSharedCore } = require('../../tests/adapter-contract/size-limit.cjs');
module.exports = [
  { name: '@tensile/svelte: binding', path: 'dist/action.js', import: '*', gzip: true, ignore, limit: '1 kB' },
  { name: '@tensile/svelte: PullToRefresh (compiled)', path: 'dist/size/PullToRefresh.js', import: '*', gzip: true, ignore: [...ignore, 'svelte/internal/client', 'svelte/internal/disclose-version', 'svelte/internal/flags/legacy'], limit: '1.5 kB' },
  { name: '@tensile/svelte: PullToRefresh + the shared code in core (engine left out)', path: 'dist/size/PullToRefresh.js', import: '*', gzip: true, ignore: ['svelte', 'svelte/internal/client', 'svelte/internal/disclose-version', 'svelte/internal/flags/legacy', '@tensile/core', '@tensile/core/elastic'], modifyEsbuildConfig: withSharedCore },
];
