// Pytrees: the nested inputs and outputs of differentiable functions (a number, an array, a
// Float64Array or a record of those, to any depth) flattened to a list of leaves and rebuilt in
// the same shape, so a gradient comes back shaped like the parameters it belongs to.
import { describeValue } from '../errors';
import { DiffError } from './errors';
import { Boxed } from './value';
import type { Num } from './value';

/** What a differentiable function may take and return. Typed arrays arrive as arrays of Num. */
export type Tree<L = number> = L | Float64Array | readonly Tree<L>[] | { readonly [key: string]: Tree<L> };

/** How a tree was put together; flatten order is depth-first, arrays by index, records by
 * sorted key (as JAX), so two records with the same keys always flatten alike. */
export type TreeDef =
  | { readonly kind: 'leaf' }
  | { readonly kind: 'typed'; readonly length: number }
  | { readonly kind: 'array'; readonly items: readonly TreeDef[]; readonly leavesOnly?: boolean }
  | { readonly kind: 'record'; readonly keys: readonly string[]; readonly items: readonly TreeDef[] };

const LEAF: TreeDef = { kind: 'leaf' };
/** Deeper than this is a cycle or hostile input, not a parameter structure. */
const MAX_DEPTH = 64;

export interface Flat {
  readonly leaves: Num[];
  readonly def: TreeDef;
  /** "a", "w[3]", "layers[0].bias": the path of each leaf, for messages and trace inputs. */
  readonly paths: string[];
}

/** Paths are only needed for messages: computed on first use, not on every gradient call. */
class LazyFlat implements Flat {
  private cached: string[] | null = null;
  constructor(
    readonly leaves: Num[],
    readonly def: TreeDef,
  ) {}
  get paths(): string[] {
    if (this.cached === null) {
      this.cached = [];
      collectPaths(this.def, '', this.cached);
    }
    return this.cached;
  }
}

function collectPaths(def: TreeDef, path: string, out: string[]): void {
  switch (def.kind) {
    case 'leaf':
      out.push(path);
      return;
    case 'typed':
      for (let i = 0; i < def.length; i++) out.push(`${path}[${i}]`);
      return;
    case 'array':
      def.items.forEach((item, i) => collectPaths(item, `${path}[${i}]`, out));
      return;
    case 'record':
      def.keys.forEach((k, i) => collectPaths(def.items[i], path ? `${path}.${k}` : k, out));
  }
}

/** Defs of flat arrays of n leaves, shared (the common case: a parameter vector). */
const arrayDefs: TreeDef[] = [];
function leafArrayDef(n: number): TreeDef {
  return (arrayDefs[n] ??= { kind: 'array', items: new Array<TreeDef>(n).fill(LEAF), leavesOnly: true });
}

function isRecord(x: unknown): x is Record<string, unknown> {
  if (typeof x !== 'object' || x === null) return false;
  const proto = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}

/**
 * Flattens `tree`; `what` names it in errors ("grad input"). With `finite`, plain-number leaves
 * must be finite (inputs), otherwise any number is accepted (outputs are checked by the caller).
 */
export function flatten(tree: unknown, what: string, finite = true): Flat {
  if (Array.isArray(tree) && tree.length <= 256) {
    let plain = true;
    for (let i = 0; i < tree.length && plain; i++) {
      const v = tree[i];
      plain = typeof v === 'number' ? !finite || v - v === 0 : v instanceof Boxed;
    }
    if (plain) return new LazyFlat(tree.slice(), leafArrayDef(tree.length));
  }
  const leaves: Num[] = [];
  const def = walk(tree, what, 0, leaves, finite, '');
  return new LazyFlat(leaves, def);
}

