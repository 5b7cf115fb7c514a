// Node's file-system modules, loaded only when a model is read from or written to disk. The
// specifier is not a literal so browser bundlers (Vite, webpack) leave it alone instead of warning
// that node:fs was externalized, or failing on the node: scheme, when an app bundles this subpath.
type NodeBuiltins = {
  'node:fs/promises': typeof import('node:fs/promises');
  'node:path': typeof import('node:path');
  'node:url': typeof import('node:url');
};

export function importNodeBuiltin<K extends keyof NodeBuiltins>(name: K): Promise<NodeBuiltins[K]> {
  const specifier: string = name;
  return import(/* @vite-ignore */ /* webpackIgnore: true */ specifier) as Promise<NodeBuiltins[K]>;
}
