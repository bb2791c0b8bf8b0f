/**
 * Conflict arrows: a write to shared state by one actor, paired with the read
 * by another actor that it broke or that saw it. Deliberately simple rules,
 * so what an arrow means can be said in one sentence:
 *
 * - dict: an items iterator was created by actor A and recorded the dict's
 *   size; a later write by another actor made the size differ from it, and it
 *   still differed at A's next `next` (the `next` that raises, under CPython's
 *   rules: `dictiter_iternext` compares the recorded size with the current
 *   one). The arrow goes from that write, the one that broke the iterator, to
 *   that `next`; a write that restored the recorded size mends it. `raised`
 *   says whether the `next` raised.
 * - state: two consecutive writes to one path by different actors; the later
 *   actor acted on (or overwrote) what the earlier one wrote.
 * - crash: the crashing actor had written a path, then another actor wrote it
 *   before the crash; the arrow goes from that other write to the crash (the
 *   assertion read a value someone else had changed under it).
 */
import type { ActorId } from '../engine/index.ts';
import type { DictLane, DictPoint, IterSpan } from './dict-lanes.ts';
import { firstIndex } from './search.ts';
import type { StateLane } from './state-lanes.ts';

export interface ConflictArrow {
  readonly kind: 'dict' | 'state' | 'crash';
  readonly fromStep: number;
  readonly fromActor: ActorId;
  readonly toStep: number;
  readonly toActor: ActorId;
  /** The lane of the shared state both sides touched. */
  readonly laneId: string;
  /** The read raised (a dict `next`) or is the crash. */
  readonly raised: boolean;
  readonly label: string;
}

interface CrashLike {
  readonly step: number;
  readonly actor: ActorId;
  readonly type: string;
}

export function buildArrows(
  stateLanes: readonly StateLane[],
  dictLanes: readonly DictLane[],
  crashes: readonly CrashLike[],
): ConflictArrow[] {
  const out: ConflictArrow[] = [];
  for (const lane of dictLanes) dictArrows(lane, out);
  for (const lane of stateLanes) stateArrows(lane, out);
  for (const crash of crashes) for (const lane of stateLanes) crashArrow(lane, crash, out);
  return out.sort((a, b) => a.toStep - b.toStep || a.fromStep - b.fromStep);
}

function dictArrows(lane: DictLane, out: ConflictArrow[]): void {
  for (const span of lane.iterators) {
    const hit = iteratorBreak(lane, span);
    if (!hit) continue;
    const { write: w, read } = hit;
    out.push({
      kind: 'dict',
      fromStep: w.step,
      fromActor: w.actor,
      toStep: read.step,
      toActor: read.actor,
      laneId: lane.id,
      raised: read.raised,
      label: `${w.actor} ${w.op} on ${lane.dict} (size ${w.size}) under ${read.actor}'s iterator (recorded ${span.recordedSize})${read.raised ? ': next() raised' : ''}`,
    });
  }
}

/**
 * The write by another actor that left the dict's size different from what the
 * iterator `span` recorded, and the iterator's first `next` after it; null when
 * no `next` of the iterator ever saw a size it did not record because of
 * someone else.
 */
export function iteratorBreak(
  lane: DictLane,
  span: IterSpan,
): { readonly write: DictPoint; readonly read: DictPoint } | null {
  const points = lane.points;
  const end = span.failedStep ?? span.toStep;
  const lo = firstIndex(points.length, (i) => (points[i] as DictPoint).step > span.fromStep);
  const hi = firstIndex(points.length, (i) => (points[i] as DictPoint).step > end);
  let breaker: DictPoint | null = null;
  for (let i = lo; i < hi; i++) {
    const p = points[i] as DictPoint;
    if (p.actor === span.actor && p.op === 'next') {
      if (breaker) return { write: breaker, read: p };
      continue;
    }
    if (!p.sizeChanged) continue;
    if (p.size === span.recordedSize) breaker = null;
    else if (breaker === null && p.actor !== span.actor) breaker = p;
  }
  return null;
}

function stateArrows(lane: StateLane, out: ConflictArrow[]): void {
  for (let k = 1; k < lane.writes.length; k++) {
    const a = lane.writes[k - 1];
    const b = lane.writes[k];
    if (!a || !b || a.actor === b.actor) continue;
    out.push({
      kind: 'state',
      fromStep: a.step,
      fromActor: a.actor,
      toStep: b.step,
      toActor: b.actor,
      laneId: lane.id,
      raised: false,
      label: `${a.actor} set ${lane.path} to ${a.to}; ${b.actor} then found ${b.from} and set ${b.to}`,
    });
  }
}

function crashArrow(lane: StateLane, crash: CrashLike, out: ConflictArrow[]): void {
  const before = lane.writes.filter((w) => w.step <= crash.step);
  const last = before[before.length - 1];
  if (!last || last.actor === crash.actor) return;
  if (!before.some((w) => w.actor === crash.actor)) return;
  out.push({
    kind: 'crash',
    fromStep: last.step,
    fromActor: last.actor,
    toStep: crash.step,
    toActor: crash.actor,
    laneId: lane.id,
    raised: true,
    label: `${last.actor} changed ${lane.path} to ${last.to} after ${crash.actor} had set it; ${crash.actor} then raised ${crash.type}`,
  });
}
