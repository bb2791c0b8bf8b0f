/**
 * The race-A invariants of scenarios.md (reference-model 6), items 2 to 5 and
 * 7; item 1, the crash, is the kernel's. Each returns a sentence describing
 * the breach, or null. The ones about the processor's view are checked at
 * `_run_once` boundaries, where the processor's fields mean what they say;
 * offsets committed past unprocessed messages are checked after every step.
 */
import type { Invariant, World } from '../../engine/index.ts';
import { OUR_GROUP } from '../kafka/broker.ts';
import { visiblePaused, visibleTellKeys } from '../kafka/facade.ts';
import { intersect, minus, show } from '../kafka/partitions.ts';
import { syncPaused } from '../kafka/synchronized.ts';
import type { PauseTiming } from './setup.ts';
import { baseOffset, type PauseState } from './state.ts';
import { atBoundary } from './watch.ts';

type W = World<PauseState>;

export function flagConsistency(w: W): string | null {
  if (!atBoundary(w)) return null;
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

export function messageLoss(w: W): string | null {
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

export function duplicate(w: W): string | null {
  for (const p of Object.keys(w.state.processed)) {
    const done = w.state.processed[p] ?? [];
    const twice = done.find((o, i) => done.indexOf(o) !== i);
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
    for (const p of Object.keys(w.state.watch.stuck)) {
      const since = w.state.watch.stuck[p] as number;
      if (w.nowMs - since > timing.pausedForeverMs) {
        return (
          `${p} has been paused since ${since} ms with nobody to resume it: the processor is not paused and carries ` +
          `nothing, and SC does not hold it (it is in SC's _paused).`
        );
      }
    }
    return null;
  };
}

export function liveness(timing: PauseTiming): (w: W) => string | null {
  return (w) => {
    for (const p of Object.keys(w.state.watch.waiting)) {
      const [since, position] = w.state.watch.waiting[p] as [number, number];
      if (w.nowMs - since > timing.livenessMs) {
        return `${p} could deliver ${p}@${position} since ${since} ms (the strategy has room, the leader is past it) but has not.`;
      }
    }
    return null;
  };
}

export function pauseInvariants(timing: PauseTiming): Invariant<PauseState>[] {
  return [
    { id: 'flag-consistency', when: 'step', check: flagConsistency },
    { id: 'message-loss', when: 'step', check: messageLoss },
    { id: 'duplicate', when: 'step', check: duplicate },
    { id: 'paused-forever', when: 'step', check: pausedForever(timing) },
    { id: 'carried-message', when: 'step', check: carriedMessage },
    { id: 'liveness', when: 'step', check: liveness(timing) },
  ];
}
