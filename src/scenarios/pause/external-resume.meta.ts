/** The metadata of pause-external-resume (the build is in external-resume.ts). */
import { COMMIT_ACTORS, pauseMeta, readyAtParam, TIMING_PARAMS } from './params.ts';

export const PAUSE_EXTERNAL_RESUME_META = pauseMeta(
  {
    id: 'pause-external-resume',
    title: 'What-if: the SynchronizedConsumer resumes a paused partition',
    summary:
      "The write-up's story, with a simplified SynchronizedConsumer that resumes partitions the processor paused. After the " +
      'leader commits P1, the next paused poll returns P1@20 with no rebalance, while P0@10 is still carried. Not reachable ' +
      'with the real SynchronizedConsumer.',
    provenance: {
      kind: 'what-if',
      text: 'What-if from the original bug report: not reachable with the real SynchronizedConsumer.',
      refs: [
        'docs/real-code.md#external-resume',
        'docs/real-code.md#synchronized-consumer',
        'the pause-race incident write-up',
      ],
    },
    seedScenario:
      'Case 2 of the original bug report, external resume during rebalance (as the bug report tells it)',
    params: [
      ...TIMING_PARAMS,
      {
        id: 'leaderCommitAtMs',
        label: 'Leader commits P1 at',
        unit: 'ms',
        defaultValue: 50,
        min: 0,
        max: 10000,
        description: 'Nominal time the followed group commits past P1@20.',
      },
      readyAtParam(1000),
    ],
    expected: {
      buggy:
        'AssertionError reachable: the V1c pre-check sees nothing (SC still lists P1 as paused) and the poll returns P1@20.',
      'seed-fix':
        'No crash; loss of the carried message reachable: P1@20 overwrites the carried P0@10, whose partition is already at 11, and the flag is cleared while SC still lists P0 and P1 as paused (flag-consistency).',
      upstream:
        'AssertionError "consumer unpaused itself without rebalancing" reachable: the flag is still True when the poll returns P1@20.',
      correct:
        'No crash, no loss: P1 is sought back to 20 and paused again each time, P0@10 stays carried until the downstream has room.',
    },
  },
  COMMIT_ACTORS,
);
