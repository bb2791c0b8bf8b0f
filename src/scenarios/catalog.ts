/**
 * The scenario catalogue without the worlds: each scenario's metadata (id,
 * title, race, provenance, parameters, expected outcomes per variant) in the
 * order of index.ts, and parameter validation. The landing page and links load
 * this; the build functions, and with them the worlds, load with the lab.
 * catalog.test.ts checks it matches the full catalogue.
 */
import { METRICS_STUCK_FLUSH_META } from './metrics.meta.ts';
import { PAUSE_INVALID_MESSAGE_STUCK_META } from './pause/invalid-message-stuck.meta.ts';
import { PAUSE_EXTERNAL_RESUME_META } from './pause/external-resume.meta.ts';
import { PAUSE_READY_TO_CONTINUE_META } from './pause/ready-to-continue.meta.ts';
import { PAUSE_REBALANCE_COOPERATIVE_META } from './pause/rebalance-cooperative.meta.ts';
import { PAUSE_REBALANCE_EAGER_META } from './pause/rebalance-eager.meta.ts';
import { PAUSE_REVOKE_COOPERATIVE_META } from './pause/revoke-cooperative.meta.ts';
import type { ScenarioMeta } from './types.ts';

export * from './types.ts';
export { defaultParams, readParam, validateParams } from './params.ts';

export const SCENARIO_CATALOG: readonly ScenarioMeta[] = [
  PAUSE_REBALANCE_EAGER_META,
  PAUSE_REBALANCE_COOPERATIVE_META,
  PAUSE_REVOKE_COOPERATIVE_META,
  PAUSE_EXTERNAL_RESUME_META,
  PAUSE_READY_TO_CONTINUE_META,
  PAUSE_INVALID_MESSAGE_STUCK_META,
  METRICS_STUCK_FLUSH_META,
];

export function findScenarioMeta(id: string): ScenarioMeta | undefined {
  return SCENARIO_CATALOG.find((s) => s.id === id);
}
