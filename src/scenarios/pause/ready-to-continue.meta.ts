/** The metadata of pause-ready-to-continue (the build is in ready-to-continue.ts). */
import { COMMIT_ACTORS, pauseMeta, readyAtParam, TIMING_PARAMS } from './params.ts';

export const PAUSE_READY_TO_CONTINUE_META = pauseMeta(
  {
    id: 'pause-ready-to-continue',
    title: 'The strategy becomes ready while paused',
    summary:
      'The downstream gets room while the processor is paused: the next submit succeeds and the processor resumes. Through ' +
      "the SynchronizedConsumer that only empties SC's _paused; the inner consumer resumes at the first poll after the " +
      'leader commits past our positions, so polls return None until then.',
    provenance: {
      kind: 'seed-scenario',
      text: 'Case 4 of the original bug report, ready to continue, on the real components.',
      refs: [
        'docs/real-code.md#verification-plan',
        'docs/real-code.md#run-once',
        'docs/real-code.md#synchronized-consumer',
        'the pause-race verification plan',
      ],
    },
    seedScenario: 'Case 4 of the original bug report, ready to continue',
    params: [
      ...TIMING_PARAMS,
      readyAtParam(300),
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
  COMMIT_ACTORS,
);
