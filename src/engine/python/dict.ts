/**
 * CPython's dict as far as iterating while another thread writes needs it
 * (docs/real-code.md#dict-iteration), as a plain value. Entries live in insertion order in an append-only table;
 * a deletion leaves a hole (CPython's dummy entry); `clear()` installs a new,
 * empty table. An items iterator records the dict's size (`di_used`) and the
 * number of items it still expects (`len`) when it is created, and every
 * `next()` checks, in this order:
 *
 * 1. size now != recorded size: RuntimeError "dictionary changed size during
 *    iteration", and the recorded size becomes -1 so every later next() raises;
 * 2. scan forward from its position for a live entry; none: StopIteration;
 * 3. an entry found although `len` is already 0: RuntimeError "dictionary keys
 *    changed during iteration".
 *
 * Replacing a value keeps the size and the slot, so it never raises. What we
 * leave out: CPython compacts the table when it grows, which moves positions;
 * the modelled dicts never hold enough keys for that to matter.
 */

export interface PyDict {
  keys: (string | null)[];
  values: number[];
  used: number;
}

export interface PyDictIter {
  /** Size recorded at creation; -1 once a size change was seen (sticky). */
  diUsed: number;
  pos: number;
  len: number;
  /** Set once the iterator is exhausted; later next() calls stop at once. */
  exhausted: boolean;
}

export const CHANGED_SIZE = 'dictionary changed size during iteration';
export const KEYS_CHANGED = 'dictionary keys changed during iteration';

export type NextResult =
  | { readonly kind: 'item'; readonly key: string; readonly value: number }
  | { readonly kind: 'stop' }
  | { readonly kind: 'error'; readonly type: 'RuntimeError'; readonly message: string };

export function newDict(): PyDict {
  return { keys: [], values: [], used: 0 };
}

export function dictFrom(entries: readonly (readonly [string, number])[]): PyDict {
  const d = newDict();
  for (const [k, v] of entries) setItem(d, k, v);
  return d;
}

function indexOf(d: PyDict, key: string): number {
  return d.keys.indexOf(key);
}

export function getItem(d: PyDict, key: string): number | undefined {
  const i = indexOf(d, key);
  return i < 0 ? undefined : d.values[i];
}

/** `d[key] = value`. Returns whether a new key was inserted. */
export function setItem(d: PyDict, key: string, value: number): 'insert' | 'update' {
  const i = indexOf(d, key);
  if (i >= 0) {
    d.values[i] = value;
    return 'update';
  }
  d.keys.push(key);
  d.values.push(value);
  d.used += 1;
  return 'insert';
}

/** `d[key]` on a defaultdict: a miss inserts `defaultValue` first (C `__missing__`). */
export function defaultLookup(
  d: PyDict,
  key: string,
  defaultValue: number,
): { value: number; inserted: boolean } {
  const found = getItem(d, key);
  if (found !== undefined) return { value: found, inserted: false };
  setItem(d, key, defaultValue);
  return { value: defaultValue, inserted: true };
}

/** `del d[key]`. Returns false if the key was absent (a KeyError in Python). */
export function delItem(d: PyDict, key: string): boolean {
  const i = indexOf(d, key);
  if (i < 0) return false;
  d.keys[i] = null;
  d.values[i] = 0;
  d.used -= 1;
  return true;
}

/** `d.clear()`: a new empty table; an already empty, never-filled dict is left alone. */
export function clear(d: PyDict): void {
  if (d.keys.length === 0) return;
  d.keys = [];
  d.values = [];
  d.used = 0;
}

export function iterItems(d: PyDict): PyDictIter {
  return { diUsed: d.used, pos: 0, len: d.used, exhausted: false };
}

export function next(d: PyDict, it: PyDictIter): NextResult {
  if (it.exhausted) return { kind: 'stop' };
  if (it.diUsed !== d.used) {
    it.diUsed = -1;
    return { kind: 'error', type: 'RuntimeError', message: CHANGED_SIZE };
  }
  let i = it.pos;
  while (i < d.keys.length && d.keys[i] === null) i++;
  if (i >= d.keys.length) {
    it.exhausted = true;
    return { kind: 'stop' };
  }
  if (it.len === 0) {
    it.exhausted = true;
    return { kind: 'error', type: 'RuntimeError', message: KEYS_CHANGED };
  }
  it.pos = i + 1;
  it.len -= 1;
  return { kind: 'item', key: d.keys[i] as string, value: d.values[i] as number };
}

/** `list(d.items())` in one C call (atomic under the GIL). */
export function itemsList(d: PyDict): [string, number][] {
  const out: [string, number][] = [];
  for (let i = 0; i < d.keys.length; i++) {
    const k = d.keys[i];
    if (k !== null && k !== undefined) out.push([k, d.values[i] as number]);
  }
  return out;
}

export function size(d: PyDict): number {
  return d.used;
}
