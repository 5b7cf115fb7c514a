// Size budgets (min+gzip), checked by `pnpm size` after a build (size-limit 11 reports brotli
// unless `gzip: true`). The main-entry budget also proves that importing @tensile/core never pulls
// in TF.js: TF.js alone is several hundred kB, and the whole entry (engine, fits, nets, elastic,
// papaparse) stays far below that.
module.exports = [
  {
    name: '@tensile/core (whole main entry)',
    path: 'dist/index.js',
    import: '*',
    gzip: true,
    limit: '75 kB',
  },
  {
    name: '@tensile/core (fitCurve only)',
    path: 'dist/index.js',
    import: '{ fitCurve }',
    gzip: true,
    limit: '50 kB',
  },
  {
    name: '@tensile/core/elastic',
    path: 'dist/elastic/index.js',
    import: '*',
    gzip: true,
    // Issue 6's budget, NOT met: 7.1 kB here (pnpm size, 2026-11-29). The limit stays at the
    // issue's figure so this check keeps failing until it is met. Measured lower bounds for this
    // feature set (BENCHMARKS.md, elastic section): wheel, mouse/pen and the preset curves moved out
    // still leave 6.35 kB, and that code with every property name mangled and every string deleted
    // (no longer a working program) is still 4.86 kB.
    limit: '4 kB',
  },
];
