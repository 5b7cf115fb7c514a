// Lets a re-render skip setOptions when it passes the same options again: setOptions re-resolves
// them (a Curve is tabulated again, a TF.js-backed one re-evaluated), and a component that shows
// the snapshot re-renders on every frame of a drag. The same file lives in @tensile/vue.
type Options = Record<string, unknown>;

const isPlain = (value: unknown): value is Options =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

const sameKeys = (a: Options, b: Options, same: (x: unknown, y: unknown) => boolean) => {
  const keys = Object.keys(b);
  return keys.length === Object.keys(a).length && keys.every((key) => key in a && same(a[key], b[key]));
};

/** A copy one level into plain objects (`pullToRefresh`, `input`...), so edits made in place later still count as changes. */
export const copyOptions = (options: object): Options =>
  Object.fromEntries(Object.entries(options).map(([key, value]) => [key, isPlain(value) ? { ...value } : value]));

/** True when `next` holds the same values as the `applied` copy: curves, callbacks and elements by identity. */
export const sameOptions = (applied: Options, next: object): boolean =>
  sameKeys(applied, next as Options, (a, b) => Object.is(a, b) || (isPlain(a) && isPlain(b) && sameKeys(a, b, Object.is)));
