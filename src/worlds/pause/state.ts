/**
 * The race-A world (docs/real-code.md): the Kafka side (broker, group,
 * arroyo's KafkaConsumer, Sentry's SynchronizedConsumer) plus the
 * StreamProcessor's fields, the processing strategy, the accounting the
 * invariants read, and the watches for "paused forever" and liveness.
 *
 * Every scenario starts late on purpose, so that exploration stays small: the
 * processor has carried m0 = P0@10 (P0's position is 11) and has been
 * rejected for exactly BACKPRESSURE_THRESHOLD, so its next run sleeps 10 ms
 * (the comparison is strictly greater) and the run after that pauses.
 */
import { newThread, newWorld, type ThreadState, type World } from '../../engine/index.ts';
import { LEADER_GROUP, newBroker, OUR_GROUP } from '../kafka/broker.ts';
import { newConsumer } from '../kafka/consumer.ts';
import { newGroup } from '../kafka/group.ts';
import { partitionIndex, partitionName, type Msg, type Partition } from '../kafka/partitions.ts';
import { newSc } from '../kafka/synchronized.ts';
import type { HasKafka } from '../kafka/world.ts';
import { eventPc, type PauseSetup } from './setup.ts';

export interface StrategyState {
  partitions: Partition[];
  /** False while the downstream is full: submit raises MessageRejected. */
  accepting: boolean;
}

export interface ProcessorState {
  /** `__message`: the carried-over message, or None. */
  message: Msg | null;
  /** `__is_paused`. */
  paused: boolean;
  /** `__backpressure_timestamp`, in virtual ms. */
  backpressureSinceMs: number | null;
  /** `__processing_strategy`. */
  strategy: StrategyState | null;
}

export interface Watch {
  /** Partition -> since when it has been paused with nobody going to resume it (checked at run boundaries). */
  stuck: Record<Partition, number>;
  /** Partition -> [since, position]: deliverable (strategy ready, leader ahead) but not yet delivered. */
  waiting: Record<Partition, [number, number]>;
}

export interface PauseState extends HasKafka {
  processor: ProcessorState;
  /** Offsets submitted successfully, per partition, in order (a repeat is a duplicate). */
  processed: Record<Partition, number[]>;
  watch: Watch;
}

/** Partition i's committed offset at the start: P0 = 10, P1 = 20, ... */
export function baseOffset(p: Partition): number {
  return 10 * (partitionIndex(p) + 1);
}

export function allPartitions(setup: PauseSetup): Partition[] {
  const all: Partition[] = [];
  for (let i = 0; i < setup.ours + setup.theirs; i++) all.push(partitionName(i));
  return all;
}

export function initialState(setup: PauseSetup): PauseState {
  const all = allPartitions(setup);
  const ours = all.slice(0, setup.ours);
  const end: Record<Partition, number> = {};
  const committed: Record<Partition, number> = {};
  const remote: Record<Partition, number> = {};
  const owners: Record<Partition, string> = {};
  for (const p of all) {
    committed[p] = baseOffset(p);
    end[p] = baseOffset(p) + setup.messages;
    remote[p] = baseOffset(p) + (setup.leaderLead[p] ?? setup.defaultLead ?? setup.messages);
    owners[p] = ours.includes(p) ? 'C' : 'D';
  }
  const positions: Record<Partition, number> = {};
  for (const p of ours) positions[p] = baseOffset(p) + (p === 'P0' ? 1 : 0);
  const kafka = {
    broker: newBroker(end, { [LEADER_GROUP]: remote, [OUR_GROUP]: committed }),
    group: newGroup(owners),
    consumer: newConsumer(positions, 0),
    sc: newSc(remote),
  };
  const processed: Record<Partition, number[]> = {};
  for (const p of all) processed[p] = [];
  return {
    kafka,
    processor: {
      message: { p: 'P0', offset: baseOffset('P0') },
      paused: false,
      backpressureSinceMs: -setup.timing.thresholdMs,
      strategy: { partitions: ours, accepting: false },
    },
    processed,
    watch: { stuck: {}, waiting: {} },
  };
}

export function initialWorld(setup: PauseSetup): World<PauseState> {
  const threads: ThreadState[] = setup.actors.map((actor) => {
    switch (actor) {
      case 'main':
        return newThread(actor, 'run.loop');
      case 'coordinator':
        return newThread(actor, 'rb.plan');
      case 'commitlog':
        return newThread(actor, 'cl.poll');
      case 'strategy':
        return newThread(actor, 'strategy.ready', setup.readyAtMs ?? 0);
      case 'producer': {
        const first = setup.events[0];
        if (!first) throw new Error('the producer actor needs at least one outside event');
        return newThread(actor, eventPc(first), first.atMs);
      }
      default:
        throw new Error(`race A has no actor ${actor}`);
    }
  });
  return newWorld(threads, initialState(setup));
}
