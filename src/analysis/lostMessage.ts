/**
 * A lost message: where a message was read (the poll that returned it) and
 * where it was dropped unprocessed (the processor's carried message set to
 * None, or thrown away by its own check). Read from `consumer` poll results and
 * `state` events on `processor.message` and `processor.dropped`; the rebalance
 * that set this up comes along as related steps (pauseCollision.ts).
 */
import { pauseStory } from './pauseCollision.ts';
import { describeSide, lastIndex, sideAt } from './sides.ts';
import { violationStep } from './steps.ts';
import type { Collision, CollisionInput, CollisionSide } from './types.ts';

type ViolationLike = CollisionInput['violations'][number];

export function lostMessageCollision(
  input: CollisionInput,
  violation: ViolationLike,
): Collision | null {
  const message = /^(\S+@\d+)/.exec(violation.detail)?.[1];
  if (!message) return null;
  const end = Math.min(violation.step, input.records.length);
  const dropIndex = lastIndex(
    input,
    0,
    end,
    (e) =>
      e.kind === 'state' &&
      (e.path === 'processor.message' || e.path === 'processor.dropped') &&
      e.from === message &&
      e.to !== message,
  );
  if (dropIndex < 0) return null;
  const readIndex = lastIndex(
    input,
    0,
    dropIndex,
    (e) => e.kind === 'consumer' && e.call === 'poll' && e.detail.startsWith(`returns ${message}`),
  );
  const dropper = input.records[dropIndex]?.actor ?? '?';
  const dropped = sideAt(input, dropIndex, `${dropper} drops ${message} without processing it`);
  if (!dropped) return null;
  const read =
    readIndex >= 0
      ? sideAt(
          input,
          readIndex,
          `${input.records[readIndex]?.actor ?? '?'}'s poll returns ${message}`,
        )
      : null;
  const story = pauseStory(input, dropIndex, dropped.actor);
  // Read before the run began (a message carried over): the step that parked it is the pause.
  const carried =
    read === null && story
      ? sideAt(
          input,
          story.pausedAt,
          `${input.records[story.pausedAt]?.actor ?? '?'} pauses its partitions while carrying ${message}`,
        )
      : null;
  const victim: CollisionSide | null = read ?? carried;
  if (!victim) return null;
  const related = story ? [story.culprit, ...story.related] : [];
  return {
    kind: 'lost-message',
    outcome: `violation:${violation.invariant}`,
    outcomeStep: violationStep(violation),
    victim,
    culprit: dropped,
    related: related.filter((s) => s.step !== dropped.step && s.step !== victim.step),
    roles: read
      ? { victim: 'Read here', culprit: 'Dropped here' }
      : { victim: 'Carried here', culprit: 'Dropped here' },
    summary: read
      ? `${describeSide(victim)}; ${describeSide(dropped)}. Its offset is already past it, so nothing reads it again.`
      : `${describeSide(victim)}; ${describeSide(dropped)}, and its offset is already past it.`,
    arrowLabel: `${message} read, then dropped`,
  };
}
