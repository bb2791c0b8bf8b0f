/**
 * The race-A invariants of docs/scenarios.md#invariants (all but
 * `metrics-conservation`); crashes are the kernel's. Each returns a sentence describing
 * the breach, or null. The ones about the processor's view are checked at
 * `_run_once` boundaries, where the processor's fields mean what they say;
 * offsets committed past unprocessed messages are checked after every step.
 */
import type { Invariant, World } from '../../engine/index.ts';
import { OUR_GROUP } from '../kafka/broker.ts';
import { visiblePaused, visibleTellKeys } from '../kafka/facade.ts';
import { intersect, minus, show, type Msg } from '../kafka/partitions.ts';
import { syncPaused } from '../kafka/synchronized.ts';
import type { PauseTiming } from './setup.ts';
import { baseOffset, type PauseState } from './state.ts';
import { atBoundary } from './watch.ts';

type W = World<PauseState>;

export function flagConsistency(w: W): string | null {
  if (!atBoundary(w)) return null;
  return flagBreached(w) ? describeFlagBreach(w) : null;
}

/**
 * Whether `flagConsistency` has anything to report, without building the sets:
 * paused, some partition of tell() is missing from paused(); not paused, some
 * is in it (paused() is SC's `_paused`, tell() the assignment).
 */
function flagBreached(w: W): boolean {
  const k = w.state.kafka;
  const wantPaused = w.state.processor.paused;
  for (const a of k.consumer.assigned) {
    if (k.sc.paused.includes(a.p) !== wantPaused) return true;
  }
  return false;
}

function describeFlagBreach(w: W): string | null {
  const k = w.state.kafka;
  const paused = visiblePaused(k);
  const tell = visibleTellKeys(k);
  const sync = syncPaused(k.sc, k.consumer);
  const note =
    sync.length > 0 ? ` (SC's own sync pauses ${show(sync)} are legitimate and not counted)` : '';
  if (w.state.processor.paused) {
    const running = minus(tell, paused);
    return running.length === 0
      ? null
      : `is_paused is True but ${show(running)} in tell() is not in paused()${note}.`;
  }
  const held = intersect(paused, tell);
  return held.length === 0
    ? null
    : `is_paused is False but paused() & tell() is ${show(held)}: only a paused processor ever resumes them${note}.`;
}

function unprocessed(w: W, p: string, from: number, to: number): number[] {
  const done = w.state.processed[p] ?? [];
  const out: number[] = [];
  for (let o = from; o < to; o++) if (!done.includes(o)) out.push(o);
  return out;
}

const NONE: readonly number[] = [];

/**
 * Whether some offset of `p` in [from, to) was never processed, leaving out
 * `carried` (a message the processor still holds). The allocation-free test
 * the invariants run after every step; the sentence is built only on a breach.
 */
function anyUnprocessed(w: W, p: string, from: number, to: number, carried: Msg | null): boolean {
  if (from >= to) return false; // the usual case: nothing committed or read past the start
  return anyMissing(w.state.processed[p] ?? NONE, p, from, to, carried);
}

/** `anyUnprocessed` on partition `p`'s processed offsets `done` (exported for its tests). */
export function anyMissing(
  done: readonly number[],
  p: string,
  from: number,
  to: number,
  carried: Msg | null,
): boolean {
  if (from >= to) return false;
  if (increasing(done)) {
    // Distinct offsets (the usual case): all of [from, to) were processed, but
    // for the one the processor carries, iff enough of them fall inside it.
    let inside = 0;
    for (let i = 0; i < done.length; i++) {
      const o = done[i] as number;
      if (o >= from && o < to) inside++;
    }
    const excused =
      carried !== null &&
      carried.p === p &&
      carried.offset >= from &&
      carried.offset < to &&
      !done.includes(carried.offset);
    return inside < to - from - (excused ? 1 : 0);
  }
  for (let o = from; o < to; o++) {
    if (done.includes(o)) continue;
    if (carried !== null && carried.p === p && carried.offset === o) continue;
    return true;
  }
  return false;
}

/** Whether `messageLoss` has anything to report: the cheap test that runs after every step. */
function messageLost(w: W): boolean {
  const st = w.state;
  const committed = st.kafka.broker.committed[OUR_GROUP];
  if (committed) {
    for (const p in committed) {
      if (anyUnprocessed(w, p, baseOffset(p), committed[p] ?? 0, null)) return true;
    }
  }
  if (!atBoundary(w)) return false;
  const carried = st.processor.message;
  for (const a of st.kafka.consumer.assigned) {
    if (anyUnprocessed(w, a.p, baseOffset(a.p), a.position, carried)) return true;
  }
  return false;
}

export function messageLoss(w: W): string | null {
  return messageLost(w) ? describeMessageLoss(w) : null;
}

