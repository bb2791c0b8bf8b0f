/**
 * Sentry's SynchronizedConsumer (SC) as state and pure operations
 * (docs/real-code.md#synchronized-consumer). SC wraps the arroyo consumer and keeps its own
 * `__paused` set, apart from the inner consumer's: `pause` adds to it and
 * pauses the inner consumer; `resume` only removes from it, and the inner
 * consumer is resumed lazily at a later `poll`, for partitions paused in the
 * inner consumer but not in `__paused`, once the followed group's committed
 * ("remote") offset is past the local one. A message at or beyond the remote
 * offset is held back by a sync pause (inner pause plus seek back), which is
 * not recorded in `__paused`. Consequence: the real SC can only resume what it
 * sync-paused itself, never what the processor paused.
 *
 * The SIMPLIFIED SC of the pause-race write-up's story (docs/real-code.md#external-resume) resumes from
 * the inner paused set without excluding `__paused`. It exists only for the
 * what-if scenario `pause-external-resume`; it is not reachable with the real
 * SynchronizedConsumer.
 */
import { LEADER_GROUP } from './broker.ts';
import { pausedOf, type ConsumerState } from './consumer.ts';
import { minus, union, type Partition } from './partitions.ts';

export type ScKind = 'real' | 'simplified';

export interface ScState {
  /** SC's own `__paused`: what the processor paused through SC. */
  paused: Partition[];
  /** `__remote_offsets`: followed group -> partition -> offset, guarded by SC's lock. */
  remote: Record<string, Record<Partition, number>>;
  /** How far the commit-log worker has read the commit-log topic. */
  logPosition: number;
}

export function newSc(remote: Readonly<Record<Partition, number>>): ScState {
  return { paused: [], remote: { [LEADER_GROUP]: { ...remote } }, logPosition: 0 };
}

/** The smallest remote offset over the followed groups, 0 where a group has none. */
export function remoteOffset(sc: ScState, p: Partition): number {
  let min = Infinity;
  // for...in visits the same keys as Object.keys without building the array (called every boundary).
  for (const group in sc.remote) min = Math.min(min, sc.remote[group]?.[p] ?? 0);
  return min === Infinity ? 0 : min;
}

/** SC.pause: record in `__paused` (the caller also pauses the inner consumer). */
export function scPause(sc: ScState, ps: readonly Partition[]): void {
  sc.paused = union(sc.paused, ps);
}

/** SC.resume: forget in `__paused` only; the inner consumer resumes lazily in poll(). */
export function scResume(sc: ScState, ps: readonly Partition[]): void {
  sc.paused = minus(sc.paused, ps);
}

/** Partitions SC's poll may resume: inner paused minus `__paused` (the simplified SC skips the minus). */
export function resumeCandidates(sc: ScState, inner: ConsumerState, kind: ScKind): Partition[] {
  const innerPaused = pausedOf(inner);
  return kind === 'simplified' ? innerPaused : minus(innerPaused, sc.paused);
}

/** Inner-paused partitions SC holds on its own (sync pauses), shown apart from the processor's. */
export function syncPaused(sc: ScState, inner: ConsumerState): Partition[] {
  return minus(pausedOf(inner), sc.paused);
}

/** The worker overwrites (not a maximum) the remote offset of one group and partition. */
export function setRemote(sc: ScState, group: string, p: Partition, offset: number): void {
  const offsets = sc.remote[group];
  if (offsets) offsets[p] = offset;
}
