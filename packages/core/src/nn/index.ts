// Public API of core/nn (re-exported by src/index.ts).
export {};
