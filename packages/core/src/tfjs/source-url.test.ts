// Loading from URLs against a real HTTP server on 127.0.0.1 that records every request: hostile
// shard names from the attack review (and their relatives) are refused before any request leaves
// the model's folder, and bodies are cut off at one total size cap while they stream.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzzSeed } from '../test-support/fuzz';
import { ModelFormatError } from './errors';
import { loadTfjsModel } from './model';
import { readModelArtifacts, type ModelFetch } from './sources';
import { HOSTILE_SHARD_PATHS } from '../test-support/hostile-shard-paths';
import { liveHeapBytes } from '../test-support/heap';

const fixture = fileURLToPath(new URL('../../test-fixtures/tfjs/converter-fused/', import.meta.url));
const goodJson = JSON.parse(readFileSync(path.join(fixture, 'model.json'), 'utf8')) as { weightsManifest: { paths: string[] }[] };
const goodBin = readFileSync(path.join(fixture, 'group1-shard1of1.bin'));
const FOLDER = '/app/v1/damping/';


interface Recorded {
  url: string;
}

let server: Server;
let origin = '';
const requests: Recorded[] = [];
let manifestPaths: string[] = ['group1-shard1of1.bin'];
let shardHandler: ((req: IncomingMessage, res: ServerResponse) => void) | null = null;
let bytesSentByStream = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push({ url: req.url ?? '' });
    if (req.url === `${FOLDER}model.json`) {
      const body = JSON.stringify({ ...goodJson, weightsManifest: [{ ...goodJson.weightsManifest[0], paths: manifestPaths }] });
      res.writeHead(200, { 'content-type': 'application/json' }).end(body);
    } else if (req.url === `${FOLDER}group1-shard1of1.bin`) {
      if (shardHandler) shardHandler(req, res);
      else res.writeHead(200).end(goodBin);
    } else res.writeHead(404).end('no');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** The global fetch, recording every URL asked for (other hosts included: the server only sees its own). */
function recordingFetch(asked: string[]): ModelFetch {
  return (url) => {
    asked.push(url);
    return fetch(url) as never;
  };
}

async function loadWith(paths: string[], maxBytes?: number) {
  manifestPaths = paths;
  requests.length = 0;
  const asked: string[] = [];
  const outcome = await loadTfjsModel(`${origin}${FOLDER}model.json`, { fetch: recordingFetch(asked), ...(maxBytes ? { maxBytes } : {}) }).then(
    (model) => ({ model, error: null }),
    (error: unknown) => ({ model: null, error }),
  );
  return { ...outcome, asked, served: requests.map((r) => r.url) };
}

