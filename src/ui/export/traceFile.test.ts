import { describe, expect, it } from 'vitest';
import {
  firstMismatch,
  MAX_TRACE_BYTES,
  parseTraceFile,
  serializeTrace,
  TRACE_FORMAT,
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

const edit = (patch: Record<string, unknown>) => JSON.stringify({ ...FILE, ...patch });

describe('trace files', () => {
  it('round-trips', () => {
    const parsed = parseTraceFile(serializeTrace(FILE));
    expect(parsed).toEqual({ ok: true, value: FILE });
  });

  it.each([
    ['not json {', /not valid JSON/],
    ['[]', /not an Arroyo Race Lab trace/],
    [edit({ format: 'other' }), /not an Arroyo Race Lab trace/],
    [edit({ version: 2 }), /format version 2; this app reads version 1/],
    [edit({ scenario: 3 }), /"scenario" is missing/],
    [edit({ variant: 'fixed' }), /"variant" must be one of buggy, seed-fix/],
    [edit({ gil: 'py2' }), /"gil" must be one of/],
    [edit({ params: { a: 1.5 } }), /"params"/],
    [edit({ schedule: '' }), /"schedule" is missing/],
    [edit({ step: -1 }), /"step"/],
    [edit({ records: {} }), /"records" is not a list/],
    [edit({ records: [{ step: 1 }] }), /record 0 is not a step record/],
  ])('refuses %s with a clear message', (text, message) => {
    const parsed = parseTraceFile(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(message);
  });

  it('refuses a file over 5 MB before reading it', () => {
    const parsed = parseTraceFile('{}', MAX_TRACE_BYTES + 1);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(/at most 5 MB/);
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
