// Public API of the formula language and symbolic differentiation (re-exported by src/diff/index.ts).
export {};
