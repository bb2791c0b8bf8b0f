import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { World } from '../../engine/index.ts';
import { focusOf, highlightsOf, type LineHighlight } from './highlights.ts';
import { columnMarkers } from './useColumnListing.ts';

const MARKS = [
  { role: 'culprit', actor: 'detector', listing: 'buffer', line: 12, step: 30 },
  { role: 'victim', actor: 'main', listing: 'buffer', line: 20, step: 41 },
] as const;

type Thread = World<unknown>['threads'][number];
const thread = (status: string): Thread => ({ actor: 'main', status }) as unknown as Thread;

describe('the collision in the thread columns', () => {
  it('leads with the collision from the victim step on, for every cursor', () => {
    fc.assert(
      fc.property(fc.nat(100), (cursor) => {
        const byThread = highlightsOf(MARKS, ['main', 'detector', 'other'], cursor);
        expect([...byThread.keys()].sort()).toEqual([0, 1]);
        for (const h of byThread.values()) expect(h.lead).toBe(cursor >= 41);
        expect(byThread.get(0)?.label).toBe('main fails here (step 41)');
        expect(byThread.get(1)?.label).toBe('detector changed it here (step 30)');
      }),
    );
  });

  it("keeps in view the collision's line once it leads, else the thread's own", () => {
    const own = { listing: 'buffer', line: 5 };
    const side: LineHighlight = {
      listing: 'buffer',
      line: 20,
      label: 'main fails here (step 41)',
      role: 'victim',
      lead: false,
    };
    expect(focusOf(own, side, 'buffer')).toBe(5);
    expect(focusOf(own, { ...side, lead: true }, 'buffer')).toBe(20);
    expect(focusOf(null, side, 'buffer')).toBe(20);
    expect(focusOf(own, side, 'other')).toBeNull();
  });

  it("drops the crash arrow where the victim's own mark already says it failed", () => {
    const line = { listing: 'buffer', line: 20, text: 'for k in self.buffer:', fn: 'flush' };
    const victim: LineHighlight = {
      listing: 'buffer',
      line: 20,
      label: 'main fails here (step 41)',
      role: 'victim',
      lead: true,
    };
    const dead = columnMarkers(thread('dead'), 0, line, victim, 'buffer').get(20);
    expect(dead).toEqual([
      { thread: 0, label: 'main fails here (step 41)', crashed: false, role: 'victim' },
    ]);
    const culprit = { ...victim, role: 'culprit' as const, label: 'changed' };
    const both = columnMarkers(thread('dead'), 0, line, culprit, 'buffer').get(20);
    expect(both?.map((m) => m.label)).toEqual(['main', 'changed']);
    expect(columnMarkers(thread('done'), 0, line, null, 'buffer').size).toBe(0);
  });
});
