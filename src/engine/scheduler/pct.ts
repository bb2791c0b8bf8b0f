/**
 * PCT, probabilistic concurrency testing (Burckhardt et al., ASPLOS 2010): each
 * thread gets a random distinct priority and the highest-priority enabled
 * thread runs; at d - 1 random steps within the expected run length the
 * running thread drops to a priority below every initial one. A bug of depth d
 * is found with probability at least 1 / (n * k^(d-1)) per run.
 */
import { nextInt, seedRng, type RngState } from '../random.ts';
import type { Program, World } from '../types.ts';
import type { Scheduler } from './scheduler.ts';

export class PctScheduler implements Scheduler {
  readonly kind = 'pct' as const;
  private readonly rng: RngState;
  private priorities: number[] | null = null;
  private readonly changePoints: number[];

  constructor(
    readonly seed: number,
    readonly depth: number,
    readonly expectedSteps: number,
  ) {
    this.rng = seedRng(seed);
    this.changePoints = [];
    for (let i = 1; i < depth; i++)
      this.changePoints.push(1 + nextInt(this.rng, Math.max(1, expectedSteps)));
  }

  choose<S>(_program: Program<S>, world: World<S>, enabled: readonly number[]): number {
    const priorities = this.priorities ?? this.initialPriorities(world.threads.length);
    let best = enabled[0] as number;
    for (const i of enabled) if ((priorities[i] ?? 0) > (priorities[best] ?? 0)) best = i;
    const change = this.changePoints.indexOf(world.step);
    if (change >= 0) priorities[best] = -1 - change;
    return best;
  }

  private initialPriorities(n: number): number[] {
    const order = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = nextInt(this.rng, i + 1);
      [order[i], order[j]] = [order[j] as number, order[i] as number];
    }
    // Higher number = higher priority; all initial priorities are >= d.
    this.priorities = order.map((rank) => this.depth + rank);
    return this.priorities;
  }
}
