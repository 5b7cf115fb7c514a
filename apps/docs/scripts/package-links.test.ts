// Every publishable package says where it lives with the one address in .vitepress/links.ts: its
// package.json's repository, homepage and bugs, and the links of its README (npm's page).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REPOSITORY_URL, packageLinks } from '../.vitepress/links';
import { PUBLISHED_PACKAGES } from './typedoc-options';

const packagesDir = new URL('../../../packages/', import.meta.url);

describe.each(PUBLISHED_PACKAGES)('@tensile/%s', (name) => {
  it('gives repository, homepage and bugs from REPOSITORY_URL', () => {
    const manifest = JSON.parse(readFileSync(new URL(`${name}/package.json`, packagesDir), 'utf8'));
    expect({ homepage: manifest.homepage, repository: manifest.repository, bugs: manifest.bugs }).toEqual(packageLinks(`packages/${name}`));
  });

  it('links only REPOSITORY_URL on GitHub from its README', () => {
    const readme = readFileSync(new URL(`${name}/README.md`, packagesDir), 'utf8');
    const github = readme.match(/https:\/\/github\.com\/[^\s)\]]*/g) ?? [];
    for (const link of github) expect(link === REPOSITORY_URL || link.startsWith(`${REPOSITORY_URL}/`), link).toBe(true);
  });
});
