/**
 * Replay: follows a recorded list of choices. `deviations` maps a choice point
 * (a step where more than one thread could run, counted from 0) to the thread
 * chosen there; every other choice point takes the natural choice. This is
 * exactly what a schedule string carries.
 */
import type { Program, World } from '../types.ts';
import { naturalChoice } from './natural.ts';
import type { Scheduler } from './scheduler.ts';

export class ReplayScheduler implements Scheduler {
  readonly kind = 'replay' as const;
  private choicePoint = 0;
  /** Choice points where the recorded thread could not run (a different variant, say). */
  readonly divergences: number[] = [];

  constructor(private readonly deviations: ReadonlyMap<number, number>) {}

  choose<S>(program: Program<S>, world: World<S>, enabled: readonly number[]): number {
    if (enabled.length === 1) return enabled[0] as number;
    const point = this.choicePoint++;
    const wanted = this.deviations.get(point);
    if (wanted !== undefined) {
      if (enabled.includes(wanted)) return wanted;
      this.divergences.push(point);
    }
    return naturalChoice(program, world, enabled);
  }
}

/**
 * Replays a run thread by thread (one entry per step, not per choice point).
 * Used to put the same interleaving on another variant: where the recorded
 * thread cannot step there, the natural choice is taken and the step noted.
 */
export class LockstepScheduler implements Scheduler {
  readonly kind = 'replay' as const;
  readonly divergences: number[] = [];

  constructor(private readonly threadPerStep: ArrayLike<number>) {}

  choose<S>(program: Program<S>, world: World<S>, enabled: readonly number[]): number {
    const wanted =
      world.step < this.threadPerStep.length ? this.threadPerStep[world.step] : undefined;
    if (wanted !== undefined && enabled.includes(wanted)) return wanted;
    if (wanted !== undefined) this.divergences.push(world.step);
    return naturalChoice(program, world, enabled);
  }
}
