/**
 * pause-rebalance-eager: the production crash behind arroyo bb3aaf5, 37848d8
 * and c5a035d (docs/real-code.md#eager-rebalance). C owns P0 and P1 behind Sentry's
 * SynchronizedConsumer, the strategy rejects, the processor pauses, and a
 * second member joins: the eager revoke, the rejoin, the assign and the first
 * fetch all land inside one paused poll(0.1), which returns a message.
 */
import { PAUSE_REBALANCE_EAGER_META } from './rebalance-eager.meta.ts';
import type { Params } from '../types.ts';
import type { OutsideEvent, PauseSetup } from '../../worlds/pause/setup.ts';
import { numberParam, pauseScenario, rebalanceSetup } from './common.ts';

export function eagerSetup(params: Params): PauseSetup {
  const join: OutsideEvent = { kind: 'join', member: 'D', atMs: numberParam(params, 'joinAtMs') };
  return rebalanceSetup(params, 'eager', 0, join);
}

export const PAUSE_REBALANCE_EAGER = pauseScenario(PAUSE_REBALANCE_EAGER_META, eagerSetup);
