// Public API of core/diff (re-exported by src/index.ts).
export {};
