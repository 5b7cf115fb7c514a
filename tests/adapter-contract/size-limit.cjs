// For the adapters' size-limit configs: an esbuild config change that measures a package together
// with the code it shares in @tensile/core/elastic/controlled (binding, props, texts, stylesheet)
// and leaves out only the engine. size-limit's `ignore` cannot say this: esbuild treats an external
// package name as covering all of its subpaths.
// The engine entry, and the error classes the engine ships anyway.
const ENGINE = /^@tensile\/core(\/elastic)?$|^\.\/index\.js$|^\.\.?\/errors\.js$/;

module.exports.withSharedCore = (config) => ({
  ...config,
  external: (config.external ?? []).filter((name) => !name.startsWith('@tensile/core')),
  plugins: [
    ...(config.plugins ?? []),
    {
      name: 'tensile-engine-external',
      setup(build) {
        build.onResolve({ filter: ENGINE }, (args) =>
          args.path.startsWith('.') && !/core[\\/]dist[\\/]elastic[\\/]/.test(args.importer) ? undefined : { path: args.path, external: true },
        );
      },
    },
  ],
});
