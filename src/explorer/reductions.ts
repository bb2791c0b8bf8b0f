/**
 * Partial-order reduction for the explorer (explore.ts explains when it pays):
 * Godefroid's sleep sets with a dynamic independence relation. Two threads are
 * independent at a state when both orders of their next steps are possible and
 * reach the same world, compared without `lastThread`; the kernel has no
 * read/write footprints, so this runs both orders. Sleep sets are bit masks over
 * thread indices.
 */
import { enabledThreads, stepWorld, type StepOptions } from '../engine/kernel.ts';
import { clonePlain } from '../engine/plain.ts';
import type { Program, World } from '../engine/types.ts';
import { fastHash } from '../engine/hash.ts';

export type Reduction = 'none' | 'sleep-sets';

export const REDUCTIONS: readonly Reduction[] = ['none', 'sleep-sets'];

/** Most threads the sleep-set reduction handles: its sets are the low 31 bits of an integer. */
export const MAX_SLEEP_SET_THREADS = 31;

/** What sleep sets read and keep at a choice point. */
export interface SleepFrame<S> {
  readonly world: World<S>;
  /** Threads asleep here (bit mask). */
  readonly sleep: number;
  /** Children explored so far (bit mask). */
  explored: number;
  /** Independence of thread pairs at this world, as computed. */
  independence: Map<number, boolean> | null;
}

const NO_LAST_THREAD: ReadonlySet<string> = new Set(['lastThread']);

export class SleepSets<S> {
  /** Kernel steps spent checking independence. */
  steps = 0;

  constructor(
    private readonly program: Program<S>,
    private readonly stepOptions: StepOptions,
  ) {
    if (program.actors.length > MAX_SLEEP_SET_THREADS)
      throw new Error(
        `sleep sets are bit masks of at most ${MAX_SLEEP_SET_THREADS} threads, this program has ${program.actors.length}`,
      );
  }

  /** The threads asleep in the child reached by `thread`. */
  childSleep(frame: SleepFrame<S>, thread: number): number {
    let out = 0;
    const candidates = frame.sleep | frame.explored;
    for (let u = 0; u < MAX_SLEEP_SET_THREADS; u++) {
      if (u === thread || !(candidates & (1 << u))) continue;
      if (this.independent(frame, thread, u)) out |= 1 << u;
    }
    return out;
  }

  /** Whether the next steps of `t` and `u` commute at the frame's world (checked by running both orders). */
  private independent(frame: SleepFrame<S>, t: number, u: number): boolean {
    const pair = t < u ? t * 32 + u : u * 32 + t;
    frame.independence ??= new Map();
    const known = frame.independence.get(pair);
    if (known !== undefined) return known;
    const a = this.both(frame.world, t, u);
    const b = a === null ? null : this.both(frame.world, u, t);
    const result = a !== null && a === b;
    frame.independence.set(pair, result);
    return result;
  }

  /** Hash (without lastThread) after `first` then `second`, or null if `second` cannot follow. */
  private both(world: World<S>, first: number, second: number): number | null {
    const w = clonePlain(world);
    stepWorld(this.program, w, first, this.stepOptions);
    if (!enabledThreads(this.program, w).includes(second)) return null;
    stepWorld(this.program, w, second, this.stepOptions);
    this.steps += 2;
    return fastHash(w, NO_LAST_THREAD);
  }
}
