// The built-in model families, in the order `auto` tries them (ll3 before article: the same curve,
// better conditioned, so it wins AICc ties). A new family (e.g. an "mlp" from core/nn) is added by
// appending it here or by registering it on a registry from `createModelRegistry()`.
import type { ModelFamily } from '../model';
import { articleFamily } from './article';
import { ll3Family } from './ll3';
import { logistic4Family, logistic5Family } from './logistic4';
import { formulaFamily } from './formula';
import { polyFamily } from './poly';
import { expsatFamily, powerFamily, rubberbandFamily } from './saturating';
import { mlpFamily } from './mlp';

/** The model families every registry starts with, in the order `model: "auto"` tries them. */
export const builtinModelFamilies: readonly ModelFamily[] = Object.freeze([
  ll3Family,
  articleFamily,
  logistic4Family,
  logistic5Family,
  rubberbandFamily,
  powerFamily,
  expsatFamily,
  polyFamily,
  formulaFamily,
  mlpFamily,
]);

export { DEFAULT_ARTICLE_MAX } from './article';
export { MAX_POLY_DEGREE } from './poly';
export { formulaModel } from './formula';
export type { FormulaModelOptions } from './formula';
export { defineModel } from './user';
export type { UserModelOptions } from './user';
