// Public API of core/fit (re-exported by src/index.ts).
export {};
