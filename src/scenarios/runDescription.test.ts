import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FAKE_SCENARIO } from '../testing/fakeScenario.ts';
import { readParam, validateParams } from './params.ts';
import { MAX_SCHEDULE_CHARS, MAX_STEP, validateRun, type RunFields } from './runDescription.ts';

const CATALOG = [FAKE_SCENARIO];
const FIELDS: RunFields = {
  scenario: 'toy-counter',
  variant: undefined,
  gil: undefined,
  params: {},
  schedule: undefined,
  step: undefined,
};
const check = (patch: Partial<RunFields>, source = 'the link') =>
  validateRun({ ...FIELDS, ...patch }, source, CATALOG);

describe('run descriptions', () => {
  it('fills every default of a bare description', () => {
    expect(check({})).toEqual({
      ok: true,
      value: {
        scenario: 'toy-counter',
        variant: 'buggy',
        gil: 'py311',
        params: { increments: 2 },
        schedule: null,
        step: null,
      },
    });
  });

  it('keeps every field it is given', () => {
    const given = { variant: 'correct', gil: 'py39', params: { increments: 5 } };
    expect(check({ ...given, schedule: 's1.1.x_y-z.AB', step: MAX_STEP })).toEqual({
      ok: true,
      value: {
        scenario: 'toy-counter',
        ...given,
        schedule: 's1.1.x_y-z.AB',
        step: MAX_STEP,
      },
    });
  });

  it.each([
    [{ scenario: 'nope' }, 'There is no scenario "nope". Valid scenarios: toy-counter.'],
    [
      { variant: 'fixed' },
      'Unknown variant "fixed". Valid variants: buggy, seed-fix, upstream, correct.',
    ],
    [{ gil: 'py2' }, 'Unknown switch mode "py2". Valid modes: py311, py39, free-threaded.'],
    [
      { params: { nope: 1 } },
      'Scenario "toy-counter" has no parameter "nope"; its parameters are: increments.',
    ],
    [
      { params: { increments: '2.5' } },
      'Parameter "increments" must be a whole number, got "2.5".',
    ],
    [
      { params: { increments: 9 } },
      'Parameter "increments" must be between 1 and 5 increments, got 9.',
    ],
    [{ schedule: '' }, 'The schedule in the trace is empty.'],
    [
      { schedule: 'a b' },
      'The schedule in the trace is damaged: it may hold only letters, digits, ".", "_" and "-".',
    ],
    [
      { schedule: 'A'.repeat(MAX_SCHEDULE_CHARS + 1) },
      'The schedule in the trace is 100001 characters long; the limit is 100000.',
    ],
    [{ step: -1 }, 'The step must be a whole number from 0 to 999999999, got -1.'],
    [
      { step: MAX_STEP + 1 },
      'The step must be a whole number from 0 to 999999999, got 1000000000.',
    ],
    [{ step: 2.5 }, 'The step must be a whole number from 0 to 999999999, got 2.5.'],
  ] as [Partial<RunFields>, string][])('refuses %j with one sentence', (patch, message) => {
    expect(check(patch, 'the trace')).toEqual({ ok: false, error: message });
  });

  it('cuts what it quotes back to 40 characters', () => {
    const long = 'x'.repeat(5_000);
    for (const patch of [{ scenario: long }, { variant: long }, { params: { [long]: 1 } }]) {
      const checked = check(patch);
      expect(checked.ok).toBe(false);
      if (!checked.ok) expect(checked.error).toContain(`"${'x'.repeat(40)}…"`);
      if (!checked.ok) expect(checked.error.length).toBeLessThan(200);
    }
  });

  it('treats "__proto__" as an unknown parameter, leaving prototypes alone', () => {
    const params = JSON.parse('{"__proto__": 3}') as Record<string, unknown>;
    const checked = check({ params });
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.error).toMatch(/no parameter "__proto__"/);
    expect(({} as Record<string, unknown>)['increments']).toBeUndefined();
  });

  it('never throws, whatever the fields hold', () => {
    const text = fc.option(fc.string({ maxLength: 12 }), { nil: undefined });
    const fields = fc.record({
      scenario: fc.oneof(fc.constant('toy-counter'), fc.string({ maxLength: 12 })),
      variant: text,
      gil: text,
      params: fc.dictionary(fc.string({ maxLength: 12 }), fc.anything()),
      schedule: text,
      step: fc.option(fc.double(), { nil: undefined }),
    });
    fc.assert(
      fc.property(fields, (f) => {
        const checked = validateRun(f, 'the link', CATALOG);
        expect(typeof checked.ok).toBe('boolean');
      }),
      { numRuns: 500, seed: 17 },
    );
  });
});

describe('parameter values', () => {
  it('reads a number or its decimal text, and nothing else written as text', () => {
    for (const text of ['3', '03', '-0']) {
      expect(readParam(FAKE_SCENARIO, 'increments', text)).toEqual({ ok: true, value: +text });
    }
    for (const text of ['1e0', ' 3', '3 ', '0x3', '3.0', '+3', '', '３']) {
      expect(readParam(FAKE_SCENARIO, 'increments', text).ok).toBe(false);
    }
  });

  it('checks the range only once a value is read', () => {
    expect(readParam(FAKE_SCENARIO, 'increments', 99)).toEqual({ ok: true, value: 99 });
    expect(validateParams(FAKE_SCENARIO, { increments: 99 }).ok).toBe(false);
  });

  it('quotes a value that is not text or a number as JSON', () => {
    const checked = validateParams(FAKE_SCENARIO, { increments: [1, 2] });
    expect(checked).toEqual({
      ok: false,
      error: 'Parameter "increments" must be a whole number, got [1,2].',
    });
  });
});
