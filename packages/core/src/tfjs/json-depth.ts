// How deeply JSON text nests, found by one linear scan before parsing: JSON.parse with a reviver
// (how model.json is read, to refuse __proto__ keys) recurses per level, so a valid but deeply
// nested document would end in "Maximum call stack size exceeded" instead of a typed error.

/** Deepest nesting accepted in model.json and other model inputs (converter output nests under 20). */
export const MAX_JSON_DEPTH = 256;

/** The character offset where `text` first nests deeper than `limit` arrays/objects, or -1. */
export function findExcessNesting(text: string, limit: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 92) i++; // backslash: skip the escaped character
      else if (code === 34) inString = false;
    } else if (code === 34) inString = true;
    else if (code === 91 || code === 123) {
      if (++depth > limit) return i;
    } else if (code === 93 || code === 125) depth--;
  }
  return -1;
}
