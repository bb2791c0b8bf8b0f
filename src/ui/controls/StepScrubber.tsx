/**
 * The scrubber over every recorded step, with the step count and the virtual time of
 * the step that led here; a `+` says the run goes on past what is recorded.
 */
import { useLab, useLabStore } from '../../store/context.tsx';
import { useCursor, useRunEnded, useRunLength } from '../lab/hooks.ts';
import { ControlGroup } from './ControlGroup.tsx';

export function StepScrubber() {
  const store = useLabStore();
  const cursor = useCursor();
  const length = useRunLength();
  const ended = useRunEnded();
  const timeMs = useLab((s) => (s.sim ? s.sim.run.timeAt(Math.max(0, s.cursor - 1)) : 0));
  return (
    <ControlGroup className="scrub" label="Step">
      {(id) => (
        <>
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
        </>
      )}
    </ControlGroup>
  );
}
