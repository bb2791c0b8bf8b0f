import type { ScenarioDef } from './types.ts';
/** The race B scenario (reference-model 5); filled in by src/worlds/metrics. */
export const METRICS_SCENARIOS: readonly ScenarioDef[] = [];
