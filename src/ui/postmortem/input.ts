/**
 * Everything an export says about a run, gathered from the simulation the same
 * way for the lab's Export menu and for the headless command, so both produce
 * the same document: the step records, the collision (src/analysis), the link
 * that reopens the run at its last step with its notes, the schedule, the
 * timeline picture and the story clock.
 */
import { collisionOfSimulation, type Collision } from '../../analysis/collision.ts';
import { encodeSchedule, type StepRecord } from '../../engine/index.ts';
import { absoluteLink } from '../../routes/link.ts';
import { defaultParams, VARIANT_LABELS, type Params } from '../../scenarios/index.ts';
import type { Simulation } from '../../scenarios/simulate.ts';
import type { VariantCounts } from '../../store/explorerSlice.ts';
import { buildTimelineModel, type TimelineModel } from '../../timeline/model.ts';
import { storyClockOf } from '../../tours/time.ts';
import { renderSlide } from '../export/slide.ts';
import { hashWithNotes, type PinnedNote } from '../../routes/notes.ts';
import { timelineInputOf } from '../timeline/input.ts';
import type { PostmortemInput } from './postmortem.ts';

export interface RunFacts {
  readonly sim: Simulation;
  readonly records: readonly StepRecord[];
  readonly schedule: string;
  readonly collision: Collision | null;
  readonly notes: readonly PinnedNote[];
  /** Opens the run in the lab at its last step, with its notes. */
  readonly link: string;
  readonly title: string;
}

/** The run's facts; `siteUrl` is where the app is served (the page's own address in the browser). */
export function runFacts(sim: Simulation, notes: readonly PinnedNote[], siteUrl: string): RunFacts {
  const run = sim.run;
  const records = run.records(0, run.length);
  const schedule = encodeSchedule(run.schedule(sim.def.version, sim.tag));
  const link = hashWithNotes(
    absoluteLink(siteUrl, {
      scenario: sim.def.id,
      variant: sim.variant,
      gil: sim.gil,
      params: sim.params,
      schedule,
      step: run.length,
    }),
    notes,
  );
  return {
    sim,
    records,
    schedule,
    collision: collisionOfSimulation(sim),
    notes,
    link,
    title: `${sim.def.title}: ${VARIANT_LABELS[sim.variant]}`,
  };
}

export function timelineModelOf(facts: RunFacts): TimelineModel {
  return buildTimelineModel(timelineInputOf(facts.sim, facts.records));
}

/** The whole run as a slide, for the postmortem's picture. */
export function runSlideSvg(facts: RunFacts, model = timelineModelOf(facts)): string {
  const { sim } = facts;
  return renderSlide({
    model,
    title: facts.title,
    subtitle: `${sim.def.id}, ${sim.gil} thread switching, all ${facts.records.length} steps`,
    cursor: facts.records.length,
    notes: facts.notes,
    collision: facts.collision,
  }).svg;
}

export function changedParams(sim: Simulation): Params {
  const defaults = defaultParams(sim.def);
  return Object.fromEntries(Object.entries(sim.params).filter(([k, v]) => defaults[k] !== v));
}

export function postmortemInputOf(
  facts: RunFacts,
  explorer: readonly VariantCounts[] | null,
): PostmortemInput {
  const { sim } = facts;
  const last = sim.run.last;
  return {
    def: sim.def,
    variant: sim.variant,
    gil: sim.gil,
    params: sim.params,
    changedParams: changedParams(sim),
    schedule: facts.schedule,
    link: facts.link,
    records: facts.records,
    crash: last.crashes[0] ?? null,
    violations: last.violations,
    listings: sim.program.listings,
    fatalActors: sim.program.fatalActors,
    clock: storyClockOf(sim.def, sim.params),
    collision: facts.collision,
    notes: facts.notes,
    explorer,
    timelineSvg: runSlideSvg(facts),
  };
}
