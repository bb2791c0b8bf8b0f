/**
 * pause-invalid-message-stuck before and after arroyo c8bdbb9 (2.20.9): the
 * explorer, over every schedule, finds the hang only without the resume, and
 * never an exception either way.
 */
import { describe, expect, it } from 'vitest';
import { exploreScenario } from '../../explorer/report.ts';
import { VARIANT_IDS } from '../types.ts';
import { simulate } from '../simulate.ts';

const ID = 'pause-invalid-message-stuck';

function reach(variant: string, resumeOnInvalid: 0 | 1): Record<string, number> {
  const r = exploreScenario({ scenario: ID, variant, params: { resumeOnInvalid } });
  if (!r.ok) throw new Error(r.error);
  expect(r.value.complete).toBe(true);
  return { ...r.value.byOutcome };
}

describe('InvalidMessage while paused', () => {
  it.each(VARIANT_IDS)('%s before c8bdbb9: hangs without an exception', (variant) => {
    const byOutcome = reach(variant, 0);
    expect(byOutcome['violation:paused-forever'] ?? 0).toBeGreaterThan(0);
    expect(byOutcome['violation:liveness'] ?? 0).toBeGreaterThan(0);
    expect(Object.keys(byOutcome).filter((k) => k.startsWith('crash:'))).toEqual([]);
    expect(byOutcome['violation:message-loss']).toBeUndefined();
  });

  it.each(VARIANT_IDS)('%s from c8bdbb9 on: every schedule is clean', (variant) => {
    expect(Object.keys(reach(variant, 1))).toEqual(['ok']);
  });

  it('after the fix the consumer resumes and processes what follows the invalid message', () => {
    const run = simulate({ scenario: ID, variant: 'upstream', params: { resumeOnInvalid: 1 } });
    if (!run.ok) throw new Error(run.error);
    const processed = run.value.run.last.state as { processed: Record<string, number[]> };
    expect(processed.processed['P0']).toEqual([10, 11, 12]);
    expect(processed.processed['P1']).toEqual([20, 21, 22]);
  });
});
