/**
 * The playback toolbar: to the start, step back, play or pause (with speed), step,
 * to the end, to the crash, and to the next step of a chosen thread, plus a slider
 * over every recorded step and the shortcut list. Every button names its shortcut
 * in `aria-keyshortcuts` and its tooltip.
 */
import { useId } from 'react';
import { useLab, useLabStore } from '../../store/context.tsx';
import { firstCrash } from '../../store/navigation.ts';
import { SPEEDS } from '../../store/viewSlice.ts';
import { actorLabel, useCursor, useRunEnded, useRunLength, useSim } from '../lab/hooks.ts';

export function Controls() {
  const store = useLabStore();
  const sim = useSim();
  const cursor = useCursor();
  const length = useRunLength();
  const ended = useRunEnded();
  const playing = useLab((s) => s.playing);
  const speed = useLab((s) => s.speed);
  const focusThread = useLab((s) => s.focusThread);
  const hasCrash = useLab((s) => (s.sim ? firstCrash(s.sim.run) !== null : false));
  const timeMs = useLab((s) => (s.sim ? s.sim.run.timeAt(Math.max(0, s.cursor - 1)) : 0));
  const sliderId = useId();
  const speedId = useId();
  const threadId = useId();
  if (!sim) return null;
  const act = store.getState();
  const atEnd = cursor >= length && ended;

  return (
    <div className="controls" role="toolbar" aria-label="Playback">
      <div className="control-row">
        <button
          type="button"
          onClick={act.toStart}
          disabled={cursor === 0}
          aria-keyshortcuts="Home"
          title="To the start (Home)"
        >
          |◀ Start
        </button>
        <button
          type="button"
          onClick={act.stepBack}
          disabled={cursor === 0}
          aria-keyshortcuts="ArrowLeft"
          title="Step back (←)"
        >
          ◀ Back
        </button>
        <button
          type="button"
          className="primary"
          onClick={() => act.setPlaying(!playing)}
          disabled={!playing && atEnd}
          aria-keyshortcuts="k"
          title="Play or pause (Space or k)"
        >
          {playing ? '⏸ Pause' : '▶ Play'}
        </button>
        <button
          type="button"
          onClick={act.stepForward}
          disabled={atEnd}
          aria-keyshortcuts="ArrowRight"
          title="Step forward (→)"
        >
          Step ▶
        </button>
        <button
          type="button"
          onClick={act.toEnd}
          disabled={atEnd}
          aria-keyshortcuts="End"
          title="To the end (End)"
        >
          End ▶|
        </button>
        <button
          type="button"
          onClick={() => act.toCrash()}
          disabled={!hasCrash}
          aria-keyshortcuts="c"
          title={hasCrash ? 'To the crash (c)' : 'This run does not crash'}
        >
          ⚠ To the crash
        </button>
        <label htmlFor={speedId} className="inline-label">
          Speed
        </label>
        <select id={speedId} value={speed} onChange={(e) => act.setSpeed(Number(e.target.value))}>
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s} steps/s
            </option>
          ))}
        </select>
      </div>
      <div className="control-row">
        <label htmlFor={threadId} className="inline-label">
          Thread
        </label>
        <select
          id={threadId}
          value={focusThread}
          onChange={(e) => act.setFocusThread(Number(e.target.value))}
        >
          {sim.program.actors.map((actor, i) => (
            <option key={actor} value={i}>
              {actorLabel(sim, actor)}
            </option>
          ))}
        </select>
        <button
          type="button"
          onClick={() => act.toNextStepOf(focusThread)}
          aria-keyshortcuts="n"
          title="To this thread's next step (n)"
        >
          To its next step
        </button>
        <label htmlFor={sliderId} className="inline-label">
          Step
        </label>
        <input
          id={sliderId}
          className="step-slider"
          type="range"
          min={0}
          max={length}
          value={cursor}
          aria-valuetext={`Step ${cursor} of ${length}`}
          onChange={(e) => act.seek(Number(e.target.value))}
        />
        <output className="step-count" htmlFor={sliderId}>
          Step {cursor} of {length}
          {ended ? '' : '+'} · {timeMs} ms
        </output>
        <button
          type="button"
          onClick={() => act.setHelpOpen(true)}
          aria-keyshortcuts="?"
          title="Keyboard shortcuts (?)"
        >
          Shortcuts (?)
        </button>
      </div>
    </div>
  );
}
