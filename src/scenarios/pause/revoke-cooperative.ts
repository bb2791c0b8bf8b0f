/**
 * pause-revoke-cooperative: real at arroyo HEAD with KIP-848
 * (docs/real-code.md#incremental-revoke). While the processor is paused, member D joins and the
 * cooperative-sticky protocol moves P1 to it: C gets an incremental revoke of
 * P1 inside the paused poll. on_revoke closes the strategy (dropping the
 * carried P0@10 while P0 stays assigned at 11) and recreates it for P0,
 * which stays paused.
 */
import { ACTORS, PAUSE_REVOKE_COOPERATIVE_META } from './revoke-cooperative.meta.ts';
import type { Params } from '../types.ts';
import type { PauseSetup } from '../../worlds/pause/setup.ts';
import { numberParam, pauseScenario, timingOf } from './common.ts';

export function revokeSetup(params: Params): PauseSetup {
  return {
    actors: ACTORS,
    protocol: 'cooperative',
    sc: 'real',
    ours: numberParam(params, 'partitions'),
    theirs: 0,
    messages: numberParam(params, 'messages'),
    leaderLead: {},
    defaultLead: numberParam(params, 'leaderLead'),
    events: [{ kind: 'join', member: 'D', atMs: numberParam(params, 'joinAtMs') }],
    readyAtMs: null,
    timing: timingOf(params),
  };
}

export const PAUSE_REVOKE_COOPERATIVE = pauseScenario(PAUSE_REVOKE_COOPERATIVE_META, revokeSetup);
