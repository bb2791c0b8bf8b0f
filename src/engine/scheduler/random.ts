/** Seeded uniform random scheduling: every enabled thread is equally likely at every step. */
import { nextInt, seedRng, type RngState } from '../random.ts';
import type { Program, World } from '../types.ts';
import type { Scheduler } from './scheduler.ts';

export class RandomScheduler implements Scheduler {
  readonly kind = 'random' as const;
  private readonly rng: RngState;

  constructor(readonly seed: number) {
    this.rng = seedRng(seed);
  }

  choose<S>(_program: Program<S>, _world: World<S>, enabled: readonly number[]): number {
    return enabled.length === 1
      ? (enabled[0] as number)
      : (enabled[nextInt(this.rng, enabled.length)] as number);
  }
}
