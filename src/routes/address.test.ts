import { describe, expect, it } from 'vitest';
import { simulate } from '../scenarios/simulate.ts';
import { encodeSchedule } from '../engine/index.ts';
import { addressHash, readExtras, runKeyOf } from './address.ts';
import { parseLabLink, type LabLink } from './link.ts';
import { parseRoute } from './router.ts';
import { withoutNotes } from './notes.ts';

function linkOf(scenario: string, at: number): LabLink {
  const sim = simulate({ scenario, variant: 'buggy' });
  if (!sim.ok) throw new Error(sim.error);
  const s = sim.value;
  return {
    scenario,
    variant: s.variant,
    gil: s.gil,
    params: s.params,
    schedule: encodeSchedule(s.run.schedule(s.def.version, s.tag)),
    step: at,
  };
}

describe('the lab address', () => {
  it('reads back exactly what it wrote: link, tab and notes', () => {
    const link = linkOf('metrics-stuck-flush', 140);
    const notes = [
      { step: 97, text: 'main clears the counters & "resets"' },
      { step: 140, text: 'the crash\nsecond line' },
    ];
    const route = parseRoute(addressHash({ link, tab: 'explore', notes }));
    if (route.kind !== 'lab') throw new Error(`not a lab route: ${route.kind}`);
    expect(parseLabLink(route.id, withoutNotes(route.query))).toEqual({ ok: true, value: link });
    const extras = readExtras(route.query);
    expect(extras.tab).toBe('explore');
    expect(extras.notes).toEqual({ ok: true, value: notes });
  });

  it('still opens links without the new fields', () => {
    const route = parseRoute('#/lab/metrics-stuck-flush?v=buggy&gil=py311&at=3');
    if (route.kind !== 'lab') throw new Error('not a lab route');
    expect(parseLabLink(route.id, route.query).ok).toBe(true);
    expect(readExtras(route.query)).toEqual({ tab: null, notes: { ok: true, value: [] } });
  });

  it('refuses a tab that is not a short word, in one sentence', () => {
    const parsed = parseLabLink('metrics-stuck-flush', { tab: '<script>' });
    expect(parsed).toEqual({ ok: false, error: expect.stringMatching(/^The open tab "tab"/) });
  });

  it('keys the run apart from the step', () => {
    const a = linkOf('metrics-stuck-flush', 3);
    expect(runKeyOf(a)).toBe(runKeyOf({ ...a, step: 90 }));
    expect(runKeyOf(a)).not.toBe(runKeyOf({ ...a, variant: 'correct' }));
  });
});
