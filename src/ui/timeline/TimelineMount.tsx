/**
 * The timeline for the lab's current run: builds the timeline model from the step
 * records (rebuilt only when the run changes), wires the cursor both ways, and draws
 * over it the collision the "Why" callout explains (an arrow from the earlier of its
 * two steps to the later, labelled) and the notes pinned to steps. This module and
 * the timeline it imports are loaded lazily by TimelinePanel.
 */
import { useMemo } from 'react';
import type { Collision } from '../../analysis/collision.ts';
import { recordOfStep } from '../../analysis/steps.ts';
import { Timeline } from '../../timeline/Timeline.tsx';
import type { CollisionArrow, TimelineMarks } from '../../timeline/marks.ts';
import { buildTimelineModel } from '../../timeline/model.ts';
import { selectCollision } from '../../store/collision.ts';
import { useLab, useLabStore } from '../../store/context.tsx';
import { useCursor, useRecords, useSim } from '../lab/hooks.ts';
import { timelineInputOf } from './input.ts';

export interface TimelineMountProps {
  /** Maximum height of the lanes (they scroll inside); default 420. */
  readonly height?: number;
}

export default function TimelineMount({ height = 420 }: TimelineMountProps) {
  const sim = useSim();
  const cursor = useCursor();
  const records = useRecords();
  const collision = useLab(selectCollision);
  const notes = useLab((s) => s.notes);
  const store = useLabStore();
  const model = useMemo(
    () => (sim ? buildTimelineModel(timelineInputOf(sim, records)) : null),
    [sim, records],
  );
  const arrow = useMemo(() => arrowOf(collision), [collision]);
  const marks = useMemo<TimelineMarks>(() => ({ collision: arrow, notes }), [arrow, notes]);
  if (!sim || !model) return null;
  return (
    <Timeline
      model={model}
      cursor={Math.min(cursor, model.steps.count)}
      onSeek={(step) => store.getState().seek(step)}
      height={height}
      xMode="step"
      label={`Timeline of ${sim.def.title} (${sim.variant})`}
      fileName={`${sim.def.id}-${sim.variant}`}
      marks={marks}
    />
  );
}

/** The collision as an arrow between record indexes, from the earlier step to the later. */
export function arrowOf(c: Collision | null): CollisionArrow | null {
  if (!c) return null;
  const [first, second] =
    c.culprit.step <= c.victim.step ? [c.culprit, c.victim] : [c.victim, c.culprit];
  return {
    fromStep: recordOfStep(first.step),
    fromActor: first.actor,
    toStep: recordOfStep(second.step),
    toActor: second.actor,
    label: c.arrowLabel,
  };
}
