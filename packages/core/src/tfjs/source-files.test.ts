// Loading from files: a shard that is a symlink out of the model's folder (as unpacked archives
// carry) is refused; a symlink that stays inside is fine; maxBytes caps model.json and the shards
// together; a shard listed twice is refused before anything is read twice.
import { copyFile, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModelFormatError } from './errors';
import { readModelArtifacts } from './sources';

const fixture = fileURLToPath(new URL('../../test-fixtures/tfjs/converter-fused/', import.meta.url));
let root = '';

async function modelFolder(name: string, paths: string[], shards: Record<string, string | { link: string }>): Promise<string> {
  const dir = path.join(root, name);
  await mkdir(dir, { recursive: true });
  const json = JSON.parse(await readFile(path.join(fixture, 'model.json'), 'utf8'));
  json.weightsManifest[0].paths = paths;
  await writeFile(path.join(dir, 'model.json'), JSON.stringify(json));
  for (const [file, source] of Object.entries(shards)) {
    if (typeof source === 'string') await copyFile(source, path.join(dir, file));
    else await symlink(source.link, path.join(dir, file));
  }
  return path.join(dir, 'model.json');
}

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'tensile-files-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

async function refusal(source: string, opts = {}) {
  const error = await readModelArtifacts(source, opts).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ModelFormatError);
  return error as ModelFormatError;
}

describe('reading a model from files', () => {
  const shard = path.join(fixture, 'group1-shard1of1.bin');

  it('refuses a shard that is a symlink to a file outside the folder (/etc/passwd)', async () => {
    const model = await modelFolder('passwd', ['group1-shard1of1.bin'], { 'group1-shard1of1.bin': { link: '/etc/passwd' } });
    const error = await refusal(model);
    expect(error.code).toBe('E_MODEL_FORMAT');
    expect(error.message).toMatch(/paths\[0\]: shard "group1-shard1of1.bin" is a link to \/etc\/passwd, outside the model's folder/);
  });

  it('refuses a shard behind a symlinked sub-folder that points outside', async () => {
    const outside = path.join(root, 'outside');
    await mkdir(outside, { recursive: true });
    await copyFile(shard, path.join(outside, 'w.bin'));
    const model = await modelFolder('subdir-link', ['sub/w.bin'], { sub: { link: outside } });
    expect((await refusal(model)).message).toMatch(/is a link to .*outside.*w\.bin, outside the model's folder/);
  });

  it('accepts a symlink that stays inside the folder, and a model folder reached through a symlink', async () => {
    const model = await modelFolder('inside', ['group1-shard1of1.bin'], { 'real.bin': shard, 'group1-shard1of1.bin': { link: 'real.bin' } });
    const read = await readModelArtifacts(model);
    expect(read.weightData.byteLength).toBe((await readFile(shard)).byteLength);
    await symlink(path.dirname(model), path.join(root, 'linked-folder'));
    expect((await readModelArtifacts(path.join(root, 'linked-folder'))).weightData.byteLength).toBe(read.weightData.byteLength);
  });

  it('caps model.json and the shards together', async () => {
    const model = await modelFolder('total', ['group1-shard1of1.bin'], { 'group1-shard1of1.bin': shard });
    const jsonBytes = (await readFile(model)).byteLength;
    const shardBytes = (await readFile(shard)).byteLength;
    const error = await refusal(model, { maxBytes: jsonBytes + shardBytes - 1 });
    expect(error.code).toBe('E_MODEL_TOO_LARGE');
    expect(error.message).toMatch(new RegExp(`weight shard .* is ${shardBytes} bytes, and with the ${jsonBytes} bytes read before it the model is over the size cap`));
    await expect(readModelArtifacts(model, { maxBytes: jsonBytes + shardBytes })).resolves.toBeTruthy();
  });

  it('refuses the same shard listed twice', async () => {
    const model = await modelFolder('twice', ['group1-shard1of1.bin', 'group1-shard1of1.bin'], { 'group1-shard1of1.bin': shard });
    expect((await refusal(model)).message).toMatch(/is listed twice/);
  });

  it('refuses a shard that is a device or a folder', async () => {
    const model = await modelFolder('device', ['group1-shard1of1.bin'], { 'group1-shard1of1.bin': { link: '/dev/zero' } });
    expect((await refusal(model)).message).toMatch(/outside the model's folder/);
    const folder = await modelFolder('folder', ['sub'], {});
    await mkdir(path.join(path.dirname(folder), 'sub'));
    expect((await refusal(folder)).message).toMatch(/not a regular file/);
  });
});
