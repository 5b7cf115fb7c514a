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
    // Spreading an array into a call (or apply) puts every element on the stack: past ~120k
    // elements it is a RangeError, so input-sized arrays never go through it (issue 14). Array
    // literals ([...a]) are fine. A call whose spread is bounded by a constant says so in an
    // eslint-disable comment.
    files: ['packages/*/src/**/*.ts', 'packages/*/src/**/*.tsx', 'apps/*/src/**/*.ts', 'apps/shared/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.test.tsx', '**/test-support/**'],
    rules: {
      'no-restricted-syntax': ['error',
        { selector: "CallExpression[callee.name='eval']", message: 'never eval' },
        { selector: 'CallExpression > SpreadElement', message: 'no spread into a call: an input-sized array overflows the stack (use a loop or reduce)' },
        { selector: 'NewExpression > SpreadElement', message: 'no spread into a constructor call: an input-sized array overflows the stack' },
        { selector: "CallExpression[callee.property.name='apply'][arguments.length=2]", message: 'no fn.apply(this, array): an input-sized array overflows the stack' },
        { selector: "CallExpression[callee.object.name='Reflect'][callee.property.name='apply']", message: 'no Reflect.apply with an argument array: an input-sized array overflows the stack' },
      ],
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
