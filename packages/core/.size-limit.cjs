// Size budgets (min+gzip), checked by `pnpm size` after a build (size-limit 11 reports brotli
// unless `gzip: true`). The main-entry budget also proves that importing @tensile/core never pulls
// in TF.js: TF.js alone is several hundred kB, and the whole entry (engine, fits, nets, elastic,
// papaparse) stays far below that. The main-entry and fitCurve budgets were set on 2026-11-29 at
// 75 and 50 kB; the hardening of issue 14 (input caps, typed errors everywhere) and the NIST work
// of issue 15 (double-double polish, solver options, bounds) took them to 81.65 and 50.95 kB
// (2026-12-05), so they are raised to 90 and 56 kB: they guard against TF.js or a large
// dependency slipping in (hundreds of kB), not against a feature's few kB. The elastic budget is
// the one a front-end page pays on every load, and it is not raised.
module.exports = [
  {
    name: '@tensile/core (whole main entry)',
    path: 'dist/index.js',
    import: '*',
    gzip: true,
    limit: '90 kB',
  },
  {
    name: '@tensile/core (fitCurve only)',
    path: 'dist/index.js',
    import: '{ fitCurve }',
    gzip: true,
    limit: '56 kB',
  },
  {
    name: '@tensile/core/elastic',
    path: 'dist/elastic/index.js',
    import: '*',
    gzip: true,
    // Issue 11's budget (the 4 kB one of issue 6 is retired), NOT met: 10.48 kB (2026-12-05, dist and
    // source give the same bytes). Its floor is above the budget: with every internal property name
    // mangled and every error message emptied the same code is still 9.11 kB, so only dropping
    // behaviour could meet it. The limit stays at the figure so this check keeps failing
    // until it is met; BENCHMARKS.md (elastic section) gives the floor and what each step cost.
    limit: '7.5 kB',
  },
];
