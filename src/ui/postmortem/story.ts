/**
 * The prose of a postmortem that does not come from the run itself: what each
 * outcome does to the consumer, and each scenario's root cause and contributing
 * factors, written from reference-model.md (sections named in brackets). The run
 * supplies the facts (times, steps, traceback, counts); this file supplies the
 * explanation, so the document reads like a postmortem rather than a log.
 */
import type { InvariantId } from '../../engine/index.ts';

export interface ScenarioStory {
  readonly rootCause: string;
  readonly factors: readonly string[];
}

const PAUSE_FACTORS_COMMON: readonly string[] = [
  'Rebalance callbacks are delivered only inside `consumer.poll()`, on the main thread, so they re-enter `_run_once` in the middle of a call [1.3, 2.2].',
  '`_close_processing_strategy` resets `__message`, `__is_paused` and the backpressure clock (since 2023, before V1): the callbacks rewrite the state the paused branch relies on [1.4].',
];

export const SCENARIO_STORIES: Readonly<Record<string, ScenarioStory>> = {
  'pause-rebalance-eager': {
    rootCause:
      "The paused branch of `StreamProcessor._run_once` calls `poll(0.1)` and then assumes a paused consumer cannot return a message. An eager rebalance runs its revoke and assign callbacks inside that very poll: they close the strategy, reset the processor's state, resume the newly assigned partition, and the first fetch lands before the poll's deadline, so the poll returns the re-fetched message [4.2]. Versions V1 to V2 assert on the poll's result and crash; V3 with the flag on and later assert on the processor's state, pass, and discard the message.",
    factors: [
      ...PAUSE_FACTORS_COMMON,
      'The consumer is not polled at all for the 5 s between the first rejection and the pause, so it is plausibly the last member to rejoin, and its JoinGroup and SyncGroup complete at once: revoke, assign and first fetch fit in one 0.1 s poll (an inference, [2.2]).',
      'The V1c pre-check compares `paused()` with `tell()` before the poll; it cannot see a rebalance that happens inside it [1.3].',
      "SynchronizedConsumer's gate passes the re-fetched message when the followed group has already committed past it, typical when the follower lags under backpressure [3, 4.4].",
    ],
  },
  'pause-rebalance-cooperative': {
    rootCause:
      'With the incremental protocol, an assign inside the paused poll runs `on_assign`, which closes the strategy (dropping the carried message) while the retained partitions keep their pause state and their positions. The poll then returns a message from the new partition [4.3]: the old code crashes, and code that does not crash drops it, loses the carried message past its offset, and leaves the retained partitions paused while the flag says running.',
    factors: [
      ...PAUSE_FACTORS_COMMON,
      'Cooperative-sticky and KIP-848 revoke only what moves: retained partitions keep their pause state and position, so nothing rolls the dropped message back [2.2].',
      'Only a successful submit while paused resumes partitions; with the flag False, that needs a new backpressure episode on the new partition [4.3].',
      'The SynchronizedConsumer never resumes partitions that are in its own `_paused` set, so it cannot rescue them either [3].',
    ],
  },
  'pause-revoke-cooperative': {
    rootCause:
      "An incremental revoke inside the paused poll runs `on_revoke`, which closes the strategy (dropping the carried message and clearing the flag) and recreates it for the retained partition, which stays paused at its position [4.3, I2']. No message is needed in the poll: the partition simply never delivers again.",
    factors: [
      ...PAUSE_FACTORS_COMMON,
      'Reachable at arroyo HEAD with `group.protocol=consumer` (KIP-848) [2.3].',
      'Nothing crashes and nothing is logged: lag on the stuck partition is the only signal.',
    ],
  },
  'pause-external-resume': {
    rootCause:
      'What-if, not reachable with the real SynchronizedConsumer: a simplified SynchronizedConsumer resumes a partition the processor paused, with no rebalance, and the paused poll returns a message while another is still carried [4.4, I3]. The real SynchronizedConsumer subtracts its own `_paused` set, which holds every partition the processor paused, so it can only resume partitions it paused itself [3].',
    factors: [
      'The seed write-up attributed the production crash to the SynchronizedConsumer; the same exception has a different cause in production (a rebalance inside the paused poll) [4.2].',
      'A fix that stores the polled message unconditionally overwrites a carried one, and clearing the flag leaves other partitions paused [4.5].',
    ],
  },
  'pause-ready-to-continue': {
    rootCause:
      'No race here: the strategy becomes ready while the processor is paused, the next successful submit resumes every partition, and with the SynchronizedConsumer the inner consumer resumes lazily once the leader is ahead [4.6]. It is kept as a control for the fixes.',
    factors: ['The seed\'s fourth verification scenario ("ready to continue").'],
  },
  'metrics-stuck-flush': {
    rootCause:
      "The stuck-detector thread added in arroyo 2.34.0 calls `incr_counter` and then `flush` on the MetricsBuffer the main thread uses, with no lock. `flush` iterates the buffer's dicts; when the other thread inserts a key or clears the dict between two `next()` calls, CPython raises `RuntimeError: dictionary changed size during iteration` [5.1, 5.2, 5.4]. Snapshotting the dicts stops the exception but not the race: an increment between the snapshot and the reset is lost [5.5].",
    factors: [
      'MetricsBuffer was written for one thread; `__throttled_record` flushes in whichever thread made the increment that found the last flush more than 1 s old [5.1].',
      'The detector fires exactly when main has been away long (a rebalance callback joining the strategy), which is when main is about to come back and increment, and flush [5.1].',
      'Every loop iteration of `flush` calls the metrics backend: a call and usually GIL-releasing I/O, so a thread switch between two `next()` calls is realistic [5.3].',
      "The seed's stress test counted exceptions only; conservation of the counts was never checked [5.5].",
    ],
  },
};

/** What an outcome does to the service, for the Impact section. */
export const INVARIANT_IMPACT: Readonly<Record<InvariantId, string>> = {
  'message-loss':
    'A message was read and never processed while its partition stayed assigned past it: at-least-once delivery is broken, silently.',
  'paused-forever':
    'Partitions stay paused with nobody left to resume them: the consumer stops consuming them and their lag grows until someone restarts it.',
  'flag-consistency':
    "The processor's paused flag disagrees with the consumer's paused partitions, so the code that should resume them never runs.",
  liveness:
    'A partition that could deliver (the strategy had room, the leader was ahead) did not within the bound.',
  'metrics-conservation':
    'The metrics backend received wrong totals (lost or double-counted increments): dashboards and alerts built on them are wrong, with no error anywhere.',
  duplicate: 'A message was processed twice without a rollback to explain it.',
  'carried-message':
    "The carried message does not belong to an assigned partition at the consumer's position.",
};

export function crashImpact(type: string, actor: string, fatal: boolean): string {
  if (fatal) {
    return `The \`${actor}\` thread raised \`${type}\`. \`run()\` terminates the strategy, closes the consumer and re-raises: **the consumer process dies**. Its partitions return to the group, which rebalances again, and processing restarts from the last committed offsets.`;
  }
  return `Thread \`${actor}\` died of \`${type}\` (reported through \`threading.excepthook\` or Sentry's threading integration). The main thread carries on, without it: a later real hang of main goes unreported.`;
}
