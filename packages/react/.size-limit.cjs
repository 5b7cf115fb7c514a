// Size budgets (min+gzip), checked by `pnpm size` after a build: React and @tensile/core (the
// engine and the shared binding, @tensile/core/elastic/controlled) are left out of the figures.
// Issue 12: the binding at most 1 kB, <PullToRefresh> at most 1.5 kB more (so 2.5 kB with the
// binding it is built on).
const ignore = ['react', 'react/jsx-runtime', 'react-dom', '@tensile/core', '@tensile/core/elastic', '@tensile/core/elastic/controlled'];
module.exports = [
  { name: '@tensile/react: useDamping', path: 'dist/index.js', import: '{ useDamping }', gzip: true, ignore, limit: '1 kB' },
  { name: '@tensile/react: PullToRefresh (with useDamping)', path: 'dist/index.js', import: '{ PullToRefresh }', gzip: true, ignore, limit: '2.5 kB' },
];
