/**
 * The typed event stream. Every step yields zero or more SimEvents; the
 * timeline, the inspector and the narration render them, and the kernel never
 * looks inside them. The engine defines the events every world shares (the
 * kernel's own, the Python primitives', a state change, a violation, an
 * exception); a world adds its own kinds by declaring them in
 * `WorldEventRegistry` (declaration merging, keyed by kind), so the engine
 * never names them:
 *
 *     declare module '../../engine/events.ts' {
 *       interface WorldEventRegistry { request: RequestEvent }
 *     }
 *
 * Every switch over `kind` ends in `assertUnreachable`, so adding a kind fails
 * to compile until every view handles it.
 */
import { assertUnreachable } from './assertUnreachable.ts';
import type { ActorId, InvariantId, PyTraceLine } from './types.ts';

export type DictOp = 'lookup' | 'insert' | 'update' | 'clear' | 'iter' | 'next' | 'snapshot';

/** The events the engine and its Python primitives know. */
export type EngineEvent =
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
      readonly kind: 'state';
      readonly actor: ActorId;
      /** A short path of what changed, such as `counter.value`. */
      readonly path: string;
      readonly from: string;
      readonly to: string;
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

/**
 * The event kinds worlds add, keyed by kind. Empty here: each world fills it in
 * where it defines its events.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by the worlds (declaration merging)
export interface WorldEventRegistry {}

/** An event one of the worlds declares. */
export type WorldEvent = WorldEventRegistry[keyof WorldEventRegistry];

/** Any event of a run: the engine's or a world's. */
export type SimEvent = EngineEvent | WorldEvent;

export type SimEventKind = SimEvent['kind'];

/**
 * One line describing an engine event, for logs, tooltips and the Markdown
 * report; src/worlds/events.ts describes any event, the worlds' kinds included.
 */
export function describeEngineEvent(e: EngineEvent): string {
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
    case 'state':
      return `${e.path}: ${e.from} -> ${e.to}`;
    case 'violation':
      return `invariant ${e.invariant} broken: ${e.detail}`;
    case 'exception':
      return `${e.caught ? 'caught' : 'uncaught'} ${e.type}: ${e.message}`;
    default:
      return assertUnreachable(e);
  }
}
