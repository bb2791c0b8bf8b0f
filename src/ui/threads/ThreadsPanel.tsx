/**
 * Manual scheduling, as in Deadlock Empire: every thread with its status and the line
 * it would run next, and a button to run exactly that step now. Choosing a thread other
 * than the one the recorded history takes next forks the schedule at this step.
 */
import { naturalChoice } from '../../engine/index.ts';
import { useLabStore } from '../../store/context.tsx';
import {
  nextLineOf,
  parseEnabled,
  useCursor,
  useEnabledKey,
  useRunLength,
  useSim,
  useWorld,
} from '../lab/hooks.ts';
import { statusText, threadRole } from './threadText.ts';

export function ThreadsPanel() {
  const store = useLabStore();
  const sim = useSim();
  const world = useWorld();
  const cursor = useCursor();
  const length = useRunLength();
  const enabled = parseEnabled(useEnabledKey());
  if (!sim || !world) return null;
  const recordedNext = cursor < length ? sim.run.threadAt(cursor) : -1;
  const natural = enabled.length > 0 ? naturalChoice(sim.program, world, enabled) : -1;

  return (
    <div className="threads">
      <p className="muted">
        {enabled.length === 0
          ? 'No thread can run: the run has ended.'
          : 'Pick the thread that runs next. A different choice from the recorded one forks the schedule here.'}
      </p>
      <ul className="thread-list">
        {world.threads.map((thread, i) => {
          const line = nextLineOf(sim, world, i);
          const can = enabled.includes(i);
          const label = thread.actor;
          const description = threadRole(sim, thread.actor);
          const notes = [
            i === recordedNext ? 'next in this run' : null,
            i === natural && i !== recordedNext ? 'natural choice' : null,
          ].filter(Boolean);
          return (
            <li key={thread.actor} className={`thread-card thread-${(i % 6) + 1}`}>
              <div className="thread-head">
                <span className="thread-name">
                  <span className="thread-swatch" aria-hidden="true" /> {label}
                </span>
                <span className="thread-status">
                  {statusText(thread.status, thread.wakeAtMs, world.nowMs, can)}
                </span>
              </div>
              {description ? <p className="thread-about">{description}</p> : null}
              {line && thread.status === 'ready' ? (
                <code className="thread-line">
                  {line.listing}:{line.line} {line.text}
                </code>
              ) : null}
              <div className="thread-actions">
                <button
                  type="button"
                  disabled={!can}
                  onClick={() => store.getState().stepWith(i)}
                  aria-keyshortcuts={i < 9 ? String(i + 1) : undefined}
                >
                  Run {label}&apos;s next step{i < 9 ? ` (${i + 1})` : ''}
                </button>
                {notes.length > 0 ? <span className="muted">{notes.join(', ')}</span> : null}
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
