/**
 * What the standalone replay file carries: the run as data the viewer can step
 * through without the engine (each step's thread, listing line, time and
 * narration; the listings; the timeline picture with where each step boundary
 * sits on it; the collision, the notes, the traceback and the broken
 * invariants). Pure; built from the same facts as the postmortem.
 */
import { describeSide, type Collision } from '../../analysis/collision.ts';
import { crashStep, violationStep } from '../../analysis/steps.ts';
import { resolveAt } from '../../engine/index.ts';
import { VARIANT_LABELS } from '../../scenarios/index.ts';
import { storyClockOf, storyTime } from '../../tours/time.ts';
import { renderSlide } from '../export/slide.ts';
import { formatTraceback } from '../outcome/traceback.ts';
import { timelineModelOf, type RunFacts } from '../postmortem/input.ts';

export interface ReplayStep {
  readonly actor: string;
  /** Listing id and 1-based line, or null when the step's line is unknown. */
  readonly listing: string | null;
  readonly line: number | null;
  readonly time: string;
  readonly text: string;
}

export interface ReplaySide {
  readonly role: string;
  readonly actor: string;
  readonly step: number;
  readonly words: string;
}

export interface ReplayData {
  readonly title: string;
  readonly subtitle: string;
  readonly link: string;
  readonly threads: readonly { readonly id: string; readonly label: string }[];
  readonly listings: Readonly<
    Record<string, { readonly title: string; readonly lines: readonly string[] }>
  >;
  readonly steps: readonly ReplayStep[];
  readonly timeline: {
    readonly svg: string;
    readonly left: number;
    readonly top: number;
    readonly bottom: number;
    readonly perStep: number;
  };
  readonly collision: { readonly summary: string; readonly sides: readonly ReplaySide[] } | null;
  readonly notes: readonly { readonly step: number; readonly text: string }[];
  readonly traceback: { readonly step: number; readonly text: string } | null;
  readonly violations: readonly { readonly step: number; readonly text: string }[];
}

export function replayData(facts: RunFacts): ReplayData {
  const { sim } = facts;
  const listings = sim.program.listings;
  const slide = renderSlide({
    model: timelineModelOf(facts),
    width: 1600,
    height: 640,
    fontPx: 18,
    title: null,
    cursor: null,
    notes: facts.notes,
    collision: facts.collision,
  });
  const crash = sim.run.last.crashes[0] ?? null;
  return {
    title: `${sim.def.title}: ${VARIANT_LABELS[sim.variant]}`,
    subtitle: `${sim.def.id}, variant ${sim.variant}, ${sim.gil} thread switching, schedule ${facts.schedule}`,
    link: facts.link,
    threads: sim.program.actors.map((id) => ({
      id,
      label: sim.def.actors.find((a) => a.id === id)?.label ?? id,
    })),
    listings: Object.fromEntries(
      Object.entries(listings).map(([id, l]) => [id, { title: l.title, lines: l.lines }]),
    ),
    steps: replaySteps(facts),
    timeline: { svg: slide.svg, ...slide.plot },
    collision: facts.collision ? replayCollision(facts.collision) : null,
    notes: facts.notes.map((n) => ({ step: n.step, text: n.text })),
    traceback: crash ? { step: crashStep(crash), text: formatTraceback(crash, listings) } : null,
    violations: sim.run.last.violations.map((v) => ({
      step: violationStep(v),
      text: `${v.invariant}: ${v.detail}`,
    })),
  };
}

/** Each step's thread, listing and line (null where unknown), story time and narration. */
function replaySteps({ sim, records }: RunFacts): ReplayStep[] {
  const clock = storyClockOf(sim.def, sim.params);
  const listings = sim.program.listings;
  return records.map((r) => {
    let where: { listing: string; line: number } | null = null;
    try {
      const line = resolveAt(listings, r.at);
      where = { listing: line.listing, line: line.line };
    } catch {
      where = null;
    }
    return {
      actor: r.actor,
      listing: where?.listing ?? null,
      line: where?.line ?? null,
      time: storyTime(clock, r.timeMs),
      text: r.narration,
    };
  });
}

/** The collision's summary and its two sides, culprit first. */
function replayCollision(c: Collision): NonNullable<ReplayData['collision']> {
  return {
    summary: c.summary,
    sides: [
      {
        role: c.roles.culprit,
        actor: c.culprit.actor,
        step: c.culprit.step,
        words: describeSide(c.culprit),
      },
      {
        role: c.roles.victim,
        actor: c.victim.actor,
        step: c.victim.step,
        words: describeSide(c.victim),
      },
    ],
  };
}
