// Lint: typescript-eslint's recommended rules, plus the purity rule of ARCHITECTURE.md:
// only the elastic host files (and DOM tests) may touch browser globals.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const browserGlobals = ['window', 'document', 'navigator', 'location', 'requestAnimationFrame',
  'cancelAnimationFrame', 'matchMedia', 'getComputedStyle', 'localStorage', 'sessionStorage'];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/.turbo/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.name='eval']", message: 'never eval' }],
    },
  },
  {
    files: ['packages/core/src/**/*.ts'],
    ignores: ['packages/core/src/elastic/host*.ts', 'packages/core/src/**/*.dom.test.ts', 'packages/core/src/**/*.browser.test.ts'],
    rules: {
      'no-restricted-globals': ['error', ...browserGlobals.map((name) => ({
        name, message: 'core is DOM-free: reach the outside world through the injected Host (src/elastic/host*.ts)',
      }))],
    },
  },
);
