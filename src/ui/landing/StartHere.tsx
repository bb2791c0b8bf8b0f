/**
 * "Start here": one click from the landing page to a race condition at the moment it
 * crashes, with the two threads' code side by side and the timeline that led there.
 * The metrics race comes first (two threads, one dict: the quickest to grasp); the
 * pause race is the second choice.
 */
import { entryHash, METRICS_CRASH, PAUSE_CRASH } from './startHere.ts';

export function StartHere() {
  return (
    <section className="start-here" aria-labelledby="start-here-title">
      <h2 id="start-here-title">Start here</h2>
      <p>
        Two threads of a Kafka consumer share one Python dict. One walks through it while the other
        changes it, and Python stops the walk with an error. See the exact interleaving that crashed
        in production, then step back to see how it got there.
      </p>
      <p>
        <a className="start-link" href={entryHash(METRICS_CRASH)}>
          See the crash, step by step
        </a>
      </p>
      <p className="muted">
        Ends in <code>{METRICS_CRASH.error}</code>. Or open the other race at its crash:{' '}
        <a href={entryHash(PAUSE_CRASH)}>
          a rebalance inside a paused poll (<code>{PAUSE_CRASH.error}</code>)
        </a>
        .
      </p>
    </section>
  );
}
