import { describe, expect, it } from 'vitest';
import { changedPaths, pathOf, withAncestors } from './pathDiff.ts';

describe('changed paths between two worlds', () => {
  it('names replaced leaves, added and removed keys and array slots', () => {
    const before = {
      p: { paused: false, parts: ['P0'] },
      d: { keys: ['a'], values: [1], used: 1 },
    };
    const after = {
      p: { paused: true, parts: ['P0', 'P1'], carried: 3 },
      d: { keys: ['a'], values: [2], used: 1 },
    };
    expect([...changedPaths(before, after)].sort()).toEqual(
      ['d/values/0', 'p/carried', 'p/parts/1', 'p/paused'].sort(),
    );
  });

  it('treats a type change as one change at that path', () => {
    expect([...changedPaths({ m: null }, { m: { offset: 1 } })]).toEqual(['m']);
    expect([...changedPaths({ m: [1] }, { m: { 0: 1 } })]).toEqual(['m']);
  });

  it('is empty for equal values', () => {
    expect(changedPaths({ a: [1, { b: 'x' }] }, { a: [1, { b: 'x' }] }).size).toBe(0);
  });

  it('adds every ancestor, and escapes slashes in keys', () => {
    const leaf = pathOf(['state', 'logs', 'topic/0', 3]);
    expect(leaf).toBe('state/logs/topic~10/3');
    expect([...withAncestors([leaf])].sort()).toEqual(
      ['state', 'state/logs', 'state/logs/topic~10', leaf].sort(),
    );
  });
});
