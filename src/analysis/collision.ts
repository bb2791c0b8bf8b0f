/**
 * Names the collision behind a failed run: for an outcome (a crash, or a broken
 * invariant), the two steps of the race, each a thread at a line of the model
 * listing, in words: the victim ("stuck asks the counters iterator for its
 * next item, flush line 28, step 140") and the culprit ("main clears counters,
 * __reset line 34, step 97"). Pure: it reads only the engine's own data (step
 * records with their events, crashes, violations), so the lab, the
 * postmortem, the standalone replay and the tests all get the same answer.
 *
 * Rules, by what went wrong:
 * - a RuntimeError from a dict iterator: dictCollision.ts (the same rule as the
 *   timeline's conflict arrow);
 * - lost increments (metrics-conservation): lostIncrement.ts;
 * - a lost message: lostMessage.ts;
 * - any other crash or invariant of the pause race: pauseCollision.ts;
 * - a paused hang (liveness, paused-forever) with no pause taken away, where
 *   the processor dropped what it carried: stuckPaused.ts;
 * - otherwise, the last write by another thread to a path the failing thread
 *   had written (the timeline's crash arrow), or null when nothing fits.
 */
import type { Simulation } from '../scenarios/simulate.ts';
import { buildArrows } from './arrows.ts';
import { dictCollision } from './dictCollision.ts';
import { lostIncrementCollision } from './lostIncrement.ts';
import { lostMessageCollision } from './lostMessage.ts';
import { pauseStory, pauseSummary } from './pauseCollision.ts';
import { describeSide, sideAt } from './sides.ts';
import { stuckPausedCollision } from './stuckPaused.ts';
import { buildStateLanes } from './state-lanes.ts';
import { crashStep, recordOfStep, violationStep } from './steps.ts';
import type { Collision, CollisionInput, CollisionSide } from './types.ts';

export type { Collision, CollisionInput, CollisionSide, CodeRef, CollisionKind } from './types.ts';
export { describeSide, lineWords, whyWords } from './sides.ts';

type CrashLike = CollisionInput['crashes'][number];
type ViolationLike = CollisionInput['violations'][number];

/** Failure outcome keys of the run, the explorer's order: crashes, then violations. */
export function failureKeys(input: Pick<CollisionInput, 'crashes' | 'violations'>): string[] {
  const keys = new Set<string>();
  for (const c of input.crashes) keys.add(`crash:${c.type}@${c.actor}`);
  for (const v of input.violations) keys.add(`violation:${v.invariant}`);
  return [...keys].sort(compareKeys);
}

