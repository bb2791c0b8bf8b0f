/**
 * What the collision analysis says about a failed run: the two sides of the
 * race, each a step of one thread at one line of the model listing, in plain
 * words. Steps follow steps.ts: `step` is the shown step (record index + 1).
 */
import type { ActorId, Crash, Program, StepRecord, Violation } from '../engine/index.ts';

export interface CodeRef {
  readonly listing: string;
  /** 1-based line of the listing. */
  readonly line: number;
  readonly text: string;
  /** The enclosing Python function, or '' at module level. */
  readonly fn: string;
}

export interface CollisionSide {
  readonly actor: ActorId;
  /** The shown step: the step this thread took (the state right after it). */
  readonly step: number;
  readonly code: CodeRef | null;
  /** What happened, in plain words, without line or step: "stuck asks the counters iterator for its next item". */
  readonly action: string;
}

export type CollisionKind =
  /** A dict's size changed under another thread's items iterator. */
  | 'dict-resize'
  /** The consumer handed a message to, or unpaused under, a processor that had paused. */
  | 'paused-poll'
  /** A buffered increment was cleared or overwritten before anyone sent it. */
  | 'lost-increment'
  /** A message that was read was dropped without being processed. */
  | 'lost-message'
  /** A paused processor dropped what it carried and nothing ever resumed it: a hang. */
  | 'stuck-paused'
  /** A thread's write to shared state was overwritten before it acted on it. */
  | 'state-write';

export interface Collision {
  readonly kind: CollisionKind;
  /** The outcome key this explains (`crash:RuntimeError@stuck`, `violation:message-loss`, ...). */
  readonly outcome: string;
  /** The shown step at which the outcome holds (the crash, or the broken invariant found). */
  readonly outcomeStep: number;
  /** The side that failed or lost data. */
  readonly victim: CollisionSide;
  /** The other side: the step that changed what the victim relied on. */
  readonly culprit: CollisionSide;
  /** Further steps of the same story (the assign and the first fetch of a rebalance, ...). */
  readonly related: readonly CollisionSide[];
  /** What to call each side in a heading, for this kind. */
  readonly roles: { readonly victim: string; readonly culprit: string };
  /** One or two sentences naming both sides. */
  readonly summary: string;
  /** A few words for the timeline's arrow from the culprit to the victim. */
  readonly arrowLabel: string;
}

/** What the analysis reads: a finished (or stopped) run, from the engine's own data. */
export interface CollisionInput {
  readonly program: Pick<Program<unknown>, 'listings'>;
  /** Every step record of the run from step 0 (`run.records(0, run.length)`). */
  readonly records: readonly StepRecord[];
  readonly crashes: readonly Pick<Crash, 'type' | 'actor' | 'step' | 'message'>[];
  readonly violations: readonly Pick<Violation, 'invariant' | 'step' | 'detail'>[];
}
