import { describe, expect, it } from 'vitest';
import { crashKey, CONSERVATION, DEADLOCK, OK, STEP_LIMIT } from '../../fixlab/protocol.ts';
import { describeOutcome, outcomeRows, plural } from './outcomes.ts';

describe('outcome rows', () => {
  it('name the exception and the thread of a crash', () => {
    expect(describeOutcome(crashKey('RuntimeError', 'stuck'), 3).label).toBe(
      'crash with RuntimeError in the stuck thread',
    );
  });

  it('put failures first, the most frequent crash first, and ok last', () => {
    const rows = outcomeRows({
      [OK]: 900,
      [STEP_LIMIT]: 1,
      [crashKey('KeyError', 'main')]: 2,
      [CONSERVATION]: 40,
      [crashKey('RuntimeError', 'stuck')]: 12,
      [DEADLOCK]: 5,
    });
    expect(rows.map((r) => r.kind)).toEqual([
      'crash',
      'crash',
      'conservation',
      'deadlock',
      'step-limit',
      'ok',
    ]);
    expect(rows[0]?.key).toBe(crashKey('RuntimeError', 'stuck'));
  });

  it('keep an unknown key readable instead of dropping it', () => {
    expect(describeOutcome('violation:something-new', 1)).toMatchObject({
      kind: 'other',
      label: 'violation:something-new',
    });
  });

  it('count in words', () => {
    expect(plural(1, 'schedule')).toBe('1 schedule');
    expect(plural(2048, 'schedule')).toBe('2,048 schedules');
  });
});
