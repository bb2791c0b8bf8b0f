/**
 * pause-revoke-cooperative: real at arroyo HEAD with KIP-848
 * (docs/real-code.md#incremental-revoke). While the processor is paused, member D joins and the
 * cooperative-sticky protocol moves P1 to it: C gets an incremental revoke of
 * P1 inside the paused poll. on_revoke closes the strategy (dropping the
 * carried P0@10 while P0 stays assigned at 11) and recreates it for P0,
 * which stays paused.
 */
import { PAUSE_REVOKE_COOPERATIVE_META } from './revoke-cooperative.meta.ts';
import type { Params } from '../types.ts';
import type { OutsideEvent, PauseSetup } from '../../worlds/pause/setup.ts';
import { numberParam, pauseScenario, rebalanceSetup } from './common.ts';

export function revokeSetup(params: Params): PauseSetup {
  const join: OutsideEvent = { kind: 'join', member: 'D', atMs: numberParam(params, 'joinAtMs') };
  return rebalanceSetup(params, 'cooperative', 0, join);
}

export const PAUSE_REVOKE_COOPERATIVE = pauseScenario(PAUSE_REVOKE_COOPERATIVE_META, revokeSetup);
