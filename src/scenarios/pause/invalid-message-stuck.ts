/**
 * pause-invalid-message-stuck: the April 2025 production hang fixed in arroyo
 * c8bdbb9 (release 2.20.9; pull requests #443, #444, #445). The processor has
 * paused under backpressure with m0 = P0@10 carried. When the downstream gets
 * room, the next submit runs the processing function on m0, which refuses it
 * with InvalidMessage (it has gone stale while waiting). The handler drops m0;
 * before c8bdbb9 the processor stays paused with nothing to submit, so no
 * successful submit ever resumes P0 and P1: the consumer hangs without an
 * exception. From c8bdbb9 on, the handler resumes the consumer. The fix is
 * in every variant's code, so the release is a parameter here, not a variant.
 */
import type { Params } from '../types.ts';
import type { PauseSetup } from '../../worlds/pause/setup.ts';
import { numberParam, pauseScenario, timingOf, TIMING_PARAMS } from './common.ts';

const ACTORS = ['main', 'strategy'] as const;

export function invalidSetup(params: Params): PauseSetup {
  return {
    actors: ACTORS,
    protocol: 'eager',
    sc: 'real',
    ours: 2,
    theirs: 0,
    messages: numberParam(params, 'messages'),
    leaderLead: {},
    events: [],
    readyAtMs: numberParam(params, 'readyAtMs'),
    timing: timingOf(params),
    invalid: [{ p: 'P0', offset: 10 }],
    resumeOnInvalid: numberParam(params, 'resumeOnInvalid') === 1,
  };
}

export const PAUSE_INVALID_MESSAGE_STUCK = pauseScenario(
  {
    id: 'pause-invalid-message-stuck',
    title: 'InvalidMessage while paused: the consumer never resumes',
    summary:
      'The processor has paused under backpressure, carrying P0@10. When the downstream has room again, submit runs the ' +
      'processing function on P0@10, which raises InvalidMessage. The handler drops P0@10; before arroyo 2.20.9 the ' +
      'processor stays paused with nothing left to submit, so nothing ever resumes P0 and P1 and no exception says so.',
    provenance: {
      kind: 'production',
      text: 'Reproduces the April 2025 production hang fixed by arroyo c8bdbb9 (pull requests #443, #444, #445; release 2.20.9).',
      refs: [
        'reference-model 1.2 (InvalidMessage)',
        'arroyo c8bdbb9 (#445)',
        'arroyo 5f05cfe (#444)',
        'arroyo pull request #443',
      ],
    },
    seedScenario: null,
    params: [
      ...TIMING_PARAMS,
      {
        id: 'readyAtMs',
        label: 'Downstream has room at',
        unit: 'ms',
        defaultValue: 300,
        min: 0,
        max: 20000,
        description:
          'Nominal time the downstream has room again, so the next submit runs the processing function on P0@10.',
      },
      {
        id: 'resumeOnInvalid',
        label: 'InvalidMessage resumes (arroyo 2.20.9)',
        unit: '(0 or 1)',
        defaultValue: 0,
        min: 0,
        max: 1,
        description:
          '0: arroyo before 2.20.9, where the InvalidMessage handler leaves a paused consumer paused. 1: c8bdbb9 (2.20.9) and later, where it resumes it.',
      },
    ],
    expected: {
      buggy:
        'With resumeOnInvalid 0 (before 2.20.9): no exception; P0 and P1 stay paused forever and never deliver (paused-forever and liveness). With 1: clean.',
      'seed-fix': 'The same as buggy: the fix of the paused branch does not touch this handler.',
      upstream:
        'The same as buggy: arroyo 2.33.0 and later have c8bdbb9, so use resumeOnInvalid 1 for them.',
      correct:
        'The same as buggy: the bug is in the InvalidMessage handler, not in the paused branch.',
    },
  },
  ACTORS,
  invalidSetup,
);
