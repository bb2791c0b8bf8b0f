/** The race-A scenarios of docs/scenarios.md, in catalogue order. */
import type { ScenarioDef } from '../types.ts';
import { PAUSE_EXTERNAL_RESUME } from './external-resume.ts';
import { PAUSE_INVALID_MESSAGE_STUCK } from './invalid-message-stuck.ts';
import { PAUSE_READY_TO_CONTINUE } from './ready-to-continue.ts';
import { PAUSE_REBALANCE_COOPERATIVE } from './rebalance-cooperative.ts';
import { PAUSE_REBALANCE_EAGER } from './rebalance-eager.ts';
import { PAUSE_REVOKE_COOPERATIVE } from './revoke-cooperative.ts';

export const PAUSE_SCENARIO_DEFS: readonly ScenarioDef[] = [
  PAUSE_REBALANCE_EAGER,
  PAUSE_REBALANCE_COOPERATIVE,
  PAUSE_REVOKE_COOPERATIVE,
  PAUSE_EXTERNAL_RESUME,
  PAUSE_READY_TO_CONTINUE,
  PAUSE_INVALID_MESSAGE_STUCK,
];