function describeMessageLoss(w: W): string | null {
  const st = w.state;
  const committed = st.kafka.broker.committed[OUR_GROUP] ?? {};
  const past: string[] = [];
  for (const p of Object.keys(committed)) {
    const lost = unprocessed(w, p, baseOffset(p), committed[p] ?? 0);
    if (lost.length > 0)
      past.push(`${p} -> ${committed[p]} without ${lost.map((o) => `${p}@${o}`).join(', ')}`);
  }
  if (past.length > 0) return `${OUR_GROUP} committed ${past.join('; ')}: never processed.`;
  if (!atBoundary(w)) return null;
  const carried = st.processor.message;
  const dropped: string[] = [];
  for (const a of st.kafka.consumer.assigned) {
    const lost = unprocessed(w, a.p, baseOffset(a.p), a.position).filter(
      (o) => !(carried !== null && carried.p === a.p && carried.offset === o),
    );
    if (lost.length > 0)
      dropped.push(`${lost.map((o) => `${a.p}@${o}`).join(', ')} (${a.p} is at ${a.position})`);
  }
  if (dropped.length === 0) return null;
  return (
    `${dropped.join('; ')}: read and dropped while the partition stayed assigned past it. Nothing will read it ` +
    'again unless a later rebalance rolls the partition back.'
  );
}

/** Whether `done` only goes up, as the processor appends offsets (then they are distinct). */
export function increasing(done: readonly number[]): boolean {
  for (let i = 1; i < done.length; i++)
    if ((done[i] as number) <= (done[i - 1] as number)) return false;
  return true;
}

/** The first offset processed a second time, as `done.find((o, i) => done.indexOf(o) !== i)`, without a closure. */
export function firstRepeat(done: readonly number[]): number | undefined {
  for (let i = 1; i < done.length; i++) {
    const o = done[i] as number;
    for (let j = 0; j < i; j++) if (done[j] === o) return o;
  }
  return undefined;
}

export function duplicate(w: W): string | null {
  // for...in visits the keys in Object.keys order without building the array.
  const processed = w.state.processed;
  for (const p in processed) {
    const done = processed[p] ?? NONE;
    if (increasing(done)) continue; // no repeats; checked in one pass after every step
    const twice = firstRepeat(done);
    if (twice !== undefined)
      return `${p}@${twice} was processed twice without a rollback to explain it.`;
  }
  return null;
}

export function carriedMessage(w: W): string | null {
  if (!atBoundary(w)) return null;
  const m = w.state.processor.message;
  if (m === null) return null;
  const a = w.state.kafka.consumer.assigned.find((x) => x.p === m.p);
  if (!a) return `_message carries ${m.p}@${m.offset}, but ${m.p} is not assigned any more.`;
  return a.position === m.offset + 1
    ? null
    : `_message carries ${m.p}@${m.offset}, but ${m.p}'s position is ${a.position}, not ${m.offset + 1}.`;
}

export function pausedForever(timing: PauseTiming): (w: W) => string | null {
  return (w) => {
    const stuck = w.state.watch.stuck;
    for (const p in stuck) {
      const since = stuck[p] as number;
      if (w.nowMs - since > timing.pausedForeverMs) {
        const flag = w.state.processor.paused
          ? 'the processor is paused but carries nothing, so no submit will succeed and resume it'
          : 'the processor is not paused and carries nothing';
        return (
          `${p} has been paused since ${since} ms with nobody to resume it: ${flag}, and SC does not hold it ` +
          `(it is in SC's _paused).`
        );
      }
    }
    return null;
  };
}

export function liveness(timing: PauseTiming): (w: W) => string | null {
  return (w) => {
    const waiting = w.state.watch.waiting;
    for (const p in waiting) {
      const entry = waiting[p] as [number, number];
      const since = entry[0];
      if (w.nowMs - since > timing.livenessMs) {
        return `${p} could deliver ${p}@${entry[1]} since ${since} ms (the strategy has room, the leader is past it) but has not.`;
      }
    }
    return null;
  };
}

declare module '../../engine/types.ts' {
  /** The pause world's invariants (see the checks above). */
  interface InvariantRegistry {
    'flag-consistency': true;
    'message-loss': true;
    duplicate: true;
    'paused-forever': true;
    'carried-message': true;
    liveness: true;
  }
}

/** The step invariants in the order the kernel checks them; bit i of a mask is the i-th. */
const STEP_ORDER = [
  'flag-consistency',
  'message-loss',
  'duplicate',
  'paused-forever',
  'carried-message',
  'liveness',
] as const;

const bit = (id: (typeof STEP_ORDER)[number]): number => 1 << STEP_ORDER.indexOf(id);
const ALWAYS = bit('message-loss') | bit('duplicate');
const AT_BOUNDARY = bit('flag-consistency') | bit('carried-message');

function hasKey(o: object): boolean {
  for (const _ in o) return true;
  return false;
}

/**
 * Which invariants could report after this step (types.ts
 * `stepInvariantMask`): flag-consistency and carried-message only look at a
 * `_run_once` boundary, paused-forever and liveness only at partitions their
 * watch holds; committed and processed offsets can go wrong at any step.
 */
export function pauseInvariantMask(w: W): number {
  let mask = ALWAYS;
  if (atBoundary(w)) mask |= AT_BOUNDARY;
  if (hasKey(w.state.watch.stuck)) mask |= bit('paused-forever');
  if (hasKey(w.state.watch.waiting)) mask |= bit('liveness');
  return mask;
}

export function pauseInvariants(timing: PauseTiming): Invariant<PauseState>[] {
  const checks: Record<(typeof STEP_ORDER)[number], (w: W) => string | null> = {
    'flag-consistency': flagConsistency,
    'message-loss': messageLoss,
    duplicate,
    'paused-forever': pausedForever(timing),
    'carried-message': carriedMessage,
    liveness: liveness(timing),
  };
  return STEP_ORDER.map((id) => ({ id, when: 'step', check: checks[id] }));
}