describe('loading a model from a URL', () => {
  it('loads a good model, asking only for files in its folder', async () => {
    const { model, error, asked, served } = await loadWith(['group1-shard1of1.bin']);
    expect(error).toBeNull();
    expect(model).not.toBeNull();
    expect(asked).toEqual([`${origin}${FOLDER}model.json`, `${origin}${FOLDER}group1-shard1of1.bin`]);
    expect(served.every((url) => url.startsWith(FOLDER))).toBe(true);
  });

  it.each(HOSTILE_SHARD_PATHS.map((p) => [JSON.stringify(p), p]))('refuses the shard path %s before any request leaves the folder', async (_, hostile) => {
    const { error, asked, served } = await loadWith([hostile]);
    expect(error).toBeInstanceOf(ModelFormatError);
    expect((error as ModelFormatError).code).toBe('E_MODEL_FORMAT');
    expect((error as Error).message).toMatch(/weightsManifest\[0\]\.paths\[0\]: shard path .* must be relative to model\.json|is not a shard file name/);
    expect(asked).toEqual([`${origin}${FOLDER}model.json`]);
    expect(served).toEqual([`${FOLDER}model.json`]);
  });

  it('refuses a hostile path late in the list before fetching the good ones before it', async () => {
    const { error, asked } = await loadWith(['group1-shard1of1.bin', '%2e%2e/secret.bin']);
    expect((error as ModelFormatError).code).toBe('E_MODEL_FORMAT');
    expect(asked).toHaveLength(1);
  });

  it('refuses the same shard listed twice', async () => {
    const { error, asked } = await loadWith(['group1-shard1of1.bin', 'group1-shard1of1.bin']);
    expect((error as ModelFormatError).code).toBe('E_MODEL_FORMAT');
    expect((error as Error).message).toMatch(/paths\[1\]: shard path "group1-shard1of1.bin" is listed twice \(first at weightsManifest\[0\]\.paths\[0\]\)/);
    expect(asked).toHaveLength(1);
  });

  it('caps model.json and the shards together: each fits, the sum does not', async () => {
    const jsonBytes = JSON.stringify({ ...goodJson, weightsManifest: [{ ...goodJson.weightsManifest[0], paths: ['group1-shard1of1.bin'] }] }).length;
    const cap = jsonBytes + goodBin.byteLength - 1;
    expect(Math.max(jsonBytes, goodBin.byteLength)).toBeLessThan(cap);
    const { error } = await loadWith(['group1-shard1of1.bin'], cap);
    expect((error as ModelFormatError).code).toBe('E_MODEL_TOO_LARGE');
    expect((error as Error).message).toMatch(/with the \d+ bytes read before it the model is over the size cap of \d+ bytes \(maxBytes counts model\.json and all shards together/);
  });

  it('stops a chunked 400 MB shard body at the cap instead of buffering it', async () => {
    const chunk = Buffer.alloc(64 * 1024, 7);
    const total = 400 * 1024 * 1024;
    bytesSentByStream = 0;
    shardHandler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' }); // no Content-Length: chunked
      const pump = () => {
        while (bytesSentByStream < total && !res.destroyed) {
          bytesSentByStream += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('close', () => undefined);
      pump();
    };
    try {
      const heapBefore = liveHeapBytes();
      const { error } = await loadWith(['group1-shard1of1.bin'], 4 * 1024 * 1024);
      const heapAfter = liveHeapBytes();
      expect((error as ModelFormatError).code).toBe('E_MODEL_TOO_LARGE');
      expect((error as Error).message).toMatch(/weight shard .* is at least \d+ bytes/);
      await new Promise((resolve) => setTimeout(resolve, 50));
      // The server stops being read soon after the cap (socket buffers allow some slack); the
      // unpatched loader read all 400 MB.
      expect(bytesSentByStream).toBeLessThan(64 * 1024 * 1024);
      expect(heapAfter - heapBefore).toBeLessThan(64 * 1024 * 1024);
    } finally {
      shardHandler = null;
    }
  });

  it('refuses a declared Content-Length over what is left of the cap without reading the body', async () => {
    shardHandler = (_req, res) => {
      res.writeHead(200, { 'content-length': String(1e9) });
      res.write(Buffer.alloc(1024));
      // never ends: the loader must not wait for the body
    };
    try {
      const { error } = await loadWith(['group1-shard1of1.bin'], 1024 * 1024);
      expect((error as ModelFormatError).code).toBe('E_MODEL_TOO_LARGE');
      expect((error as Error).message).toMatch(/is 1000000000 bytes/);
    } finally {
      shardHandler = null;
    }
  });

  it('reads a custom fetch without a body stream through arrayBuffer(), counted against the cap', async () => {
    const plain: ModelFetch = async (url) => {
      const res = await fetch(url);
      const bytes = await res.arrayBuffer();
      return { ok: res.ok, status: res.status, headers: { get: () => null }, arrayBuffer: async () => bytes };
    };
    manifestPaths = ['group1-shard1of1.bin'];
    const read = await readModelArtifacts(`${origin}${FOLDER}model.json`, { fetch: plain });
    expect(read.weightData.byteLength).toBe(goodBin.byteLength);
    await expect(readModelArtifacts(`${origin}${FOLDER}model.json`, { fetch: plain, maxBytes: 2000 })).rejects.toMatchObject({ code: 'E_MODEL_TOO_LARGE' });
  });

  it(`fuzzed shard names: no request ever leaves the model's folder (seed ${fuzzSeed('shard URLs', 5)})`, async () => {
    const piece = fc.oneof(
      fc.constantFrom('..', '.', '/', '\\', '%2e', '%2E', '%2f', '%5c', '\t', '\n', '\r', ' ', '//', 'evil.example', 'https:', 'http:', 'file:', '?', '#', '@', ':', '\u0000', '\u200B', 'ｈ', 'group1-shard1of1.bin', 'a', '%', '~'),
      fc.string({ maxLength: 4, unit: 'binary' }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { minLength: 1, maxLength: 8 }), async (pieces) => {
        const { model, error, asked, served } = await loadWith([pieces.join('')]);
        expect(model !== null || error instanceof ModelFormatError).toBe(true);
        for (const url of asked) expect(url.startsWith(`${origin}${FOLDER}`)).toBe(true);
        for (const url of served) expect(url.startsWith(FOLDER)).toBe(true);
      }),
      { seed: fuzzSeed('shard URLs', 5), numRuns: 300 },
    );
  });
});
