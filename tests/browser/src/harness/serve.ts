// Builds pages with Vite and serves the output on localhost with `vite preview`, so the browser
// runs the same bundles a user would get (not the dev server's on-the-fly modules).
import path from 'node:path';
import { build, preview, type InlineConfig, type PreviewServer } from 'vite';

export interface Served {
  /** Base URL with a trailing slash, e.g. http://127.0.0.1:41234/ */
  url: string;
  close(): Promise<void>;
}

/** `vite build` with `config` (quietly), writing to `outDir`. */
export async function buildPages(config: InlineConfig, outDir: string): Promise<void> {
  await build({
    ...config,
    logLevel: 'warn',
    build: { ...config.build, outDir, emptyOutDir: true },
  });
}

/** Serves an already built `outDir` on 127.0.0.1 at a free port. */
export async function servePages(outDir: string): Promise<Served> {
  // No config file: serving needs none of the app's plugins, only the built files.
  const server: PreviewServer = await preview({
    configFile: false,
    root: path.dirname(outDir),
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error(`vite preview gave no TCP address for ${outDir}`);
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () => server.close(),
  };
}
