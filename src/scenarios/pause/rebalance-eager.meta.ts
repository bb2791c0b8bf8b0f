/** The metadata of pause-rebalance-eager (the build is in rebalance-eager.ts). */
import { pauseMeta, REBALANCE_ACTORS, rebalanceParams } from './params.ts';

export const PAUSE_REBALANCE_EAGER_META = pauseMeta(
  {
    id: 'pause-rebalance-eager',
    title: 'Eager rebalance inside the paused poll',
    summary:
      'The processor has paused under backpressure; a second member joins, and the eager revoke, rejoin, assign and first ' +
      'fetch all happen inside one paused poll(0.1). The callbacks reset the flag and drop the carried message, and the ' +
      'poll returns the re-fetched P0@10.',
    provenance: {
      kind: 'production',
      text: 'Reproduces the production crash behind arroyo bb3aaf5, 37848d8 and c5a035d.',
      refs: [
        'docs/real-code.md#eager-rebalance',
        'docs/real-code.md#paused-branch, #callbacks-and-close, #kafka-consumer, #rebalance-protocols, #synchronized-consumer',
        'arroyo bb3aaf5',
        'arroyo 37848d8',
        'arroyo c5a035d',
      ],
    },
    seedScenario:
      'Case 1 of the original bug report, normal rebalance (and case 2, external resume during rebalance, with the real SynchronizedConsumer)',
    params: rebalanceParams(
      {
        min: 1,
        max: 4,
        description: 'C owns P0 ... at the start; after D joins, C keeps the first half.',
      },
      {
        id: 'joinAtMs',
        label: 'Second member joins at',
        description: 'Nominal time member D joins. The paused poll runs from 10 to 110 ms.',
      },
    ),
    expected: {
      buggy:
        'AssertionError reachable: the paused poll returns P0@10 after the callbacks, and "assert polled is None" fails (the V1c pre-check ran before the poll and saw nothing).',
      'seed-fix':
        'Never crashes, never loses: the polled P0@10 becomes _message (nothing was carried any more) and is processed.',
      upstream:
        'Never crashes; message loss reachable: both asserts hold, the polled P0@10 is dropped although P0 is already at 11, and P0 -> 13 is committed without it.',
      correct: 'Never crashes, never loses: the polled P0@10 is kept as _message and processed.',
    },
  },
  REBALANCE_ACTORS,
);
