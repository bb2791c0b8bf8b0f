/** The thread that "its next step" (`n`) follows, and the button that goes there. */
import type { Simulation } from '../../scenarios/simulate.ts';
import { useLab, useLabStore } from '../../store/context.tsx';
import { actorLabel } from '../lab/hooks.ts';
import { ControlGroup } from './ControlGroup.tsx';

export function ThreadPicker({ sim }: { readonly sim: Simulation }) {
  const store = useLabStore();
  const focusThread = useLab((s) => s.focusThread);
  return (
    <ControlGroup className="thread-pick" label="Thread">
      {(id) => (
        <>
          <select
            id={id}
            value={focusThread}
            title="The thread that 'Its next step' (n) follows"
            onChange={(e) => store.getState().setFocusThread(Number(e.target.value))}
          >
            {sim.program.actors.map((actor, i) => (
              <option key={actor} value={i} title={actorLabel(sim, actor)}>
                {actor}
              </option>
            ))}
          </select>
          <button
            type="button"
            onClick={() => store.getState().toNextStepOf(focusThread)}
            aria-label="To this thread's next step"
            aria-keyshortcuts="n"
            title="To this thread's next step (n)"
          >
            Next ⤼
          </button>
        </>
      )}
    </ControlGroup>
  );
}
