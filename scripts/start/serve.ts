// A small static server for `pnpm start`: one port, each demo's built dist under its own sub-path
// (/react/, /vue/, /svelte/) and the index page at /. Loopback only, GET and HEAD only, no path
// may leave its root.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.bin': 'application/octet-stream',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

export interface Mount {
  /** URL prefix with slashes on both ends, e.g. '/react/'; '/' for the index. */
  readonly prefix: string;
  /** Directory served under it. */
  readonly dir: string;
}

/** The file a URL path names under `mounts`, or null when none matches or the path escapes. */
export function resolveFile(mounts: readonly Mount[], urlPath: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split('?')[0]);
  } catch {
    return null;
  }
  // Longest prefix first, so '/react/...' never falls through to '/'.
  const mount = [...mounts].sort((a, b) => b.prefix.length - a.prefix.length).find((m) => path.startsWith(m.prefix));
  if (!mount) return null;
  let rest = path.slice(mount.prefix.length);
  if (rest === '' || rest.endsWith('/')) rest += 'index.html';
  const file = normalize(join(mount.dir, rest));
  return file.startsWith(normalize(mount.dir) + sep) ? file : null;
}

export function serveStatic(mounts: readonly Mount[], port: number, host = '127.0.0.1'): Promise<Server> {
  const server = createServer(async (req, res) => {
    const url = req.url ?? '/';
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    // '/react' without its slash would break the demo's relative asset URLs: redirect.
    const bare = mounts.find((m) => m.prefix !== '/' && url === m.prefix.slice(0, -1));
    if (bare) {
      res.writeHead(301, { location: bare.prefix }).end();
      return;
    }
    const file = resolveFile(mounts, url);
    const info = file ? await stat(file).catch(() => null) : null;
    if (!file || !info?.isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`not found: ${url}\n`);
      return;
    }
    res.writeHead(200, {
      'content-type': MIME[extname(file)] ?? 'application/octet-stream',
      'content-length': info.size,
      'cache-control': 'no-cache',
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

/** Listens on the first free port from `first` (up to 20 tries), so a busy 4173 is no failure. */
export async function serveOnFreePort(mounts: readonly Mount[], first: number): Promise<{ server: Server; port: number }> {
  for (let port = first; port < first + 20; port++) {
    try {
      return { server: await serveStatic(mounts, port), port };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    }
  }
  throw new Error(`no free port in ${first}..${first + 19} on 127.0.0.1; set TENSILE_PORT to another start`);
}
