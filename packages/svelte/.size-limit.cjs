// Size budgets (min+gzip), checked by `pnpm size` after a build: Svelte and @tensile/core (the
// engine and the shared binding, @tensile/core/elastic/controlled) are left out of the figures.
// Issue 12: the binding (elastic, elasticStore) at most 1 kB, <PullToRefresh> at most 1.5 kB more,
// measured as an app's bundler compiles it (scripts/compile-for-size.mjs, client, production).
const ignore = ['svelte', '@tensile/core', '@tensile/core/elastic', '@tensile/core/elastic/controlled'];
module.exports = [
  { name: '@tensile/svelte: binding', path: 'dist/action.js', import: '*', gzip: true, ignore, limit: '1 kB' },
  { name: '@tensile/svelte: PullToRefresh (compiled)', path: 'dist/size/PullToRefresh.js', import: '*', gzip: true, ignore: [...ignore, 'svelte/internal/client', 'svelte/internal/disclose-version', 'svelte/internal/flags/legacy'], limit: '1.5 kB' },
];
