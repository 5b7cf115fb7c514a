// Size budgets (min+gzip), checked by `pnpm size` after a build: React and @tensile/core (the
// engine and the shared binding, @tensile/core/elastic/controlled) are left out of the figures.
// Issue 12: the binding at most 1 kB, <PullToRefresh> at most 1.5 kB more (so 2.5 kB with the
// binding it is built on).
const ignore = ['react', 'react/jsx-runtime', 'react-dom', '@tensile/core', '@tensile/core/elastic', '@tensile/core/elastic/controlled'];
// Reported, not budgeted: the whole package with the code the three adapters share in
// @tensile/core/elastic/controlled (binding, props, texts, stylesheet, icons), only the engine and
// its error classes left out: what an app that uses the component pays on top of the engine.
const { withSharedCore } = require('../../tests/adapter-contract/size-limit.cjs');
module.exports = [
  { name: '@tensile/react: useDamping', path: 'dist/index.js', import: '{ useDamping }', gzip: true, ignore, limit: '1 kB' },
  { name: '@tensile/react: PullToRefresh (with useDamping)', path: 'dist/index.js', import: '{ PullToRefresh }', gzip: true, ignore, limit: '2.5 kB' },
  { name: '@tensile/react: binding + PullToRefresh + the shared code in core (engine left out)', path: 'dist/index.js', import: '*', gzip: true, ignore: ['react', 'react/jsx-runtime', 'react-dom', '@tensile/core', '@tensile/core/elastic'], modifyEsbuildConfig: withSharedCore },
];
