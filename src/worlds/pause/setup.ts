/**
 * What a race-A scenario is made of, before it becomes a program: which
 * actors take part, the rebalance protocol, which SynchronizedConsumer (real,
 * or the seed's simplified what-if), the partitions and messages, the outside
 * events with their nominal times, and every modelled duration
 * (docs/real-code.md#time, #rebalance-protocols). Scenario files (scenarios/*.ts) build one of
 * these from their parameters.
 */
import type { ActorId } from '../../engine/index.ts';
import type { Protocol } from '../kafka/group.ts';
import type { Msg, Partition } from '../kafka/partitions.ts';
import type { ScKind } from '../kafka/synchronized.ts';

/** Something that happens outside our process, done by the `producer` actor. */
export type OutsideEvent =
  | { readonly kind: 'join'; readonly member: string; readonly atMs: number }
  | { readonly kind: 'leave'; readonly member: string; readonly atMs: number }
  | {
      readonly kind: 'leader_commit';
      readonly offsets: Readonly<Record<Partition, number>>;
      readonly atMs: number;
    };

// Literal pcs rather than `out.${kind}`: a string built at each call is a new
// string the kernel must hash again when it looks the instruction up.
const EVENT_PCS: Readonly<Record<OutsideEvent['kind'], string>> = {
  join: 'out.join',
  leave: 'out.leave',
  leader_commit: 'out.leader_commit',
};

export function eventPc(e: OutsideEvent): string {
  return EVENT_PCS[e.kind];
}

export interface PauseTiming {
  /** BACKPRESSURE_THRESHOLD (5 s in arroyo since 4752f58). */
  readonly thresholdMs: number;
  /** The top poll's timeout, poll(timeout=1.0). */
  readonly topPollMs: number;
  /** The paused branch's poll(0.1). */
  readonly pausedPollMs: number;
  /** Closing and joining a strategy inside a rebalance callback. */
  readonly callbackMs: number;
  readonly committedLookupMs: number;
  readonly rejoinMs: number;
  readonly fetchMs: number;
  /** An outside event happens at its nominal time or up to this much later, its latest time (the explorer tries each moment). */
  readonly slackMs: number;
  /** A partition paused with nobody to resume it for this long is "paused forever" (10 x the threshold). */
  readonly pausedForeverMs: number;
  /** A deliverable partition must deliver within this long. */
  readonly livenessMs: number;
}

export interface PauseSetup {
  readonly actors: readonly ActorId[];
  readonly protocol: Protocol;
  readonly sc: ScKind;
  /** Partitions our member C owns at the start (P0 ...). */
  readonly ours: number;
  /** Partitions member D owns at the start (after ours). */
  readonly theirs: number;
  /** Messages in each partition after its committed offset. */
  readonly messages: number;
  /** How far the followed group's commit is past our committed offset, per partition (default: all messages). */
  readonly leaderLead: Readonly<Record<Partition, number>>;
  /** The same lead for every partition without an entry in `leaderLead` (default: all messages). */
  readonly defaultLead?: number;
  /** The producer's events, in time order. */
  readonly events: readonly OutsideEvent[];
  /** When the strategy's downstream has room again (the `strategy` actor), or null if never. */
  readonly readyAtMs: number | null;
  readonly timing: PauseTiming;
  /**
   * Messages the strategy's processing function refuses with InvalidMessage
   * once it gets to run them (when the downstream has room). None by default.
   */
  readonly invalid?: readonly Msg[];
  /**
   * Whether an InvalidMessage from submit resumes a paused processor: arroyo
   * c8bdbb9 (release 2.20.9) added that resume. Default true (every variant's
   * code is newer); false models the releases before it.
   */
  readonly resumeOnInvalid?: boolean;
}
