/**
 * pause-rebalance-cooperative: real from arroyo 8ba2e54 with the
 * cooperative-sticky protocol (reference-model 4.3, path I2). While the
 * processor is paused, member D leaves and C is incrementally assigned P2
 * inside the paused poll. on_assign closes the strategy (dropping the carried
 * P0@10 while P0 stays assigned at 11), P0 and P1 stay paused, and the poll
 * returns P2@30.
 */
import type { Params } from '../types.ts';
import type { PauseSetup } from '../../worlds/pause/setup.ts';
import {
  LEADER_LEAD_PARAM,
  numberParam,
  pauseScenario,
  timingOf,
  TIMING_PARAMS,
} from './common.ts';

const ACTORS = ['main', 'coordinator', 'commitlog', 'producer'] as const;

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
  {
    id: 'pause-rebalance-cooperative',
    title: 'Incremental assign inside the paused poll',
    summary:
      'Cooperative-sticky: member D leaves while the processor is paused, and C is incrementally assigned P2 inside the ' +
      'paused poll. on_assign closes the strategy, which drops the carried P0@10 while P0 stays assigned and paused; the ' +
      'poll returns P2@30.',
    provenance: {
      kind: 'production',
      text: 'Real from arroyo 8ba2e54 (cooperative-sticky support) whenever the incremental protocol is in use.',
      refs: ['reference-model 4.3 (I2)', 'reference-model 2.3', 'arroyo 8ba2e54'],
    },
    seedScenario:
      'Seed 001 scenario 3, partial resume (and scenario 2 with the real SynchronizedConsumer)',
    params: [
      ...TIMING_PARAMS,
      LEADER_LEAD_PARAM,
      {
        id: 'partitions',
        label: 'Partitions of C',
        unit: 'partitions',
        defaultValue: 2,
        min: 1,
        max: 3,
        description: 'C owns P0 ... at the start; D owns one more partition, which moves to C.',
      },
      {
        id: 'leaveAtMs',
        label: 'Member D leaves at',
        unit: 'ms',
        defaultValue: 0,
        min: 0,
        max: 10000,
        description: 'Nominal time member D leaves. The paused poll runs from 10 to 110 ms.',
      },
    ],
    expected: {
      buggy:
        'AssertionError reachable: the paused poll returns P2@30 (on_assign had already dropped the carried P0@10 and cleared the flag).',
      'seed-fix':
        'Engine decides (measured): no crash; the carried P0@10 is lost on close, P0 and P1 stay paused forever while the flag says running (flag-consistency, paused-forever, liveness).',
      upstream:
        'Never crashes; loss and paused-forever reachable: P2@30 is dropped, the carried P0@10 is lost on close, P0 and P1 stay paused.',
      correct:
        'Never crashes, never loses, nothing paused forever: close rewinds P0, the poll result is kept, and reconcile resumes P0 and P1.',
    },
  },
  ACTORS,
  cooperativeSetup,
);
