/**
 * arroyo's KafkaConsumer wrapper as state and pure operations
 * (docs/real-code.md#kafka-consumer, with the librdkafka facts of #rebalance-protocols). The working offsets are what `tell()`
 * returns (the live dict, so callers see changes made inside callbacks); pause
 * stops fetching and seeks the partition to its working offset, which throws
 * away anything prefetched, so a resumed or re-seeked partition has nothing to
 * return until a new fetch lands (`fetchAtMs`). A fully paused consumer
 * therefore returns None. Newly assigned partitions start unpaused and wait
 * for their first fetch, which the coordinator delivers (coordinator.ts).
 */
import type { Msg, Partition } from './partitions.ts';
import { sortPartitions } from './partitions.ts';

/** The wrapper's `__state`: poll() is only allowed while CONSUMING. */
export type ConsumerPhase = 'CONSUMING' | 'ASSIGNING' | 'REVOKING';

export interface AssignedPartition {
  readonly p: Partition;
  /** The working offset: the next offset poll() returns for this partition. */
  position: number;
  /** In the wrapper's `__paused` set (and paused in librdkafka). */
  paused: boolean;
  /** When fetched data for this partition lands; null while awaiting the first fetch after an assign. */
  fetchAtMs: number | null;
}

export interface ConsumerState {
  phase: ConsumerPhase;
  /** The assignment, sorted by partition. */
  assigned: AssignedPartition[];
  /** While the main thread is blocked inside poll(): the poll's deadline. */
  pollDeadlineMs: number | null;
}

export function newConsumer(
  positions: Readonly<Record<Partition, number>>,
  nowMs: number,
): ConsumerState {
  const assigned = sortPartitions(Object.keys(positions)).map((p) => ({
    p,
    position: positions[p] as number,
    paused: false,
    fetchAtMs: nowMs,
  }));
  return { phase: 'CONSUMING', assigned, pollDeadlineMs: null };
}

function entry(c: ConsumerState, p: Partition): AssignedPartition {
  const found = c.assigned.find((a) => a.p === p);
  if (!found) throw new Error(`ConsumerError: ${p} is not assigned`);
  return found;
}

export function isAssigned(c: ConsumerState, p: Partition): boolean {
  return c.assigned.some((a) => a.p === p);
}

/** `tell()`: working offsets of the assignment. */
export function tell(c: ConsumerState): Record<Partition, number> {
  const out: Record<Partition, number> = {};
  for (const a of c.assigned) out[a.p] = a.position;
  return out;
}

export function tellKeys(c: ConsumerState): Partition[] {
  return c.assigned.map((a) => a.p);
}

export function positionOf(c: ConsumerState, p: Partition): number | null {
  return c.assigned.find((a) => a.p === p)?.position ?? null;
}

/** `paused()`: the wrapper's `__paused` set. */
export function pausedOf(c: ConsumerState): Partition[] {
  return c.assigned.filter((a) => a.paused).map((a) => a.p);
}

/** pause(): librdkafka pause, add to `__paused`, then seek back to the working offset. */
export function pause(c: ConsumerState, ps: readonly Partition[]): void {
  for (const p of ps) entry(c, p).paused = true;
}

/** resume(): librdkafka resume; the partition fetches again from its working offset. */
export function resume(
  c: ConsumerState,
  ps: readonly Partition[],
  nowMs: number,
  fetchMs: number,
): Partition[] {
  const resumed: Partition[] = [];
  for (const p of ps) {
    const a = entry(c, p);
    if (!a.paused) continue;
    a.paused = false;
    if (a.fetchAtMs !== null) a.fetchAtMs = nowMs + fetchMs;
    resumed.push(p);
  }
  return resumed;
}

/** seek(): move the working offset; anything prefetched is discarded. */
export function seek(
  c: ConsumerState,
  p: Partition,
  offset: number,
  nowMs: number,
  fetchMs: number,
): void {
  const a = entry(c, p);
  a.position = offset;
  if (a.fetchAtMs !== null) a.fetchAtMs = nowMs + fetchMs;
}

/** The first partition (in order) with a message poll() could return right now. */
export function available(
  c: ConsumerState,
  end: Readonly<Record<Partition, number>>,
  nowMs: number,
): Partition | null {
  for (const a of c.assigned) {
    if (a.paused || a.fetchAtMs === null || a.fetchAtMs > nowMs) continue;
    if (a.position < (end[a.p] ?? 0)) return a.p;
  }
  return null;
}

/** The earliest future moment a fetch lands on an unpaused partition with data, or null. */
export function nextFetchMs(
  c: ConsumerState,
  end: Readonly<Record<Partition, number>>,
  nowMs: number,
): number | null {
  let best: number | null = null;
  for (const a of c.assigned) {
    if (a.paused || a.fetchAtMs === null || a.fetchAtMs <= nowMs) continue;
    if (a.position >= (end[a.p] ?? 0)) continue;
    if (best === null || a.fetchAtMs < best) best = a.fetchAtMs;
  }
  return best;
}

/** poll() returned a message of `p`: the working offset moves past it. */
export function take(c: ConsumerState, p: Partition): Msg {
  const a = entry(c, p);
  const m = { p, offset: a.position };
  a.position += 1;
  return m;
}

/** The assign half of a rebalance: add partitions at their committed offsets, unpaused, awaiting a fetch. */
export function addAssignment(
  c: ConsumerState,
  offsets: Readonly<Record<Partition, number>>,
): void {
  const kept = c.assigned.filter((a) => !(a.p in offsets));
  const added = Object.keys(offsets).map((p) => ({
    p,
    position: offsets[p] as number,
    paused: false,
    fetchAtMs: null,
  }));
  c.assigned = [...kept, ...added].sort((x, y) => (x.p < y.p ? -1 : x.p > y.p ? 1 : 0));
}

/** The revoke cleanup: drop the partitions' offsets and their `__paused` entries. */
export function removeAssignment(c: ConsumerState, ps: readonly Partition[]): void {
  c.assigned = c.assigned.filter((a) => !ps.includes(a.p));
}

/** The first fetch after an assign has landed for `ps`. */
export function fetched(c: ConsumerState, ps: readonly Partition[], nowMs: number): void {
  for (const a of c.assigned) if (ps.includes(a.p) && a.fetchAtMs === null) a.fetchAtMs = nowMs;
}
