import { describe, expect, it } from 'vitest';
import {
  CHANGED_SIZE,
  KEYS_CHANGED,
  clear,
  defaultLookup,
  delItem,
  dictFrom,
  iterItems,
  itemsList,
  newDict,
  next,
  setItem,
  type NextResult,
  type PyDict,
  type PyDictIter,
} from './dict.ts';

/** Drains an iterator, stopping at the first error; returns yielded keys and how it ended. */
function drain(d: PyDict, it: PyDictIter): { keys: string[]; end: NextResult } {
  const keys: string[] = [];
  for (let guard = 0; guard < 100; guard++) {
    const r = next(d, it);
    if (r.kind !== 'item') return { keys, end: r };
    keys.push(`${r.key}=${r.value}`);
  }
  throw new Error('iterator did not end');
}

describe('CPython dict iteration (docs/real-code.md#dict-iteration)', () => {
  const cases: {
    name: string;
    act: (d: PyDict, it: PyDictIter) => void;
    after: 0 | 1;
    expect: string[];
    error: string | null;
  }[] = [
    { name: 'no change', act: () => {}, after: 0, expect: ['x=1', 'y=2'], error: null },
    {
      name: 'replacing a value already read',
      act: (d) => setItem(d, 'x', 9),
      after: 1,
      expect: ['x=1', 'y=2'],
      error: null,
    },
    {
      name: 'replacing a value not yet read yields the new value',
      act: (d) => setItem(d, 'y', 7),
      after: 1,
      expect: ['x=1', 'y=7'],
      error: null,
    },
    {
      name: 'inserting a key raises changed size',
      act: (d) => setItem(d, 'z', 3),
      after: 1,
      expect: ['x=1'],
      error: CHANGED_SIZE,
    },
    {
      name: 'inserting after the last item still raises at the final next()',
      act: (d) => setItem(d, 'z', 3),
      after: 1,
      expect: ['x=1'],
      error: CHANGED_SIZE,
    },
    {
      name: 'a defaultdict miss inserts and raises',
      act: (d) => void defaultLookup(d, 'b', 0),
      after: 1,
      expect: ['x=1'],
      error: CHANGED_SIZE,
    },
    {
      name: 'clear() raises at the next next()',
      act: (d) => clear(d),
      after: 1,
      expect: ['x=1'],
      error: CHANGED_SIZE,
    },
    {
      name: 'equal-size key churn raises keys changed',
      act: (d) => {
        delItem(d, 'x');
        setItem(d, 'w', 5);
      },
      after: 1,
      expect: ['x=1', 'y=2'],
      error: KEYS_CHANGED,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const d = dictFrom([
        ['x', 1],
        ['y', 2],
      ]);
      const it = iterItems(d);
      const keys: string[] = [];
      for (let i = 0; i < c.after; i++) {
        const r = next(d, it);
        if (r.kind === 'item') keys.push(`${r.key}=${r.value}`);
      }
      c.act(d, it);
      const rest = drain(d, it);
      expect([...keys, ...rest.keys]).toEqual(c.expect);
      expect(rest.end.kind === 'error' ? rest.end.message : null).toBe(c.error);
    });
  }

  it('the changed-size error is sticky', () => {
    const d = dictFrom([['x', 1]]);
    const it = iterItems(d);
    setItem(d, 'y', 2);
    expect(next(d, it)).toMatchObject({ kind: 'error', message: CHANGED_SIZE });
    delItem(d, 'y');
    expect(next(d, it)).toMatchObject({ kind: 'error', message: CHANGED_SIZE });
  });

  it('the size check runs before the end-of-data check', () => {
    const d = dictFrom([['x', 1]]);
    const it = iterItems(d);
    expect(next(d, it)).toMatchObject({ kind: 'item', key: 'x' });
    setItem(d, 'y', 2);
    expect(next(d, it)).toMatchObject({ kind: 'error', message: CHANGED_SIZE });
  });

  it('an iterator made on an empty dict raises if a key arrives before its first next()', () => {
    const d = newDict();
    const it = iterItems(d);
    setItem(d, 'a', 1);
    expect(next(d, it)).toMatchObject({ kind: 'error', message: CHANGED_SIZE });
  });

  it('clear() then refilling to the old size continues silently over the new table, skipping', () => {
    const d = dictFrom([
      ['x', 1],
      ['y', 2],
    ]);
    const it = iterItems(d);
    expect(next(d, it)).toMatchObject({ key: 'x' });
    clear(d);
    setItem(d, 'z', 3);
    setItem(d, 'w', 1);
    const rest = drain(d, it);
    expect(rest.keys).toEqual(['w=1']);
    expect(rest.end.kind).toBe('stop');
  });

  it('clearing an empty dict under an iterator made while empty does not raise', () => {
    const d = newDict();
    const it = iterItems(d);
    clear(d);
    expect(next(d, it).kind).toBe('stop');
  });

  it('d[k] += v on a defaultdict: the lookup inserts the default, the store replaces', () => {
    const d = newDict();
    const got = defaultLookup(d, 'k', 0);
    expect(got).toEqual({ value: 0, inserted: true });
    expect(setItem(d, 'k', got.value + 5)).toBe('update');
    expect(itemsList(d)).toEqual([['k', 5]]);
    expect(defaultLookup(d, 'k', 0)).toEqual({ value: 5, inserted: false });
  });
});
