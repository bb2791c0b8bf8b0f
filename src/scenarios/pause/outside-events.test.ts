/**
 * Outside events have a latest time (docs/scenarios.md#outside-events): in
 * every schedule of every pause scenario, variant and switch mode, each event
 * whose latest time (nominal time + slackMs) came before the run's end
 * happened, between its nominal and its latest time. No schedule leaves a
 * member's join or leave, the leader's commit or the downstream's room out.
 * And the latest times change no natural run.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  naturalScheduler,
  PctScheduler,
  RandomScheduler,
  Run,
  SWITCH_MODES,
  type Instr,
  type Program,
  type SwitchMode,
} from '../../engine/index.ts';
import type { PauseSetup } from '../../worlds/pause/setup.ts';
import type { PauseState } from '../../worlds/pause/state.ts';
import { defaultParams } from '../params.ts';
import { PAUSE_SCENARIOS } from '../pause.ts';
import { VARIANT_IDS, type Params, type ScenarioDef, type VariantId } from '../types.ts';
import { externalResumeSetup } from './external-resume.ts';
import { invalidSetup } from './invalid-message-stuck.ts';
import { readySetup } from './ready-to-continue.ts';
import { cooperativeSetup } from './rebalance-cooperative.ts';
import { eagerSetup } from './rebalance-eager.ts';
import { revokeSetup } from './revoke-cooperative.ts';

const SETUPS: Readonly<Record<string, (params: Params) => PauseSetup>> = {
  'pause-rebalance-eager': eagerSetup,
  'pause-rebalance-cooperative': cooperativeSetup,
  'pause-revoke-cooperative': revokeSetup,
  'pause-external-resume': externalResumeSetup,
  'pause-ready-to-continue': readySetup,
  'pause-invalid-message-stuck': invalidSetup,
};

interface Due {
  readonly pc: string;
  readonly atMs: number;
  readonly latestMs: number;
}

/** Every outside event of a setup, per actor in time order, with its window. */
function outsideEvents(setup: PauseSetup): Record<string, Due[]> {
  const slack = setup.timing.slackMs;
  const window = (atMs: number) => ({ atMs, latestMs: atMs + slack });
  return {
    producer: setup.events.map((e) => ({ pc: `out.${e.kind}`, ...window(e.atMs) })),
    strategy:
      setup.readyAtMs === null ? [] : [{ pc: 'strategy.ready', ...window(setup.readyAtMs) }],
  };
}

/** The steps each actor took at one of its outside events: pc and start time, in order. */
function firedSteps(run: Run<PauseState>, actor: string, pcs: ReadonlySet<string>) {
  const thread = run.program.actors.indexOf(actor);
  const out: { pc: string; atMs: number }[] = [];
  for (let i = 0; i < run.length; i++) {
    if (run.threadAt(i) === thread && pcs.has(run.pcAt(i)))
      out.push({ pc: run.pcAt(i), atMs: run.timeAt(i) });
  }
  return out;
}

function checkRun(program: Program<PauseState>, setup: PauseSetup, run: Run<PauseState>): void {
  const endMs = run.last.nowMs;
  for (const [actor, due] of Object.entries(outsideEvents(setup))) {
    if (!program.actors.includes(actor)) continue;
    const fired = firedSteps(run, actor, new Set(due.map((d) => d.pc)));
    due.forEach((d, k) => {
      const step = fired[k];
      if (d.latestMs < endMs) expect(step, `${actor} ${d.pc} at ${d.atMs}`).toBeDefined();
      if (step === undefined) return;
      expect(step.pc).toBe(d.pc);
      expect(step.atMs).toBeGreaterThanOrEqual(d.atMs);
      expect(step.atMs).toBeLessThanOrEqual(d.latestMs);
    });
  }
}

/** The default parameters, with the slack and each event's nominal time drawn at random. */
function paramsArb(def: ScenarioDef): fc.Arbitrary<Params> {
  const base = defaultParams(def);
  const drawn: Record<string, fc.Arbitrary<number>> = {};
  for (const p of def.params) {
    if (p.id === 'slackMs' || p.id.endsWith('AtMs'))
      drawn[p.id] = fc.integer({ min: p.min, max: Math.min(p.max, 1500) });
  }
  return fc.record(drawn).map((values) => ({ ...base, ...values }));
}

function sampleRuns(def: ScenarioDef, variant: VariantId, gil: SwitchMode): void {
  const setupOf = SETUPS[def.id];
  if (!setupOf) throw new Error(`no setup for ${def.id}`);
  fc.assert(
    fc.property(paramsArb(def), fc.nat(), fc.boolean(), (params, seed, pct) => {
      const program = def.build(variant, params, gil) as Program<PauseState>;
      const run = new Run(program, { gil });
      run.extend(pct ? new PctScheduler(seed, 3, 400) : new RandomScheduler(seed));
      checkRun(program, setupOf(params), run);
    }),
    { numRuns: 12 },
  );
}

/** The same program with every latest time left out: outside events never hold the clock. */
function withoutLatest<S>(program: Program<S>): Program<S> {
  const instrs: Record<string, Instr<S>> = {};
  for (const [pc, instr] of Object.entries(program.instrs)) {
    const { latest: _latest, ...rest } = instr;
    instrs[pc] = rest;
  }
  return { ...program, instrs };
}

/** Thread, line and start time of every step of the natural run. */
function naturalSteps<S>(program: Program<S>, gil: SwitchMode): string[] {
  const run = new Run(program, { gil });
  run.extend(naturalScheduler);
  return Array.from(
    { length: run.length },
    (_, i) => `${run.threadAt(i)}:${run.pcAt(i)}@${run.timeAt(i)}`,
  );
}

describe('outside events happen by their latest time in every schedule', () => {
  it('knows the setup of every pause scenario', () => {
    expect(Object.keys(SETUPS)).toEqual(PAUSE_SCENARIOS.map((s) => s.id));
  });

  it('natural runs are the same as without latest times, in every scenario, variant and mode', () => {
    for (const def of PAUSE_SCENARIOS)
      for (const variant of VARIANT_IDS)
        for (const gil of SWITCH_MODES) {
          const program = def.build(variant, defaultParams(def), gil);
          const steps = naturalSteps(program, gil);
          expect(steps.length, `${def.id} ${variant} ${gil}`).toBeGreaterThan(30);
          expect(steps, `${def.id} ${variant} ${gil}`).toEqual(
            naturalSteps(withoutLatest(program), gil),
          );
        }
  });

  for (const def of PAUSE_SCENARIOS) {
    it(`${def.id}: every variant and switch mode, random and PCT schedules`, () => {
      for (const variant of VARIANT_IDS)
        for (const gil of SWITCH_MODES) sampleRuns(def, variant, gil);
    });
  }
});
