/**
 * The collision analysis against the engine's own data: for the minimal
 * schedule of every failing outcome of every scenario, variant and switch
 * mode (the crash catalogue, itself checked against the explorer), both sides
 * are found and each is what the engine recorded: the victim is the crash
 * step and its line the traceback's last line; a dict's culprit changed that
 * dict's size under the iterator, the same pair as the timeline's arrow; a
 * pause race's culprit took the pause away inside the paused poll; a lost
 * increment was stored and then cleared unsent. Random schedules (fast-check)
 * check the same for every crash they reach.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RandomScheduler, Run, SWITCH_MODES, type StepRecord } from '../engine/index.ts';
import { resolveSetup, simulate, type Simulation } from '../scenarios/simulate.ts';
import { buildArrows } from './arrows.ts';
import { CRASH_CATALOG, failingOutcomes } from './catalog.ts';
import { analyseCollision, collisionOfSimulation, describeSide, failureKeys } from './collision.ts';
import { buildDictLanes } from './dict-lanes.ts';
import { crashStep, recordOfStep } from './steps.ts';
import type { Collision, CollisionInput } from './types.ts';

interface Case {
  readonly scenario: string;
  readonly variant: string;
  readonly gil: string;
  readonly outcome: string;
  readonly schedule: string;
}

const cases: Case[] = Object.values(CRASH_CATALOG.entries).flatMap((e) =>
  failingOutcomes(e).map((outcome) => ({
    scenario: e.scenario,
    variant: e.variant,
    gil: e.gil,
    outcome,
    schedule: e.minimal[outcome]?.schedule ?? '',
  })),
);

function open(c: Pick<Case, 'scenario' | 'variant' | 'gil'> & { schedule?: string }): Simulation {
  const sim = simulate(c);
  if (!sim.ok) throw new Error(sim.error);
  return sim.value;
}

function inputOf(sim: Simulation): CollisionInput {
  const run = sim.run;
  return {
    program: sim.program,
    records: run.records(0, run.length),
    crashes: run.last.crashes,
    violations: run.last.violations,
  };
}

const recordOf = (input: CollisionInput, step: number): StepRecord =>
  input.records[recordOfStep(step)] as StepRecord;

/** What the engine's own data says each kind of collision must be. */
function checkAgainstEngine(input: CollisionInput, c: Collision): void {
  expect(c.culprit.step).toBeGreaterThan(0);
  expect(c.victim.step).toBeLessThanOrEqual(c.outcomeStep);
  expect(c.culprit.code?.line).toBeGreaterThan(0);
  expect(c.victim.code?.line).toBeGreaterThan(0);
  expect(describeSide(c.victim)).toMatch(/, step \d+$/);
  const crash = input.crashes.find((k) => `crash:${k.type}@${k.actor}` === c.outcome);
  if (crash && 'traceback' in crash) {
    expect(c.victim.step).toBe(crashStep(crash));
    const frames = (crash as { traceback: readonly { line: number; listing: string }[] }).traceback;
    expect(c.victim.code?.line).toBe(frames.at(-1)?.line);
    expect(c.victim.code?.listing).toBe(frames.at(-1)?.listing);
  }
  const culprit = recordOf(input, c.culprit.step);
  const victim = recordOf(input, c.victim.step);
  expect(culprit.actor).toBe(c.culprit.actor);
  expect(victim.actor).toBe(c.victim.actor);
  if (c.kind === 'dict-resize') checkDict(input, c, culprit, victim);
  if (c.kind === 'paused-poll') {
    expect(c.culprit.step).toBeLessThan(c.victim.step);
    expect(culprit.actor).not.toBe(c.victim.actor);
    expect(
      culprit.events.some(
        (e) =>
          e.kind === 'rebalance' ||
          (e.kind === 'consumer' && e.call === 'resume') ||
          e.kind === 'state',
      ),
    ).toBe(true);
  }
  if (c.kind === 'stuck-paused') checkStuck(input, c, culprit);
  if (c.kind === 'lost-increment') {
    const store = victim.events.find((e) => e.kind === 'dict' && e.op === 'update');
    const drop = culprit.events.find(
      (e) => e.kind === 'dict' && (e.op === 'clear' || e.op === 'update'),
    );
    expect(store && drop && store.kind === 'dict' && drop.kind === 'dict').toBe(true);
    if (store?.kind === 'dict' && drop?.kind === 'dict') expect(drop.dict).toBe(store.dict);
    expect(c.culprit.step).toBeGreaterThan(c.victim.step);
  }
  if (c.kind === 'lost-message') {
    const message = /^(\S+@\d+)/.exec(
      input.violations.find((v) => `violation:${v.invariant}` === c.outcome)?.detail ?? '',
    )?.[1];
    expect(culprit.events.some((e) => e.kind === 'state' && e.from === message)).toBe(true);
  }
}

