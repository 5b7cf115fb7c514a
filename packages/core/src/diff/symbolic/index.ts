// Public API of the formula language and symbolic differentiation (re-exported by src/diff/index.ts).
export { Formula, parseFormula, differentiate, type FormulaOptions } from './formula';
export { ParseError, FormulaError } from './errors';
export { MAX_FORMULA_LENGTH, MAX_FORMULA_DEPTH, type ParseOptions } from './parser';
export { MAX_PRINT_LENGTH } from './print';
export { FORMULA_FUNCTIONS, FORMULA_CONSTANTS, type OpName } from './ops';
export type { VariableValues } from './evaluate';
export { engineFunction } from './engine';
