/** The metadata of pause-invalid-message-stuck (the build is in invalid-message-stuck.ts). */
import { pauseMeta, readyAtParam, TIMING_PARAMS } from './params.ts';

export const ACTORS = ['main', 'strategy'] as const;

export const PAUSE_INVALID_MESSAGE_STUCK_META = pauseMeta(
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
        'docs/real-code.md#run-once',
        'arroyo c8bdbb9 (#445)',
        'arroyo 5f05cfe (#444)',
        'arroyo pull request #443',
      ],
    },
    seedScenario: null,
    params: [
      ...TIMING_PARAMS,
      readyAtParam(
        300,
        'Nominal time the downstream has room again, so the next submit runs the processing function on P0@10.',
      ),
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
);
