/**
 * How the run ends: the Python traceback of each crash and every broken invariant,
 * each with the step where it happened and a button that jumps there. Entries the
 * cursor has not reached yet are listed too, marked as still ahead.
 */
import { useLab, useLabStore } from '../../store/context.tsx';
import { crashCursor, violationCursor } from '../../store/navigation.ts';
import { useCursor, useRunEnded, useSim } from '../lab/hooks.ts';
import { formatTraceback } from './traceback.ts';

export function OutcomePanel() {
  const sim = useSim();
  const cursor = useCursor();
  const ended = useRunEnded();
  // The run changes in place; its revision tells this panel to read it again.
  useLab((s) => s.revision);
  const store = useLabStore();
  if (!sim) return null;
  const { crashes, violations } = sim.run.last;
  const ahead = (at: number) => (at > cursor ? ' (ahead of the current step)' : '');

  return (
    <div className="outcome">
      {crashes.length === 0 ? (
        <p>
          {ended ? 'This run ends without a crash.' : 'No crash so far in this run.'}{' '}
          <span className="muted">
            To look for one, pick threads by hand in the Threads panel or let the Explorer try every
            schedule.
          </span>
        </p>
      ) : (
        crashes.map((crash) => {
          const at = crashCursor(crash);
          return (
            <div key={`${crash.actor}-${crash.step}`} className="crash">
              <p>
                <strong>
                  {crash.type} in thread {crash.actor}
                </strong>{' '}
                at step {at}, {crash.timeMs} ms{ahead(at)}.{' '}
                <button type="button" onClick={() => store.getState().seek(at)}>
                  Jump to step {at}
                </button>
              </p>
              <pre className="traceback" tabIndex={0} aria-label={`Traceback of the ${crash.type}`}>
                {formatTraceback(crash, sim.program.listings)}
              </pre>
            </div>
          );
        })
      )}
      <h3>Invariants</h3>
      {violations.length === 0 ? (
        <p>
          {ended ? 'Every invariant held for the whole run.' : 'Every invariant has held so far.'}
        </p>
      ) : (
        <ul className="violations">
          {violations.map((v) => {
            const at = violationCursor(v);
            return (
              <li key={v.invariant}>
                <code>{v.invariant}</code> broke at step {at}, {v.timeMs} ms{ahead(at)}: {v.detail}{' '}
                <button
                  type="button"
                  onClick={() => store.getState().seek(at)}
                  aria-label={`Jump to step ${at}, where ${v.invariant} broke`}
                >
                  Jump to step {at}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
