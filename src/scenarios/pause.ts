/** The race A scenarios (docs/real-code.md#pause-race); defined in src/scenarios/pause. */
import { PAUSE_SCENARIO_DEFS } from './pause/index.ts';
import type { ScenarioDef } from './types.ts';

export const PAUSE_SCENARIOS: readonly ScenarioDef[] = PAUSE_SCENARIO_DEFS;