/** A hang: the culprit emptied the carried message while paused, and nothing resumed after it. */
function checkStuck(input: CollisionInput, c: Collision, culprit: StepRecord): void {
  expect(c.culprit.step).toBeLessThan(c.victim.step);
  const dropped = culprit.events.find((e) => e.kind === 'state' && e.path === 'processor.message');
  expect(dropped?.kind === 'state' && dropped.from !== 'None' && dropped.to === 'None').toBe(true);
  const after = input.records.slice(recordOfStep(c.culprit.step), recordOfStep(c.victim.step) + 1);
  const resumed = after.some((r) =>
    r.events.some((e) => e.kind === 'consumer' && e.call === 'resume'),
  );
  expect(resumed).toBe(false);
}

function checkDict(
  input: CollisionInput,
  c: Collision,
  culprit: StepRecord,
  victim: StepRecord,
): void {
  expect(c.culprit.actor).not.toBe(c.victim.actor);
  expect(c.culprit.step).toBeLessThan(c.victim.step);
  const next = victim.events.find((e) => e.kind === 'dict' && e.op === 'next');
  if (next?.kind !== 'dict') throw new Error('the victim step has no next()');
  expect(next.recordedSize).not.toBe(next.size);
  const write = culprit.events.find((e) => e.kind === 'dict' && e.dict === next.dict);
  expect(write).toBeDefined();
  // The timeline draws its arrow from the same rule: the same two steps.
  const arrows = buildArrows([], buildDictLanes(input.records), []);
  expect(arrows).toContainEqual(
    expect.objectContaining({
      kind: 'dict',
      fromStep: recordOfStep(c.culprit.step),
      toStep: recordOfStep(c.victim.step),
      raised: true,
    }),
  );
}

describe('the collision behind every minimal counterexample', () => {
  it('covers both races', () => {
    expect(cases.some((c) => c.outcome === 'crash:RuntimeError@stuck')).toBe(true);
    expect(cases.some((c) => c.outcome === 'crash:AssertionError@main')).toBe(true);
  });

  it.each(cases.map((c) => [`${c.scenario} ${c.variant} ${c.gil} ${c.outcome}`, c] as const))(
    '%s',
    (_name, c) => {
      const sim = open(c);
      const input = inputOf(sim);
      expect(failureKeys(input)).toContain(c.outcome);
      const collision = analyseCollision(input, c.outcome);
      expect(collision, 'no collision found').not.toBeNull();
      if (!collision) return;
      expect(collision.outcome).toBe(c.outcome);
      checkAgainstEngine(input, collision);
    },
  );
});

