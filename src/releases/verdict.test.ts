/** Outcome keys in plain words, and the one-line summary over scenarios. */
import { describe, expect, it } from 'vitest';
import { affected, summarySentence, verdictsOf, verdictWords } from './affected.ts';

describe('verdicts', () => {
  it('names each kind of failure once, worst first, and clean only when nothing failed', () => {
    expect(verdictsOf(['ok'])).toEqual(['clean']);
    expect(
      verdictsOf([
        'violation:flag-consistency',
        'violation:paused-forever',
        'violation:message-loss',
        'crash:AssertionError@main',
        'ok',
      ]),
    ).toEqual(['crashes', 'loses', 'hangs', 'inconsistent']);
    expect(verdictsOf(['violation:liveness'])).toEqual(['hangs']);
  });

  it('says messages for race A and increments for race B', () => {
    expect(verdictWords('loses', 'A')).toBe('loses messages');
    expect(verdictWords('loses', 'B')).toContain('increments');
  });

  it('summarises every scenario of an answer', () => {
    const a = affected('2.32.2');
    if (!a.ok) throw new Error(a.error);
    const crashing = a.value.scenarios.filter((s) => s.verdicts.includes('crashes')).length;
    const absent = a.value.scenarios.filter((s) => s.code.kind === 'absent').length;
    const text = summarySentence(a.value);
    expect(text).toContain(`${crashing} crash`);
    expect(text).toContain(`${absent} does not exist in this release`);
  });
});
