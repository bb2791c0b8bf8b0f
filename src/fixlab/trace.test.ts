/**
 * The step-through trace: for every schedule string, it either refuses it
 * with one sentence or replays it exactly (same outcome every time), with a
 * step per switch point that names a real line.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUGGY } from './testing/fixtures.ts';
import { testChecker, testPyodide } from './testing/pyodide.ts';

const LINES = BUGGY.split('\n').length;

const deviations = fc
  .uniqueArray(fc.integer({ min: 0, max: 140 }), { maxLength: 3 })
  .chain((steps) =>
    fc.tuple(
      fc.constant([...steps].sort((a, b) => a - b)),
      fc.array(fc.constantFrom('m', 's'), { minLength: steps.length, maxLength: steps.length }),
    ),
  )
  .map(([steps, threads]) => 'f1' + steps.map((s, i) => `.${s}${threads[i]}`).join(''));

describe('trace', () => {
  it('runs with string hashing fixed, so a set of strings iterates the same way everywhere', async () => {
    const py = await testPyodide();
    expect(py.runPython('import sys; sys.flags.hash_randomization')).toBe(0);
    expect(py.runPython('hash("arroyo.consumer.stuck")')).toBe(
      py.runPython('hash("arroyo.consumer.stuck")'),
    );
  });

  it('replays any schedule exactly, or refuses it with a sentence', async () => {
    const checker = await testChecker();
    await fc.assert(
      fc.asyncProperty(deviations, async (schedule) => {
        const first = checker.trace(BUGGY, schedule);
        if (!first.ok) {
          expect(first.problem.kind).toBe('schedule');
          expect(first.error.length).toBeGreaterThan(10);
          return;
        }
        const t = first.value;
        expect(t.schedule).toBe(schedule);
        expect(t.steps.map((s) => s.index)).toEqual(t.steps.map((_, i) => i));
        expect(t.steps.filter((s) => s.preempted).length).toBe(schedule.split('.').length - 1);
        for (const s of t.steps) {
          if (s.line !== null) expect(s.line).toBeGreaterThan(0);
          if (s.line !== null) expect(s.line).toBeLessThanOrEqual(LINES);
          expect(s.what.length).toBeGreaterThan(0);
        }
        const again = checker.trace(BUGGY, schedule);
        expect(again.ok && again.value.report.outcomes).toEqual(t.report.outcomes);
      }),
      { numRuns: 40 },
    );
  });

  it('refuses malformed schedule strings', async () => {
    const checker = await testChecker();
    for (const bad of ['', 'garbage', 'f1.', 'f1.3x', 'f1.5m.2s', 's1.1.abc']) {
      const t = checker.trace(BUGGY, bad);
      expect(t.ok).toBe(false);
      if (!t.ok) expect(t.problem.kind).toBe('schedule');
    }
  });

  it('shows the buffer and the crash of the smallest counterexample', async () => {
    const checker = await testChecker();
    const r = await checker.check({ code: BUGGY, bound: 1, stepLimit: 5000 });
    if (!r.ok || !r.value.minimal) throw new Error('expected a counterexample');
    const t = checker.trace(BUGGY, r.value.minimal.schedule);
    if (!t.ok) throw new Error(t.error);
    const raised = t.value.steps.find((s) => s.events.some((e) => e.kind === 'raise'));
    expect(raised?.line).not.toBeNull();
    expect(raised?.what).toContain('RuntimeError');
    expect(Object.keys(raised?.buffer ?? {})).toEqual(['__timers', '__counters']);
    expect(t.value.harnessSource).toContain('def stuck_detector(self)');
    expect(t.value.steps.at(-1)?.index).toBe(t.value.steps.length - 1);
  });
});
