/**
 * A large, deterministic, made-up run for benchmarks and stress tests: every
 * step carries at least one event, spread over the kinds the real worlds emit
 * (shared-state writes, dict operations with iterators that can raise, locks,
 * outside events). It follows CPython's iterator rule just enough that the
 * dict lanes and conflict arrows have realistic work to do. Not a model of
 * arroyo: never show it as one.
 */
import type { SimEvent, StepRecord } from '../engine/index.ts';

export const SYNTHETIC_ACTORS: readonly string[] = [
  'main',
  'coordinator',
  'commitlog',
  'strategy',
  'stuck',
  'producer',
];

const PATHS = ['processor.is_paused', 'consumer.paused', 'sc.paused'];
const DICTS = ['timers', 'counters'];

/** mulberry32: a tiny seeded PRNG (no Math.random, so runs repeat exactly). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticRecords(steps: number, seed = 1): StepRecord[] {
  const rand = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const values = new Map(PATHS.map((p) => [p, 'False']));
  const sizes = new Map(DICTS.map((d) => [d, 0]));
  const iters = new Map<string, number>();
  const lockHolder: { actor: string | null } = { actor: null };
  const out: StepRecord[] = [];
  let now = 0;
  for (let i = 0; i < steps; i++) {
    const actor = pick(SYNTHETIC_ACTORS);
    const events: SimEvent[] = [];
    const r = rand();
    if (r < 0.08) {
      const path = pick(PATHS);
      const from = values.get(path) ?? 'False';
      const to = from === 'False' ? 'True' : 'False';
      values.set(path, to);
      events.push({ kind: 'state', actor, path, from, to });
    } else if (r < 0.4) {
      dictStep(events, actor, pick(DICTS), rand(), sizes, iters);
    } else if (r < 0.41) {
      events.push({
        kind: 'rebalance',
        actor,
        phase: pick(['join', 'revoke', 'assign'] as const),
        partitions: ['P0', 'P1'],
        protocol: 'eager',
      });
    } else if (r < 0.42) {
      events.push({ kind: 'produce', actor, partition: pick(['P0', 'P1']), offset: i });
    } else if (r < 0.44) {
      const op =
        lockHolder.actor === null ? 'acquire' : lockHolder.actor === actor ? 'release' : 'wait';
      if (op === 'acquire') lockHolder.actor = actor;
      if (op === 'release') lockHolder.actor = null;
      events.push({ kind: 'lock', actor, lock: 'buffer_lock', op });
    } else {
      events.push({ kind: 'consumer', actor, consumer: 'consumer', call: 'poll', detail: '0.1' });
    }
    const durationMs = rand() < 0.6 ? 0 : 1 + Math.floor(rand() * 5);
    out.push({
      step: i,
      actor,
      at: `synthetic:${events[0]?.kind ?? 'step'}`,
      timeMs: now,
      durationMs,
      events,
      narration: '',
    });
    now += durationMs + (rand() < 0.05 ? Math.floor(rand() * 20) : 0);
  }
  return out;
}

function dictStep(
  events: SimEvent[],
  actor: string,
  dict: string,
  r: number,
  sizes: Map<string, number>,
  iters: Map<string, number>,
): void {
  const size = sizes.get(dict) ?? 0;
  const key = `${actor}/${dict}`;
  const recorded = iters.get(key);
  if (recorded !== undefined) {
    const raised = recorded !== size;
    events.push({ kind: 'dict', actor, dict, op: 'next', key: 'k', size, recordedSize: recorded });
    if (raised || r < 0.2) iters.delete(key);
    if (raised) {
      events.push({
        kind: 'exception',
        actor,
        type: 'RuntimeError',
        message: 'dictionary changed size during iteration',
        traceback: [],
        caught: true,
      });
    }
  } else if (r < 0.15) {
    iters.set(key, size);
    events.push({ kind: 'dict', actor, dict, op: 'iter', size, recordedSize: size });
  } else if (r < 0.25) {
    sizes.set(dict, 0);
    events.push({ kind: 'dict', actor, dict, op: 'clear', size: 0 });
  } else {
    sizes.set(dict, size + 1);
    events.push({
      kind: 'dict',
      actor,
      dict,
      op: 'insert',
      key: `k${size}`,
      value: 1,
      size: size + 1,
    });
  }
}
