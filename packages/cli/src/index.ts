// @tensile/cli as a library: build the `tensile` program (used by the bin and by tests).
export { createProgram, runCli } from './program';
