/**
 * arroyo's releases, mapped piece by piece to the code the engine models.
 * This table is the one thing written by hand (read in getsentry/arroyo's git
 * history: docs/releases.md says how); everything a release "reaches" is
 * computed from it by the explorer (reach.ts, reached.data.ts).
 *
 * A row is a release in which one of the modelled pieces changed, plus the
 * newest release. Every arroyo release between two rows has the same code
 * for these pieces as the older row (the history is linear: every later tag
 * contains each change), which is why a version between two rows is answered
 * as the older one.
 */
import type { VariantId } from '../scenarios/types.ts';

export const ARROYO_REPO = 'https://github.com/getsentry/arroyo';

/** A commit in getsentry/arroyo and the pull request that merged it. */
export interface Change {
  readonly commit: string;
  readonly pr: number;
  readonly title: string;
  /** What it changed in the modelled code, in our words. */
  readonly effect: string;
}

/**
 * The processor's paused branch (docs/real-code.md#paused-branch) as one of the
 * modelled listings, or not modelled at all (then why).
 */
export type PausedBranch =
  | {
      readonly variant: VariantId;
      readonly note: string | null;
      /** A non-default setting that changes the branch to another listing. */
      readonly option: { readonly setting: string; readonly variant: VariantId } | null;
    }
  | { readonly variant: null; readonly reason: string };

export interface ReleaseCode {
  readonly pausedBranch: PausedBranch;
  /** `except InvalidMessage` resumes a paused consumer (c8bdbb9). */
  readonly invalidMessageResumes: boolean;
  /**
   * The KafkaConsumer wrapper's assign and pause: which configuration gives
   * incremental assignment (null: eager only). The wrapper's resume on assign
   * and seek after pause are the same in every release here.
   */
  readonly incrementalWith: string | null;
  /**
   * The stuck detector: null when the release has none; `buggy` when it
   * increments and flushes the shared MetricsBuffer (28847a6), `upstream`
   * when it increments the metrics backend directly (e907f89). The
   * MetricsBuffer class itself is the same text in every release here.
   */
  readonly stuckDetector: VariantId | null;
}

export interface Release {
  readonly version: string;
  /** The commit the release's tag points at. */
  readonly tagCommit: string;
  readonly date: string;
  /** The change(s) that make this release a row; empty for the newest release. */
  readonly changes: readonly Change[];
  readonly code: ReleaseCode;
}

const PRE_CHECK_NOTE =
  'No pre-check yet (bb3aaf5 added it in 2.19.8). The listing shown has it; the explorer finds that the pre-check never ' +
  'fires in any scenario, so the outcomes are those of this code (checked by src/releases/precheck.test.ts).';

const V1: ReleaseCode = {
  pausedBranch: { variant: 'buggy', note: PRE_CHECK_NOTE, option: null },
  invalidMessageResumes: false,
  incrementalWith: null,
  stuckDetector: null,
};

function after(base: ReleaseCode, change: Partial<ReleaseCode>): ReleaseCode {
  return { ...base, ...change };
}

const R2_19_6 = after(V1, {
  incrementalWith: 'partition.assignment.strategy=cooperative-sticky or group.protocol=consumer',
});
const R2_19_8 = after(R2_19_6, {
  pausedBranch: { variant: 'buggy', note: null, option: null },
});
const R2_19_10 = after(R2_19_8, {
  incrementalWith: 'partition.assignment.strategy=cooperative-sticky',
});
const R2_20_9 = after(R2_19_10, { invalidMessageResumes: true });
const R2_32_0 = after(R2_20_9, {
  pausedBranch: {
    variant: null,
    reason:
      'In 2.32.0 and 2.32.1 the paused branch polls twice (37848d8): it logs and drops whatever the first poll(0.1) returns, ' +
      'then asserts that a second poll(0.1) returns None. No modelled listing does that, so these releases are not ' +
      "modelled for race A; expect 2.33.0's silent drop on the first poll and 2.32.2's AssertionError on the second.",
  },
});
const R2_32_2 = after(R2_20_9, {});
const R2_32_5 = after(R2_32_2, {
  pausedBranch: {
    variant: 'buggy',
    note: 'handle_poll_while_paused is False by default, which keeps the 2.32.2 branch.',
    option: { setting: 'handle_poll_while_paused=True', variant: 'upstream' },
  },
});
const R2_33_0 = after(R2_32_5, {
  pausedBranch: { variant: 'upstream', note: null, option: null },
});
const R2_34_0 = after(R2_33_0, { stuckDetector: 'buggy' });
const R2_37_1 = after(R2_34_0, { stuckDetector: 'upstream' });
const R2_38_3 = after(R2_37_1, {
  incrementalWith: 'partition.assignment.strategy=cooperative-sticky or group.protocol=consumer',
});
const R2_38_5 = after(R2_38_3, { incrementalWith: 'group.protocol=consumer (KIP-848)' });

