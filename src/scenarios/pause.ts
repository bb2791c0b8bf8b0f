import type { ScenarioDef } from './types.ts';
/** The race A scenarios (reference-model 4); filled in by src/worlds/pause. */
export const PAUSE_SCENARIOS: readonly ScenarioDef[] = [];
