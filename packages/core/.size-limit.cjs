// Size budgets (min+gzip), checked by `pnpm size` after a build. The "main entry" budget also
// proves that importing @tensile/core never pulls in TF.js (TF.js alone is hundreds of kB).
module.exports = [
  {
    name: '@tensile/core (whole main entry)',
    path: 'dist/index.js',
    import: '*',
    limit: '60 kB',
  },
  {
    name: '@tensile/core/elastic',
    path: 'dist/elastic/index.js',
    import: '*',
    // size-limit 11 reports brotli unless told otherwise; the budget is min+gzip.
    gzip: true,
    limit: '4 kB',
  },
];
