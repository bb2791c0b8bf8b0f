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
import type { ActorId, DictOp, StepRecord } from '../engine/index.ts';

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

interface OpenIter {
  actor: ActorId;
  fromStep: number;
  toStep: number;
  recordedSize: number;
}

export function buildDictLanes(records: readonly StepRecord[]): DictLane[] {
  const points = new Map<string, DictPoint[]>();
  const spans = new Map<string, IterSpan[]>();
  const open = new Map<string, OpenIter>();
  const lastSize = new Map<string, number>();
  const close = (key: string, end: IterSpan['end'], failedStep: number | null): void => {
    const it = open.get(key);
    if (!it) return;
    open.delete(key);
    const dict = key.slice(key.indexOf('\u0000') + 1);
    spans.get(dict)?.push({ ...it, end, failedStep });
  };
  for (const r of records) {
    for (const e of r.events) {
      if (e.kind !== 'dict') continue;
      if (!points.has(e.dict)) {
        points.set(e.dict, []);
        spans.set(e.dict, []);
      }
      const prev = lastSize.get(e.dict);
      lastSize.set(e.dict, e.size);
      const raised =
        e.op === 'next' &&
        (r.events.some((x) => x.kind === 'exception' && x.actor === e.actor) ||
          (e.recordedSize !== undefined && e.recordedSize !== e.size));
      const sizeChanged =
        prev === undefined ? e.op === 'insert' || e.op === 'clear' : prev !== e.size;
      const point: DictPoint = {
        step: r.step,
        actor: e.actor,
        op: e.op,
        key: e.key ?? null,
        size: e.size,
        recordedSize: e.recordedSize ?? null,
        sizeChanged,
        raised,
      };
      points.get(e.dict)?.push(point);
      const key = `${e.actor}\u0000${e.dict}`;
      if (e.op === 'iter') {
        close(key, 'abandoned', null);
        open.set(key, {
          actor: e.actor,
          fromStep: r.step,
          toStep: r.step,
          recordedSize: e.recordedSize ?? e.size,
        });
      } else if (e.op === 'next') {
        const it = open.get(key);
        if (!it) continue;
        it.toStep = r.step;
        if (raised) close(key, 'raised', r.step);
        else if (e.key === undefined) close(key, 'stop', null);
      }
    }
  }
  for (const key of [...open.keys()]) close(key, 'open', null);
  return [...points.keys()].map((dict) => {
    const list = points.get(dict) ?? [];
    const iterators = (spans.get(dict) ?? []).sort((a, b) => a.fromStep - b.fromStep);
    let maxSize = 0;
    for (const p of list) maxSize = Math.max(maxSize, p.size);
    return {
      kind: 'dict',
      id: `dict:${dict}`,
      label: `${dict} (dict, size 0–${maxSize})`,
      dict,
      points: list,
      iterators,
      maxSize,
    };
  });
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
