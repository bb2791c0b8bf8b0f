/** The metadata of pause-revoke-cooperative (the build is in revoke-cooperative.ts). */
import { pauseMeta, REBALANCE_ACTORS, rebalanceParams } from './params.ts';

export const PAUSE_REVOKE_COOPERATIVE_META = pauseMeta(
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
      refs: [
        'docs/real-code.md#incremental-revoke',
        'docs/real-code.md#protocol-by-release',
        'arroyo 62145b8',
      ],
    },
    seedScenario: 'Case 3 of the original bug report, partial resume',
    params: rebalanceParams(
      {
        min: 2,
        max: 4,
        description: 'C owns P0 ... at the start; D takes its share when it joins.',
      },
      {
        id: 'joinAtMs',
        label: 'Member D joins at',
        description: 'Nominal time member D joins. The paused poll runs from 10 to 110 ms.',
      },
    ),
    expected: {
      buggy:
        'No crash; the carried P0@10 is lost and P0 is paused forever (the flag says running, SC keeps P0 in its _paused).',
      'seed-fix':
        "Engine decides (measured): the same as buggy; the write-up's fix only acts on a rejected submit, and the new strategy never rejects.",
      upstream: 'Same as buggy: no crash, the carried message is lost, P0 is paused forever.',
      correct:
        'No loss, nothing paused forever: close rewinds P0 to 10, and reconcile resumes P0 after the poll.',
    },
  },
  REBALANCE_ACTORS,
);
