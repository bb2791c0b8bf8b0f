/**
 * pause-rebalance-eager: the production crash behind arroyo bb3aaf5, 37848d8
 * and c5a035d (docs/real-code.md#eager-rebalance). C owns P0 and P1 behind Sentry's
 * SynchronizedConsumer, the strategy rejects, the processor pauses, and a
 * second member joins: the eager revoke, the rejoin, the assign and the first
 * fetch all land inside one paused poll(0.1), which returns a message.
 */
import { ACTORS, PAUSE_REBALANCE_EAGER_META } from './rebalance-eager.meta.ts';
import type { Params } from '../types.ts';
import type { PauseSetup } from '../../worlds/pause/setup.ts';
import { numberParam, pauseScenario, timingOf } from './common.ts';

export function eagerSetup(params: Params): PauseSetup {
  return {
    actors: ACTORS,
    protocol: 'eager',
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

export const PAUSE_REBALANCE_EAGER = pauseScenario(PAUSE_REBALANCE_EAGER_META, eagerSetup);
