import { describe, expect, it } from 'vitest';
import { dictFrom, iterItems } from '../../engine/python/dict.ts';
import {
  dictEntries,
  dictForIterator,
  findDictByName,
  isDictIter,
  isPyDict,
  iteratedDicts,
} from './classify.ts';

describe('recognising Python values', () => {
  const timers = dictFrom([
    ['a', 1],
    ['b', 2],
  ]);

  it('tells dicts and dict iterators from other objects', () => {
    expect(isPyDict(timers)).toBe(true);
    expect(isPyDict({ keys: [], values: [] })).toBe(false);
    expect(isPyDict({ keys: [1], values: [1], used: 1 })).toBe(false);
    expect(isDictIter(iterItems(timers))).toBe(true);
    expect(isDictIter({ pos: 0 })).toBe(false);
  });

  it('lists live entries with their slots, skipping deleted ones', () => {
    const d = { keys: ['a', null, 'c'], values: [1, 0, 3], used: 2 };
    expect(dictEntries(d)).toEqual([
      { key: 'a', value: 1, slot: 0 },
      { key: 'c', value: 3, slot: 2 },
    ]);
  });

  it('finds a dict by path or by the key it is stored under', () => {
    const state = { buffer: { timers, counters: dictFrom([]) } };
    expect(findDictByName(state, 'buffer.timers')).toBe(timers);
    expect(findDictByName(state, 'timers')).toBe(timers);
    expect(findDictByName(state, 'nope')).toBeNull();
  });

  it('finds the dict an iterator names or sits beside', () => {
    const state = { timers };
    expect(dictForIterator({ it: { ...iterItems(timers), dict: 'timers' } }, 'it', state)).toBe(
      timers,
    );
    expect(dictForIterator({ timers, timers_iter: iterItems(timers) }, 'timers_iter', state)).toBe(
      timers,
    );
    expect(dictForIterator({ it: iterItems(timers) }, 'it', state)).toBeNull();
  });

  it("reads each actor's iterated dict from its latest iter event", () => {
    const iter = (actor: string, dict: string) => ({
      events: [{ kind: 'dict' as const, actor, dict, op: 'iter' as const, size: 1 }],
    });
    const records = [iter('main', 'timers'), iter('stuck', 'timers'), iter('stuck', 'counters')];
    expect(iteratedDicts(records, 3)).toEqual(
      new Map([
        ['stuck', 'counters'],
        ['main', 'timers'],
      ]),
    );
    expect(iteratedDicts(records, 2).get('stuck')).toBe('timers');
  });
});
