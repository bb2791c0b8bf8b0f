/**
 * The four templates, checked by real CPython (Pyodide) at bound 2, and the
 * agreement with the engine's explorer on the same scenario and variant:
 * the same kinds of outcome (crash reachable or not, by exception;
 * conservation violated or not; clean or not).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { explore } from '../explorer/explore.ts';
import { METRICS_STUCK_FLUSH } from '../scenarios/metrics.ts';
import { defaultParams } from '../scenarios/index.ts';
import { CONSERVATION, OK, TEMPLATE_IDS, type CheckResult, type TemplateId } from './protocol.ts';
import { TEMPLATES } from './templates.ts';
import { checked, kinds, testChecker } from './testing/pyodide.ts';

const results = new Map<TemplateId, CheckResult>();

beforeAll(async () => {
  for (const t of TEMPLATES) results.set(t.id, await checked(t.code, 2));
}, 600_000);

function result(id: TemplateId): CheckResult {
  const r = results.get(id);
  if (!r) throw new Error(`no result for ${id}`);
  return r;
}

/** What "the same kind of outcome" compares. */
function shape(keys: readonly string[]): { crashes: string[]; violated: boolean; clean: boolean } {
  const crashes = [
    ...new Set(
      keys.filter((k) => k.startsWith('crash:')).map((k) => k.slice(6).split('@')[0] ?? k),
    ),
  ];
  return {
    crashes: crashes.sort(),
    violated: keys.includes(CONSERVATION),
    clean: keys.every((k) => k === OK),
  };
}

describe('templates', () => {
  it('are complete at bound 2', () => {
    for (const id of TEMPLATE_IDS) {
      expect(result(id).complete).toBe(true);
      expect(result(id).bound).toBe(2);
      expect(result(id).schedules).toBeGreaterThan(100);
    }
  });

  it('buggy crashes in both threads and loses or doubles increments', () => {
    expect(kinds(result('buggy'))).toEqual(
      ['crash:RuntimeError@main', 'crash:RuntimeError@stuck', OK, CONSERVATION].sort(),
    );
    const report = result('buggy').minimalReport;
    expect(report?.crashes[0]?.message).toBe('dictionary changed size during iteration');
    expect(report?.crashes[0]?.traceback.at(-1)).toMatchObject({ file: 'user', function: 'flush' });
  });

  it('the seed fix never raises but loses increments', () => {
    expect(kinds(result('seed-fix'))).toEqual([OK, CONSERVATION].sort());
    const lost = result('seed-fix').minimalReport?.conservation ?? [];
    expect(lost.some((d) => d.diff < 0)).toBe(true);
  });

  it("arroyo's fix and the locked buffer are clean", () => {
    for (const id of ['upstream', 'correct'] as const) {
      expect(kinds(result(id))).toEqual([OK]);
      expect(result(id).minimal).toBeNull();
      expect(result(id).byOutcome[OK]).toBe(result(id).schedules);
    }
  });

  it('the smallest counterexample has the fewest preemptions of any example', () => {
    for (const id of ['buggy', 'seed-fix'] as const) {
      const r = result(id);
      const fewest = Math.min(...Object.values(r.examples).map((e) => e.preemptions));
      expect(r.minimal?.preemptions).toBe(fewest);
      expect(r.minimal?.preemptions).toBeGreaterThan(0);
    }
  });

  it('every example schedule replays to its outcome', async () => {
    const checker = await testChecker();
    for (const id of ['buggy', 'seed-fix'] as const) {
      const code = TEMPLATES.find((t) => t.id === id)?.code ?? '';
      for (const [key, example] of Object.entries(result(id).examples)) {
        const trace = checker.trace(code, example.schedule);
        if (!trace.ok) throw new Error(trace.error);
        expect(trace.value.report.outcomes).toContain(key);
        expect(trace.value.steps.filter((s) => s.preempted)).toHaveLength(example.preemptions);
      }
    }
  });
});

describe('agreement with the engine', () => {
  it.each(TEMPLATE_IDS)('%s reaches the same kinds of outcome as explore', (id) => {
    const program = METRICS_STUCK_FLUSH.build(id, defaultParams(METRICS_STUCK_FLUSH), 'py311');
    const engine = explore(program, 'py311', { preemptions: 2 });
    expect(engine.complete).toBe(true);
    expect(shape(kinds(result(id)))).toEqual(shape(Object.keys(engine.byOutcome)));
  });
});