/** Oldest first. */
export const RELEASES: readonly Release[] = [
  {
    version: '2.18.2',
    tagCommit: '83a7a9b1bd6133d4fd69dd6dc7c1ac4c9932790f',
    date: '2024-11-22',
    changes: [
      {
        commit: '3b4045442a78be9724de69b240574309aadbc9e8',
        pr: 391,
        title: 'fix: avoid partition revocation on paused consumers',
        effect:
          'The paused branch polls with 0.1 s (to stay in the group) and asserts the poll returned None. Eager protocol only.',
      },
    ],
    code: V1,
  },
  {
    version: '2.19.6',
    tagCommit: '2ce8f1c3d7093a400ea8bccf907b412a30023087',
    date: '2024-12-17',
    changes: [
      {
        commit: '8ba2e54a306b69ec46b0b2ee0b2079c09927d759',
        pr: 407,
        title: 'feat: Initial support for cooperative-sticky rebalancing',
        effect:
          'Incremental assignment, and on_assign builds the strategy for everything in tell(): the cooperative scenarios exist from here.',
      },
    ],
    code: R2_19_6,
  },
  {
    version: '2.19.8',
    tagCommit: 'dd6aef6d6e1a8522fb3f16fe659f90cb08aa1433',
    date: '2024-12-19',
    changes: [
      {
        commit: 'bb3aaf57a7496b9cd99ba726307a13338de05b91',
        pr: 412,
        title: "fix: Avoid polling the consumer if it says it's paused",
        effect:
          'A pre-check of paused() against tell() before the asserting poll. It cannot see a rebalance that happens inside the poll.',
      },
    ],
    code: R2_19_8,
  },
  {
    version: '2.19.10',
    tagCommit: '9b049ce6f8822286fb7bd906bd462b1feba7ad4e',
    date: '2025-01-10',
    changes: [
      {
        commit: '354a5b7dd4e21005f50bb71ef48bd0054e235475',
        pr: 419,
        title: 'fix: Rebalancing fixes for kip-848',
        effect: 'Incremental assignment only with cooperative-sticky; KIP-848 uses a plain assign.',
      },
    ],
    code: R2_19_10,
  },
  {
    version: '2.20.9',
    tagCommit: '455e3862dbc345d350e274c562a78f4018798691',
    date: '2025-04-08',
    changes: [
      {
        commit: 'c8bdbb9e875f344503d5f110daa71546c345cb42',
        pr: 445,
        title: "inc-fix: Don't make a paused consumer stuck when dealing with InvalidMessage",
        effect:
          'InvalidMessage from submit resumes a paused consumer. Before it the consumer stayed paused forever (#444 is the test that showed it; #443 an earlier attempt).',
      },
    ],
    code: R2_20_9,
  },
  {
    version: '2.32.0',
    tagCommit: 'fa1b5ea4eefb848442b902e64ac9e0935b07717c',
    date: '2025-11-04',
    changes: [
      {
        commit: '37848d8196a7382306a0dfc8b757503c16a8299b',
        pr: 497,
        title: 'add logging before consumer poll assertion fails',
        effect:
          'The paused branch polls twice: it logs the first result and asserts on the second.',
      },
    ],
    code: R2_32_0,
  },
  {
    version: '2.32.2',
    tagCommit: 'feea3c510a75453b1e3a6e8f3591461b0b36cd2c',
    date: '2025-11-04',
    changes: [
      {
        commit: 'b013e69972234a29448ab2c4fbc0bc8b9ba681c8',
        pr: 500,
        title: 'only call once',
        effect: 'Back to one poll(0.1), asserting it returned None.',
      },
    ],
    code: R2_32_2,
  },
  {
    version: '2.32.5',
    tagCommit: 'b7efb295dffa458785ffa68f8f961b1d126d0618',
    date: '2025-11-11',
    changes: [
      {
        commit: 'c5a035df273696f4fb6132e22f36669668518d4b',
        pr: 504,
        title: 'fix(processor): address new partition after poll',
        effect:
          "A handle_poll_while_paused setting, off by default. On, the asserts check the processor's state and the polled message is discarded.",
      },
    ],
    code: R2_32_5,
  },
  {
    version: '2.33.0',
    tagCommit: '270a12e2f436e0aef9974f36177da6d8de052709',
    date: '2025-11-12',
    changes: [
      {
        commit: '8463385fb377685dc1a651133d3c589f4ad73df3',
        pr: 509,
        title: 'ref(processor): Turn on handle_poll_while_paused unconditionally',
        effect: 'The 2.32.5 setting is always on and removed.',
      },
    ],
    code: R2_33_0,
  },
  {
    version: '2.34.0',
    tagCommit: '5a2aa84556d3f23024bd500c2dd86c3868f9b143',
    date: '2025-12-02',
    changes: [
      {
        commit: '28847a6f0c72b3ce0bdc65959b29a6e73ee7c553',
        pr: 512,
        title: 'ref: Stuck detector',
        effect:
          'An optional stuck-detector thread (stuck_detector_timeout) that increments and flushes the shared MetricsBuffer.',
      },
    ],
    code: R2_34_0,
  },
  {
    version: '2.37.1',
    tagCommit: 'da71d92fead5fb89e240c67f65cd87beaed00864',
    date: '2026-01-29',
    changes: [
      {
        commit: 'e907f89ad01c644f6b328d1cac6d450ab2004934',
        pr: 517,
        title: 'fix(stuck-detector): Use metrics directly',
        effect:
          'The stuck detector increments the metrics backend and no longer touches the buffer.',
      },
    ],
    code: R2_37_1,
  },
  {
    version: '2.38.3',
    tagCommit: '0878062c785a0aec5361b4161536152c7f1beee2',
    date: '2026-03-04',
    changes: [
      {
        commit: '2e5e0cd7efca6655dcbb7b65cfe13b183bf053b2',
        pr: 523,
        title: 'fix(confluent): Upgrade confluent-kafka and fix kip-848 bugs',
        effect: 'Incremental assignment with cooperative-sticky and with KIP-848 again.',
      },
    ],
    code: R2_38_3,
  },
  {
    version: '2.38.5',
    tagCommit: 'a4eb06a82574046d0866db2d9664f2d39309ea45',
    date: '2026-03-27',
    changes: [
      {
        commit: '62145b806c9d6568c39496fbe813a631400ec6db',
        pr: 525,
        title: 'fix(confluent): Fix KIP-848 consumer assignment and seek handling',
        effect:
          'incremental_assign only for KIP-848, inside the assign callback before the resume; classic cooperative-sticky gets a plain assign.',
      },
    ],
    code: R2_38_5,
  },
  {
    version: '2.42.2',
    tagCommit: '84e4a537011e19576f91e37e8de1d2440ea17464',
    date: '2026-08-05',
    changes: [],
    code: R2_38_5,
  },
];

/** The newest release's code as merged on main (the tag's merge commit, same tree). */
export const NEWEST_MAIN_COMMIT = '1fa57c44d9f8a515bc9e0b76687b7e1a76c404d6';

export function commitUrl(commit: string): string {
  return `${ARROYO_REPO}/commit/${commit}`;
}

export function pullUrl(pr: number): string {
  return `${ARROYO_REPO}/pull/${pr}`;
}

export function tagUrl(version: string): string {
  return `${ARROYO_REPO}/releases/tag/${version}`;
}

export function shortCommit(commit: string): string {
  return commit.slice(0, 7);
}
