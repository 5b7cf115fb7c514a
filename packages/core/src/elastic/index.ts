// Public API of core/elastic (re-exported by src/index.ts).
export {};
