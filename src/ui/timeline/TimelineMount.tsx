/**
 * The timeline for the lab's current run: builds the timeline model from the step
 * records (rebuilt only when the run changes) and wires the cursor both ways. This
 * module and the timeline it imports are loaded lazily by TimelinePanel.
 */
import { useMemo } from 'react';
import { Timeline } from '../../timeline/Timeline.tsx';
import { buildTimelineModel } from '../../timeline/model.ts';
import { allRecords } from '../../store/derived.ts';
import { useLab, useLabStore } from '../../store/context.tsx';
import { useCursor, useSim } from '../lab/hooks.ts';
import { timelineInputOf } from './input.ts';

export default function TimelineMount() {
  const sim = useSim();
  const cursor = useCursor();
  const records = useLab((s) => allRecords(s.sim?.run ?? null, s.epoch));
  const store = useLabStore();
  const model = useMemo(
    () => (sim ? buildTimelineModel(timelineInputOf(sim, records)) : null),
    [sim, records],
  );
  if (!sim || !model) return null;
  return (
    <Timeline
      model={model}
      cursor={Math.min(cursor, model.steps.count)}
      onSeek={(step) => store.getState().seek(step)}
      height={420}
      xMode="step"
      label={`Timeline of ${sim.def.title} (${sim.variant})`}
      fileName={`${sim.def.id}-${sim.variant}`}
    />
  );
}
