/**
 * Behaviours of the race-A model that the outcome table does not pin down:
 * the timing window of docs/real-code.md#rebalance-protocols (a slow rejoin or callback moves
 * the assign out of the paused poll), SC's gate (#synchronized-consumer), lazy resume through SC
 * (#verification-plan), InvalidState for a poll from inside a callback (#kafka-consumer), and that every
 * natural run narrates every step and keeps virtual time moving.
 */
import { describe, expect, it } from 'vitest';
import {
  naturalScheduler,
  outcomeKeys,
  Run,
  type Program,
  type SimEvent,
  type World,
} from '../../engine/index.ts';
import { defaultParams, findScenario } from '../../scenarios/index.ts';
import { PAUSE_SCENARIOS } from '../../scenarios/pause.ts';
import { simulate } from '../../scenarios/simulate.ts';
import { VARIANT_IDS } from '../../scenarios/types.ts';
import { buildPauseProgram } from './program.ts';
import { eagerSetup } from '../../scenarios/pause/rebalance-eager.ts';
import type { PauseState } from './state.ts';

function natural(scenario: string, variant: string, params: Record<string, number> = {}) {
  const sim = simulate({ scenario, variant, params });
  if (!sim.ok) throw new Error(sim.error);
  return sim.value.run as unknown as Run<PauseState>;
}

describe('the timing window of an eager rebalance (docs/real-code.md#rebalance-protocols)', () => {
  it('with the defaults, revoke, assign and the first fetch fit inside one poll(0.1)', () => {
    const run = natural('pause-rebalance-eager', 'buggy');
    expect(run.last.crashes[0]?.timeMs).toBe(65);
  });

  it.each([{ rejoinMs: 200 }, { callbackMs: 100 }])(
    'with %o they do not, and buggy does not crash',
    (params) => {
      const run = natural('pause-rebalance-eager', 'buggy', params);
      expect(outcomeKeys(run.last)).toEqual(['ok']);
      expect(run.last.state.processed['P0']).toEqual([10, 11, 12]);
    },
  );
});

describe("SynchronizedConsumer's gate (docs/real-code.md#synchronized-consumer, #external-resume)", () => {
  it('holds back the re-fetched message when the leader is not past it: no crash, and that pause is legitimate', () => {
    const run = natural('pause-rebalance-eager', 'buggy', { leaderLead: 0 });
    expect(outcomeKeys(run.last)).toEqual(['ok']);
    const k = run.last.state.kafka;
    expect(k.sc.paused).toEqual([]);
    expect(k.consumer.assigned).toEqual([
      { p: 'P0', position: 10, paused: true, fetchAtMs: expect.any(Number) },
    ]);
  });

  it('resumes lazily: after the processor resumes, the inner consumer stays paused until the leader commits', () => {
    const run = natural('pause-ready-to-continue', 'upstream');
    const resumedAt = run.records(0, run.length).find((r) => r.at.endsWith(':ok.resume'));
    expect(resumedAt?.timeMs).toBe(310);
    const w = run.worldAt((resumedAt?.step ?? 0) + 1);
    expect(w.state.kafka.sc.paused).toEqual([]);
    expect(w.state.kafka.consumer.assigned.map((a) => a.paused)).toEqual([true, true]);
    const firstDelivery = run
      .records(0, run.length)
      .find((r) => r.narration.startsWith('poll() returns P0@11'));
    expect(firstDelivery?.timeMs).toBeGreaterThan(500);
    expect(outcomeKeys(run.last)).toEqual(['ok']);
  });
});

describe('InvalidState (docs/real-code.md#kafka-consumer)', () => {
  it('a poll while the wrapper is inside a callback raises InvalidState in main', () => {
    const base = buildPauseProgram(
      eagerSetup(defaultParams(findScenario('pause-rebalance-eager')!)),
      'buggy',
    );
    const program: Program<PauseState> = {
      ...base,
      init: () => {
        const w = base.init();
        w.state.processor.message = null;
        w.state.kafka.consumer.phase = 'REVOKING';
        return w;
      },
    };
    const run = new Run(program, { gil: 'py311' });
    run.extend(naturalScheduler, 100);
    const crash = run.last.crashes[0];
    expect(crash?.type).toBe('InvalidState');
    expect(crash?.traceback.at(-1)?.fn).toBe('poll');
  });
});

describe('every natural run', () => {
  for (const def of PAUSE_SCENARIOS) {
    for (const variant of VARIANT_IDS) {
      it(`${def.id} / ${variant}: narrates every step, emits typed events, and keeps time moving`, () => {
        const run = natural(def.id, variant);
        const records = run.records(0, run.length);
        for (const r of records) expect(r.narration, `${r.step} ${r.at}`).not.toBe('');
        const kinds = new Set(records.flatMap((r) => r.events.map((e: SimEvent) => e.kind)));
        expect(kinds.has('consumer')).toBe(true);
        expect(kinds.has('state')).toBe(true);
        const w = run.last as World<PauseState>;
        if (w.crashes.length === 0) {
          expect(w.nowMs).toBeGreaterThanOrEqual(run.program.horizon.maxTimeMs);
          expect(run.length).toBeLessThan(run.program.horizon.maxSteps);
        }
      });
    }
  }

  it('the rebalance scenarios emit rebalance events, the leader scenarios commit-log records', () => {
    const kindsOf = (scenario: string): Set<string> => {
      const run = natural(scenario, 'correct');
      return new Set(run.records(0, run.length).flatMap((r) => r.events.map((e) => e.kind)));
    };
    const eager = kindsOf('pause-rebalance-eager');
    expect(eager.has('rebalance')).toBe(true);
    expect(eager.has('commit')).toBe(true);
    const ready = kindsOf('pause-ready-to-continue');
    expect(ready.has('produce')).toBe(true);
    expect(ready.has('lock')).toBe(true);
  });
});
