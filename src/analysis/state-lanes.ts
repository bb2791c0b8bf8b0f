/**
 * Shared-state lanes, read from `state` events: one lane per path (such as
 * `processor.is_paused`, `consumer.paused`, `sc.paused`), holding the path's
 * value as intervals between step boundaries. A `state` event in step `s`
 * says the value went from `from` to `to`, so the new value holds from
 * boundary `s + 1`; before the path's first event its value is that event's
 * `from`. Several events on one path in one step keep only the last value.
 */
import type { ActorId, StepRecord } from '../engine/index.ts';

export interface StateLaneSpec {
  readonly path: string;
  readonly label?: string;
}

export interface StateWrite {
  readonly step: number;
  readonly actor: ActorId;
  readonly from: string;
  readonly to: string;
}

export interface StateInterval {
  /** The value holds from the world after `fromBoundary` steps ... */
  readonly fromBoundary: number;
  /** ... up to (not including) the world after `toBoundary` steps. */
  readonly toBoundary: number;
  readonly value: string;
  /** The write that set it, or null for the value the run started with. */
  readonly setBy: StateWrite | null;
}

export interface StateLane {
  readonly kind: 'state';
  readonly id: string;
  readonly label: string;
  readonly path: string;
  readonly writes: readonly StateWrite[];
  /** Contiguous and ascending, covering [0, count]. */
  readonly intervals: readonly StateInterval[];
}

/** Labels for the paths the arroyo worlds use; any other path is shown as is. */
const KNOWN_LABELS: Readonly<Record<string, string>> = {
  'processor.is_paused': 'StreamProcessor.__is_paused',
  'consumer.paused': 'consumer.paused()',
  'sc.paused': 'SynchronizedConsumer.__paused',
};

export function buildStateLanes(
  records: readonly StepRecord[],
  specs: readonly StateLaneSpec[],
): StateLane[] {
  const writes = new Map<string, StateWrite[]>();
  for (const r of records) {
    for (const e of r.events) {
      if (e.kind !== 'state') continue;
      let list = writes.get(e.path);
      if (!list) writes.set(e.path, (list = []));
      list.push({ step: r.step, actor: e.actor, from: e.from, to: e.to });
    }
  }
  const named = specs.map((s) => s.path).filter((p) => writes.has(p));
  const rest = [...writes.keys()].filter((p) => !named.includes(p));
  return [...named, ...rest].map((path) => {
    const list = writes.get(path) ?? [];
    const label = specs.find((s) => s.path === path)?.label ?? KNOWN_LABELS[path] ?? path;
    return {
      kind: 'state',
      id: `state:${path}`,
      label,
      path,
      writes: list,
      intervals: intervalsOf(list, records.length),
    };
  });
}

/** Value intervals over [0, count] from a path's writes, ascending by step. */
export function intervalsOf(writes: readonly StateWrite[], count: number): StateInterval[] {
  const first = writes[0];
  if (!first) return [];
  const out: StateInterval[] = [];
  let from = 0;
  let value = first.from;
  let setBy: StateWrite | null = null;
  for (const w of writes) {
    const at = w.step + 1;
    if (at > from) out.push({ fromBoundary: from, toBoundary: at, value, setBy });
    from = at;
    value = w.to;
    setBy = w;
  }
  if (count >= from)
    out.push({ fromBoundary: from, toBoundary: Math.max(from, count), value, setBy });
  return out;
}

/** The interval holding at boundary `c` (binary search), or null. */
export function intervalAt(lane: StateLane, c: number): StateInterval | null {
  const list = lane.intervals;
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const it = list[mid] as StateInterval;
    if (c < it.fromBoundary) hi = mid - 1;
    else if (c >= it.toBoundary && !(c === it.toBoundary && mid === list.length - 1)) lo = mid + 1;
    else return it;
  }
  return null;
}
