/**
 * The scrubber over every recorded step, with the step count and the virtual time of
 * the step that led here; a `+` says the run goes on past what is recorded.
 */
import { useId } from 'react';
import { useLab, useLabStore } from '../../store/context.tsx';
import { HiddenLabel } from '../common/HiddenLabel.tsx';
import { useCursor, useRunEnded, useRunLength } from '../lab/hooks.ts';

export function StepScrubber() {
  const store = useLabStore();
  const cursor = useCursor();
  const length = useRunLength();
  const ended = useRunEnded();
  const timeMs = useLab((s) => (s.sim ? s.sim.run.timeAt(Math.max(0, s.cursor - 1)) : 0));
  const id = useId();
  return (
    <div className="control-group scrub">
      <HiddenLabel htmlFor={id}>Step</HiddenLabel>
      <input
        id={id}
        className="step-slider"
        type="range"
        min={0}
        max={length}
        value={cursor}
        aria-valuetext={`Step ${cursor} of ${length}`}
        onChange={(e) => store.getState().seek(Number(e.target.value))}
      />
      <output className="step-count" htmlFor={id}>
        Step {cursor} of {length}
        {ended ? '' : '+'} <span className="step-time">· {timeMs} ms</span>
      </output>
    </div>
  );
}