/** Crashes first, then violations; alphabetical within each (the explorer's order). */
function compareKeys(a: string, b: string): number {
  const rank = (k: string): number => (k.startsWith('crash:') ? 0 : 1);
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * The collision behind `outcome` (default: the run's first failure, a crash
 * before a violation), or null when the run shows no such failure or no rule
 * finds both sides.
 */
export function analyseCollision(input: CollisionInput, outcome?: string): Collision | null {
  const key = outcome ?? failureKeys(input)[0];
  if (key === undefined) return null;
  if (key.startsWith('crash:')) {
    const crash = input.crashes.find((c) => `crash:${c.type}@${c.actor}` === key);
    return crash ? crashCollision(input, crash) : null;
  }
  const violation = input.violations.find((v) => `violation:${v.invariant}` === key);
  return violation ? violationCollision(input, violation) : null;
}

/** The same, for a simulation as the store and the CLI hold it. */
export function collisionOfSimulation(sim: Simulation, outcome?: string): Collision | null {
  const run = sim.run;
  return analyseCollision(
    {
      program: sim.program,
      records: run.records(0, run.length),
      crashes: run.last.crashes,
      violations: run.last.violations,
    },
    outcome,
  );
}

function crashCollision(input: CollisionInput, crash: CrashLike): Collision | null {
  const dict = dictCollision(input, crash);
  if (dict) return dict;
  const victim = sideAt(input, crash.step, crashWords(input, crash));
  if (!victim) return null;
  const story = pauseStory(input, crash.step, crash.actor);
  if (story) {
    return {
      kind: 'paused-poll',
      outcome: `crash:${crash.type}@${crash.actor}`,
      outcomeStep: crashStep(crash),
      victim,
      culprit: story.culprit,
      related: story.related,
      roles: { victim: 'Crashed here', culprit: 'Took the pause away here' },
      summary: pauseSummary(input, victim, story),
      arrowLabel: 'the pause is gone: poll returns a message',
    };
  }
  return stateWriteCollision(input, victim, `crash:${crash.type}@${crash.actor}`, crashStep(crash));
}

function violationCollision(input: CollisionInput, violation: ViolationLike): Collision | null {
  if (violation.invariant === 'metrics-conservation') {
    return lostIncrementCollision(input, violation);
  }
  if (violation.invariant === 'message-loss') {
    const lost = lostMessageCollision(input, violation);
    if (lost) return lost;
  }
  const index = Math.min(recordOfStep(violationStep(violation)), input.records.length - 1);
  const actor = input.records[index]?.actor ?? '?';
  const words =
    INVARIANT_WORDS[violation.invariant] ?? `the ${violation.invariant} invariant breaks`;
  const victim = sideAt(input, index, `after ${actor}'s step, ${words}`);
  if (!victim) return null;
  const key = `violation:${violation.invariant}`;
  const story = pauseStory(input, index, actor);
  if (story) {
    return {
      kind: 'paused-poll',
      outcome: key,
      outcomeStep: violationStep(violation),
      victim,
      culprit: story.culprit,
      related: story.related,
      roles: { victim: 'Broke here', culprit: 'Took the pause away here' },
      summary: pauseSummary(input, victim, story),
      arrowLabel: 'the pause is gone',
    };
  }
  const stuck = stuckPausedCollision(input, violation, index);
  if (stuck) return stuck;
  return stateWriteCollision(input, victim, key, violationStep(violation));
}

/** What each invariant breaking means, in words. */
export const INVARIANT_WORDS: Readonly<Record<string, string>> = {
  'flag-consistency': "the processor's paused flag no longer matches what the consumer has paused",
  'message-loss': 'a message is read and dropped without being processed',
  duplicate: 'a message is processed twice',
  'paused-forever': 'a partition stays paused with nobody left to resume it',
  'carried-message': 'the processor carries a message of a partition it no longer owns',
  'metrics-conservation': 'increments are lost or counted twice without an error',
  liveness: 'the processor stops making progress',
};

function crashWords(input: CollisionInput, crash: CrashLike): string {
  const text = input.records[crash.step] ? sideAt(input, crash.step, '')?.code?.text : undefined;
  return text
    ? `${crash.actor}'s \`${text}\` raises ${crash.type}`
    : `${crash.actor} raises ${crash.type}`;
}

/** The fallback: the last write by another thread to shared state the victim had written. */
function stateWriteCollision(
  input: CollisionInput,
  victim: CollisionSide,
  outcome: string,
  outcomeStep: number,
): Collision | null {
  const lanes = buildStateLanes(input.records, []);
  const index = recordOfStep(victim.step);
  const arrows = buildArrows(lanes, [], [{ step: index, actor: victim.actor, type: 'failure' }]);
  const arrow = arrows.filter((a) => a.kind === 'crash').at(-1);
  if (!arrow) return null;
  const lane = lanes.find((l) => l.id === arrow.laneId);
  const write = lane?.writes.find((w) => w.step === arrow.fromStep);
  const culprit = sideAt(
    input,
    arrow.fromStep,
    `${arrow.fromActor} sets ${lane?.path ?? 'shared state'} to ${write?.to ?? 'a new value'}`,
  );
  if (!culprit) return null;
  return {
    kind: 'state-write',
    outcome,
    outcomeStep,
    victim,
    culprit,
    related: [],
    roles: { victim: 'Failed here', culprit: 'Changed it here' },
    summary: `${describeSide(culprit)}, after ${victim.actor} had set it; then ${describeSide(victim)}.`,
    arrowLabel: `changed ${lane?.path ?? 'shared state'} underneath`,
  };
}
