/**
 * Natural scheduling: run the world as time would run it. The thread whose
 * step starts earliest goes first; on a tie an outside event goes first (it
 * happens at its time), then the thread that ran last (a Python thread keeps
 * the GIL until it blocks or is asked to drop it), then actor order.
 */
import { isOutside, naturalRank, startTimeOf } from '../kernel.ts';
import type { Program, World } from '../types.ts';
import type { Scheduler } from './scheduler.ts';

export function naturalChoice<S>(
  program: Program<S>,
  world: World<S>,
  enabled: readonly number[],
): number {
  let best = enabled[0] as number;
  let bestRank = rank(program, world, best);
  for (let k = 1; k < enabled.length; k++) {
    const i = enabled[k] as number;
    const r = rank(program, world, i);
    if (r < bestRank) {
      best = i;
      bestRank = r;
    }
  }
  return best;
}

function rank<S>(program: Program<S>, world: World<S>, i: number): number {
  return naturalRank(
    startTimeOf(world, i),
    isOutside(program, world, i),
    i === world.lastThread,
    i,
  );
}

export const naturalScheduler: Scheduler = {
  kind: 'natural',
  choose: naturalChoice,
};
