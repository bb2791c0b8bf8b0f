import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { partitionIndex, partitionName, sortedUnique, sortPartitions } from './partitions.ts';

describe('partition sets', () => {
  it('sortPartitions and sortedUnique sort the set of them, for any list', () => {
    const names = fc.oneof(
      fc.integer({ min: 0, max: 12 }).map((i) => `P${i}`),
      fc.string({ maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.array(names, { maxLength: 12 }), (ps) => {
        const input = [...ps];
        expect(sortPartitions(ps)).toEqual([...new Set(ps)].sort());
        expect(sortedUnique(ps)).toEqual([...new Set(ps)].sort());
        expect(ps).toEqual(input);
      }),
      { numRuns: 500 },
    );
  });

  it('partitionIndex reads back every index partitionName writes', () => {
    for (let i = 0; i < 250; i++) expect(partitionIndex(partitionName(i))).toBe(i);
  });
});
