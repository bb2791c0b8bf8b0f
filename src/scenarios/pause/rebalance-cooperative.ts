/**
 * pause-rebalance-cooperative: real from arroyo 8ba2e54 with the
 * cooperative-sticky protocol (docs/real-code.md#incremental-assign). While the
 * processor is paused, member D leaves and C is incrementally assigned P2
 * inside the paused poll. on_assign closes the strategy (dropping the carried
 * P0@10 while P0 stays assigned at 11), P0 and P1 stay paused, and the poll
 * returns P2@30.
 */
import { ACTORS, PAUSE_REBALANCE_COOPERATIVE_META } from './rebalance-cooperative.meta.ts';
import type { Params } from '../types.ts';
import type { PauseSetup } from '../../worlds/pause/setup.ts';
import { numberParam, pauseScenario, timingOf } from './common.ts';

export function cooperativeSetup(params: Params): PauseSetup {
  return {
    actors: ACTORS,
    protocol: 'cooperative',
    sc: 'real',
    ours: numberParam(params, 'partitions'),
    theirs: 1,
    messages: numberParam(params, 'messages'),
    leaderLead: {},
    defaultLead: numberParam(params, 'leaderLead'),
    events: [{ kind: 'leave', member: 'D', atMs: numberParam(params, 'leaveAtMs') }],
    readyAtMs: null,
    timing: timingOf(params),
  };
}

export const PAUSE_REBALANCE_COOPERATIVE = pauseScenario(
  PAUSE_REBALANCE_COOPERATIVE_META,
  cooperativeSetup,
);
