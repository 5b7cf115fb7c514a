// Compiles the package's .svelte components (as copied to dist/) the way an app's bundler would
// (client, production), into dist/size/, so size-limit can measure them: esbuild cannot read .svelte.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { compile } from 'svelte/compiler';

mkdirSync('dist/size', { recursive: true });
for (const file of readdirSync('dist').filter((name) => name.endsWith('.svelte'))) {
  const { js } = compile(readFileSync(`dist/${file}`, 'utf8'), { filename: file, generate: 'client', dev: false });
  writeFileSync(`dist/size/${file.replace(/\.svelte$/, '.js')}`, js.code);
}
