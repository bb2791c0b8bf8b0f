/**
 * Manual scheduling: the person (or a test) names the thread that steps next,
 * as in Deadlock Empire. With nothing named, or a thread that cannot step,
 * it falls back to the natural choice so that "step" always does something.
 */
import type { Program, World } from '../types.ts';
import { naturalChoice } from './natural.ts';
import type { Scheduler } from './scheduler.ts';

export class ManualScheduler implements Scheduler {
  readonly kind = 'manual' as const;
  private next: number | null = null;

  /** Names the thread (by index) for the next step only. */
  pick(threadIndex: number): void {
    this.next = threadIndex;
  }

  choose<S>(program: Program<S>, world: World<S>, enabled: readonly number[]): number {
    const wanted = this.next;
    this.next = null;
    if (wanted !== null && enabled.includes(wanted)) return wanted;
    return naturalChoice(program, world, enabled);
  }
}
