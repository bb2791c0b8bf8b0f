/**
 * Recognises the Python values the engine stores as plain data, so the inspector can
 * show them as Python would rather than as raw JSON: a dict (`{keys, values, used}`
 * from src/engine/python/dict.ts, with holes for deleted keys) and a dict items
 * iterator (`{diUsed, pos, len, exhausted}`), whose recorded size the inspector puts
 * next to the current size of its dict.
 */
import type { SimEvent } from '../../engine/index.ts';
import type { PyDict, PyDictIter } from '../../engine/python/dict.ts';

export function isPyDict(value: unknown): value is PyDict {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  return (
    Object.keys(v).length === 3 &&
    Array.isArray(v['keys']) &&
    Array.isArray(v['values']) &&
    typeof v['used'] === 'number' &&
    (v['keys'] as unknown[]).length === (v['values'] as unknown[]).length &&
    (v['keys'] as unknown[]).every((k) => k === null || typeof k === 'string')
  );
}

export function isDictIter(value: unknown): value is PyDictIter {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v['diUsed'] === 'number' &&
    typeof v['pos'] === 'number' &&
    typeof v['len'] === 'number' &&
    typeof v['exhausted'] === 'boolean'
  );
}

/** The live entries of a dict, in insertion order, with their slot index. */
export function dictEntries(d: PyDict): { key: string; value: number; slot: number }[] {
  const out: { key: string; value: number; slot: number }[] = [];
  d.keys.forEach((key, slot) => {
    if (key !== null) out.push({ key, value: d.values[slot] as number, slot });
  });
  return out;
}

/**
 * Finds the dict an iterator walks: the iterator may name it (`dict: 'timers'`, a key
 * or a '/'-path into the state) beside itself, or sit beside it under a matching name
 * (`timers` and `timers_iter`). Returns null when it cannot tell.
 */
export function dictForIterator(
  parent: Readonly<Record<string, unknown>> | null,
  key: string,
  state: unknown,
): PyDict | null {
  const iter = parent?.[key] as Record<string, unknown> | undefined;
  const named = [iter?.['dict'], parent?.['dict'], parent?.[`${key}_dict`]].find(
    (v): v is string => typeof v === 'string',
  );
  if (named !== undefined) {
    const found = lookup(state, named);
    if (isPyDict(found)) return found;
  }
  const stem = key.replace(/_?iter(ator)?$/i, '');
  if (stem !== key && parent) {
    const sibling = parent[stem];
    if (isPyDict(sibling)) return sibling;
    const inState = lookup(state, stem);
    if (isPyDict(inState)) return inState;
  }
  return null;
}

/**
 * Finds a dict in the state by the name the engine's dict events use: a path
 * (`buffer.timers`) or just the key it is stored under (`timers`), searched depth first.
 */
export function findDictByName(state: unknown, name: string): PyDict | null {
  const direct = lookup(state, name);
  if (isPyDict(direct)) return direct;
  const last = name.split(/[./]/).pop() ?? name;
  const seen: unknown[] = [state];
  while (seen.length > 0) {
    const at = seen.shift();
    if (at === null || typeof at !== 'object' || isPyDict(at)) continue;
    for (const [key, value] of Object.entries(at as Record<string, unknown>)) {
      if (key === last && isPyDict(value)) return value;
      seen.push(value);
    }
  }
  return null;
}

/**
 * The dict each actor's open iterator walks, by name: the dict of that actor's most
 * recent `iter` event in the step records (the engine's event stream names it).
 */
export function iteratedDicts(
  records: readonly { readonly events: readonly SimEvent[] }[],
  upTo: number,
): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = Math.min(upTo, records.length) - 1; i >= 0; i--) {
    for (const e of records[i]?.events ?? []) {
      if (e.kind === 'dict' && e.op === 'iter' && !out.has(e.actor)) out.set(e.actor, e.dict);
    }
  }
  return out;
}

function lookup(root: unknown, path: string): unknown {
  let at: unknown = root;
  for (const segment of path.split(/[./]/)) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[segment];
  }
  return at;
}
