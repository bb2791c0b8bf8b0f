/**
 * pause-rebalance-cooperative: real from arroyo 8ba2e54 with the
 * cooperative-sticky protocol (docs/real-code.md#incremental-assign). While the
 * processor is paused, member D leaves and C is incrementally assigned P2
 * inside the paused poll. on_assign closes the strategy (dropping the carried
 * P0@10 while P0 stays assigned at 11), P0 and P1 stay paused, and the poll
 * returns P2@30.
 */
import { PAUSE_REBALANCE_COOPERATIVE_META } from './rebalance-cooperative.meta.ts';
import type { Params } from '../types.ts';
import type { OutsideEvent, PauseSetup } from '../../worlds/pause/setup.ts';
import { numberParam, pauseScenario, rebalanceSetup } from './common.ts';

export function cooperativeSetup(params: Params): PauseSetup {
  const leave: OutsideEvent = {
    kind: 'leave',
    member: 'D',
    atMs: numberParam(params, 'leaveAtMs'),
  };
  // D owns one partition, which moves to C when D leaves.
  return rebalanceSetup(params, 'cooperative', 1, leave);
}

export const PAUSE_REBALANCE_COOPERATIVE = pauseScenario(
  PAUSE_REBALANCE_COOPERATIVE_META,
  cooperativeSetup,
);
