/**
 * The broker as race A needs it (docs/real-code.md#rebalance-protocols, #synchronized-consumer): one topic whose
 * partitions are logs of offsets, the committed offset of each consumer group
 * per partition, and the commit-log topic to which the followed ("leader")
 * group publishes its commits. Sentry's SynchronizedConsumer reads its remote
 * offsets from that commit log. Message payloads never matter, so a log is
 * just the range of offsets it holds; offsets always mean "the next offset to
 * read".
 */
import type { Partition } from './partitions.ts';

/** Our consumer group (the StreamProcessor's) and the group it follows. */
export const OUR_GROUP = 'forwarder';
export const LEADER_GROUP = 'leader';
export const TOPIC = 'events';
export const COMMIT_LOG_TOPIC = 'commit-log';

export interface CommitRecord {
  readonly group: string;
  readonly p: Partition;
  readonly offset: number;
}

export interface BrokerState {
  /** Next offset to be produced per partition; the log holds [first, end). */
  end: Record<Partition, number>;
  /** Committed offsets per group, then per partition. */
  committed: Record<string, Record<Partition, number>>;
  /** The commit-log topic, one record per commit of a followed group. */
  commitLog: CommitRecord[];
}

export function newBroker(
  end: Readonly<Record<Partition, number>>,
  committed: Readonly<Record<string, Readonly<Record<Partition, number>>>>,
): BrokerState {
  const groups: Record<string, Record<Partition, number>> = {};
  for (const group of Object.keys(committed).sort()) groups[group] = { ...committed[group] };
  return { end: { ...end }, committed: groups, commitLog: [] };
}

export function committedOffset(broker: BrokerState, group: string, p: Partition): number {
  return broker.committed[group]?.[p] ?? 0;
}

/** A consumer group commits `offset` for `p` (the next offset it will read). */
export function commitOffset(
  broker: BrokerState,
  group: string,
  p: Partition,
  offset: number,
): void {
  const offsets = broker.committed[group];
  if (!offsets) throw new Error(`unknown group ${group}`);
  offsets[p] = offset;
}

/** The followed group commits, and the commit is published on the commit-log topic. */
export function publishLeaderCommit(broker: BrokerState, p: Partition, offset: number): number {
  commitOffset(broker, LEADER_GROUP, p, offset);
  broker.commitLog.push({ group: LEADER_GROUP, p, offset });
  return broker.commitLog.length - 1;
}
