/**
 * The state of the race B world (docs/real-code.md#metrics-buffer) as one plain value: the
 * MetricsBuffer (two defaultdicts and the time of its last flush), the parts
 * of the StreamProcessor that the main thread and the stuck detector read,
 * and a metrics backend that keeps a running total per key of everything
 * emitted to it. Beside the backend we keep, per key, the total that code
 * *asked* to be counted (`incremented`), so that the end-of-run invariant can
 * compare the two: emitted + still buffered must equal incremented.
 *
 * Every object is built with a fixed key order (all metric keys are present
 * from the start) so that equal states hash equal in the explorer.
 */
import { newDict, type PyDict } from '../../engine/python/dict.ts';
import { newLock, type PyLock } from '../../engine/python/lock.ts';

/** The metric names the scenario touches (docs/real-code.md#metrics-buffer, #run-once, #callbacks-and-close). */
export const KEY = {
  runCount: 'arroyo.consumer.run.count',
  stuck: 'arroyo.consumer.stuck',
  joinTime: 'arroyo.consumer.join.time',
  shutdownTime: 'arroyo.consumer.shutdown.time',
  callbackTime: 'arroyo.consumer.callback.time',
  pollTime: 'arroyo.consumer.poll.time',
  /** Sent straight to the backend by the callback wrapper, never buffered. */
  runCallback: 'arroyo.consumer.run.callback',
} as const;

export type MetricKey = (typeof KEY)[keyof typeof KEY];

export const ALL_KEYS: readonly MetricKey[] = Object.values(KEY);

/** Which of the two defaultdicts a buffered metric lives in. */
export type BufferDict = 'timers' | 'counters';

export interface BufferState {
  timers: PyDict;
  counters: PyDict;
  /** `__last_record_time`, virtual ms. */
  lastRecordMs: number;
  /** Only the `correct` variant has a lock; null elsewhere. */
  lock: PyLock | null;
}

export interface ProcessorState {
  /** `__last_run`, virtual ms (set at the start of each `_run_once`, V5+). */
  lastRunMs: number;
  /** Whether a processing strategy exists (the revoke callback closes it). */
  hasStrategy: boolean;
  /** The revoke is delivered inside the next `poll()`. */
  revokePending: boolean;
  /** `_run_once` calls left before the scenario asks the processor to shut down. */
  runsLeft: number;
  shutdownRequested: boolean;
  /** `__shutdown_done`: set in `run()`'s `finally`; the detector's loop checks it. */
  shutdownDone: boolean;
}

export interface MetricsState {
  buffer: BufferState;
  processor: ProcessorState;
  /** Per key, the total the backend received (timing values in ms, counter deltas). */
  emitted: Record<MetricKey, number>;
  /** Per key, the total code added (counted when a `+=` stores, or at a direct backend call). */
  incremented: Record<MetricKey, number>;
}

export function zeroTotals(): Record<MetricKey, number> {
  const out = {} as Record<MetricKey, number>;
  for (const k of ALL_KEYS) out[k] = 0;
  return out;
}

export function initialState(withLock: boolean, runsLeft: number): MetricsState {
  return {
    buffer: {
      timers: newDict(),
      counters: newDict(),
      lastRecordMs: 0,
      lock: withLock ? newLock() : null,
    },
    processor: {
      lastRunMs: 0,
      hasStrategy: true,
      revokePending: true,
      runsLeft,
      shutdownRequested: false,
      shutdownDone: false,
    },
    emitted: zeroTotals(),
    incremented: zeroTotals(),
  };
}

/** Short display name of a metric, without the `arroyo.consumer.` prefix. */
export function shortKey(key: string): string {
  return key.replace(/^arroyo\.consumer\./, '');
}

function asKey(key: string): MetricKey {
  if (!(ALL_KEYS as readonly string[]).includes(key)) throw new Error(`unknown metric key ${key}`);
  return key as MetricKey;
}

/** The backend received `value` for `key`. */
export function recordEmitted(state: MetricsState, key: string, value: number): void {
  const k = asKey(key);
  state.emitted[k] += value;
}

/** Code added `delta` to `key` (a `+=` stored it, or a direct backend call was made). */
export function recordIncrement(state: MetricsState, key: string, delta: number): void {
  const k = asKey(key);
  state.incremented[k] += delta;
}
