// Pytrees: the nested inputs and outputs of differentiable functions (a number, an array, a
// Float64Array or a record of those, to any depth) flattened to a list of leaves and rebuilt in
// the same shape, so a gradient comes back shaped like the parameters it belongs to.
import { describeValue } from '../errors';
import { DiffError, argumentError } from './errors';
import { limits, tooLarge } from './limits';
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

/**
 * An input tree (number, array, Float64Array or record) flattened to its number leaves, with
 * what it takes to rebuild it and the path of each leaf.
 */
export interface Flat {
  /** The leaves in depth-first order. */
  readonly leaves: Num[];
  /** The tree's shape, to rebuild a tree of the same shape from new leaves. */
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

/** What one flatten call carries down the recursion. */
interface Walk {
  readonly what: string;
  readonly leaves: Num[];
  readonly finite: boolean;
  /** Leaves plus containers visited so far, against limits.maxLeaves. */
  count: number;
}

/**
 * Flattens `tree`; `what` names it in errors ("grad input"). With `finite`, plain-number leaves
 * must be finite (inputs), otherwise any number is accepted (outputs are checked by the caller).
 *
 * Inputs are read once, here: own enumerable string keys of plain records (sorted), array
 * elements by index. A getter or proxy trap that throws becomes an E_ARGUMENT error naming the
 * path; more than `limits.maxLeaves` leaves and containers is E_TOO_LARGE; nesting deeper than 64
 * levels (which is what a cycle looks like) is E_SHAPE. An own "__proto__" key (JSON.parse makes
 * them) is an ordinary key: it is flattened and comes back as an own property of the rebuilt tree.
 */
export function flatten(tree: unknown, what: string, finite = true): Flat {
  if (Array.isArray(tree) && tree.length <= 256) {
    let plain = true;
    try {
      for (let i = 0; i < tree.length && plain; i++) {
        const v = tree[i];
        plain = typeof v === 'number' ? !finite || v - v === 0 : v instanceof Boxed;
      }
    } catch {
      plain = false; // a throwing getter or proxy: the walk below reports it with its path
    }
    if (plain) return new LazyFlat(tree.slice(), leafArrayDef(tree.length));
  }
  const c: Walk = { what, leaves: [], finite, count: 0 };
  const def = walk(tree, c, 0, '');
  return new LazyFlat(c.leaves, def);
}

function readError(what: string, path: string, err: unknown): DiffError {
  const msg = err instanceof Error ? err.message : describeValue(err);
  return new DiffError('E_ARGUMENT', `${what}${path ? ' at ' + path : ''}: reading it threw: ${msg}`, { where: path || what, cause: err });
}

// What a tree node is (plain constants: the walk compares them often).
const LEAF_NODE = 0;
const TYPED_NODE = 1;
const ARRAY_NODE = 2;
const RECORD_NODE = 3;
const OTHER_NODE = 4;

function kindOf(x: unknown): number {
  if (typeof x === 'number' || x instanceof Boxed) return LEAF_NODE;
  if (x instanceof Float64Array || x instanceof Float32Array) return TYPED_NODE;
  if (Array.isArray(x)) return ARRAY_NODE;
  return isRecord(x) ? RECORD_NODE : OTHER_NODE;
}

function count(c: Walk, n: number, path: string): void {
  c.count += n;
  if (c.count > limits.maxLeaves) {
    throw tooLarge(`${c.what}${path ? ' at ' + path : ''}`, c.count, limits.maxLeaves, 'leaves and containers', 'maxLeaves');
  }
}

function walk(x: unknown, c: Walk, depth: number, path: string): TreeDef {
  const { what } = c;
  if (depth > MAX_DEPTH) {
    throw new DiffError('E_SHAPE', `${what}: nested deeper than ${MAX_DEPTH} levels at ${path || 'the root'} (a cycle?)`, { where: what });
  }
  let kind: number;
  let length = 0;
  try {
    kind = kindOf(x);
    if (kind === TYPED_NODE || kind === ARRAY_NODE) length = (x as ArrayLike<unknown>).length;
  } catch (err) {
    throw readError(what, path, err); // a revoked proxy, a throwing getPrototypeOf trap, ...
  }
  if (kind === LEAF_NODE) {
    if (c.finite && typeof x === 'number' && !Number.isFinite(x)) {
      throw new DiffError('E_NON_FINITE', `${what}${path ? ' at ' + path : ''}: expected a finite number, got ${describeValue(x)}`, {
        where: path || what,
        value: x,
      });
    }
    c.leaves.push(x as Num);
    return LEAF;
  }
  if (kind === TYPED_NODE || kind === ARRAY_NODE) {
    count(c, length + 1, path); // before reading: a 5e7-element array fails here, not out of heap
    const items: TreeDef[] | null = kind === ARRAY_NODE ? new Array(length) : null;
    for (let i = 0; i < length; i++) {
      let v: unknown;
      try {
        v = (x as ArrayLike<unknown>)[i];
      } catch (err) {
        throw readError(what, `${path}[${i}]`, err);
      }
      const d = walk(v, c, depth + 1, `${path}[${i}]`);
      if (items !== null) items[i] = d;
    }
    return items === null ? { kind: 'typed', length } : { kind: 'array', items };
  }
  if (kind === RECORD_NODE) {
    let keys: string[];
    try {
      keys = Object.keys(x as object).sort(); // sorted, so key order never changes the leaf order
    } catch (err) {
      throw readError(what, path, err);
    }
    count(c, keys.length + 1, path);
    const items: TreeDef[] = new Array(keys.length);
    for (let k = 0; k < keys.length; k++) {
      const p = path ? `${path}.${keys[k]}` : keys[k];
      let v: unknown;
      try {
        v = (x as Record<string, unknown>)[keys[k]];
      } catch (err) {
        throw readError(what, p, err);
      }
      items[k] = walk(v, c, depth + 1, p);
    }
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
 *
 * Public: `def` is checked as it is read (an unknown kind, a malformed node or a leaf count that
 * does not match `leaves` is a DiffError). The engine's own calls use `rebuild` (defs it made).
 */
export function unflatten(def: TreeDef, leaves: readonly Num[], typed: boolean): unknown {
  if (!Array.isArray(leaves)) throw argumentError('unflatten: leaves', leaves, 'an array of numbers');
  const c: Walk = { what: 'unflatten: def', leaves: [], finite: false, count: 0 };
  let need: number;
  try {
    need = checkDef(def, c, 0, '');
  } catch (err) {
    if (err instanceof DiffError) throw err;
    throw readError('unflatten: def', '', err); // a hostile def (throwing getters or proxy traps)
  }
  if (need !== leaves.length) {
    throw new DiffError('E_SHAPE', `unflatten: def has ${need} leaves, got ${leaves.length} values`, { where: 'leaves', value: leaves.length });
  }
  for (let i = 0; i < leaves.length; i++) {
    const v = leaves[i];
    if (typeof v !== 'number' && !(v instanceof Boxed)) throw argumentError(`unflatten: leaves[${i}]`, v, 'a number');
  }
  return rebuild(def, leaves, typed);
}

/** Validates a user-supplied TreeDef and returns its number of leaves. */
function checkDef(def: unknown, c: Walk, depth: number, path: string): number {
  const where = `unflatten: def${path}`;
  if (depth > MAX_DEPTH) throw new DiffError('E_SHAPE', `${where}: nested deeper than ${MAX_DEPTH} levels (a cycle?)`, { where });
  let kind: unknown;
  let items: unknown;
  let keys: unknown;
  let length: unknown;
  try {
    if (typeof def !== 'object' || def === null) throw argumentError(where, def, "a TreeDef ({ kind: 'leaf' | 'typed' | 'array' | 'record', ... })");
    ({ kind, items, keys, length } = def as Record<string, unknown>);
  } catch (err) {
    if (err instanceof DiffError) throw err;
    throw readError(where, '', err);
  }
  switch (kind) {
    case 'leaf':
      count(c, 1, path);
      return 1;
    case 'typed':
      if (typeof length !== 'number' || !Number.isInteger(length) || length < 0) throw argumentError(`${where}.length`, length, 'a non-negative integer');
      count(c, length + 1, path);
      return length;
    case 'array':
    case 'record': {
      if (!Array.isArray(items)) throw argumentError(`${where}.items`, items, 'an array of TreeDefs');
      if (kind === 'record' && (!Array.isArray(keys) || keys.length !== items.length || keys.some((k) => typeof k !== 'string'))) {
        throw argumentError(`${where}.keys`, keys, `an array of ${items.length} strings`);
      }
      count(c, items.length + 1, path);
      let n = 0;
      for (let i = 0; i < items.length; i++) n += checkDef(items[i], c, depth + 1, kind === 'record' ? `${path}.${(keys as string[])[i]}` : `${path}[${i}]`);
      return n;
    }
    default:
      throw argumentError(`${where}.kind`, kind, "'leaf', 'typed', 'array' or 'record'");
  }
}

/** unflatten for defs made by flatten (no checks: the per-call path of grad, jvp and trace). */
export function rebuild(def: TreeDef, leaves: readonly Num[], typed: boolean): unknown {
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
      for (let k = 0; k < def.keys.length; k++) {
        const key = def.keys[k];
        const v = build(def.items[k], leaves, at, typed);
        // An own "__proto__" key: assignment would call the prototype setter and drop the value.
        if (key === '__proto__') Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
        else out[key] = v;
      }
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
