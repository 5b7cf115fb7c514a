// The project's one public address. Every package.json's repository, homepage and bugs fields and
// the docs site's links are this URL (scripts/package-links.test.ts checks the package.jsons).
export const REPOSITORY_URL = 'https://github.com/tensile-dev/tensile';

/** What a publishable package's package.json must say about where it lives. */
export function packageLinks(directory: string): { homepage: string; repository: { type: 'git'; url: string; directory: string }; bugs: { url: string } } {
  return {
    homepage: `${REPOSITORY_URL}/tree/main/${directory}#readme`,
    repository: { type: 'git', url: `git+${REPOSITORY_URL}.git`, directory },
    bugs: { url: `${REPOSITORY_URL}/issues` },
  };
}
