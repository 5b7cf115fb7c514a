// Public API of compile-to-JS (re-exported by src/diff/index.ts).
export {};
