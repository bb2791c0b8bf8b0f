/**
 * The events of the Kafka world: a consumer call, a step of a group rebalance,
 * a message produced, an offset committed. Declared in the engine's
 * `WorldEventRegistry` so that they are part of every run's `SimEvent` stream
 * while the engine itself never names them.
 */
import type { ActorId } from '../../engine/index.ts';

export type ConsumerCall =
  'poll' | 'pause' | 'resume' | 'seek' | 'paused' | 'tell' | 'commit' | 'stage';

export interface ConsumerEvent {
  readonly kind: 'consumer';
  readonly actor: ActorId;
  readonly consumer: string;
  readonly call: ConsumerCall;
  readonly detail: string;
}

export interface RebalanceEvent {
  readonly kind: 'rebalance';
  readonly actor: ActorId;
  readonly phase: 'join' | 'leave' | 'revoke' | 'assign' | 'fetch';
  readonly partitions: readonly string[];
  readonly protocol: 'eager' | 'cooperative';
}

export interface ProduceEvent {
  readonly kind: 'produce';
  readonly actor: ActorId;
  readonly partition: string;
  readonly offset: number;
}

export interface CommitEvent {
  readonly kind: 'commit';
  readonly actor: ActorId;
  readonly group: string;
  readonly partition: string;
  readonly offset: number;
}

export type KafkaEvent = ConsumerEvent | RebalanceEvent | ProduceEvent | CommitEvent;

declare module '../../engine/events.ts' {
  interface WorldEventRegistry {
    consumer: ConsumerEvent;
    rebalance: RebalanceEvent;
    produce: ProduceEvent;
    commit: CommitEvent;
  }
}

/** One line describing a Kafka event. */
export function describeKafkaEvent(e: KafkaEvent): string {
  switch (e.kind) {
    case 'consumer':
      return `${e.consumer}.${e.call}(${e.detail})`;
    case 'rebalance':
      return `${e.protocol} ${e.phase} [${e.partitions.join(', ')}]`;
    case 'produce':
      return `produce ${e.partition}@${e.offset}`;
    case 'commit':
      return `commit ${e.group} ${e.partition} -> ${e.offset}`;
  }
}
