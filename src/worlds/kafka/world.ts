/**
 * The Kafka side of a race-A world, as one plain value: the broker, the
 * consumer group, arroyo's KafkaConsumer wrapper and Sentry's
 * SynchronizedConsumer around it (docs/real-code.md#kafka-consumer, #synchronized-consumer). Worlds that embed
 * it (src/worlds/pause) keep it under `kafka`. This file also holds the
 * configuration the Kafka steps read and the few cross-thread helpers they
 * share: "is main blocked inside poll()", and "wake main's poll".
 */
import type { ThreadState, World } from '../../engine/index.ts';
import type { BrokerState } from './broker.ts';
import { available, type ConsumerState } from './consumer.ts';
import type { GroupState, Protocol } from './group.ts';
import type { ScKind, ScState } from './synchronized.ts';

export interface KafkaWorld {
  broker: BrokerState;
  group: GroupState;
  consumer: ConsumerState;
  sc: ScState;
}

export interface HasKafka {
  kafka: KafkaWorld;
}

/** Modelled durations and choices; all times in integer milliseconds. */
export interface KafkaConfig {
  readonly protocol: Protocol;
  readonly sc: ScKind;
  /** committed() lookup inside the assign callback (blocks the polling thread). */
  readonly committedLookupMs: number;
  /** JoinGroup + SyncGroup round trip (librdkafka's background thread; the poll is not blocked by it). */
  readonly rejoinMs: number;
  /** A fetch after an assign, resume or seek, until its data can be returned by poll(). */
  readonly fetchMs: number;
}

/** The member id of our consumer in the group. */
export const OUR_MEMBER = 'C';
export const MAIN = 'main';
export const COORDINATOR = 'coordinator';
export const COMMITLOG = 'commitlog';

/** Coordinator pcs at which a rebalance callback is waiting to be served by main's next poll. */
export const DELIVER_REVOKE_PC = 'rb.deliver_revoke';
export const DELIVER_ASSIGN_PC = 'rb.deliver_assign';

// A plain loop rather than `find`: race-A invariants ask for main after every step.
export function threadOf<S>(w: World<S>, actor: string): ThreadState | undefined {
  const threads = w.threads;
  for (let i = 0; i < threads.length; i++) {
    const t = threads[i] as ThreadState;
    if (t.actor === actor) return t;
  }
  return undefined;
}

/** When `t` would start its next step (guards are evaluated before the clock moves there). */
export function startOf<S>(w: World<S>, t: ThreadState): number {
  return Math.max(w.nowMs, t.wakeAtMs);
}

/**
 * True while main is blocked inside a poll() whose deadline is still ahead of
 * `t`'s next step: the only moments at which rebalance callbacks are served.
 */
export function insidePoll<S extends HasKafka>(w: World<S>, t: ThreadState): boolean {
  const deadline = w.state.kafka.consumer.pollDeadlineMs;
  return deadline !== null && startOf(w, t) < deadline;
}

/** A rebalance callback is due and waiting for main's poll (poll serves it before returning messages). */
export function callbackWaiting<S>(w: World<S>): boolean {
  const t = threadOf(w, COORDINATOR);
  if (!t || t.status !== 'ready' || t.wakeAtMs > w.nowMs) return false;
  return t.pc === DELIVER_REVOKE_PC || t.pc === DELIVER_ASSIGN_PC;
}

/** Wakes main's blocked poll now if it has something to return (a fetch landed, a callback ended). */
export function wakePoller<S extends HasKafka>(w: World<S>): boolean {
  const k = w.state.kafka;
  if (k.consumer.pollDeadlineMs === null) return false;
  if (available(k.consumer, k.broker.end, w.nowMs) === null) return false;
  const main = threadOf(w, MAIN);
  if (!main || main.status !== 'ready' || main.wakeAtMs <= w.nowMs) return false;
  main.wakeAtMs = w.nowMs;
  return true;
}
