/**
 * The paused hang: a processor paused under backpressure drops the message it
 * was carrying (its InvalidMessage handler, before arroyo c8bdbb9) and does not
 * resume. A paused processor resumes only after a successful submit, and with
 * nothing carried it never submits again, so its partitions stay paused and
 * every later poll returns None; no exception marks it. One thread can do all
 * of this, so the two sides may share an actor: the victim is where the run is
 * seen to be stuck (the poll after which the liveness or paused-forever
 * invariant broke), the culprit the step that emptied `processor.message`
 * while paused with no resume after it. Read from `consumer`, `state` and
 * `exception` events.
 */
import type { SimEvent } from '../engine/index.ts';
import { describeSide, eventsOf, lastIndex, sideAt } from './sides.ts';
import { violationStep } from './steps.ts';
import type { Collision, CollisionInput, CollisionSide } from './types.ts';

type ViolationLike = CollisionInput['violations'][number];

/** The invariants a hang breaks: nothing delivered, and nobody left to resume. */
export const HANG_INVARIANTS: ReadonlySet<string> = new Set(['liveness', 'paused-forever']);

const isPause = (e: SimEvent): boolean => e.kind === 'consumer' && e.call === 'pause';
const isResume = (e: SimEvent): boolean => e.kind === 'consumer' && e.call === 'resume';
const isDrop = (e: SimEvent): boolean =>
  e.kind === 'state' && e.path === 'processor.message' && e.to === 'None';

/** The collision of a paused hang whose violation shows at record `victimIndex`, or null. */
export function stuckPausedCollision(
  input: CollisionInput,
  violation: ViolationLike,
  victimIndex: number,
): Collision | null {
  if (!HANG_INVARIANTS.has(violation.invariant)) return null;
  const pausedAt = lastIndex(input, 0, victimIndex + 1, isPause);
  if (pausedAt < 0 || lastIndex(input, pausedAt, victimIndex + 1, isResume) >= 0) return null;
  const dropAt = lastIndex(input, pausedAt + 1, victimIndex + 1, isDrop);
  if (dropAt < 0) return null;
  const paused = eventsOf(input, pausedAt, 'consumer').find(isPause)?.detail ?? 'its partitions';
  const culprit = sideAt(input, dropAt, dropWords(input, pausedAt, dropAt));
  const victim = sideAt(input, victimIndex, stuckWords(input, victimIndex, paused));
  if (!culprit || !victim) return null;
  return {
    kind: 'stuck-paused',
    outcome: `violation:${violation.invariant}`,
    outcomeStep: violationStep(violation),
    victim,
    culprit,
    related: raiseSide(input, pausedAt, dropAt),
    roles: { victim: 'Stuck here', culprit: 'Dropped it here without resuming' },
    summary:
      `${culprit.actor} had paused ${paused}; ${describeSide(culprit)}. ` +
      `With nothing left to submit nothing resumes them: ${describeSide(victim)}.`,
    arrowLabel: 'nothing left to submit: nobody resumes',
  };
}

/** The exception that led to the drop (InvalidMessage from submit), if the run recorded it. */
function raiseIndex(input: CollisionInput, pausedAt: number, dropAt: number): number {
  return lastIndex(input, pausedAt + 1, dropAt, (e) => e.kind === 'exception');
}

function raiseSide(input: CollisionInput, pausedAt: number, dropAt: number): CollisionSide[] {
  const at = raiseIndex(input, pausedAt, dropAt);
  const raised = eventsOf(input, at, 'exception').at(-1);
  const words = raised ? `${raised.actor} gets ${raised.type} (${raised.message})` : '';
  const side = raised ? sideAt(input, at, words) : null;
  return side ? [side] : [];
}

function dropWords(input: CollisionInput, pausedAt: number, dropAt: number): string {
  const r = input.records[dropAt];
  const drop = eventsOf(input, dropAt, 'state').find(isDrop);
  const raised = eventsOf(input, raiseIndex(input, pausedAt, dropAt), 'exception').at(-1);
  const after = raised ? ` after ${raised.type}` : '';
  return `${r?.actor ?? '?'} drops the carried ${drop?.from ?? 'message'}${after} and leaves the processor paused`;
}

function stuckWords(input: CollisionInput, index: number, paused: string): string {
  const r = input.records[index];
  const poll = eventsOf(input, index, 'consumer').find((e) => e.call === 'poll');
  const did = poll ? `'s poll ${poll.detail}` : ' runs on';
  return `${r?.actor ?? '?'}${did} while ${paused} stay paused, and nothing is delivered`;
}
