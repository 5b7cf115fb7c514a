// Size budget (min+gzip) of the binding alone, checked by `pnpm size` after a build: React and
// @tensile/core are the user's anyway, so they are left out of the figure.
module.exports = [
  {
    name: '@tensile/react',
    path: 'dist/index.js',
    import: '*',
    gzip: true,
    ignore: ['react', 'react/jsx-runtime', 'react-dom', '@tensile/core', '@tensile/core/elastic'],
    limit: '1 kB',
  },
];
