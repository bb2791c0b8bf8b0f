/**
 * pause-revoke-cooperative: real at arroyo HEAD with KIP-848 (reference-model
 * 4.3, path I2'). While the processor is paused, member D joins and the
 * cooperative-sticky protocol moves P1 to it: C gets an incremental revoke of
 * P1 inside the paused poll. on_revoke closes the strategy (dropping the
 * carried P0@10 while P0 stays assigned at 11) and recreates it for P0,
 * which stays paused.
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

export const PAUSE_REVOKE_COOPERATIVE = pauseScenario(
  {
    id: 'pause-revoke-cooperative',
    title: 'Incremental revoke inside the paused poll',
    summary:
      'KIP-848 / cooperative-sticky: member D joins while the processor is paused and P1 moves to it. The incremental ' +
      'revoke inside the paused poll closes the strategy, which drops the carried P0@10 and clears the flag, while P0 ' +
      'stays assigned, at 11, and paused.',
    provenance: {
      kind: 'production',
      text: 'Real at arroyo HEAD with KIP-848 (group.protocol=consumer).',
      refs: ["reference-model 4.3 (I2')", 'reference-model 2.3', 'arroyo 62145b8'],
    },
    seedScenario: 'Seed 001 scenario 3, partial resume',
    params: [
      ...TIMING_PARAMS,
      LEADER_LEAD_PARAM,
      {
        id: 'partitions',
        label: 'Partitions of C',
        unit: 'partitions',
        defaultValue: 2,
        min: 2,
        max: 4,
        description: 'C owns P0 ... at the start; D takes its share when it joins.',
      },
      {
        id: 'joinAtMs',
        label: 'Member D joins at',
        unit: 'ms',
        defaultValue: 0,
        min: 0,
        max: 10000,
        description: 'Nominal time member D joins. The paused poll runs from 10 to 110 ms.',
      },
    ],
    expected: {
      buggy:
        'No crash; the carried P0@10 is lost and P0 is paused forever (the flag says running, SC keeps P0 in its _paused).',
      'seed-fix':
        "Engine decides (measured): the same as buggy; the seed's fix only acts on a rejected submit, and the new strategy never rejects.",
      upstream: 'Same as buggy: no crash, the carried message is lost, P0 is paused forever.',
      correct:
        'No loss, nothing paused forever: close rewinds P0 to 10, and reconcile resumes P0 after the poll.',
    },
  },
  ACTORS,
  revokeSetup,
);
