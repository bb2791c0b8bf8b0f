/**
 * The lab's toolbar, one row on a wide screen: to the start, back, play or pause,
 * step, to the end, the speed, a scrubber over every recorded step with the step count,
 * the thread picker with "its next step", then "Show me the crash", Share, Export and
 * the shortcut list. Every button names its shortcut in `aria-keyshortcuts` and its
 * tooltip. On a phone the same toolbar sticks to the top of the screen.
 */
import { useId } from 'react';
import { useLab, useLabStore } from '../../store/context.tsx';
import { SPEEDS } from '../../store/viewSlice.ts';
import { actorLabel, useCursor, useRunEnded, useRunLength, useSim } from '../lab/hooks.ts';
import { CrashSlot, ExportSlot } from './slots.tsx';
import { ShareButton } from '../share/ShareButton.tsx';

export function Controls() {
  const store = useLabStore();
  const sim = useSim();
  const cursor = useCursor();
  const length = useRunLength();
  const ended = useRunEnded();
  const playing = useLab((s) => s.playing);
  const speed = useLab((s) => s.speed);
  const focusThread = useLab((s) => s.focusThread);
  const timeMs = useLab((s) => (s.sim ? s.sim.run.timeAt(Math.max(0, s.cursor - 1)) : 0));
  const sliderId = useId();
  const speedId = useId();
  const threadId = useId();
  if (!sim) return null;
  const act = store.getState();
  const atEnd = cursor >= length && ended;

  return (
    <div className="controls" role="toolbar" aria-label="Playback">
      <div className="control-group transport">
        <button
          type="button"
          className="icon"
          onClick={act.toStart}
          disabled={cursor === 0}
          aria-label="To the start"
          aria-keyshortcuts="Home"
          title="To the start (Home)"
        >
          |◀
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
          className="icon"
          onClick={act.toEnd}
          disabled={atEnd}
          aria-label="To the end"
          aria-keyshortcuts="End"
          title="To the end (End)"
        >
          ▶|
        </button>
      </div>
      <div className="control-group speed-group">
        <label htmlFor={speedId} className="visually-hidden">
          Speed
        </label>
        <select
          id={speedId}
          className="speed"
          value={speed}
          title="Playback speed in steps per second ([ and ])"
          onChange={(e) => act.setSpeed(Number(e.target.value))}
        >
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}/s
            </option>
          ))}
        </select>
      </div>
      <div className="control-group scrub">
        <label htmlFor={sliderId} className="visually-hidden">
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
          {ended ? '' : '+'} <span className="step-time">· {timeMs} ms</span>
        </output>
      </div>
      <div className="control-group thread-pick">
        <label htmlFor={threadId} className="visually-hidden">
          Thread
        </label>
        <select
          id={threadId}
          value={focusThread}
          title="The thread that 'Its next step' (n) follows"
          onChange={(e) => act.setFocusThread(Number(e.target.value))}
        >
          {sim.program.actors.map((actor, i) => (
            <option key={actor} value={i} title={actorLabel(sim, actor)}>
              {actor}
            </option>
          ))}
        </select>
        <button
          type="button"
          onClick={() => act.toNextStepOf(focusThread)}
          aria-label="To this thread's next step"
          aria-keyshortcuts="n"
          title="To this thread's next step (n)"
        >
          Next ⤼
        </button>
      </div>
      <div className="control-group actions">
        <CrashSlot />
        <ShareButton />
        <span className="export-slot">
          <ExportSlot />
        </span>
        <button
          type="button"
          className="icon help-button"
          onClick={() => act.setHelpOpen(true)}
          aria-label="Keyboard shortcuts"
          aria-keyshortcuts="?"
          title="Keyboard shortcuts (?)"
        >
          ?
        </button>
      </div>
    </div>
  );
}
