/**
 * The pause race: a processor that paused its partitions keeps calling
 * poll(0.1) to stay in the group, and trusts that nothing comes back. The
 * victim is the step that found otherwise (the assertion, or the step after
 * which an invariant broke); the culprit is the first thing after the
 * processor's last pause that took the pause away: a rebalance callback inside
 * the paused poll (revoke, assign), or a resume. The rest of the story (the
 * assign, the first fetch that woke the poll, the callback that reset the
 * processor's flag) comes along as related steps. Read from `consumer`,
 * `rebalance` and `state` events.
 */
import type { SimEvent } from '../engine/index.ts';
import { describeSide, firstIndexOf, lastIndex, partitionsWords, sideAt } from './sides.ts';
import type { CollisionSide } from './types.ts';
import type { CollisionInput } from './types.ts';

export interface PauseStory {
  /** Record index of the processor's last pause before the victim. */
  readonly pausedAt: number;
  readonly culprit: CollisionSide;
  readonly related: readonly CollisionSide[];
}

const isPause = (e: SimEvent): boolean => e.kind === 'consumer' && e.call === 'pause';
const isTakeAway = (e: SimEvent): boolean =>
  (e.kind === 'rebalance' && (e.phase === 'revoke' || e.phase === 'assign')) ||
  (e.kind === 'consumer' && e.call === 'resume');

/** The culprit and related steps for a victim at record `victimIndex` of `victimActor`. */
export function pauseStory(
  input: CollisionInput,
  victimIndex: number,
  victimActor: string,
): PauseStory | null {
  const pausedAt = lastIndex(input, 0, victimIndex, isPause);
  if (pausedAt < 0) return null;
  const first = firstIndexOf(input, pausedAt + 1, victimIndex, isTakeAway);
  if (first < 0) return null;
  let culpritIndex = first;
  if (input.records[first]?.actor === victimActor) {
    // The victim's own thread resumed (SC.poll resuming what the leader allows):
    // the cause is the other thread's write it acted on.
    const cause = lastIndex(
      input,
      pausedAt + 1,
      first,
      (e, r) => e.kind === 'state' && r.actor !== victimActor,
    );
    if (cause >= 0) culpritIndex = cause;
  }
  const pauser = input.records[pausedAt]?.actor ?? victimActor;
  const culprit = sideAt(input, culpritIndex, actionAt(input, culpritIndex, pauser));
  if (!culprit) return null;
  const related: CollisionSide[] = [];
  for (let i = pausedAt + 1; i < victimIndex; i++) {
    if (i === culpritIndex || !isStoryStep(input, i)) continue;
    const side = sideAt(input, i, actionAt(input, i, pauser));
    if (side) related.push(side);
  }
  return { pausedAt, culprit, related };
}

function isStoryStep(input: CollisionInput, index: number): boolean {
  const r = input.records[index];
  if (!r) return false;
  return r.events.some(
    (e) =>
      e.kind === 'rebalance' ||
      (e.kind === 'consumer' && e.call === 'resume') ||
      (e.kind === 'state' && e.path === 'processor.is_paused' && r.actor !== 'main') ||
      (e.kind === 'consumer' && e.call === 'poll' && /returns \S+@/.test(e.detail)),
  );
}

/** The step at `index` in words, from its most telling event. */
function actionAt(input: CollisionInput, index: number, pauser: string): string {
  const r = input.records[index];
  if (!r) return 'an unknown step';
  const pollOf = `inside ${pauser}'s paused poll`;
  for (const e of r.events) {
    if (e.kind === 'rebalance' && e.phase === 'revoke')
      return `${r.actor} revokes ${partitionsWords(e.partitions)} ${pollOf}`;
    if (e.kind === 'rebalance' && e.phase === 'assign')
      return `${r.actor} assigns ${partitionsWords(e.partitions)} ${pollOf}, and the new partitions are not paused`;
    if (e.kind === 'rebalance' && e.phase === 'fetch')
      return `the first fetch for ${partitionsWords(e.partitions)} lands and wakes the paused poll`;
  }
  for (const e of r.events) {
    if (e.kind === 'consumer' && e.call === 'poll' && /returns \S+@/.test(e.detail))
      return `${r.actor}'s poll ${e.detail.replace(/;.*$/, '')}`;
    if (e.kind === 'consumer' && e.call === 'resume') return `${r.actor} resumes ${e.detail}`;
    if (e.kind === 'state' && e.path === 'processor.is_paused')
      return `${r.actor} sets the processor's paused flag to ${e.to}`;
  }
  const state = r.events.find((e) => e.kind === 'state');
  if (state && state.kind === 'state') return `${r.actor} sets ${state.path} to ${state.to}`;
  return `${r.actor} runs this line`;
}

/** Two sentences naming both sides of a pause-race collision. */
export function pauseSummary(
  input: CollisionInput,
  victim: CollisionSide,
  story: PauseStory,
): string {
  const pauser = input.records[story.pausedAt]?.actor ?? victim.actor;
  return (
    `${pauser} had paused its partitions and kept polling only to stay in the group; ` +
    `${describeSide(story.culprit)}. Then ${describeSide(victim)}.`
  );
}
