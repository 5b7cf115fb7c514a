// Reads a packed npm tarball with the system `tar`: its file list and its (published) manifest.
import { execFileSync } from 'node:child_process';

export function listTarball(tarball) {
  const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n').filter(Boolean);
  const manifest = JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }));
  return { files, manifest };
}