function walk(x: unknown, what: string, depth: number, leaves: Num[], finite: boolean, path: string): TreeDef {
  if (depth > MAX_DEPTH) {
    throw new DiffError('E_SHAPE', `${what}: nested deeper than ${MAX_DEPTH} levels at ${path || 'the root'} (a cycle?)`, { where: what });
  }
  if (typeof x === 'number' || x instanceof Boxed) {
    if (finite && typeof x === 'number' && !Number.isFinite(x)) {
      throw new DiffError('E_NON_FINITE', `${what}${path ? ' at ' + path : ''}: expected a finite number, got ${describeValue(x)}`, {
        where: path || what,
        value: x,
      });
    }
    leaves.push(x);
    return LEAF;
  }
  if (x instanceof Float64Array || x instanceof Float32Array) {
    for (let i = 0; i < x.length; i++) walk(x[i], what, depth + 1, leaves, finite, `${path}[${i}]`);
    return { kind: 'typed', length: x.length };
  }
  if (Array.isArray(x)) {
    const items: TreeDef[] = new Array(x.length);
    for (let i = 0; i < x.length; i++) items[i] = walk(x[i], what, depth + 1, leaves, finite, `${path}[${i}]`);
    return { kind: 'array', items };
  }
  if (isRecord(x)) {
    const keys = Object.keys(x).sort(); // sorted, so key order never changes the leaf order
    const items = keys.map((k) => walk(x[k], what, depth + 1, leaves, finite, path ? `${path}.${k}` : k));
    return { kind: 'record', keys, items };
  }
  throw new DiffError(
    'E_SHAPE',
    `${what}${path ? ' at ' + path : ''}: expected a number, an array, a Float64Array or a plain record of those, got ${describeValue(x)}`,
    { where: path || what, value: x },
  );
}

/**
 * Rebuilds a tree of shape `def` from `leaves` (consumed in flatten order). `typed` decides what a
 * typed-array node becomes: a Float64Array (results whose leaves are numbers) or a plain array
 * (the inputs a user function sees, which may hold boxed values).
 */
export function unflatten(def: TreeDef, leaves: readonly Num[], typed: boolean): unknown {
  const at = { i: 0 };
  return build(def, leaves, at, typed);
}

function build(def: TreeDef, leaves: readonly Num[], at: { i: number }, typed: boolean): unknown {
  switch (def.kind) {
    case 'leaf':
      return leaves[at.i++];
    case 'typed': {
      let allNumbers = typed;
      for (let k = 0; k < def.length && allNumbers; k++) allNumbers = typeof leaves[at.i + k] === 'number';
      const out = allNumbers ? new Float64Array(def.length) : new Array<Num>(def.length);
      for (let k = 0; k < def.length; k++) out[k] = leaves[at.i++] as number;
      return out;
    }
    case 'array':
      if (def.leavesOnly) {
        const out = leaves.slice(at.i, at.i + def.items.length);
        at.i += def.items.length;
        return out;
      }
      return def.items.map((item) => build(item, leaves, at, typed));
    case 'record': {
      const out: Record<string, unknown> = {};
      for (let k = 0; k < def.keys.length; k++) out[def.keys[k]] = build(def.items[k], leaves, at, typed);
      return out;
    }
  }
}

/** Throws E_SHAPE unless `b` has the structure of `a` (typed and plain arrays of equal length match). */
function shapeError(what: string, path: string, detail: string): DiffError {
  return new DiffError('E_SHAPE', `${what}${path ? ' at ' + path : ''}: ${detail}`, { where: path || what });
}

function lengthOf(d: TreeDef): number {
  return d.kind === 'typed' ? d.length : d.kind === 'array' ? d.items.length : -1;
}

export function assertSameShape(a: TreeDef, b: TreeDef, what: string, path = ''): void {
  if (a === b) return; // shared defs (flat arrays of one length) are trivially equal
  if (a.kind === 'leaf' || b.kind === 'leaf') {
    if (a.kind !== b.kind) throw shapeError(what, path, `expected ${a.kind === 'leaf' ? 'a number' : 'a container'}, got ${b.kind === 'leaf' ? 'a number' : 'a container'}`);
    return;
  }
  if (a.kind === 'record' || b.kind === 'record') {
    if (a.kind !== 'record' || b.kind !== 'record') throw shapeError(what, path, 'expected the same kind of container (record vs array)');
    if (a.keys.length !== b.keys.length || a.keys.some((k, i) => k !== b.keys[i])) {
      throw shapeError(what, path, `expected keys [${a.keys.join(', ')}], got [${b.keys.join(', ')}]`);
    }
    a.keys.forEach((k, i) => assertSameShape(a.items[i], b.items[i], what, path ? `${path}.${k}` : k));
    return;
  }
  if (lengthOf(a) !== lengthOf(b)) throw shapeError(what, path, `expected length ${lengthOf(a)}, got ${lengthOf(b)}`);
  for (let i = 0; i < lengthOf(a); i++) {
    const ai = a.kind === 'array' ? a.items[i] : LEAF;
    const bi = b.kind === 'array' ? b.items[i] : LEAF;
    assertSameShape(ai, bi, what, `${path}[${i}]`);
  }
}
