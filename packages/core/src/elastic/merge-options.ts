// setOptions' merge: cheap enough to run on every render of an adapter.
import { ELASTIC_DEFAULTS, isObject } from './options';

type Options = Record<string, unknown>;

/**
 * `partial` over `raw` (groups merged key by key, and copied: a caller's object edited in place is
 * still a change next time), or false when it changes nothing, so a re-render passing equal options
 * costs a few comparisons and never re-resolves a curve.
 */
export function mergeOptions(raw: Options, partial: Options): Options | false {
  const out = { ...raw };
  let changed = false;
  for (const key in partial) {
    // A group in `raw` is an object, true (pullToRefresh's defaults, like {}), false or undefined.
    const before = raw[key] as Options | undefined;
    let value = partial[key];
    // Groups (an object default: edges, pullToRefresh, input...) merge key by key; every other
    // option is replaced, and curves, callbacks and elements compare by identity.
    if (typeof (ELASTIC_DEFAULTS as Options)[key] === 'object' && isObject(value)) {
      changed ||= !before;
      for (const inner in value) changed ||= before?.[inner] !== value[inner];
      value = { ...before, ...value };
    } else changed ||= before !== value;
    out[key] = value;
  }
  return changed && out;
}
