/**
 * The scenario catalogue: every scenario of docs/scenarios.md, looked up
 * by id, with parameter validation that explains what is wrong. catalog.ts has
 * the same list without the build functions (and so without the worlds).
 */
import { METRICS_SCENARIOS } from './metrics.ts';
import { PAUSE_SCENARIOS } from './pause.ts';
import type { ScenarioDef } from './types.ts';

export * from './types.ts';
export { defaultParams, validateParams } from './params.ts';

export const SCENARIOS: readonly ScenarioDef[] = [...PAUSE_SCENARIOS, ...METRICS_SCENARIOS];

export function findScenario(id: string): ScenarioDef | undefined {
  return SCENARIOS.find((s) => s.id === id);
}
