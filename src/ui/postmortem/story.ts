/**
 * The prose of a postmortem that does not come from the run itself: each
 * scenario's root cause, contributing factors, trigger and lessons, and what an
 * outcome does to the service. The run supplies the facts (times, steps, the
 * collision, the traceback, the counts); this file supplies the explanation, in
 * sentences that stand on their own (no references to documents a reader lacks).
 */
import type { InvariantId } from '../../engine/index.ts';

export interface ScenarioStory {
  readonly rootCause: string;
  readonly factors: readonly string[];
  /** What set the race off, in one or two sentences. */
  readonly trigger: string;
  /** The scenario in one or two sentences, when its catalogue summary leans on context a reader lacks. */
  readonly summary?: string;
}

const PAUSE_FACTORS_COMMON: readonly string[] = [
  'Rebalance callbacks run only inside `consumer.poll()`, on the main thread, so they re-enter `_run_once` in the middle of a call.',
  '`_close_processing_strategy` resets `__message`, `__is_paused` and the backpressure clock, so the callbacks rewrite the very state the paused branch relies on.',
];

export const SCENARIO_STORIES: Readonly<Record<string, ScenarioStory>> = {
  'pause-rebalance-eager': {
    rootCause:
      'The paused branch of `StreamProcessor._run_once` calls `poll(0.1)` and then assumes that a paused consumer cannot return a message. An eager rebalance runs its revoke and assign callbacks inside that very poll: they close the strategy, reset the processor, resume the newly assigned partition, and the first fetch lands before the deadline, so the poll returns the re-fetched message.',
    factors: [
      ...PAUSE_FACTORS_COMMON,
      'The consumer is not polled at all for the 5 s between the first rejection and the pause, so it is plausibly the last member to rejoin: its JoinGroup and SyncGroup complete at once, and revoke, assign and the first fetch fit in one 0.1 s poll.',
      'The check of `paused()` against `tell()` before the poll cannot see a rebalance that happens inside the poll.',
      "Sentry's SynchronizedConsumer lets the re-fetched message through when the followed group has already committed past it, which is typical when the follower lags under backpressure.",
    ],
    trigger:
      'A second member joins the consumer group while the processor is paused under backpressure, which starts an eager rebalance.',
  },
  'pause-rebalance-cooperative': {
    rootCause:
      'With the incremental protocol, an assign inside the paused poll runs `on_assign`, which closes the strategy (dropping the carried message) while the retained partitions keep their pause state and their positions. The poll then returns a message from the new partition: the old code crashes, and code that does not crash drops it and leaves the retained partitions paused while the flag says running.',
    factors: [
      ...PAUSE_FACTORS_COMMON,
      'Cooperative-sticky and KIP-848 rebalances revoke only what moves: retained partitions keep their pause state and position, so nothing rolls the dropped message back.',
      'Only a successful submit while paused resumes partitions; once the flag is False, that needs a new backpressure episode on the new partition.',
      'The SynchronizedConsumer never resumes partitions that are in its own paused set, so it cannot rescue them either.',
    ],
    trigger:
      'A partition is added to the consumer by an incremental (cooperative) rebalance while the processor is paused.',
  },
  'pause-revoke-cooperative': {
    rootCause:
      'An incremental revoke inside the paused poll runs `on_revoke`, which closes the strategy (dropping the carried message and clearing the flag) and recreates it for the retained partition, which stays paused at its position. No message is needed in the poll: the partition simply never delivers again.',
    factors: [
      ...PAUSE_FACTORS_COMMON,
      'It is reachable with current arroyo releases when the consumer uses `group.protocol=consumer` (KIP-848).',
      'Nothing crashes and nothing is logged: lag on the stuck partition is the only signal.',
    ],
    trigger:
      'A partition is taken from the consumer by an incremental (cooperative) rebalance while the processor is paused.',
  },
  'pause-external-resume': {
    rootCause:
      'A simplified SynchronizedConsumer resumes a partition the processor paused, with no rebalance, and the paused poll returns a message while another is still carried. The real SynchronizedConsumer subtracts its own paused set, which holds every partition the processor paused, so it can only resume partitions it paused itself: this path is a what-if, not what happened in production.',
    factors: [
      'The same exception has a different cause in production: a rebalance inside the paused poll.',
      'A fix that stores the polled message unconditionally overwrites a carried one, and clearing the flag leaves other partitions paused.',
    ],
    trigger:
      'The wrapping consumer resumes a partition on its own, because the group it follows has moved ahead.',
    summary:
      'A simplified SynchronizedConsumer resumes partitions the processor paused: after the leader commits P1, the next paused poll returns P1@20 with no rebalance, while P0@10 is still carried.',
  },
  'pause-invalid-message-stuck': {
    rootCause:
      'Before arroyo 2.20.9 a paused `StreamProcessor` resumed its partitions only after a successful submit of the message it carried. When that submit raised `InvalidMessage`, `_handle_invalid_message` dropped the message and returned with the processor still paused: with nothing carried there was never another submit, so nothing resumed P0 and P1. Commit c8bdbb9 (2.20.9) makes the handler resume a paused processor.',
    factors: [
      'Resuming was tied to one path, a successful submit; the InvalidMessage path left the processor without the message that path needs.',
      'The loop keeps running and each poll returns None, so the consumer looks alive: nothing raises and nothing is logged beyond the dropped message.',
      'A stuck detector that watches for a run that never starts would not fire: a run starts every second.',
    ],
    trigger:
      'The processing function rejects the carried message as invalid on the first submit after the downstream has room again, while the processor is paused.',
  },
  'pause-ready-to-continue': {
    rootCause:
      'There is no race here: the strategy becomes ready while the processor is paused, the next successful submit resumes every partition, and the SynchronizedConsumer resumes its inner consumer lazily once the leader is ahead. It is kept as a control for the fixes.',
    factors: ['It is the control case: every implementation should pass it.'],
    trigger: 'The strategy frees room while the processor is paused.',
  },
  'metrics-stuck-flush': {
    rootCause:
      "The stuck-detector thread added in arroyo 2.34.0 calls `incr_counter` and then `flush` on the MetricsBuffer that the main thread uses, with no lock. `flush` iterates the buffer's dicts; when the other thread inserts a key or clears the dict between two `next()` calls, CPython raises `RuntimeError: dictionary changed size during iteration`. Snapshotting the dicts stops the exception but not the race: an increment between the snapshot and the reset is lost.",
    factors: [
      'MetricsBuffer was written for one thread; its throttled record flushes in whichever thread made the increment that found the last flush more than 1 s old.',
      'The detector fires exactly when main has been away for long (a rebalance callback joining the strategy), which is when main is about to come back, increment and flush.',
      'Every loop iteration of `flush` calls the metrics backend: a call and usually GIL-releasing I/O, so a thread switch between two `next()` calls is realistic.',
      'The stress test that was meant to check the fix counted exceptions only; nobody checked that the counts were conserved.',
    ],
    trigger:
      'The main thread stays away from its loop longer than the stuck timeout, so the detector thread wakes, reports it and flushes the shared buffer while main comes back and records metrics.',
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

/** How an outcome gets noticed in production, for the Detection section. */
export const INVARIANT_DETECTION: Readonly<Record<InvariantId, string>> = {
  'message-loss':
    'Nothing raises and nothing is logged; only a reconciliation of produced against processed messages shows the gap.',
  'paused-forever':
    'Consumer lag on the paused partitions grows without bound while the process looks healthy.',
  'flag-consistency': 'No error is reported; the symptom is lag on the partitions left paused.',
  liveness: 'Lag grows on a partition that has messages to deliver.',
  'metrics-conservation':
    'Only a comparison of the metrics totals with an independent count (processed offsets, say) reveals it.',
  duplicate: 'Downstream consumers see the same message twice.',
  'carried-message': 'The symptom is a message processed out of place, or lost.',
};

export function crashImpact(type: string, actor: string, fatal: boolean): string {
  if (fatal) {
    return `The \`${actor}\` thread raised \`${type}\`. \`run()\` terminates the strategy, closes the consumer and re-raises: the consumer process dies. Its partitions return to the group, which rebalances again, and processing restarts from the last committed offsets.`;
  }
  return `Thread \`${actor}\` died of \`${type}\`, reported through \`threading.excepthook\` or Sentry's threading integration. The main thread carries on without it, so a later real hang of main goes unreported.`;
}

export function crashDetection(type: string, actor: string, fatal: boolean): string {
  return fatal
    ? `The process exits on an unhandled \`${type}\` from thread \`${actor}\`: error tracking (Sentry) records the traceback, and the orchestrator counts a restart.`
    : `Error tracking (Sentry) records an unhandled \`${type}\` in thread \`${actor}\`; the process keeps running, so no restart or health check notices.`;
}
