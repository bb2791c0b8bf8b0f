/**
 * Lanes for Python dicts and locks, read from `dict` and `lock` events.
 *
 * A dict lane keeps every operation as a point (its size after the operation)
 * and the lifetime of each items iterator: an `iter` event opens one for that
 * actor and dict, `next` events extend it, and it closes at a `next` that
 * raised, at a `next` that found nothing (StopIteration: no key, no raise), or
 * when the same actor opens another. A `next` raised when its step also holds
 * an `exception` event of that actor, or when the size it recorded differs
 * from the dict's size (CPython's check, docs/real-code.md#dict-iteration).
 *
 * A lock lane keeps who held it, from `acquire` to `release`, and who waited.
 */
import type { ActorId, DictOp, EngineEvent, StepRecord } from '../engine/index.ts';

export interface DictPoint {
  readonly step: number;
  readonly actor: ActorId;
  readonly op: DictOp;
  readonly key: string | null;
  readonly size: number;
  readonly recordedSize: number | null;
  /** The operation changed the dict's size (an insert, a clear, a defaultdict miss). */
  readonly sizeChanged: boolean;
  /** A `next` that raised RuntimeError. */
  readonly raised: boolean;
}

export interface IterSpan {
  readonly actor: ActorId;
  readonly fromStep: number;
  /** The last step of the iterator seen (its last `next`, or its creation). */
  readonly toStep: number;
  readonly recordedSize: number;
  readonly end: 'stop' | 'raised' | 'abandoned' | 'open';
  /** The step whose `next` raised, or null. */
  readonly failedStep: number | null;
}

export interface DictLane {
  readonly kind: 'dict';
  readonly id: string;
  readonly label: string;
  readonly dict: string;
  /** Ascending by step. */
  readonly points: readonly DictPoint[];
  /** Ascending by `fromStep`. */
  readonly iterators: readonly IterSpan[];
  readonly maxSize: number;
}

export interface LockHold {
  readonly actor: ActorId;
  readonly fromStep: number;
  /** The releasing step, or null when still held at the end of the run. */
  readonly toStep: number | null;
}

export interface LockLane {
  readonly kind: 'lock';
  readonly id: string;
  readonly label: string;
  readonly lock: string;
  readonly holds: readonly LockHold[];
  readonly waits: readonly { readonly step: number; readonly actor: ActorId }[];
}

type DictEvent = Extract<EngineEvent, { readonly kind: 'dict' }>;

export function buildDictLanes(records: readonly StepRecord[]): DictLane[] {
  const points = new Map<string, DictPoint[]>();
  const lastSize = new Map<string, number>();
  const iterators = new IteratorTracker();
  for (const r of records) {
    for (const e of r.events) {
      if (e.kind !== 'dict') continue;
      const point = dictPointOf(r, e, lastSize.get(e.dict));
      lastSize.set(e.dict, e.size);
      const list = points.get(e.dict);
      if (list) list.push(point);
      else points.set(e.dict, [point]);
      iterators.follow(r.step, e, point.raised);
    }
  }
  iterators.closeAll();
  return [...points].map(([dict, list]) => dictLaneOf(dict, list, iterators.spansOf(dict)));
}

/**
 * One dict operation as a point. `prevSize` is the dict's size after its previous
 * operation (undefined for its first), from which a size change is read.
 */
export function dictPointOf(r: StepRecord, e: DictEvent, prevSize: number | undefined): DictPoint {
  const raised =
    e.op === 'next' &&
    (r.events.some((x) => x.kind === 'exception' && x.actor === e.actor) ||
      (e.recordedSize !== undefined && e.recordedSize !== e.size));
  const sizeChanged =
    prevSize === undefined ? e.op === 'insert' || e.op === 'clear' : prevSize !== e.size;
  return {
    step: r.step,
    actor: e.actor,
    op: e.op,
    key: e.key ?? null,
    size: e.size,
    recordedSize: e.recordedSize ?? null,
    sizeChanged,
    raised,
  };
}

function dictLaneOf(dict: string, points: DictPoint[], spans: IterSpan[]): DictLane {
  const iterators = spans.sort((a, b) => a.fromStep - b.fromStep);
  let maxSize = 0;
  for (const p of points) maxSize = Math.max(maxSize, p.size);
  return {
    kind: 'dict',
    id: `dict:${dict}`,
    label: `${dict} (dict, size 0–${maxSize})`,
    dict,
    points,
    iterators,
    maxSize,
  };
}

interface OpenIter {
  actor: ActorId;
  fromStep: number;
  toStep: number;
  recordedSize: number;
}

/** The items iterators each actor has open on each dict, and the spans of those that ended. */
class IteratorTracker {
  /** By actor and dict: an actor has at most one iterator open on a dict. */
  private readonly open = new Map<string, { readonly dict: string; readonly iter: OpenIter }>();
  private readonly spans = new Map<string, IterSpan[]>();

  /** Follows one dict operation at `step`; `raised` says whether a `next` raised. */
  follow(step: number, e: DictEvent, raised: boolean): void {
    const key = `${e.actor}\u0000${e.dict}`;
    if (e.op === 'iter') {
      this.close(key, 'abandoned', null);
      const iter = {
        actor: e.actor,
        fromStep: step,
        toStep: step,
        recordedSize: e.recordedSize ?? e.size,
      };
      this.open.set(key, { dict: e.dict, iter });
    } else if (e.op === 'next') {
      const it = this.open.get(key)?.iter;
      if (!it) return;
      it.toStep = step;
      if (raised) this.close(key, 'raised', step);
      else if (e.key === undefined) this.close(key, 'stop', null);
    }
  }

  /** At the end of the records: the iterators still open end as 'open'. */
  closeAll(): void {
    for (const key of [...this.open.keys()]) this.close(key, 'open', null);
  }

  spansOf(dict: string): IterSpan[] {
    return this.spans.get(dict) ?? [];
  }

  private close(key: string, end: IterSpan['end'], failedStep: number | null): void {
    const open = this.open.get(key);
    if (!open) return;
    this.open.delete(key);
    const span: IterSpan = { ...open.iter, end, failedStep };
    const list = this.spans.get(open.dict);
    if (list) list.push(span);
    else this.spans.set(open.dict, [span]);
  }
}

export function buildLockLanes(records: readonly StepRecord[]): LockLane[] {
  const holds = new Map<string, LockHold[]>();
  const waits = new Map<string, { step: number; actor: ActorId }[]>();
  const held = new Map<string, { actor: ActorId; fromStep: number }>();
  for (const r of records) {
    for (const e of r.events) {
      if (e.kind !== 'lock') continue;
      if (!holds.has(e.lock)) {
        holds.set(e.lock, []);
        waits.set(e.lock, []);
      }
      if (e.op === 'acquire') held.set(e.lock, { actor: e.actor, fromStep: r.step });
      else if (e.op === 'wait') waits.get(e.lock)?.push({ step: r.step, actor: e.actor });
      else {
        const h = held.get(e.lock);
        held.delete(e.lock);
        holds
          .get(e.lock)
          ?.push({ actor: h?.actor ?? e.actor, fromStep: h?.fromStep ?? r.step, toStep: r.step });
      }
    }
  }
  for (const [lock, h] of held) holds.get(lock)?.push({ ...h, toStep: null });
  return [...holds.keys()].map((lock) => ({
    kind: 'lock',
    id: `lock:${lock}`,
    label: `${lock} (lock)`,
    lock,
    holds: (holds.get(lock) ?? []).sort((a, b) => a.fromStep - b.fromStep),
    waits: waits.get(lock) ?? [],
  }));
}
