/**
 * The offset scans behind message-loss and duplicate take a one-pass path
 * when the processed offsets only go up (as the processor appends them) and
 * the plain definition otherwise; both must say the same for any offsets.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Msg } from '../kafka/partitions.ts';
import { anyMissing, firstRepeat, increasing } from './invariants.ts';

/** The definition: some offset in [from, to) is neither processed nor the carried message. */
function missingByDefinition(
  done: readonly number[],
  p: string,
  from: number,
  to: number,
  carried: Msg | null,
): boolean {
  for (let o = from; o < to; o++) {
    const isCarried = carried !== null && carried.p === p && carried.offset === o;
    if (!done.includes(o) && !isCarried) return true;
  }
  return false;
}

const offsets = fc.array(fc.integer({ min: 8, max: 24 }), { maxLength: 10 });
const sortedDistinct = offsets.map((xs) => [...new Set(xs)].sort((a, b) => a - b));
const carried = fc.option(
  fc.record({ p: fc.constantFrom('P0', 'P1'), offset: fc.integer({ min: 8, max: 24 }) }),
  { nil: null },
);

describe('the message-loss and duplicate scans', () => {
  it('anyMissing agrees with the definition, on increasing and on any offsets', () => {
    fc.assert(
      fc.property(
        fc.oneof(offsets, sortedDistinct),
        fc.integer({ min: 6, max: 26 }),
        fc.integer({ min: 0, max: 12 }),
        carried,
        (done, from, span, held) => {
          const to = from + span;
          expect(anyMissing(done, 'P0', from, to, held)).toBe(
            missingByDefinition(done, 'P0', from, to, held),
          );
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('an increasing list has no repeat, and firstRepeat finds the first of any other', () => {
    fc.assert(
      fc.property(fc.oneof(offsets, sortedDistinct), (done) => {
        const first = done.find((o, i) => done.indexOf(o) !== i);
        expect(firstRepeat(done)).toBe(first);
        if (increasing(done)) expect(first).toBeUndefined();
      }),
      { numRuns: 2000 },
    );
  });
});
