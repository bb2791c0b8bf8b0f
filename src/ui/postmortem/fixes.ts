/**
 * What each implementation does, per race, and where it stands in arroyo's
 * history: the release that shipped it and the commit and pull request on
 * github.com (hashes checked against getsentry/arroyo's history).
 */
import type { VariantId } from '../../scenarios/index.ts';

export interface Release {
  readonly version: string;
  readonly commit: string;
  readonly pr: number;
  readonly what: string;
}

export interface FixStory {
  readonly does: string;
  /** The arroyo releases behind this implementation, oldest first; empty when no release does this. */
  readonly releases: readonly Release[];
}

const ARROYO = 'https://github.com/getsentry/arroyo';

export const commitUrl = (hash: string): string => `${ARROYO}/commit/${hash}`;
export const prUrl = (pr: number): string => `${ARROYO}/pull/${pr}`;

const PAUSE_FIXES: Readonly<Record<VariantId, FixStory>> = {
  buggy: {
    does: 'The paused branch polls with a 0.1 s timeout and asserts that the poll returned nothing.',
    releases: [
      {
        version: '2.32.2',
        commit: 'b013e69972234a29448ab2c4fbc0bc8b9ba681c8',
        pr: 500,
        what: 'the last release before the fix polls once while paused and asserts on the result',
      },
    ],
  },
  'seed-fix': {
    does: "Decides from the consumer's `paused()` set instead of asserting; a polled message clears the flag and becomes the carried message, replacing any carried one.",
    releases: [],
  },
  upstream: {
    does: "Asserts on the processor's own state instead of the poll result, then discards the polled message.",
    releases: [
      {
        version: '2.32.5',
        commit: 'c5a035df273696f4fb6132e22f36669668518d4b',
        pr: 504,
        what: 'adds this behaviour behind the `handle_poll_while_paused` flag, off by default',
      },
      {
        version: '2.33.0',
        commit: '8463385fb377685dc1a651133d3c589f4ad73df3',
        pr: 509,
        what: 'turns it on unconditionally',
      },
    ],
  },
  correct: {
    does: 'Keeps a polled message only when nothing is carried (a rebalance ran); otherwise seeks it back and pauses its partition again, then reconciles the flag with the paused partitions.',
    releases: [],
  },
};

const METRICS_FIXES: Readonly<Record<VariantId, FixStory>> = {
  buggy: {
    does: 'The stuck detector calls `incr_counter` and then `flush` on the MetricsBuffer the main thread uses, with no lock.',
    releases: [
      {
        version: '2.34.0',
        commit: '28847a6f0c72b3ce0bdc65959b29a6e73ee7c553',
        pr: 512,
        what: 'adds the stuck-detector thread that shares the buffer',
      },
    ],
  },
  'seed-fix': {
    does: 'Copies each dict with `list(d.items())` before the flush loops: the exception stops under a GIL, but an increment between a copy and the reset is still lost.',
    releases: [],
  },
  upstream: {
    does: 'The stuck detector sends its one counter straight to the metrics backend and never touches the shared buffer.',
    releases: [
      {
        version: '2.37.1',
        commit: 'e907f89ad01c644f6b328d1cac6d450ab2004934',
        pr: 517,
        what: 'makes the detector use the backend directly',
      },
    ],
  },
  correct: {
    does: "Both threads take a `threading.Lock` around every use of the buffer, so a flush never overlaps another thread's increment.",
    releases: [],
  },
};

export function fixStory(race: 'A' | 'B', variant: VariantId): FixStory {
  return (race === 'A' ? PAUSE_FIXES : METRICS_FIXES)[variant];
}

/** The release that fixed the race for good, for the Resolution and the action items. */
export function fixedIn(race: 'A' | 'B'): Release {
  const upstream = fixStory(race, 'upstream').releases;
  return upstream[upstream.length - 1] as Release;
}
