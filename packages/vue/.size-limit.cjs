// Size budget (min+gzip) of the binding alone, checked by `pnpm size` after a build: Vue and
// @tensile/core are the user's anyway, so they are left out of the figure.
module.exports = [
  {
    name: '@tensile/vue',
    path: 'dist/index.js',
    import: '*',
    gzip: true,
    ignore: ['vue', '@tensile/core', '@tensile/core/elastic'],
    limit: '1 kB',
  },
];
