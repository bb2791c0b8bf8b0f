/**
 * What the race-A scenarios' metadata shares: the parameters with arroyo's real
 * defaults (docs/real-code.md#time: BACKPRESSURE_THRESHOLD 5 s, poll timeouts 1.0 s
 * and 0.1 s) and the modelled durations of 2.2, and the actor labels. Pure data:
 * the landing page's catalogue reads it without loading the world.
 */
import type { ActorId } from '../../engine/index.ts';
import type { ParamSpec, ScenarioMeta } from '../types.ts';

export const ACTOR_LABELS: Readonly<Record<ActorId, string>> = {
  main: 'main: the StreamProcessor thread (run -> _run_once)',
  coordinator: "coordinator: group rebalances, served only inside main's poll()",
  commitlog: "commitlog: the SynchronizedConsumer's commit-log worker thread",
  strategy: 'strategy: the downstream gets room again (submit stops raising MessageRejected)',
  producer: 'producer: outside events (members joining or leaving, leader commits)',
};

export function actorsOf(ids: readonly ActorId[]): { id: string; label: string }[] {
  return ids.map((id) => ({ id, label: ACTOR_LABELS[id] ?? id }));
}

function param(
  id: string,
  label: string,
  unit: string,
  defaultValue: number,
  min: number,
  max: number,
  description: string,
): ParamSpec {
  return { id, label, unit, defaultValue, min, max, description };
}

export const TIMING_PARAMS: readonly ParamSpec[] = [
  param(
    'thresholdMs',
    'BACKPRESSURE_THRESHOLD',
    'ms',
    5000,
    100,
    60000,
    'Rejected for longer than this (strictly), the processor pauses. arroyo: 5.0 s.',
  ),
  param(
    'topPollMs',
    'Top poll timeout',
    'ms',
    1000,
    100,
    10000,
    'poll(timeout=1.0) when nothing is carried.',
  ),
  param(
    'pausedPollMs',
    'Paused poll timeout',
    'ms',
    100,
    10,
    1000,
    'poll(0.1) in the paused branch.',
  ),
  param(
    'callbackMs',
    'Strategy close and join',
    'ms',
    10,
    0,
    30000,
    "Time a callback spends closing and joining the strategy, on main's thread (up to 25 s at HEAD).",
  ),
  param(
    'committedLookupMs',
    'committed() lookup',
    'ms',
    5,
    0,
    5000,
    'The blocking broker lookup inside the assign callback.',
  ),
  param(
    'rejoinMs',
    'Rejoin (JoinGroup + SyncGroup)',
    'ms',
    30,
    0,
    10000,
    "Background round trip between a revoke and the assign; main's poll is not held by it.",
  ),
  param(
    'fetchMs',
    'Fetch',
    'ms',
    10,
    1,
    1000,
    'From an assign, resume or seek until poll() can return the fetched message.',
  ),
  param(
    'messages',
    'Messages per partition',
    'messages',
    3,
    1,
    6,
    "Messages after each partition's committed offset (P0 from 10, P1 from 20, ...).",
  ),
  param(
    'slackMs',
    'Latest delay of an outside event',
    'ms',
    200,
    0,
    2000,
    'An outside event happens at its nominal time or up to this much later, never later: explored schedules try each moment in between.',
  ),
  param(
    'pausedForeverMs',
    'Paused-forever horizon',
    'ms',
    50000,
    1000,
    600000,
    'A partition paused with nobody to resume it this long is reported (10 x the threshold).',
  ),
  param(
    'livenessMs',
    'Liveness bound',
    'ms',
    5000,
    500,
    60000,
    'A partition that could deliver (strategy has room, leader past it) must deliver within this long; keep it above a top poll plus a fetch.',
  ),
];

/** How far the followed group is ahead: with 0 SC holds back every re-fetched message (docs/real-code.md#external-resume). */
export const LEADER_LEAD_PARAM: ParamSpec = param(
  'leaderLead',
  'Leader ahead by',
  'messages',
  3,
  0,
  6,
  "How many messages the followed group has committed past our committed offset. At 0, SC's gate holds back what the rebalance re-fetches.",
);

/** The part of a scenario's metadata every race-A scenario has the same way. */
export function pauseMeta(
  def: Omit<ScenarioMeta, 'version' | 'race' | 'actors'>,
  actors: readonly ActorId[],
): ScenarioMeta {
  return { ...def, version: 1, race: 'A', actors: actorsOf(actors) };
}

/** The rebalance scenarios' actors: C's processor, the group coordinator, SC's worker, member D. */
export const REBALANCE_ACTORS = ['main', 'coordinator', 'commitlog', 'producer'] as const;

/** The actors of the scenarios without a rebalance, where the leader commits and the downstream gets room. */
export const COMMIT_ACTORS = ['main', 'commitlog', 'strategy', 'producer'] as const;

/**
 * A rebalance scenario's parameters: the timing, the leader's lead, C's partitions
 * (how many it may own, and what becomes of them) and when member D joins or leaves.
 */
export function rebalanceParams(
  partitions: Pick<ParamSpec, 'min' | 'max' | 'description'>,
  memberEvent: Pick<ParamSpec, 'id' | 'label' | 'description'>,
): ParamSpec[] {
  const { min, max, description } = partitions;
  return [
    ...TIMING_PARAMS,
    LEADER_LEAD_PARAM,
    param('partitions', 'Partitions of C', 'partitions', 2, min, max, description),
    param(memberEvent.id, memberEvent.label, 'ms', 0, 0, 10000, memberEvent.description),
  ];
}

/** When the strategy's downstream has room again (the `strategy` actor's step). */
export function readyAtParam(
  defaultValue: number,
  description = 'Nominal time submit() stops raising MessageRejected.',
): ParamSpec {
  return param('readyAtMs', 'Downstream has room at', 'ms', defaultValue, 0, 20000, description);
}
