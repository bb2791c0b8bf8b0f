/**
 * The `metrics-conservation` invariant (docs/scenarios.md#invariants): per metric key, what the backend received
 * plus what is still buffered must equal what code added. Checked once, when
 * the run ends: mid-flush the equation is briefly false by design (a flush
 * emits a value before it clears it), and at the end of a normal run main's
 * `_shutdown` has flushed the buffer, so "buffered" is zero unless main died.
 *
 * A shortfall is a lost increment (a reset cleared a value nobody emitted, or a
 * store overwrote a newer value); an excess is a double count (a value emitted
 * twice, for example by a detector that died mid-flush before its reset).
 */
import { getItem } from '../../engine/python/dict.ts';
import type { Invariant, World } from '../../engine/types.ts';
import { ALL_KEYS, KEY, shortKey, type MetricKey, type MetricsState } from './state.ts';

const COUNTER_KEYS: readonly string[] = [KEY.runCount, KEY.stuck];

function unit(key: MetricKey): string {
  return COUNTER_KEYS.includes(key) ? '' : ' ms';
}

export function buffered(state: MetricsState, key: string): number {
  return (getItem(state.buffer.timers, key) ?? 0) + (getItem(state.buffer.counters, key) ?? 0);
}

export interface KeyBalance {
  readonly key: MetricKey;
  readonly incremented: number;
  readonly emitted: number;
  readonly buffered: number;
  /** emitted + buffered - incremented: negative = lost, positive = double counted. */
  readonly excess: number;
}

/** Every key whose books do not balance. */
export function imbalances(state: MetricsState): KeyBalance[] {
  const out: KeyBalance[] = [];
  for (const key of ALL_KEYS) {
    const inc = state.incremented[key];
    const em = state.emitted[key];
    const buf = buffered(state, key);
    const excess = em + buf - inc;
    if (excess !== 0) out.push({ key, incremented: inc, emitted: em, buffered: buf, excess });
  }
  return out;
}

export function describeBalance(b: KeyBalance): string {
  const u = unit(b.key);
  const what = b.excess < 0 ? `${-b.excess}${u} lost` : `${b.excess}${u} counted twice`;
  return `${shortKey(b.key)}: incremented ${b.incremented}${u}, emitted ${b.emitted}${u}, still buffered ${b.buffered}${u}, so ${what}`;
}

declare module '../../engine/types.ts' {
  /** The metrics world's invariant. */
  interface InvariantRegistry {
    'metrics-conservation': true;
  }
}

export const metricsConservation: Invariant<MetricsState> = {
  id: 'metrics-conservation',
  when: 'end',
  check(world: World<MetricsState>): string | null {
    const bad = imbalances(world.state);
    return bad.length === 0 ? null : bad.map(describeBalance).join('; ');
  },
};
