/**
 * The outcome table of docs/scenarios.md for `metrics-stuck-flush`,
 * checked by exhaustive bounded exploration in every thread-switch mode, with
 * each reachable outcome's minimal schedule replayed through `simulate` (the
 * same path a shared link takes).
 */
import { describe, expect, it } from 'vitest';
import { encodeSchedule, outcomeKeys, type SwitchMode, type World } from '../../engine/index.ts';
import { explore, type ExploreResult } from '../../explorer/explore.ts';
import { resolveSetup, simulate } from '../../scenarios/simulate.ts';
import type { VariantId } from '../variants.ts';

const SCENARIO = 'metrics-stuck-flush';
const CRASH_S = 'crash:RuntimeError@stuck';
const CRASH_M = 'crash:RuntimeError@main';
const LOSS = 'violation:metrics-conservation';
const FAILURES = [CRASH_S, CRASH_M, LOSS];

/** What each variant must reach at the default bound (2 deviations); everything else is "never". */
const REACHABLE: Readonly<Record<VariantId, Readonly<Record<SwitchMode, readonly string[]>>>> = {
  buggy: {
    py311: [CRASH_S, CRASH_M, LOSS],
    py39: [CRASH_S, CRASH_M, LOSS],
    'free-threaded': [CRASH_S, CRASH_M, LOSS],
  },
  // With a GIL the copy is one C call and cannot fail; free-threaded, list() iterates the live dict.
  'seed-fix': { py311: [LOSS], py39: [LOSS], 'free-threaded': [CRASH_S, CRASH_M, LOSS] },
  upstream: { py311: [], py39: [], 'free-threaded': [] },
  correct: { py311: [], py39: [], 'free-threaded': [] },
};

function setup(variant: VariantId, gil: SwitchMode) {
  const s = resolveSetup({ scenario: SCENARIO, variant, gil });
  if (!s.ok) throw new Error(s.error);
  return s.value;
}

function run(variant: VariantId, gil: SwitchMode, preemptions?: number): ExploreResult {
  const { program } = setup(variant, gil);
  return explore(program, gil, preemptions === undefined ? {} : { preemptions });
}

describe('metrics-stuck-flush: exploration at the default bound', () => {
  for (const variant of Object.keys(REACHABLE) as VariantId[]) {
    for (const gil of ['py311', 'py39', 'free-threaded'] as const) {
      const reachable = REACHABLE[variant][gil];
      it(`${variant} / ${gil}: reaches ${reachable.join(', ') || 'only ok'}, and nothing else`, () => {
        const result = run(variant, gil);
        expect(result.complete).toBe(true);
        expect(result.preemptionBound).toBe(2);
        expect(result.byOutcome['ok'] ?? 0).toBeGreaterThan(0);
        for (const key of FAILURES) {
          if (reachable.includes(key)) expect(result.byOutcome[key] ?? 0, key).toBeGreaterThan(0);
          else expect(result.byOutcome[key], key).toBeUndefined();
        }
        // The natural schedule is always fine: every failure needs at least one switch.
        expect(result.minimal['ok']?.preemptions).toBe(0);
        for (const key of reachable)
          expect(result.minimal[key]?.preemptions ?? 0).toBeGreaterThan(0);

        const { def, tag } = setup(variant, gil);
        for (const key of reachable) {
          const minimal = result.minimal[key];
          if (!minimal) throw new Error(`no minimal schedule for ${key}`);
          const schedule = encodeSchedule({
            scenarioVersion: def.version,
            tag,
            steps: minimal.steps,
            deviations: minimal.deviations,
          });
          const sim = simulate({ scenario: SCENARIO, variant, gil, schedule });
          if (!sim.ok) throw new Error(sim.error);
          expect(sim.value.divergences).toEqual([]);
          expect(
            outcomeKeys(sim.value.run.last as World<unknown>),
            `${key} via ${schedule}`,
          ).toContain(key);
        }
      });
    }
  }
});

describe('metrics-stuck-flush: the buggy variant crashes one switch away from the natural run', () => {
  it('py311: the detector crashes with one deviation, main with two', () => {
    const result = run('buggy', 'py311');
    expect(result.minimal[CRASH_S]?.preemptions).toBe(1);
    expect(result.minimal[CRASH_M]?.preemptions).toBe(2);
    expect(result.minimal[LOSS]?.preemptions).toBe(1);
  });
});

describe('metrics-stuck-flush: "never" over every interleaving (no bound)', () => {
  // Upstream and the lock hold over every schedule, not only those within 2 deviations.
  for (const variant of ['upstream', 'correct'] as const) {
    for (const gil of ['py311', 'py39', 'free-threaded'] as const) {
      it(`${variant} / ${gil}: every schedule is ok`, () => {
        const result = run(variant, gil, Infinity);
        expect(result.complete).toBe(true);
        expect(Object.keys(result.byOutcome)).toEqual(['ok']);
      }, 60_000);
    }
  }
  // With a GIL the seed's copy is atomic: it never raises, in any schedule; it still loses counts.
  it('seed-fix / py311: no schedule raises, some lose or double count', () => {
    const result = run('seed-fix', 'py311', Infinity);
    expect(result.complete).toBe(true);
    expect(result.crashing).toBe(0);
    expect(result.byOutcome[LOSS] ?? 0).toBeGreaterThan(0);
  }, 120_000);
});
