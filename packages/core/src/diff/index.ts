// Public API of core/diff (re-exported by src/index.ts).
export * from './symbolic/index';
export * from './compile/index';
