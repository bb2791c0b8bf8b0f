/**
 * The action items and lessons a postmortem of each race proposes. Written once
 * per race: they follow from the root cause, not from one run.
 */
import { fixedIn } from './fixes.ts';

export function actionItemsOf(race: 'A' | 'B'): string[] {
  const release = fixedIn(race).version;
  if (race === 'A') {
    return [
      `Upgrade arroyo to ${release} or later on every consumer that pauses under backpressure.`,
      'Alert on consumer lag per partition, so a partition left paused is seen within minutes.',
      'Reconcile produced and processed offsets for one topic daily, to catch silent message loss.',
      'Add a test that runs a rebalance inside the paused poll, for the eager and the cooperative protocols.',
    ];
  }
  return [
    `Upgrade arroyo to ${release} or later.`,
    'Make every metrics buffer shared between threads take a lock, or give each thread its own buffer.',
    'Compare metrics totals with processed offsets in a periodic check, so lost increments raise an alert.',
    'Extend the stress test to check that counts are conserved, not only that nothing raises.',
  ];
}

export function lessonsOf(race: 'A' | 'B'): string[] {
  if (race === 'A') {
    return [
      'A callback that runs inside `poll()` can change any state the caller read before the call; re-read it afterwards instead of asserting on it.',
      'Removing a crash is not fixing the race: the fix that stopped the `AssertionError` can still drop a message without a word.',
      'Count every schedule, not a handful of runs: the failing interleavings are rare in tests and common in production.',
    ];
  }
  return [
    'An object written for one thread stays single-threaded after a second thread starts using it; the new thread must not share it without a lock.',
    'Under a GIL a dict can still change between two `next()` calls of a Python loop: only a single C call is atomic.',
    'A test that counts exceptions misses lost data; check the invariant (totals conserved) instead.',
  ];
}
