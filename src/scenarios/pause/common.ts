/**
 * What the race-A scenarios' builds share: the translation of validated
 * parameters into a PauseSetup, the setups two or three scenarios have in common
 * (each scenario says only what differs), and a scenario made of its metadata and
 * setup. The parameters and actor labels are in params.ts.
 */
import type { SwitchMode } from '../../engine/index.ts';
import type { Params, ScenarioDef, ScenarioMeta, VariantId } from '../types.ts';
import type { Protocol } from '../../worlds/kafka/group.ts';
import type { Partition } from '../../worlds/kafka/partitions.ts';
import type { ScKind } from '../../worlds/kafka/synchronized.ts';
import { buildPauseProgram } from '../../worlds/pause/program.ts';
import type { OutsideEvent, PauseSetup, PauseTiming } from '../../worlds/pause/setup.ts';
import { COMMIT_ACTORS, REBALANCE_ACTORS } from './params.ts';

export { ACTOR_LABELS, actorsOf, LEADER_LEAD_PARAM, TIMING_PARAMS } from './params.ts';

export function timingOf(params: Params): PauseTiming {
  const n = (id: string): number => {
    const v = params[id];
    if (v === undefined) throw new Error(`missing parameter ${id}`);
    return v;
  };
  return {
    thresholdMs: n('thresholdMs'),
    topPollMs: n('topPollMs'),
    pausedPollMs: n('pausedPollMs'),
    callbackMs: n('callbackMs'),
    committedLookupMs: n('committedLookupMs'),
    rejoinMs: n('rejoinMs'),
    fetchMs: n('fetchMs'),
    slackMs: n('slackMs'),
    pausedForeverMs: n('pausedForeverMs'),
    livenessMs: n('livenessMs'),
  };
}

export function numberParam(params: Params, id: string): number {
  const v = params[id];
  if (v === undefined) throw new Error(`missing parameter ${id}`);
  return v;
}

/**
 * A rebalance scenario (rebalanceParams): C owns `partitions` behind the real
 * SynchronizedConsumer and pauses with nothing to resume it, while member D, owning
 * `theirs` partitions, joins or leaves (`event`) under `protocol`.
 */
export function rebalanceSetup(
  params: Params,
  protocol: Protocol,
  theirs: number,
  event: OutsideEvent,
): PauseSetup {
  return {
    actors: REBALANCE_ACTORS,
    protocol,
    sc: 'real',
    ours: numberParam(params, 'partitions'),
    theirs,
    messages: numberParam(params, 'messages'),
    leaderLead: {},
    defaultLead: numberParam(params, 'leaderLead'),
    events: [event],
    readyAtMs: null,
    timing: timingOf(params),
  };
}

/**
 * A scenario without a rebalance: C owns P0 and P1 (eager protocol) behind `sc`, the
 * leader, exactly at C's positions until then, commits `offsets(messages)` at
 * `leaderCommitAtMs`, and the downstream has room again at `readyAtMs`.
 */
export function leaderCommitSetup(
  params: Params,
  sc: ScKind,
  offsets: (messages: number) => Readonly<Record<Partition, number>>,
): PauseSetup {
  const messages = numberParam(params, 'messages');
  return {
    actors: COMMIT_ACTORS,
    protocol: 'eager',
    sc,
    ours: 2,
    theirs: 0,
    messages,
    leaderLead: { P0: 1, P1: 0 },
    events: [
      {
        kind: 'leader_commit',
        offsets: offsets(messages),
        atMs: numberParam(params, 'leaderCommitAtMs'),
      },
    ],
    readyAtMs: numberParam(params, 'readyAtMs'),
    timing: timingOf(params),
  };
}

/** A race-A scenario: its metadata and a build through its setup. */
export function pauseScenario(
  meta: ScenarioMeta,
  setupOf: (params: Params) => PauseSetup,
): ScenarioDef {
  return {
    ...meta,
    build: (variant: VariantId, params: Params, _gil: SwitchMode) =>
      buildPauseProgram(setupOf(params), variant),
  };
}
