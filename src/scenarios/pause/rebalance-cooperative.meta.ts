/** The metadata of pause-rebalance-cooperative (the build is in rebalance-cooperative.ts). */
import { pauseMeta, REBALANCE_ACTORS, rebalanceParams } from './params.ts';

export const PAUSE_REBALANCE_COOPERATIVE_META = pauseMeta(
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
      refs: [
        'docs/real-code.md#incremental-assign',
        'docs/real-code.md#protocol-by-release',
        'arroyo 8ba2e54',
      ],
    },
    seedScenario:
      'Case 3 of the original bug report, partial resume (and case 2 with the real SynchronizedConsumer)',
    params: rebalanceParams(
      {
        min: 1,
        max: 3,
        description: 'C owns P0 ... at the start; D owns one more partition, which moves to C.',
      },
      {
        id: 'leaveAtMs',
        label: 'Member D leaves at',
        description: 'Nominal time member D leaves. The paused poll runs from 10 to 110 ms.',
      },
    ),
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
  REBALANCE_ACTORS,
);
