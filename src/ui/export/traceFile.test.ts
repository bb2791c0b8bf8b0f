import { describe, expect, it } from 'vitest';
import { FAKE_SCENARIO } from '../../testing/fakeScenario.ts';
import {
  firstMismatch,
  MAX_TRACE_BYTES,
  parseTraceFile as parseWith,
  serializeTrace,
  TRACE_FORMAT,
  traceSizeProblem,
  type TraceFile,
} from './traceFile.ts';

const FILE: TraceFile = {
  format: TRACE_FORMAT,
  version: 1,
  scenario: 'toy-counter',
  scenarioVersion: 1,
  variant: 'buggy',
  params: { increments: 2 },
  gil: 'py311',
  schedule: 's1.1.abc.KA',
  step: 3,
  records: [
    { step: 0, actor: 't0', at: 'toy:load', timeMs: 0, durationMs: 0, events: [], narration: 'x' },
  ],
};

const parseTraceFile = (text: string) => parseWith(text, [FAKE_SCENARIO]);
const edit = (patch: Record<string, unknown>) => JSON.stringify({ ...FILE, ...patch });

describe('trace files', () => {
  it('round-trips: the run a file describes is the run it was written from', () => {
    const parsed = parseTraceFile(serializeTrace(FILE));
    expect(parsed).toEqual({
      ok: true,
      value: {
        run: {
          scenario: 'toy-counter',
          variant: 'buggy',
          gil: 'py311',
          params: { increments: 2 },
          schedule: 's1.1.abc.KA',
          step: 3,
        },
        scenarioVersion: 1,
        records: FILE.records,
      },
    });
  });

  it.each([
    ['not json {', /not valid JSON/],
    ['[]', /not an Arroyo Race Lab trace/],
    [edit({ format: 'other' }), /not an Arroyo Race Lab trace/],
    [edit({ version: 2 }), /format version 2; this app reads version 1/],
    [edit({ scenario: 3 }), /"scenario" is missing/],
    [edit({ variant: 3 }), /"variant" must be one of buggy, seed-fix/],
    [edit({ variant: 'fixed' }), /Unknown variant "fixed". Valid variants: buggy, seed-fix/],
    [edit({ gil: null }), /"gil" must be one of/],
    [edit({ gil: 'py2' }), /Unknown switch mode "py2". Valid modes: py311, py39/],
    [edit({ params: { a: 1.5 } }), /"params"/],
    [edit({ params: { a: 1 } }), /no parameter "a"; its parameters are: increments/],
    [edit({ params: { increments: 9 } }), /must be between 1 and 5 increments, got 9/],
    [edit({ scenario: 'nope' }), /There is no scenario "nope". Valid scenarios: toy-counter/],
    [edit({ schedule: '' }), /"schedule" is missing/],
    [edit({ schedule: 'a b' }), /The schedule in the trace is damaged/],
    [edit({ step: -1 }), /"step"/],
    [
      edit({ step: 1e12 }),
      /The step must be a whole number from 0 to 999999999, got 1000000000000/,
    ],
    [edit({ records: {} }), /"records" is not a list/],
    [edit({ records: [{ step: 1 }] }), /record 0 is not a step record/],
  ])('refuses %s with a clear message', (text, message) => {
    const parsed = parseTraceFile(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });

  it('says a file over 5 MB is too big, rounding its size up', () => {
    expect(traceSizeProblem('t.json', MAX_TRACE_BYTES)).toBeNull();
    expect(traceSizeProblem('t.json', MAX_TRACE_BYTES + 1)).toBe(
      '"t.json" is 5.1 MB; a trace file may be at most 5 MB.',
    );
    expect(traceSizeProblem('huge.json', 6 * 1024 * 1024)).toBe(
      '"huge.json" is 6.0 MB; a trace file may be at most 5 MB.',
    );
  });

  it('names the file, not a link, when its run is refused', () => {
    const parsed = parseTraceFile(edit({ variant: 'fixed' }));
    expect(parsed).toEqual({
      ok: false,
      error:
        'The trace cannot be opened: Unknown variant "fixed". Valid variants: buggy, seed-fix, upstream, correct.',
    });
  });

  it('finds where recorded and replayed steps part', () => {
    const a = [
      { actor: 't0', at: 'x:1' },
      { actor: 't1', at: 'x:2' },
    ];
    expect(firstMismatch(a, a)).toBeNull();
    expect(firstMismatch(a, [a[0]!, { actor: 't0', at: 'x:2' }])).toBe(1);
    expect(firstMismatch(a, a.slice(0, 1))).toBe(1);
  });
});
