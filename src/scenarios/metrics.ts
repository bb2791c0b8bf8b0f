/**
 * The race B scenario (docs/real-code.md#metrics-race; docs/scenarios.md, row
 * `metrics-stuck-flush`): main comes back from a long rebalance callback and
 * increments the MetricsBuffer while the stuck detector, which has just found
 * it stuck, increments and flushes that same buffer from its own thread.
 * The world itself is in src/worlds/metrics.
 */
import {
  buildMetricsProgram,
  DEFAULT_METRICS_PARAMS,
  type MetricsParams,
} from '../worlds/metrics/program.ts';
import { METRICS_STUCK_FLUSH_META } from './metrics.meta.ts';
import type { Params, ScenarioDef } from './types.ts';

function toMetricsParams(p: Params): MetricsParams {
  const get = (k: keyof MetricsParams): number => p[k] ?? DEFAULT_METRICS_PARAMS[k];
  return {
    metricsFrequencyMs: get('metricsFrequencyMs'),
    stuckTimeoutMs: get('stuckTimeoutMs'),
    joinMs: get('joinMs'),
    detectorPhaseMs: get('detectorPhaseMs'),
    stackFrames: get('stackFrames'),
    runsAfter: get('runsAfter'),
  };
}

export const METRICS_STUCK_FLUSH: ScenarioDef = {
  ...METRICS_STUCK_FLUSH_META,
  build: (variant, params, gil) => buildMetricsProgram(variant, toMetricsParams(params), gil),
};

/** The race B scenarios (docs/real-code.md#metrics-race). */
export const METRICS_SCENARIOS: readonly ScenarioDef[] = [METRICS_STUCK_FLUSH];
