// Model registries: name -> family. The default registry holds the built-ins and is frozen (no
// global mutable state in a side-effect-free package); `createModelRegistry()` gives a private,
// extensible copy for custom families such as a neural net with its own solver.
import { describeValue } from '../errors';
import { FitOptionsError } from './errors';
import type { ModelDefinition, ModelFamily, ModelSettings } from './model';
import { builtinModelFamilies } from './models/index';

/**
 * Where fitCurve looks model names up (option `registry`): the built-in families, plus any you
 * register on a copy from createModelRegistry().
 */
export interface ModelRegistry {
  /** Adds (or replaces) a family; returns the registry for chaining. */
  register(family: ModelFamily): ModelRegistry;
  /** The family for a name like "ll3" or "poly:5" (the part before the colon), if known. */
  family(name: string): ModelFamily | undefined;
  /** Families in registration order. */
  families(): readonly ModelFamily[];
  /** Builds the model for a name like "article" or "poly:5" with settings (e.g. { max: 500 }). */
  resolve(name: string, settings?: ModelSettings): ModelDefinition;
}

function checkFamily(f: ModelFamily): void {
  if (f === null || typeof f !== 'object' || typeof f.family !== 'string' || !/^[A-Za-z0-9_-]+$/.test(f.family) || typeof f.create !== 'function') {
    throw new FitOptionsError('E_FIT_BAD_MODEL', `a model family needs a name of letters, digits, _ or - and a create() function, got ${describeValue(f)}`, {
      where: 'family',
      value: f,
    });
  }
}

class Registry implements ModelRegistry {
  private readonly map = new Map<string, ModelFamily>();
  constructor(
    families: readonly ModelFamily[],
    private readonly frozen: boolean,
  ) {
    for (const f of families) {
      checkFamily(f);
      this.map.set(f.family, f);
    }
  }
  register(family: ModelFamily): ModelRegistry {
    if (this.frozen) {
      throw new FitOptionsError('E_FIT_BAD_OPTION', 'the default model registry is read-only; use createModelRegistry() and pass it as the `registry` option', {
        where: 'registry',
      });
    }
    checkFamily(family);
    this.map.set(family.family, family);
    return this;
  }
  family(name: string): ModelFamily | undefined {
    return this.map.get(name.split(':')[0]);
  }
  families(): readonly ModelFamily[] {
    return [...this.map.values()];
  }
  resolve(name: string, settings: ModelSettings = {}): ModelDefinition {
    if (typeof name !== 'string' || name === '') {
      throw new FitOptionsError('E_FIT_UNKNOWN_MODEL', `model must be a non-empty name, got ${describeValue(name)}`, { where: 'model', value: name });
    }
    const colon = name.indexOf(':');
    const familyName = colon < 0 ? name : name.slice(0, colon);
    const arg = colon < 0 ? undefined : name.slice(colon + 1);
    const family = this.map.get(familyName);
    if (!family) {
      const known = [...this.map.values()].map((f) => (f.family === 'poly' ? 'poly:N' : f.family === 'formula' ? 'formula:<expr>' : f.family)).join(', ');
      throw new FitOptionsError('E_FIT_UNKNOWN_MODEL', `unknown model ${describeValue(name)}; known: ${known}, auto`, { where: 'model', value: name });
    }
    return family.create(arg, settings);
  }
}

/** The built-in families (read-only). */
export const defaultModelRegistry: ModelRegistry = new Registry(builtinModelFamilies, true);

/** A new registry holding the built-ins (or `families`), open to `register`. */
export function createModelRegistry(families: readonly ModelFamily[] = builtinModelFamilies): ModelRegistry {
  if (!Array.isArray(families)) {
    throw new FitOptionsError('E_FIT_BAD_OPTION', `createModelRegistry: families must be an array of model families, got ${describeValue(families)}`, { where: 'families', value: families });
  }
  return new Registry(families, false);
}
