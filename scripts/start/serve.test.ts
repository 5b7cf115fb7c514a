import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { resolveFile, serveOnFreePort, type Mount } from './serve';

describe('resolveFile', () => {
  const mounts: Mount[] = [{ prefix: '/', dir: '/site' }, { prefix: '/react/', dir: '/apps/react/dist' }];
  it('maps sub-paths to their mount, index.html for directories', () => {
    expect(resolveFile(mounts, '/')).toBe('/site/index.html');
    expect(resolveFile(mounts, '/react/')).toBe('/apps/react/dist/index.html');
    expect(resolveFile(mounts, '/react/assets/a.js?v=1')).toBe('/apps/react/dist/assets/a.js');
  });
  it('refuses paths that leave their root, encoded or not, and bad encodings', () => {
    expect(resolveFile(mounts, '/react/../../etc/passwd')).toBeNull();
    expect(resolveFile(mounts, '/react/%2e%2e/%2e%2e/etc/passwd')).toBeNull();
    expect(resolveFile(mounts, '/%E0%A4%A')).toBeNull();
  });
});

describe('serveOnFreePort', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tensile-serve-test-'));
    await mkdir(join(dir, 'demo'));
    await writeFile(join(dir, 'index.html'), '<h1>index</h1>');
    await writeFile(join(dir, 'demo', 'index.html'), '<h1>demo</h1>');
    const served = await serveOnFreePort([{ prefix: '/', dir }, { prefix: '/demo/', dir: join(dir, 'demo') }], 47310);
    server = served.server;
    base = `http://127.0.0.1:${served.port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('serves files with their type, redirects a bare mount and answers 404 and 405', async () => {
    const index = await fetch(`${base}/`);
    expect(index.headers.get('content-type')).toMatch(/text\/html/);
    expect(await index.text()).toBe('<h1>index</h1>');
    const bare = await fetch(`${base}/demo`, { redirect: 'manual' });
    expect([bare.status, bare.headers.get('location')]).toEqual([301, '/demo/']);
    expect(await (await fetch(`${base}/demo/`)).text()).toBe('<h1>demo</h1>');
    expect((await fetch(`${base}/missing.js`)).status).toBe(404);
    expect((await fetch(`${base}/`, { method: 'POST' })).status).toBe(405);
  });
});
