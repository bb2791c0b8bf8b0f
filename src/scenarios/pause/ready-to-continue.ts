/**
 * pause-ready-to-continue: seed 001's scenario 4 (reference-model 4.6 item
 * 4). While the processor is paused, the strategy's downstream gets room
 * again: the next submit succeeds, the processor resumes everything in
 * tell() and clears the flag. Through the SynchronizedConsumer that only
 * empties SC's _paused; the inner consumer resumes lazily, at the first
 * SC.poll after the leader's commit moves the remote offsets past ours.
 */
import type { Params } from '../types.ts';
import type { PauseSetup } from '../../worlds/pause/setup.ts';
import { numberParam, pauseScenario, timingOf, TIMING_PARAMS } from './common.ts';

const ACTORS = ['main', 'commitlog', 'strategy', 'producer'] as const;

export function readySetup(params: Params): PauseSetup {
  const messages = numberParam(params, 'messages');
  return {
    actors: ACTORS,
    protocol: 'eager',
    sc: 'real',
    ours: 2,
    theirs: 0,
    messages,
    // The leader is exactly at C's positions until it commits.
    leaderLead: { P0: 1, P1: 0 },
    events: [
      {
        kind: 'leader_commit',
        offsets: { P0: 10 + messages, P1: 20 + messages },
        atMs: numberParam(params, 'leaderCommitAtMs'),
      },
    ],
    readyAtMs: numberParam(params, 'readyAtMs'),
    timing: timingOf(params),
  };
}

export const PAUSE_READY_TO_CONTINUE = pauseScenario(
  {
    id: 'pause-ready-to-continue',
    title: 'The strategy becomes ready while paused',
    summary:
      'The downstream gets room while the processor is paused: the next submit succeeds and the processor resumes. Through ' +
      "the SynchronizedConsumer that only empties SC's _paused; the inner consumer resumes at the first poll after the " +
      'leader commits past our positions, so polls return None until then.',
    provenance: {
      kind: 'seed-scenario',
      text: "Seed 001's scenario 4, ready to continue, on the real components.",
      refs: ['reference-model 4.6', 'reference-model 1.2, 3', 'seed 001'],
    },
    seedScenario: 'Seed 001 scenario 4, ready to continue',
    params: [
      ...TIMING_PARAMS,
      {
        id: 'readyAtMs',
        label: 'Downstream has room at',
        unit: 'ms',
        defaultValue: 300,
        min: 0,
        max: 20000,
        description: 'Nominal time submit() stops raising MessageRejected.',
      },
      {
        id: 'leaderCommitAtMs',
        label: 'Leader commits at',
        unit: 'ms',
        defaultValue: 500,
        min: 0,
        max: 20000,
        description: 'Nominal time the followed group commits past our positions.',
      },
    ],
    expected: {
      buggy:
        'No crash: paused polls return None until the submit succeeds; then the inner consumer resumes lazily.',
      'seed-fix': 'No crash.',
      upstream: 'No crash.',
      correct: 'No crash.',
    },
  },
  ACTORS,
  readySetup,
);
