// Public API of core/fit (re-exported by src/index.ts).
export { fitCurve, checkModelDefinition } from './fit';
export type { FitOptions, FitResult, SelectionRow } from './fit';
export { FitDataError, FitOptionsError } from './errors';
export type { FitDataErrorCode, FitOptionsErrorCode } from './errors';
export { parseSamples } from './parse';
export { ARTICLE_SAMPLES } from './articleSamples';
export type { ParseSamplesOptions } from './parse';
export { toSamples, DEFAULT_MAX_POINTS } from './samples';
export type { Samples, SamplesInput } from './samples';
export { FittedCurve, curveFromJSON } from './curve';
export type { CurveJSON, ExportOptions } from './curve';
export { createModelRegistry, defaultModelRegistry } from './registry';
export type { ModelRegistry } from './registry';
export { numberOps } from './model';
export type { ModelDefinition, ModelFamily, ModelFacts, ModelOps, ModelSettings, ParamValues, SolveContext, CustomSolution } from './model';
export { builtinModelFamilies, DEFAULT_ARTICLE_MAX, MAX_POLY_DEGREE, formulaModel, defineModel } from './models/index';
export type { FormulaModelOptions, UserModelOptions } from './models/index';
export type { StopReason, LMOptions } from './lm';
