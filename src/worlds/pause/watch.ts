/**
 * The two timed conditions of docs/scenarios.md#invariants, tracked in the world so the
 * invariants stay pure checks: at every `_run_once` boundary (main back in
 * run()), record since when
 * - a partition has been paused in the inner consumer with nobody to resume
 *   it: not held by SC's gate (SC holds only while the leader's remote offset
 *   is not past the local one, and only what is not in its `_paused`), while
 *   the processor carries no message (item 4). Not paused, it resumes
 *   nothing; paused, it resumes only after a successful submit, and with
 *   nothing carried and the consumer paused it never submits again (the
 *   InvalidMessage hang of arroyo before c8bdbb9);
 * - a partition has been deliverable (the strategy has room, the partition
 *   has messages past its position, the leader is past it) without
 *   delivering (item 7).
 */
import type { World } from '../../engine/index.ts';
import { MAIN, threadOf } from '../kafka/world.ts';
import { remoteOffset } from '../kafka/synchronized.ts';
import type { Partition } from '../kafka/partitions.ts';
import type { PauseState } from './state.ts';

/** Main is back in run(), between two `_run_once` calls: where the invariants of docs/scenarios.md#invariants are checked. */
export function atBoundary(w: World<PauseState>): boolean {
  // Every invariant asks after every step; main is the first thread in every scenario.
  const first = w.threads[0];
  const main = first !== undefined && first.actor === MAIN ? first : threadOf(w, MAIN);
  return main !== undefined && main.status === 'ready' && main.pc === 'run.loop';
}

export function observe(w: World<PauseState>): void {
  if (!atBoundary(w)) return;
  const st = w.state;
  const k = st.kafka;
  const idle = st.processor.message === null;
  const room = st.processor.strategy?.accepting === true;
  const stuck: Record<Partition, number> = {};
  const waiting: Record<Partition, [number, number]> = {};
  for (const a of k.consumer.assigned) {
    const remote = remoteOffset(k.sc, a.p);
    const heldBySc = !k.sc.paused.includes(a.p) && remote <= a.position;
    if (a.paused && !heldBySc && idle) stuck[a.p] = st.watch.stuck[a.p] ?? w.nowMs;
    const deliverable = room && a.position < (k.broker.end[a.p] ?? 0) && remote > a.position;
    if (deliverable) {
      const before = st.watch.waiting[a.p];
      waiting[a.p] = before && before[1] === a.position ? before : [w.nowMs, a.position];
    }
  }
  st.watch = { stuck, waiting };
}
