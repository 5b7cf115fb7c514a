// Public API of compile-to-JS (re-exported by src/diff/index.ts).
export { compile, type CompileOptions, type CompiledFunction, type CompiledResult, type CompileBackend } from './compile';
export { CompileError } from './errors';
