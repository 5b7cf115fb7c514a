// Tells TensorFlow.js from a bundler's stand-in for it. `@tensorflow/tfjs` is an optional peer
// dependency, and when an app has not installed it some bundlers replace it with an empty module
// instead of failing: Vite 4-7 production builds (`export default {}`) and webpack's
// `resolve.alias: { '@tensorflow/tfjs': false }` among them (Vite 8's stand-in throws on import,
// which loadTfjs's catch already answers). The import then "succeeds" and the first TF.js call
// dies as `TypeError: e.ready is not a function`; this check turns that into TfjsUnavailableError.
import type * as TF from '@tensorflow/tfjs';
import { TfjsUnavailableError } from './errors';

/** The TF.js members core/tfjs calls (runtime.ts); a module without any of them is not TF.js. */
const REQUIRED_FUNCTIONS = ['ready', 'setBackend', 'tensor', 'tensor2d', 'tidy', 'loadGraphModel', 'loadLayersModel'] as const;

export const INSTALL_TFJS = 'install @tensorflow/tfjs 4.22';

function missingMembers(candidate: unknown): string[] {
  if ((typeof candidate !== 'object' && typeof candidate !== 'function') || candidate === null) return [...REQUIRED_FUNCTIONS, 'io.fromMemory'];
  // `in` before reading: some module wrappers (test runners' mocks) throw on reading a missing export.
  const has = (owner: object, name: string) => name in owner && typeof (owner as Record<string, unknown>)[name] === 'function';
  const missing: string[] = REQUIRED_FUNCTIONS.filter((name) => !has(candidate, name));
  const io = 'io' in candidate ? (candidate as { io?: unknown }).io : undefined;
  if (typeof io !== 'object' || io === null || !has(io, 'fromMemory')) missing.push('io.fromMemory');
  return missing;
}

/**
 * The TF.js namespace from what `import('@tensorflow/tfjs')` gave: the namespace itself, or its
 * `default` when a CommonJS interop wrapped it. Throws TfjsUnavailableError (E_TFJS_UNAVAILABLE)
 * when neither is TF.js, naming the members that are missing.
 */
export function tfjsFromModule(imported: unknown): typeof TF {
  let missing: string[];
  try {
    missing = missingMembers(imported);
    if (missing.length === 0) return imported as typeof TF;
    const wrapped = typeof imported === 'object' && imported !== null && 'default' in imported ? imported.default : undefined;
    if (missingMembers(wrapped).length === 0) return wrapped as typeof TF;
  } catch (err) {
    // A hostile module (a Proxy or a getter that throws) is no TF.js either.
    throw new TfjsUnavailableError('E_TFJS_UNAVAILABLE', `@tensorflow/tfjs could not be read (${(err as Error)?.message ?? String(err)}): ${INSTALL_TFJS}`, { where: '@tensorflow/tfjs' }, { cause: err });
  }
  const empty = missing.length === REQUIRED_FUNCTIONS.length + 1;
  throw new TfjsUnavailableError(
    'E_TFJS_UNAVAILABLE',
    empty
      ? `@tensorflow/tfjs resolved to an empty module (a bundler's stand-in for a missing optional peer dependency), and this model needs TensorFlow.js to run: ${INSTALL_TFJS}`
      : `@tensorflow/tfjs resolved to a module without ${missing.join(', ')} (not TensorFlow.js 4.x): ${INSTALL_TFJS}`,
    { where: '@tensorflow/tfjs', value: missing },
  );
}
