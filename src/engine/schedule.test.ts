import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeSchedule, encodeSchedule, type Schedule } from './schedule.ts';

const expected = { scenarioId: 'toy', scenarioVersion: 3, tag: 'abc123', threads: 4 };

const scheduleArb = fc
  .record({
    steps: fc.nat({ max: 10_000_000 }),
    points: fc.uniqueArray(fc.nat({ max: 1_000_000 }), { maxLength: 40 }),
    threads: fc.array(fc.nat({ max: 3 }), { minLength: 40, maxLength: 40 }),
  })
  .map(({ steps, points, threads }): Schedule => ({
    scenarioVersion: 3,
    tag: 'abc123',
    steps,
    deviations: [...points].sort((a, b) => a - b).map((p, i) => [p, threads[i] as number] as const),
  }));

describe('schedule strings', () => {
  it('round-trip and stay URL-safe', () => {
    fc.assert(
      fc.property(scheduleArb, (s) => {
        const text = encodeSchedule(s);
        expect(text).toMatch(/^[A-Za-z0-9._-]+$/);
        expect(encodeURIComponent(text)).toBe(text);
        const back = decodeSchedule(text, expected);
        expect(back).toEqual({ ok: true, value: s });
      }),
    );
  });

  it('a natural run of any length is a short string', () => {
    expect(
      encodeSchedule({ scenarioVersion: 3, tag: 'abc123', steps: 123456, deviations: [] }).length,
    ).toBeLessThan(24);
  });

  it('refuses strings made by another format, version or configuration, saying which', () => {
    const good = encodeSchedule({
      scenarioVersion: 3,
      tag: 'abc123',
      steps: 10,
      deviations: [[2, 1]],
    });
    expect(decodeSchedule(good.replace(/^s1/, 's2'), expected)).toMatchObject({
      ok: false,
      error: expect.stringMatching(/format v2/),
    });
    expect(decodeSchedule(good, { ...expected, scenarioVersion: 4 })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/version 3 of scenario "toy"; this app has version 4/),
    });
    expect(decodeSchedule(good, { ...expected, tag: 'zzz' })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/parameters/),
    });
    expect(decodeSchedule(good, { ...expected, threads: 1 })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/thread 1/),
    });
  });

  it('never throws on garbage', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const r = decodeSchedule(text, expected);
        if (!r.ok) expect(r.error.length).toBeGreaterThan(10);
      }),
      { numRuns: 2000 },
    );
    for (const bad of [
      '',
      's1',
      's1.3.abc123',
      's1.3.abc123.!!',
      's1.x.abc123.A',
      's1.3.abc123.g',
      'x'.repeat(200_000),
    ]) {
      expect(decodeSchedule(bad, expected).ok).toBe(false);
    }
  });
});
