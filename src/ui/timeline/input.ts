/**
 * What the timeline needs from a run, gathered in one place for the timeline panel
 * and the image exports: actor lanes and labels, every step record, the crashes and
 * the broken invariants.
 */
import type { StepRecord } from '../../engine/index.ts';
import type { Simulation } from '../../scenarios/simulate.ts';
import type { TimelineInput } from '../../timeline/model.ts';

export function timelineInputOf(sim: Simulation, records: readonly StepRecord[]): TimelineInput {
  const last = sim.run.last;
  return {
    actors: sim.program.actors,
    actorLabels: Object.fromEntries(sim.def.actors.map((a) => [a.id, a.label])),
    steps: records,
    crashes: last.crashes.map((c) => ({
      type: c.type,
      message: c.message,
      actor: c.actor,
      step: c.step,
    })),
    violations: last.violations.map((v) => ({
      invariant: v.invariant,
      detail: v.detail,
      step: v.step,
    })),
  };
}
