/**
 * The timeline for presenter mode: the lab's timeline component over the run so far
 * (up to the chapter's moment, so the room is not shown the ending before it gets
 * there), shorter than the lab's so the chapter fits a projector. Loaded lazily, as
 * the lab's is.
 */
import { useMemo } from 'react';
import { Timeline } from '../../timeline/Timeline.tsx';
import { buildTimelineModel } from '../../timeline/model.ts';
import { allRecords } from '../../store/derived.ts';
import { useLab, useLabStore } from '../../store/context.tsx';
import { useCursor, useSim } from '../lab/hooks.ts';
import { timelineInputOf } from '../timeline/input.ts';

export default function PresenterTimeline() {
  const sim = useSim();
  const cursor = useCursor();
  const records = useLab((s) => allRecords(s.sim?.run ?? null, s.epoch));
  const store = useLabStore();
  const model = useMemo(() => {
    if (!sim) return null;
    const input = timelineInputOf(sim, records.slice(0, cursor));
    return buildTimelineModel({
      ...input,
      crashes: (input.crashes ?? []).filter((c) => c.step < cursor),
      violations: (input.violations ?? []).filter((v) => v.step <= cursor),
    });
  }, [sim, records, cursor]);
  if (!sim || !model) return null;
  return (
    <Timeline
      model={model}
      cursor={Math.min(cursor, model.steps.count)}
      onSeek={(step) => store.getState().seek(step)}
      height={220}
      xMode="step"
      label={`Timeline of ${sim.def.title} (${sim.variant})`}
      fileName={`${sim.def.id}-${sim.variant}`}
    />
  );
}
