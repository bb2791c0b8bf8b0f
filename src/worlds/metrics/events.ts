/**
 * The metrics world's event: a call into the metrics backend. Declared in the
 * engine's `WorldEventRegistry` so that it is part of every run's `SimEvent`
 * stream while the engine itself never names it.
 */
import type { ActorId } from '../../engine/index.ts';

export interface MetricEvent {
  readonly kind: 'metric';
  readonly actor: ActorId;
  readonly metric: 'timing' | 'increment';
  readonly key: string;
  readonly value: number;
}

declare module '../../engine/events.ts' {
  interface WorldEventRegistry {
    metric: MetricEvent;
  }
}

/** One line describing a metrics event. */
export function describeMetricEvent(e: MetricEvent): string {
  return `backend.${e.metric}(${e.key}, ${e.value})`;
}
