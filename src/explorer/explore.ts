/**
 * Systematic exploration of a program's schedules: every schedule within the
 * bounds, exact counts per outcome, and the minimal counterexample per outcome.
 *
 * Search. Depth-first over the choice points (steps where more than one
 * thread may run), natural choice first, bounded by the number of deviations
 * from the natural schedule: delay bounding (Emmi, Qadeer and Rakamarić, POPL
 * 2011), the timed cousin of CHESS's preemption bound. A natural run has 0
 * preemptions. The search is an explicit stack, not recursion, so it can run
 * in slices (`Exploration.runFor`) inside a Web Worker between cancel messages
 * and never overflows the JS stack on long runs.
 *
 * Visited states. Choice points are memoised by (world hash, remaining
 * budget): the subtree below a state is the same whichever path reached it, so
 * its summary (schedules, counts per outcome, minimal path per outcome) is
 * computed once and reused. Counts are therefore exact numbers of schedules
 * even though each distinct state is expanded once, and commuting orders of
 * independent steps cost nothing beyond the hash lookup where they meet again.
 * Summaries are also stored at the state right after each branch step, so
 * paths that converge there skip the forced steps that follow. With no
 * budget left, the rest of a schedule is the natural run: it is run straight
 * to the end and stored once. Counts are floating-point numbers: exact up to
 * 2^53 (the report says whether they are), approximate beyond, which only
 * unbounded searches of the metrics scenario reach (about 10^13 to 10^27).
 *
 * Partial-order reduction. `reduction: 'sleep-sets'` adds Godefroid's sleep
 * sets with a dynamic (conditional) independence relation: two threads are
 * independent at a state when both orders of their next steps are possible
 * and reach the same world (compared without `lastThread`). The kernel has no
 * read/write footprints, so this is checked by running both orders: four
 * extra steps and two hashes per pair at every choice point. Sleep sets prune
 * transitions, not states, and the memo already merges commuting orders, so
 * what they save is re-running subtrees whose roots differ only in the order
 * of independent steps. Measured (CPU time, py311 unless noted): on the pause
 * scenarios explored completely they pay a little (pause-ready-to-continue
 * buggy 0.91 s -> 0.49 s, pause-external-resume correct 2.45 s -> 1.53 s);
 * on metrics-stuck-flush under its bound of 2 they cost (buggy 0.58 s ->
 * 1.13 s, py39 0.55 s -> 3.6 s), because the sleep set becomes part of the
 * memo key and the budget-0 natural tails can no longer be run as one
 * straight line. So the default is no reduction, and `schedules` then counts
 * every interleaving; with sleep sets it counts one schedule per class of
 * equivalent interleavings (Mazurkiewicz trace) that the search kept.
 * Caveat: sleep sets are outcome-complete for the unbounded search; under a
 * finite preemption bound the one representative of a class they keep may
 * cost more deviations than a pruned member, so a bounded reduced search can
 * in principle miss an outcome the unreduced bounded search finds (it never
 * did in the tests, which compare both against naive enumeration, nor on the
 * real scenarios). Without reduction there is no such caveat: `complete`
 * means every schedule within the bound was counted.
 *
 * Minimal counterexamples. For each outcome key the explorer keeps the path
 * with the fewest deviations, then the fewest steps, where the steps stop at
 * the first step at which the outcome holds (a crash at step 37 is a 37-step
 * schedule even if the run went on). `ms` uses the wall clock: the explorer is
 * a tool around the engine, not part of it.
 */
import type { SwitchMode, Program } from '../engine/types.ts';
import { Exploration } from './search.ts';
import type { Reduction } from './reductions.ts';

export { Exploration } from './search.ts';
export { MAX_SLEEP_SET_THREADS, REDUCTIONS, type Reduction } from './reductions.ts';

export interface ExploreOptions {
  /** Most deviations from the natural schedule a schedule may make. Default 2; Infinity for all. */
  readonly preemptions?: number;
  /** Stop (incomplete) after this many distinct states. Default 2,000,000. */
  readonly maxStates?: number;
  /** Stop (incomplete) after this much search time, in milliseconds. Default: no limit. */
  readonly maxMs?: number;
  /** Partial-order reduction. Default 'none'. */
  readonly reduction?: Reduction;
  /** Called about every `progressEveryMs` with the running totals. */
  readonly onProgress?: (progress: ExploreProgress) => void;
  readonly progressEveryMs?: number;
  /** Polled about every millisecond; returning true stops the search (incomplete, 'cancelled'). */
  readonly shouldStop?: () => boolean;
  /** Called the first time each outcome key is reached, with a schedule that reaches it. */
  readonly onFound?: (key: string, path: MinimalPath) => void;
}

export interface MinimalPath {
  /** [choice point, thread index] pairs: the schedule's deviations. */
  readonly deviations: readonly (readonly [number, number])[];
  /** Steps up to and including the first step at which the outcome holds. */
  readonly steps: number;
  readonly preemptions: number;
}

export interface ExploreProgress {
  /** Schedules counted so far (exact for the subtrees finished so far). */
  readonly schedules: number;
  readonly states: number;
  /** Kernel steps executed so far. */
  readonly steps: number;
  readonly ms: number;
  readonly statesPerSecond: number;
  readonly crashing: number;
  readonly violating: number;
  readonly byOutcome: Readonly<Record<string, number>>;
}

export type StopReason = 'max-states' | 'time-limit' | 'cancelled';

export interface ExploreResult {
  /** True only when every schedule within the bounds was covered. */
  readonly complete: boolean;
  readonly stopped: StopReason | null;
  readonly preemptionBound: number;
  readonly reduction: Reduction;
  /** Schedules covered (all of them when complete; a lower bound otherwise). */
  readonly schedules: number;
  /** Distinct (state, remaining budget) choice points expanded. */
  readonly states: number;
  /** Kernel steps executed. */
  readonly steps: number;
  /** Schedules in which some thread crashed. */
  readonly crashing: number;
  /** Schedules that broke at least one invariant. */
  readonly violating: number;
  /** Schedules per outcome key; one schedule can count under several keys. */
  readonly byOutcome: Readonly<Record<string, number>>;
  readonly minimal: Readonly<Record<string, MinimalPath>>;
  readonly ms: number;
}

/** Explores every schedule within the bounds, synchronously. */
export function explore<S>(
  program: Program<S>,
  gil: SwitchMode,
  options: ExploreOptions = {},
): ExploreResult {
  const exploration = new Exploration(program, gil, options);
  exploration.runFor(Infinity);
  return exploration.result();
}
