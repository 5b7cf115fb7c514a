// "Did you mean ...?" for mistyped names: the known name nearest by edit distance, offered only
// when it is near for the name's length (one edit up to four characters, two beyond), so `foo`
// gets no suggestion while `sine`, `tahn` and `sigmod` do.

/** Names longer than this are never compared, so a hostile 10k-character name costs nothing. */
const MAX_COMPARED_LENGTH = 24;

/**
 * Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of two
 * neighbours (`tahn` -> `tanh` is one edit, as a typist sees it).
 */
export function editDistance(from: string, to: string): number {
  const rows: number[][] = [Array.from({ length: to.length + 1 }, (_, column) => column)];
  for (let row = 1; row <= from.length; row++) {
    const current = [row];
    for (let column = 1; column <= to.length; column++) {
      const substitution = from[row - 1] === to[column - 1] ? 0 : 1;
      current[column] = Math.min(rows[row - 1][column] + 1, current[column - 1] + 1, rows[row - 1][column - 1] + substitution);
      const swapped = row > 1 && column > 1 && from[row - 1] === to[column - 2] && from[row - 2] === to[column - 1];
      if (swapped) current[column] = Math.min(current[column], rows[row - 2][column - 2] + 1);
    }
    rows.push(current);
  }
  return rows[from.length][to.length];
}

/** The edits a name of this length may be away from a suggestion. */
function allowedEdits(length: number): number {
  return length <= 4 ? 1 : 2;
}

/** The candidate nearest to `name` (case-insensitive), or undefined when none is near enough. */
export function nearestName(name: string, candidates: Iterable<string>): string | undefined {
  if (name.length === 0 || name.length > MAX_COMPARED_LENGTH) return undefined;
  const allowed = allowedEdits(name.length);
  let best: string | undefined;
  let bestDistance = allowed + 1;
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - name.length) > allowed) continue;
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
