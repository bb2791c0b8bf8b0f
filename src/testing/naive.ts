/**
 * The test oracle: plain enumeration of every schedule within a preemption
 * bound, no memo, no reduction. Exponential, so only for small programs; the
 * explorer must agree with it exactly.
 */
import {
  clonePlain,
  enabledThreads,
  endWorld,
  naturalChoice,
  outcomeKeys,
  stepWorld,
  type SwitchMode,
  type Program,
  type World,
} from '../engine/index.ts';
import { occurrenceStep } from '../explorer/outcomes.ts';

export interface NaiveResult {
  schedules: number;
  crashing: number;
  violating: number;
  byOutcome: Record<string, number>;
  minimal: Record<string, { preemptions: number; steps: number }>;
}

export function naiveEnumerate<S>(
  program: Program<S>,
  gil: SwitchMode,
  bound: number,
): NaiveResult {
  const options = { gil, recording: false };
  const out: NaiveResult = { schedules: 0, crashing: 0, violating: 0, byOutcome: {}, minimal: {} };
  const visit = (world: World<S>, budget: number, used: number): void => {
    const enabled = enabledThreads(program, world);
    if (world.ended || enabled.length === 0) {
      endWorld(program, world, options);
      out.schedules++;
      if (world.crashes.length) out.crashing++;
      if (world.violations.length) out.violating++;
      for (const key of outcomeKeys(world as World<unknown>)) {
        out.byOutcome[key] = (out.byOutcome[key] ?? 0) + 1;
        const steps = occurrenceStep(world as World<unknown>, key) ?? world.step;
        const best = out.minimal[key];
        if (!best || used < best.preemptions || (used === best.preemptions && steps < best.steps)) {
          out.minimal[key] = { preemptions: used, steps };
        }
      }
      return;
    }
    const natural =
      enabled.length > 1 ? naturalChoice(program, world, enabled) : (enabled[0] as number);
    for (const t of enabled) {
      const cost = t === natural ? 0 : 1;
      if (cost > budget) continue;
      const child = clonePlain(world);
      stepWorld(program, child, t, options);
      visit(child, budget - cost, used + cost);
    }
  };
  visit(program.init(), bound, 0);
  return out;
}
