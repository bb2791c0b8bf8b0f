/**
 * The typed event stream (style.md item 6). Every step produces zero or more
 * SimEvents; the timeline, the inspector and the narration render them, and
 * the engine never knows they exist. Every switch over `kind` ends in
 * `assertUnreachable`, so adding a kind fails to compile until every view
 * handles it.
 */
import { assertUnreachable } from './assertUnreachable.ts';
import type { ActorId, InvariantId, PyTraceLine } from './types.ts';

export type DictOp = 'lookup' | 'insert' | 'update' | 'clear' | 'iter' | 'next' | 'snapshot';

export type ConsumerCall =
  'poll' | 'pause' | 'resume' | 'seek' | 'paused' | 'tell' | 'commit' | 'stage';

export type SimEvent =
  | {
      readonly kind: 'block';
      readonly actor: ActorId;
      readonly reason: string;
      readonly untilMs: number;
    }
  | { readonly kind: 'wake'; readonly actor: ActorId }
  | {
      readonly kind: 'lock';
      readonly actor: ActorId;
      readonly lock: string;
      readonly op: 'acquire' | 'release' | 'wait';
    }
  | {
      readonly kind: 'dict';
      readonly actor: ActorId;
      readonly dict: string;
      readonly op: DictOp;
      readonly key?: string;
      readonly value?: number;
      /** The dict's size after the operation. */
      readonly size: number;
      /** For iterator operations: the size the iterator recorded when it was created. */
      readonly recordedSize?: number;
    }
  | {
      readonly kind: 'consumer';
      readonly actor: ActorId;
      readonly consumer: string;
      readonly call: ConsumerCall;
      readonly detail: string;
    }
  | {
      readonly kind: 'rebalance';
      readonly actor: ActorId;
      readonly phase: 'join' | 'leave' | 'revoke' | 'assign' | 'fetch';
      readonly partitions: readonly string[];
      readonly protocol: 'eager' | 'cooperative';
    }
  | {
      readonly kind: 'produce';
      readonly actor: ActorId;
      readonly partition: string;
      readonly offset: number;
    }
  | {
      readonly kind: 'commit';
      readonly actor: ActorId;
      readonly group: string;
      readonly partition: string;
      readonly offset: number;
    }
  | {
      readonly kind: 'state';
      readonly actor: ActorId;
      /** A short path of what changed, such as `processor.is_paused`. */
      readonly path: string;
      readonly from: string;
      readonly to: string;
    }
  | {
      readonly kind: 'metric';
      readonly actor: ActorId;
      readonly metric: 'timing' | 'increment';
      readonly key: string;
      readonly value: number;
    }
  | { readonly kind: 'violation'; readonly invariant: InvariantId; readonly detail: string }
  | {
      readonly kind: 'exception';
      readonly actor: ActorId;
      readonly type: string;
      readonly message: string;
      readonly traceback: readonly PyTraceLine[];
      readonly caught: boolean;
    };

export type SimEventKind = SimEvent['kind'];

/** One line describing an event, for logs, tooltips and the Markdown report. */
export function describeEvent(e: SimEvent): string {
  switch (e.kind) {
    case 'block':
      return `${e.actor} blocks (${e.reason}) until ${e.untilMs} ms`;
    case 'wake':
      return `${e.actor} wakes`;
    case 'lock':
      return `${e.actor} ${e.op}s ${e.lock}`;
    case 'dict': {
      const kv =
        e.key === undefined ? '' : ` ${e.key}${e.value === undefined ? '' : ` = ${e.value}`}`;
      const rec = e.recordedSize === undefined ? '' : ` (iterator recorded ${e.recordedSize})`;
      return `${e.dict}.${e.op}${kv}: size ${e.size}${rec}`;
    }
    case 'consumer':
      return `${e.consumer}.${e.call}(${e.detail})`;
    case 'rebalance':
      return `${e.protocol} ${e.phase} [${e.partitions.join(', ')}]`;
    case 'produce':
      return `produce ${e.partition}@${e.offset}`;
    case 'commit':
      return `commit ${e.group} ${e.partition} -> ${e.offset}`;
    case 'state':
      return `${e.path}: ${e.from} -> ${e.to}`;
    case 'metric':
      return `backend.${e.metric}(${e.key}, ${e.value})`;
    case 'violation':
      return `invariant ${e.invariant} broken: ${e.detail}`;
    case 'exception':
      return `${e.caught ? 'caught' : 'uncaught'} ${e.type}: ${e.message}`;
    default:
      return assertUnreachable(e);
  }
}