describe('the two races, in words', () => {
  it('names the stuck detector crash and the clear that caused it', () => {
    const entry = CRASH_CATALOG.entries['metrics-stuck-flush/buggy/py311'];
    const schedule = entry?.minimal['crash:RuntimeError@stuck']?.schedule ?? '';
    const sim = open({ scenario: 'metrics-stuck-flush', variant: 'buggy', gil: 'py311', schedule });
    const c = collisionOfSimulation(sim, 'crash:RuntimeError@stuck');
    const crash = sim.run.last.crashes[0];
    expect(c?.kind).toBe('dict-resize');
    expect(describeSide(c!.victim)).toBe(
      `stuck asks the counters iterator for its next item, flush line ${c!.victim.code?.line}, step ${crashStep(crash!)}`,
    );
    expect(c!.culprit.action).toMatch(/^main (clears|adds .* to) counters/);
  });

  it('names the assertion and the revoke inside the paused poll', () => {
    const entry = CRASH_CATALOG.entries['pause-rebalance-eager/buggy/py311'];
    const schedule = entry?.minimal['crash:AssertionError@main']?.schedule ?? '';
    const sim = open({
      scenario: 'pause-rebalance-eager',
      variant: 'buggy',
      gil: 'py311',
      schedule,
    });
    const c = collisionOfSimulation(sim);
    expect(c?.kind).toBe('paused-poll');
    expect(c?.victim.code?.text).toBe('assert polled is None');
    expect(c?.culprit.action).toMatch(/^coordinator revokes \[P0, P1\] inside main's paused poll/);
    const phases = [c!.culprit, ...c!.related].map((s) => s.action);
    expect(phases.some((a) => a.includes('assigns'))).toBe(true);
    expect(phases.some((a) => a.includes('first fetch'))).toBe(true);
  });

  it('names the hang after InvalidMessage: the stuck poll and the handler that dropped P0@10', () => {
    const entry = CRASH_CATALOG.entries['pause-invalid-message-stuck/buggy/py311'];
    const schedule = entry?.minimal['violation:liveness']?.schedule ?? '';
    const sim = open({
      scenario: 'pause-invalid-message-stuck',
      variant: 'buggy',
      gil: 'py311',
      schedule,
    });
    const c = collisionOfSimulation(sim, 'violation:liveness');
    expect(c?.kind).toBe('stuck-paused');
    expect(c?.victim.action).toMatch(/^main's poll returns None while \[P0, P1\] stay paused/);
    expect(c?.culprit.action).toBe(
      'main drops the carried P0@10 after InvalidMessage and leaves the processor paused',
    );
    expect(c?.culprit.code?.text).toContain('self._handle_invalid_message(e)');
    expect(c?.related.map((s) => s.action)).toEqual(['main gets InvalidMessage (P0 offset 10)']);
  });

  it('says nothing for a run that works', () => {
    const sim = open({ scenario: 'metrics-stuck-flush', variant: 'correct', gil: 'py311' });
    expect(collisionOfSimulation(sim)).toBeNull();
  });
});

describe('for random schedules', () => {
  const racing = ['metrics-stuck-flush', 'pause-rebalance-eager', 'pause-external-resume'];
  it('every crash of a buggy variant has a collision that fits the engine data', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...racing),
        fc.constantFrom(...SWITCH_MODES),
        fc.integer({ min: 0, max: 0xffffffff }),
        (scenario, gil, seed) => {
          const setup = resolveSetup({ scenario, variant: 'buggy', gil });
          if (!setup.ok) throw new Error(setup.error);
          const run = new Run(setup.value.program, { gil: setup.value.gil });
          run.extend(new RandomScheduler(seed));
          const input: CollisionInput = {
            program: setup.value.program,
            records: run.records(0, run.length),
            crashes: run.last.crashes,
            violations: run.last.violations,
          };
          for (const outcome of failureKeys(input).filter((k) => k.startsWith('crash:'))) {
            const c = analyseCollision(input, outcome);
            expect(c, `${scenario} ${gil} seed ${seed} ${outcome}`).not.toBeNull();
            if (c) checkAgainstEngine(input, c);
          }
        },
      ),
      { numRuns: 150, seed: 14 },
    );
  });
});
